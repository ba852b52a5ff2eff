/**
 * ECCN 3A090 as first written (87 FR 62186, FR Doc 2022-21658; in force from
 * 2022-10-07 through 2023-11-16), regulation.md §1.3 and §2.6 (S6 [V] quoting
 * govinfo):
 *
 * > 3A090.a. Integrated circuits having one or more digital processing units
 * > having both: a.1. … bit length … multiplied by TOPS, aggregated over all
 * > processing units, "of 4800 or more" (analog and multi-level units: "TOPS
 * > multiplied by 8 … of 4800 or more"); and a.2. an aggregate bidirectional
 * > transfer rate over all inputs and outputs of "600 Gbyte/s or more" to or
 * > from integrated circuits other than volatile memories.
 *
 * (Paragraph labels as the digest gives them: a.1 digital processors, a.2
 * 'primitive computational units', a.3 analog/multi-level, a.4 any
 * combination; the clause reported is "3A090.a.1" for digital processor units.)
 * Both tests must hold: the interconnect test is **and**-ed with the TOPS test.
 * There was no 3A090.b, no 3A090.c and no datacenter note yet. A missing
 * `interconnectGBps` makes the answer `indeterminate` only when the TOPS test
 * holds (otherwise the answer is `none` whatever the transfer rate).
 */
import { parseDecimal, type Rational } from "../numbers/rational.js";
import { formatForTrace, orderMeets, type RuleSet, type Text2022 } from "../rules/rules.js";
import type { Datasheet } from "./datasheet.js";
import type { Classification, Clause, TraceStep } from "./result.js";
import { eccnOf } from "./result.js";
import { totalProcessingPerformance } from "./tpp.js";

/** What `missing` says when the transfer rate would settle a 2022 answer. */
export const INTERCONNECT_MISSING =
  "interconnectGBps: the aggregate bidirectional transfer rate (GB/s), tested by the Oct 2022 text of 3A090.a (600 Gbyte/s or more)";

/** 87 FR 62186, 3A090.a: bit length × TOPS aggregated of 4800 or more. */
export function meetsTops2022(tpp: Rational, text: Text2022): boolean {
  return orderMeets(tpp.cmp(parseDecimal(text.tpp.value)), ">=");
}

/** 87 FR 62186, 3A090.a: aggregate bidirectional transfer rate of 600 Gbyte/s or more. */
export function meetsTransferRate2022(rate: Rational, text: Text2022): boolean {
  return orderMeets(rate.cmp(parseDecimal(text.transferRate.value)), ">=");
}

function cites(text: Text2022): string {
  const c = text.citation;
  return `${c.cfr} (${c.fr}, FR Doc ${c.frDoc}, published ${c.published}; in force ${text.from} to ${text.through})`;
}

