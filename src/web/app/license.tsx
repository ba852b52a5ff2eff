/**
 * The licence check: one shipment (an item as its stated ECCN and figures, the
 * destination, the parties and the end use) as a form or as JSON, answered by
 * `POST /api/v1/license`: whether a licence is required, the exceptions and
 * their conditions, the review policy, the rows that applied with their
 * citations, the red-flag checklist and the trace. Every string is rendered
 * as text.
 */
import { inputValue, inputChecked } from "./dom.js";
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { postJson } from "./http.js";
import shipmentsText from "../../../data/examples/shipments.jsonl";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Shipment = { [key: string]: Json };

const ECCNS = ["3A090.a", "3A090.b", "3A090.c", "4A090.a", "4A090.b", "3A991.p", "4A994.l", "none"];
const AI_TRAINING = ["none", "for-d5-or-macau-headquartered", "wmd", "military-intelligence", "unknown"];

function exampleName(shipment: Shipment): string {
  const item = (shipment.item ?? {}) as Shipment;
  const endUser = (shipment.endUser ?? {}) as Shipment;
  const parent =
    typeof endUser.ultimateParentHeadquarters === "string" ? ` (parent in ${endUser.ultimateParentHeadquarters})` : "";
  return `${String(item.part ?? item.eccn ?? "item")} to ${String(shipment.destination ?? "?")}${parent}`;
}

const EXAMPLES: { name: string; value: Shipment }[] = shipmentsText
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Shipment)
  .map((value) => ({ name: exampleName(value), value }));

