/**
 * One answer of the API, rendered generically: the headline (clause or
 * presumption), every plain field (so a field a later version adds, such as
 * an item ECCN, shows without a change here), the lists of what is missing,
 * warnings and notes, and the trace with its citations. Every string goes
 * through preact's text nodes: nothing is ever inserted as HTML.
 */
import type { JSX } from "preact";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Record = { [key: string]: Json };

const LABELS: { [key: string]: string } = {
  tpp: "TPP",
  performanceDensity: "PD (truncated)",
  performanceDensityExact: "PD (exact)",
  eccn: "ECCN",
  itemEccn: "item ECCN",
  itemBasis: "item basis",
  reportable7439: "§ 743.9 report",
  designerStatus: "designer status",
  rulesDate: "rules of",
  aggregatedApproximatedTransistorCount: "aggregated approximated transistor count",
};
const LISTS = ["missing", "warnings", "notes", "alternatives"];
const HIDDEN = new Set(["trace", "error", ...LISTS]);

function label(key: string): string {
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function text(value: Json): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object")
    return Array.isArray(value)
      ? value.map(text).join(", ")
      : Object.entries(value)
          .map(([key, inner]) => `${key}: ${text(inner)}`)
          .join("; ");
  return String(value);
}

export function clauseClass(clause: string): string {
  if (clause.startsWith("3A090.a") || clause === "applies") return "badge badge-a";
  if (clause === "not-applicable") return "badge badge-neutral";
  if (clause.startsWith("3A090.b") || clause.startsWith("3A090.c")) return "badge badge-b";
  if (clause === "indeterminate") return "badge badge-indeterminate";
  return "badge badge-none";
}

function ErrorView({ value }: { value: Record }): JSX.Element {
  const error = value.error as Record;
  return (
    <div class="error" role="alert">
      <strong>Invalid input</strong>
      <pre>{text(error.message ?? null)}</pre>
    </div>
  );
}

export function ResultView({ value }: { value: Json }): JSX.Element | null {
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value))
    return (
      <div>
        {value.map((item, index) => (
          <ResultView key={index} value={item} />
        ))}
      </div>
    );
  if (value.error && typeof value.error === "object") return <ErrorView value={value} />;
  const headline =
    typeof value.clause === "string" ? value.clause : typeof value.presumption === "string" ? value.presumption : null;
  const shown = Object.entries(value).filter(
    ([key, inner]) => !HIDDEN.has(key) && !(Array.isArray(inner) && inner.some((item) => typeof item === "object")),
  );
  /** Objects of many fields (the rules data and its digests) are kept folded at the end. */
  const isBulky = (inner: Json) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 3;
  const fields = shown.filter(([, inner]) => !isBulky(inner));
  const bulky = shown.filter(([, inner]) => isBulky(inner));
  const trace = Array.isArray(value.trace) ? (value.trace as Record[]) : [];
  return (
    <section class="result" aria-live="polite">
      {headline !== null && (
        <p class="headline">
          <span class={clauseClass(headline)} data-testid="headline">
            {headline}
          </span>{" "}
          {typeof value.part === "string" && <span class="part">{value.part}</span>}
        </p>
      )}
      <dl class="fields">
        {fields.map(([key, inner]) => (
          <div key={key} data-field={key}>
            <dt>{label(key)}</dt>
            <dd>{text(inner)}</dd>
          </div>
        ))}
      </dl>
      {LISTS.map((key) =>
        Array.isArray(value[key]) && (value[key] as Json[]).length > 0 ? (
          <div key={key} class={`list list-${key}`}>
            <h4>{label(key)}</h4>
            <ul>
              {(value[key] as Json[]).map((item, index) => (
                <li key={index}>{text(item)}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {bulky.map(([key, inner]) => (
        <details key={key} class="bulky" data-field={key}>
          <summary>{label(key)}</summary>
          <dl class="fields">
            {Object.entries(inner as Record).map(([innerKey, innerValue]) => (
              <div key={innerKey}>
                <dt>{label(innerKey)}</dt>
                <dd>{text(innerValue)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
      {trace.length > 0 && (
        <details class="trace" open>
          <summary>Trace ({trace.length} steps)</summary>
          <ol>
            {trace.map((step, index) => (
              <li key={index}>
                <strong>{text(step.step ?? null)}</strong> <span class="step-result">{text(step.result ?? null)}</span>
                <div>{text(step.statement ?? null)}</div>
                {step.citation ? <cite>{text(step.citation)}</cite> : null}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