/** Classifies a datasheet under the Oct 2022 text; `rules.text2022` must be set. */
export function classify2022(datasheet: Datasheet, rules: RuleSet, withTrace: boolean): Classification {
  const text = rules.text2022!;
  const citation = cites(text);
  const trace: TraceStep[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [
    `Classified under the Oct 2022 text of 3A090 (${text.citation.fr}), in force ${text.from} to ${text.through}; replaced on 2023-11-17 by 88 FR 73458.`,
  ];
  const base = {
    part: datasheet.part,
    kind: datasheet.kind,
    rulesDate: rules.date,
    performanceDensity: null,
    performanceDensityExact: null,
    applicableDieAreaMm2: null,
  };
  const rulesInfo = {
    date: rules.date,
    verifiedThrough: rules.verifiedThrough,
    beyondVerified: rules.beyondVerified,
    dataSha256: rules.dataSha256,
  };

  const finish = (clause: Clause, tpp: string | null): Classification => {
    const eccn = eccnOf(clause);
    const item = item2022(datasheet, clause, text);
    missing.push(...item.missing);
    warnings.push(...item.warnings);
    notes.push(...item.notes);
    return {
      ...base,
      tpp,
      clause,
      eccn,
      itemEccn: item.itemEccn,
      itemBasis: [item.step],
      matched: clause === "3A090.a.1" ? ["3A090.a.1"] : [],
      missing,
      warnings,
      notes,
      trace: withTrace ? [...trace, item.step] : [],
      rules: rulesInfo,
    };
  };

  if (datasheet.kind === "hbm") {
    trace.push({
      step: "3A090.c",
      result: "not in force",
      statement: "3A090.c (HBM) was added on 2024-12-02 (89 FR 96790); the Oct 2022 text has no such paragraph",
      citation,
    });
    return finish("none", null);
  }
  if (datasheet.contains !== undefined) {
    missing.push("contains: items listing several ICs are not formalised for the Oct 2022 text; classify each IC");
    trace.push({
      step: "3A090.a",
      result: "unknown",
      statement: "an item listing several ICs is not formalised for the Oct 2022 text",
      citation,
    });
    return finish("indeterminate", null);
  }

  const performance = totalProcessingPerformance(datasheet, rules);
  const tpp = performance.tpp;
  const topsLimit = parseDecimal(text.tpp.value);
  const topsHolds = meetsTops2022(tpp, text);
  trace.push({
    step: "bit length × TOPS",
    result: "value",
    statement: `${formatForTrace(tpp)} (aggregated over the processing units)`,
    citation,
  });
  trace.push({
    step: "3A090.a (TOPS test)",
    result: topsHolds ? "holds" : "fails",
    statement: `${formatForTrace(tpp)} ${topsHolds ? "≥" : "<"} ${formatForTrace(topsLimit)} (${text.tpp.wording})`,
    citation,
  });
  notes.push(
    `All units are counted as digital; an analog or multi-level unit counts ${text.analogMultiplier.wording}, which datasheets here do not describe.`,
  );
  if (!topsHolds) return finish("none", tpp.toExactString());

  const rateLimit = parseDecimal(text.transferRate.value);
  if (datasheet.interconnectGBps === undefined) {
    missing.push(INTERCONNECT_MISSING);
    trace.push({
      step: "3A090.a (transfer rate)",
      result: "unknown",
      statement: `transfer rate not given; the test is ${text.transferRate.wording}`,
      citation,
    });
    return finish("indeterminate", tpp.toExactString());
  }
  const rate = datasheet.interconnectGBps;
  const rateHolds = meetsTransferRate2022(rate, text);
  trace.push({
    step: "3A090.a (transfer rate)",
    result: rateHolds ? "holds" : "fails",
    statement:
      `${formatForTrace(rate)} GB/s ${rateHolds ? "≥" : "<"} ${formatForTrace(rateLimit)} GB/s ` +
      `(${text.transferRate.wording})${rateHolds ? "" : "; both tests must hold, so 3A090.a does not apply"}`,
    citation,
  });
  return finish(rateHolds ? "3A090.a.1" : "none", tpp.toExactString());
}

/** What `missing` says for an item with a base entry that contains a 3A090 IC under the Oct 2022 text. */
export const BASE_ENTRY_2022_MISSING =
  "itemEccn: before 2023-11-17 there were no .z paragraphs; whether an item described in its base entry that " +
  "contains a 3A090 IC was 4A090 or that entry is not formalised here";

interface Item2022 {
  readonly itemEccn: string;
  readonly step: TraceStep;
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

/**
 * The item as shipped under the Oct 2022 text (docs/ambiguities.md, "Items
 * under the Oct 2022 text"; spec/ambiguities/items-2022.spec.ts). 87 FR 62186
 * added 4A090 with 3A090: computers, 'electronic assemblies' and 'components'
 * containing a 3A090 IC. The .z paragraphs, 3A991.p and 4A994.l are not applied
 * before 2023-11-17 (data/rules/items.json). So:
 *
 * - an IC outside 3A090.a: its stated base entry, else `none`;
 * - an IC in 3A090.a shipped as itself: 3A090.a; in an assembly or computer:
 *   4A090.a, with the warning that the 2022 wording of 4A090 is not quoted in
 *   the sources (the label is read from the current text);
 * - with a base entry (`baseEccn`) and a 3A090 IC: `indeterminate`, since the
 *   .z paragraphs that now settle it did not exist;
 * - an undecided IC: `indeterminate` (its `missing` names the fact).
 */
export function item2022(datasheet: Datasheet, clause: Clause, text: Text2022): Item2022 {
  const form = datasheet.kind === "ic" ? (datasheet.form ?? "ic") : "ic";
  const baseEccn = datasheet.kind === "ic" ? datasheet.baseEccn : undefined;
  const entry = text.item4A090;
  const itemCitation =
    `${entry.citation.cfr} (${entry.citation.fr}, FR Doc ${entry.citation.frDoc}; ` +
    `confidence ${entry.confidence}${entry.verified ? "" : ", unverified"})`;
  const answer = (
    itemEccn: string,
    result: TraceStep["result"],
    statement: string,
    extra: Partial<Omit<Item2022, "itemEccn" | "step">> = {},
    citation = itemCitation,
  ): Item2022 => ({
    itemEccn,
    step: { step: "item", result, statement, citation },
    missing: extra.missing ?? [],
    warnings: extra.warnings ?? [],
    notes: extra.notes ?? [],
  });
  const notApplied =
    "the .z paragraphs, 3A991.p and 4A994.l are not applied before 2023-11-17; other entries (e.g. 3A991, EAR99) were not checked";
  if (clause === "indeterminate")
    return answer(
      "indeterminate",
      "unknown",
      "the IC's 3A090 answer is not known, so neither is the item's",
      {},
      cites(text),
    );
  if (clause === "none") {
    const itemEccn = baseEccn ?? "none";
    const why =
      form === "ic"
        ? "the item is the IC itself, outside 3A090.a"
        : "no IC meets 3A090.a, so 4A090 (which takes an item containing one) does not apply";
    return answer(
      itemEccn,
      "applies",
      `${why}: ${itemEccn}${baseEccn ? " (the stated base entry)" : ""}`,
      { notes: [`item ECCN ${itemEccn} under the Oct 2022 text: ${notApplied}`] },
      form === "ic" ? cites(text) : itemCitation,
    );
  }
  if (baseEccn !== undefined)
    return answer(
      "indeterminate",
      "unknown",
      `the IC meets 3A090.a and the item is described in ${baseEccn}; the .z paragraphs that now decide this were added on 2023-11-17`,
      { missing: [BASE_ENTRY_2022_MISSING] },
    );
  if (form === "ic")
    return answer(eccnOf(clause), "applies", `the item is the IC itself: ${eccnOf(clause)}`, {}, cites(text));
  return answer(
    entry.paragraph,
    "applies",
    `the ${form} contains an IC meeting 3A090.a: ${entry.paragraph} (${entry.wording})`,
    {
      warnings: [
        `${entry.paragraph} under the Oct 2022 text is ${entry.verified ? "verified" : "unverified"} (confidence ${entry.confidence}): ${entry.remark}`,
      ],
    },
  );
}
