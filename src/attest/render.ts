/**
 * A verified attestation as a document for people: Markdown, HTML or PDF.
 * It is built only from a `Verified` result (the signature, designer key,
 * part and recomputation all held). The trace, warnings and notes shown are
 * the ones verify recomputed from the signed inputs; anything the designer
 * signed that was not recomputed appears only under a heading that says so.
 * Every string from the envelope is escaped for the target format
 * (src/render/escape.ts), and the verify command is shell-quoted.
 */
import type { Classification } from "../classify/result.js";
import { canonicalJson } from "./canonical-json.js";
import { escapeMarkdown, markdownFence, shellQuote } from "../render/escape.js";
import { headline } from "../render/explain.js";
import { TOOL_VERSION } from "../version.js";
import { type PdfLine, textPdf } from "./pdf.js";
import type { Verified } from "./verify.js";

export type RenderFormat = "md" | "html" | "pdf";
export const RENDER_FORMATS: readonly RenderFormat[] = ["md", "html", "pdf"];

type Block =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "fields"; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: "table"; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: "command"; readonly text: string };

/** How the attestation can be checked again: the file names as the fab gave them. */
export interface VerifyHow {
  readonly envelopeFile: string;
  readonly trustFile: string;
}

/** `units[0].rates[1].tops = 989.4` rows of the inputs as signed. */
function flatten(value: unknown, path = ""): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => flatten(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key));
  }
  return [[path, typeof value === "string" ? value : JSON.stringify(value)]];
}

function formula(kind: Classification["kind"]): string[] {
  switch (kind) {
    case "ic":
      return [
        "TPP = 2 × MacTOPS × bit length of the operation, for the highest-TPP operation of each processing " +
          "unit, summed over the units (a datasheet's TOPS or TFLOPS is 2 × MacTOPS, so TPP = TOPS × bit length).",
        "Performance density (PD) = TPP ÷ applicable die area in mm².",
      ];
    case "hbm":
      return ["Memory bandwidth density = memory bandwidth in GB/s ÷ package or stack area in mm²."];
  }
}

function document(verified: Verified, how: VerifyHow): { title: string; blocks: Block[] } {
  const { predicate, recomputed } = verified;
  const results = predicate.results;
  const clauseStep = results.trace.find((step) => step.step === results.clause);
  const title = `Datasheet attestation: ${verified.part}`;
  const bound = verified.statement.subject.slice(1);
  const blocks: Block[] = [
    { kind: "title", text: title },
    {
      kind: "paragraph",
      text:
        `${verified.designer} attests the figures below for ${verified.part}. ic3a090 ${TOOL_VERSION} verified ` +
        `the signature against the key pinned for ${verified.designer} in ${how.trustFile}, and recomputed the ` +
        "classification from the signed figures under the signed rules date: it gives the signed result. This " +
        "states what the rule says on these figures; it is not legal advice.",
    },
    { kind: "heading", text: "Result" },
    {
      kind: "fields",
      rows: [
        ["Classification", headline(recomputed)],
        ["Controlling paragraph", results.clause],
        [
          "Citation",
          clauseStep?.citation ??
            "none of 3A090.a.1 to 3A090.c holds; each paragraph tested is cited in the trace below",
        ],
        [
          "Not specified in 3A090.a",
          results.notSpecifiedIn3A090a ? "yes (what route a of Note 1 to 3A090.a needs)" : "no",
        ],
        ...(results.tpp === null ? [] : [["TPP (exact)", results.tpp] as const]),
        ...(results.performanceDensityExact === null
          ? []
          : [["PD (exact)", `${results.performanceDensityExact} TPP/mm²`] as const]),
        ...(results.performanceDensity === null
          ? []
          : [["PD (display, truncated to 6 decimals, never rounded up)", results.performanceDensity] as const]),
        ...(results.applicableDieAreaMm2 === null
          ? []
          : [["Applicable die area", `${results.applicableDieAreaMm2} mm²`] as const]),
        ...(results.memoryBandwidthDensityExact === undefined
          ? []
          : [
              [
                "Memory bandwidth density",
                `${results.memoryBandwidthDensityExact} ≈ ${results.memoryBandwidthDensity} GB/s/mm²`,
              ] as const,
            ]),
      ],
    },
    { kind: "heading", text: "Formula" },
    ...formula(results.kind).map((text): Block => ({ kind: "paragraph", text })),
    { kind: "heading", text: "Inputs (as signed)" },
    { kind: "table", headers: ["Field", "Value"], rows: flatten(predicate.inputs) },
    { kind: "heading", text: "Trace (recomputed by verify)" },
    {
      kind: "table",
      headers: ["Step", "Result", "Statement", "Citation"],
      rows: recomputed.trace.map((s) => [s.step, s.result, s.statement, s.citation]),
    },
    ...(recomputed.warnings.length + recomputed.notes.length > 0
      ? [
          { kind: "heading", text: "Warnings and notes (recomputed by verify)" } as const,
          ...[...recomputed.warnings, ...recomputed.notes].map((text): Block => ({ kind: "paragraph", text })),
        ]
      : []),
    ...signedNotRecomputed(verified),
    { kind: "heading", text: "Signature" },
    {
      kind: "fields",
      rows: [
        ["Designer", verified.designer],
        ["Issued at", predicate.issuedAt],
        ["Key fingerprint (sha256 of SPKI)", verified.keyid],
        ["Payload digest (sha256)", verified.payloadSha256],
        ["Rules date", predicate.rules.date],
        ["Rules data sha256", predicate.rules.dataSha256],
        ["Rules data verified through", predicate.rules.verifiedThrough],
        ["Issued with", `${predicate.tool.name} ${predicate.tool.version}`],
        ...bound.map((s) => [`Bound file ${s.name}`, `sha256 ${s.digest.sha256}`] as const),
        ...verified.notes.map((note) => ["Note", note] as const),
      ],
    },
    { kind: "heading", text: "Verify it yourself" },
    {
      kind: "command",
      text: [
        "ic3a090",
        "verify",
        how.envelopeFile,
        "--trust",
        how.trustFile,
        ...bound.flatMap((s) => ["--bind", s.name]),
      ]
        .map(shellQuote)
        .join(" "),
    },
  ];
  return { title, blocks };
}