function parse(text: string): Shipment | null {
  try {
    const value = JSON.parse(text) as Json;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function part(shipment: Shipment | null, key: string): Shipment {
  const inner = shipment?.[key];
  return inner !== null && typeof inner === "object" && !Array.isArray(inner) ? inner : {};
}

function str(value: Json | undefined): string {
  return typeof value === "string" ? value : "";
}

function triState(value: Json | undefined): string {
  return value === true ? "yes" : value === false ? "no" : "unknown";
}

interface Row {
  id: string;
  text: string;
  citation: string;
  confidence: string;
  verified: boolean;
}
interface RedFlag {
  id: string;
  text: string;
  source: string;
  answer: boolean | null;
}
interface Answer {
  shipment?: string;
  rulesDate?: string;
  mode?: string;
  itemEccn?: string;
  destination?: string;
  licenseRequired?: string;
  exceptions?: string[];
  reviewPolicy?: string | null;
  reviewPolicyCandidates?: string[];
  conditions?: string[];
  rows?: Row[];
  gp10?: { applies: boolean; basis: string; text: string; citation: string; confidence: string } | null;
  redFlags?: RedFlag[];
  missing?: string[];
  warnings?: string[];
  notes?: string[];
  trace?: { step?: string; result?: string; statement?: string; citation?: string }[];
  error?: { message?: string };
}

function answerClass(answer: string): string {
  if (answer === "yes") return "badge badge-a";
  if (answer === "no") return "badge badge-none";
  return "badge badge-indeterminate";
}

function List({
  name,
  title,
  items,
}: {
  name: string;
  title: string;
  items: string[] | undefined;
}): JSX.Element | null {
  if (!items || items.length === 0) return null;
  return (
    <div class={`list list-${name}`} data-testid={`license-${name}`}>
      <h4>{title}</h4>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function AnswerView({ value }: { value: Answer | null }): JSX.Element | null {
  if (value === null) return null;
  if (value.error) {
    return (
      <div class="error" role="alert">
        <strong>Invalid input</strong>
        <pre>{String(value.error.message ?? "")}</pre>
      </div>
    );
  }
  const answer = value.licenseRequired ?? "indeterminate";
  const policy = value.reviewPolicy ?? null;
  const candidates = value.reviewPolicyCandidates ?? [];
  return (
    <section class="result" aria-live="polite">
      <p class="headline licence-headline">
        Licence required:{" "}
        <span class={answerClass(answer)} data-testid="licence-required">
          {answer}
        </span>
      </p>
      <dl class="fields">
        <div data-field="itemEccn">
          <dt>item ECCN</dt>
          <dd data-testid="item-eccn">{value.itemEccn ?? "—"}</dd>
        </div>
        <div data-field="destination">
          <dt>destination</dt>
          <dd>{value.destination ?? "—"}</dd>
        </div>
        <div data-field="exceptions">
          <dt>exceptions</dt>
          <dd data-testid="exceptions">
            {value.exceptions && value.exceptions.length > 0 ? value.exceptions.join(", ") : "none"}
          </dd>
        </div>
        <div data-field="reviewPolicy">
          <dt>review policy</dt>
          <dd data-testid="review-policy">
            {policy ?? (answer === "no" ? "—" : "not stated (unverified)")}
            {policy === null && candidates.length > 0 ? (
              <span class="muted"> (candidates: {candidates.join(", ")})</span>
            ) : null}
          </dd>
        </div>
        <div data-field="rules">
          <dt>rules of</dt>
          <dd>
            {value.rulesDate ?? "—"}, {value.mode ?? "—"}
          </dd>
        </div>
      </dl>
      <List name="conditions" title="Conditions (for the review policy and each exception)" items={value.conditions} />
      <List name="missing" title="Missing facts" items={value.missing} />
      <List name="warnings" title="Warnings" items={value.warnings} />
      <List name="notes" title="Notes" items={value.notes} />
      {value.rows && value.rows.length > 0 && (
        <div class="list" data-testid="license-rows">
          <h4>Rows that applied</h4>
          <ul class="rows">
            {value.rows.map((row) => (
              <li key={row.id} class={row.verified ? "" : "unverified"}>
                <strong>{row.id}</strong> {row.text}
                {row.verified ? null : <span class="badge badge-indeterminate unverified-mark">unverified</span>}
                <cite>
                  {row.citation} · confidence {row.confidence}
                </cite>
              </li>
            ))}
          </ul>
        </div>
      )}
      {value.gp10 && (
        <div class="list" data-testid="license-gp10">
          <h4>General Prohibition 10</h4>
          <p>
            {value.gp10.applies ? "applies" : "does not apply"}: {value.gp10.text}{" "}
            <span class="muted">({value.gp10.basis})</span>
          </p>
          <cite>
            {value.gp10.citation} · confidence {value.gp10.confidence}
          </cite>
        </div>
      )}
      {value.redFlags && value.redFlags.length > 0 && (
        <div class="list" data-testid="license-red-flags">
          <h4>Red flags to clear</h4>
          <table class="red-flags">
            <tbody>
              {value.redFlags.map((flag) => (
                <tr key={flag.id} class={flag.answer === true ? "present" : flag.answer === null ? "unanswered" : ""}>
                  <td>{flag.answer === true ? "present" : flag.answer === false ? "cleared" : "not answered"}</td>
                  <td>
                    <strong>{flag.id}</strong> {flag.text} <cite>{flag.source}</cite>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {value.trace && value.trace.length > 0 && (
        <details class="trace" open>
          <summary>Trace ({value.trace.length} steps)</summary>
          <ol>
            {value.trace.map((step, index) => (
              <li key={index}>
                <strong>{String(step.step ?? "")}</strong> <span class="step-result">{String(step.result ?? "")}</span>
                <div>{String(step.statement ?? "")}</div>
                {step.citation ? <cite>{String(step.citation)}</cite> : null}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

export function LicensePage({ date }: { date: string }) {
  const [text, setText] = useState(JSON.stringify(EXAMPLES[0]?.value ?? {}, null, 2));
  const [on, setOn] = useState(date);
  const [mode, setMode] = useState("enforced");
  const [result, setResult] = useState<Answer | null>(null);
  useEffect(() => setOn(date), [date]);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      postJson(
        `/api/v1/license?date=${encodeURIComponent(on)}&mode=${encodeURIComponent(mode)}`,
        text,
        controller.signal,
      )
        .then(({ value }) => setResult(value as Answer))
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, on, mode]);

  const shipment = parse(text);
  const item = part(shipment, "item");
  const endUser = part(shipment, "endUser");
  const endUse = part(shipment, "endUse");
  /** A form edit rewrites the JSON, which stays the one source of the shipment. */
  const edit = (section: string | null, key: string, value: Json | undefined) => {
    const next: Shipment = { ...(shipment ?? {}) };
    const target: Shipment = section === null ? next : { ...part(shipment, section) };
    if (value === undefined) delete target[key];
    else target[key] = value;
    if (section !== null) next[section] = target;
    setText(JSON.stringify(next, null, 2));
  };
  const country = (value: string): string => value.trim().toUpperCase();

  return (
    <div class="two-columns">
      <section aria-label="Shipment">
        <p>
          Examples:{" "}
          {EXAMPLES.map((example, index) => (
            <button
              type="button"
              key={index}
              data-testid={`example-${index}`}
              onClick={() => setText(JSON.stringify(example.value, null, 2))}
            >
              {example.name}
            </button>
          ))}
        </p>
        {shipment === null ? (
          <p class="warn">The JSON below is not one shipment object; fix it to use the form again.</p>
        ) : (
          <form class="shipment" onSubmit={(event) => event.preventDefault()}>
            <fieldset>
              <legend>Item</legend>
              <label>
                Stated ECCN{" "}
                <select
                  value={str(item.eccn)}
                  data-testid="item-eccn-select"
                  onChange={(event) => edit("item", "eccn", inputValue(event))}
                >
                  {!ECCNS.includes(str(item.eccn)) && (
                    <option value={str(item.eccn)}>{str(item.eccn) || "(a datasheet)"}</option>
                  )}
                  {ECCNS.map((eccn) => (
                    <option key={eccn} value={eccn}>
                      {eccn}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Datacenter{" "}
                <select
                  value={triState(item.datacenter)}
                  onChange={(event) => {
                    const value = inputValue(event);
                    edit("item", "datacenter", value === "unknown" ? undefined : value === "yes");
                  }}
                >
                  <option value="yes">yes</option>
                  <option value="no">no</option>
                  <option value="unknown">unknown</option>
                </select>
              </label>
              <label>
                TPP{" "}
                <input
                  size={8}
                  value={str(item.tpp)}
                  onInput={(event) => edit("item", "tpp", inputValue(event).trim() || undefined)}
                />
              </label>
              <label>
                Total DRAM bandwidth (GB/s){" "}
                <input
                  size={8}
                  value={str(item.dramBandwidthGBps)}
                  onInput={(event) => edit("item", "dramBandwidthGBps", inputValue(event).trim() || undefined)}
                />
              </label>
            </fieldset>
            <fieldset>
              <legend>Transaction</legend>
              <label>
                Destination{" "}
                <input
                  size={4}
                  value={str(shipment.destination)}
                  data-testid="destination"
                  onInput={(event) => edit(null, "destination", country(inputValue(event)))}
                />
              </label>
              <label>
                Exported from{" "}
                <input
                  size={4}
                  value={str(shipment.exportFrom)}
                  onInput={(event) => edit(null, "exportFrom", country(inputValue(event)))}
                />
              </label>
              <label>
                Transaction{" "}
                <select
                  value={str(shipment.transaction)}
                  onChange={(event) => edit(null, "transaction", inputValue(event))}
                >
                  <option value="export">export</option>
                  <option value="reexport">reexport</option>
                  <option value="transfer">transfer (in-country)</option>
                </select>
              </label>
            </fieldset>
            <fieldset>
              <legend>End user</legend>
              <label>
                Headquarters{" "}
                <input
                  size={4}
                  value={str(endUser.headquarters)}
                  onInput={(event) => edit("endUser", "headquarters", country(inputValue(event)) || undefined)}
                />
              </label>
              <label>
                Ultimate parent headquarters (empty: none){" "}
                <input
                  size={4}
                  value={str(endUser.ultimateParentHeadquarters)}
                  onInput={(event) => edit("endUser", "ultimateParentHeadquarters", country(inputValue(event)) || null)}
                />
              </label>
            </fieldset>
            <fieldset>
              <legend>End use</legend>
              <label>
                <input
                  type="checkbox"
                  checked={endUse.supercomputer === true}
                  onChange={(event) => edit("endUse", "supercomputer", inputChecked(event))}
                />{" "}
                supercomputer
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={endUse.advancedNodeFab === true}
                  onChange={(event) => edit("endUse", "advancedNodeFab", inputChecked(event))}
                />{" "}
                advanced-node fab
              </label>
              <label>
                AI training{" "}
                <select
                  value={str(endUse.aiTraining) || "none"}
                  onChange={(event) => edit("endUse", "aiTraining", inputValue(event))}
                >
                  {AI_TRAINING.map((value) => (
                    <option key={value} value={value}>
                      {value}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
          </form>
        )}
        <fieldset>
          <legend>Answer on</legend>
          <label>
            Date{" "}
            <input type="date" value={on} data-testid="license-date" onInput={(event) => setOn(inputValue(event))} />
          </label>
          <label>
            Mode{" "}
            <select value={mode} data-testid="license-mode" onChange={(event) => setMode(inputValue(event))}>
              <option value="enforced">enforced</option>
              <option value="as-written">as written</option>
            </select>
          </label>
        </fieldset>
        <label class="block">
          Shipment JSON (<a href="/api/v1/schema/license">fields</a>; the form above edits it, or paste one here)
          <textarea
            rows={18}
            spellcheck={false}
            value={text}
            data-testid="shipment-json"
            onInput={(event) => setText(inputValue(event))}
          />
        </label>
      </section>
      <section aria-label="Licence answer">
        <AnswerView value={result} />
      </section>
    </div>
  );
}