/**
 * Signed trace steps, warnings and notes that verify did not recompute (a
 * statement signed with another tool version, whose wording is not compared):
 * shown apart, under a heading that says so, never as the trace.
 */
function signedNotRecomputed(verified: Verified): Block[] {
  const { results } = verified.predicate;
  const recomputedSteps = new Set(verified.recomputed.trace.map((step) => canonicalJson(step)));
  const recomputedTexts = new Set([...verified.recomputed.warnings, ...verified.recomputed.notes]);
  const steps = results.trace.filter((step) => !recomputedSteps.has(canonicalJson(step)));
  const texts = [...results.warnings, ...results.notes].filter((text) => !recomputedTexts.has(text));
  if (steps.length + texts.length === 0) return [];
  return [
    { kind: "heading", text: "Signed by the designer, not recomputed by verify" },
    {
      kind: "paragraph",
      text:
        "The designer signed the following, but verify did not recompute it; it is shown as signed, for " +
        "reference only.",
    },
    ...(steps.length > 0
      ? [
          {
            kind: "table",
            headers: ["Step", "Result", "Statement", "Citation"],
            rows: steps.map((s) => [s.step, s.result, s.statement, s.citation]),
          } as const,
        ]
      : []),
    ...texts.map((text): Block => ({ kind: "paragraph", text })),
  ];
}

function markdown(blocks: readonly Block[]): string {
  const md = escapeMarkdown;
  return `${blocks
    .map((block) => {
      switch (block.kind) {
        case "title":
          return `# ${md(block.text)}`;
        case "heading":
          return `## ${md(block.text)}`;
        case "paragraph":
          return md(block.text);
        case "fields":
          return block.rows.map(([label, value]) => `- **${md(label)}:** ${md(value)}`).join("\n");
        case "table":
          return [
            `| ${block.headers.map(md).join(" | ")} |`,
            `|${block.headers.map(() => "---").join("|")}|`,
            ...block.rows.map((row) => `| ${row.map(md).join(" | ")} |`),
          ].join("\n");
        case "command": {
          const fence = markdownFence(block.text);
          return `${fence}sh\n${block.text}\n${fence}`;
        }
      }
    })
    .join("\n\n")}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function html(title: string, blocks: readonly Block[]): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case "title":
          return `<h1>${escapeHtml(block.text)}</h1>`;
        case "heading":
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case "paragraph":
          return `<p>${escapeHtml(block.text)}</p>`;
        case "fields": {
          const rows = block.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
          return `<dl>${rows.join("")}</dl>`;
        }
        case "table": {
          const headers = block.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
          const rows = block.rows.map(
            (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`,
          );
          return `<table><thead><tr>${headers}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
        }
        case "command":
          return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
      }
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head><body>
${body}
</body></html>
`;
}

function pdfLines(blocks: readonly Block[]): PdfLine[] {
  return blocks.flatMap((block): PdfLine[] => {
    switch (block.kind) {
      case "title":
        return [{ text: block.text, font: "bold", size: 16 }];
      case "heading":
        return [{ text: block.text, font: "bold", size: 12, spaceBefore: 10 }];
      case "paragraph":
        return [{ text: block.text, font: "regular", size: 9.5, spaceBefore: 3 }];
      case "fields":
        return block.rows.map(([label, value]) => ({ text: `${label}: ${value}`, font: "regular", size: 9.5 }));
      case "table":
        return block.rows.map((row) => ({
          text: row.length === 2 ? `${row[0]} = ${row[1]}` : `${row[0]} (${row[1]}): ${row[2]}. [${row[3]}]`,
          font: "regular",
          size: row.length === 2 ? 9 : 8.5,
          spaceBefore: row.length === 2 ? 0 : 3,
        }));
      case "command":
        return [{ text: block.text, font: "mono", size: 8.5, spaceBefore: 3 }];
    }
  });
}

/** The verified attestation rendered as Markdown or HTML text, or PDF bytes. */
export function renderAttestation(verified: Verified, format: RenderFormat, how: VerifyHow): string | Buffer {
  const { title, blocks } = document(verified, how);
  switch (format) {
    case "md":
      return markdown(blocks);
    case "html":
      return html(title, blocks);
    case "pdf":
      return textPdf(pdfLines(blocks), {
        title,
        footer:
          `${verified.part} attested by ${verified.designer}; payload ` +
          `sha256 ${verified.payloadSha256.slice(0, 16)}…`,
      });
  }
}

/** The page's style sheet, on one line as the page carries it. */
const PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}" +
  "table{border-collapse:collapse;width:100%}" +
  "td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}" +
  "dt{font-weight:600}dd{margin:0 0 .4rem 0;word-break:break-all}" +
  "pre{background:#f4f4f4;padding:.5rem;white-space:pre-wrap}";
