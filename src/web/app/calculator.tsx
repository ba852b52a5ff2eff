/**
 * The chip calculator: a datasheet as a form or as pasted JSON (the two kept
 * in step), or a part picked from the bundled catalogue; the classification
 * and the part's place on the map update as you type.
 */
import { inputValue, inputChecked } from "./dom.js";
import { useEffect, useMemo, useState } from "preact/hooks";
import { getJson, mapUrl, postJson } from "./http.js";
import { ResultView } from "./result.js";
import h100 from "../../../data/examples/h100.json";

interface Rate {
  format: string;
  tops?: string;
  [key: string]: unknown;
}
interface Die {
  name?: string;
  areaMm2?: string;
  logic?: boolean;
  nonPlanar?: boolean;
  [key: string]: unknown;
}
interface IcDatasheet {
  part: string;
  kind?: "ic";
  datacenter?: boolean | null;
  units: { name?: string; count?: number | string; rates: Rate[] }[];
  dies?: Die[];
  [key: string]: unknown;
}

const FORMATS = ["FP4", "FP6", "INT4", "INT8", "FP8", "INT16", "FP16", "BF16", "TF32", "INT32", "FP32", "FP64"];

/** The datasheet as the form can edit it: one unit, rates given as TOPS; anything else is edited as JSON. */
function formModel(text: string): IcDatasheet | null {
  try {
    const value = JSON.parse(text) as IcDatasheet;
    if (typeof value !== "object" || value === null || (value.kind !== undefined && value.kind !== "ic")) return null;
    if (!Array.isArray(value.units) || value.units.length !== 1 || !Array.isArray(value.units[0]!.rates)) return null;
    return value;
  } catch {
    return null;
  }
}

export function CalculatorPage({ date }: { date: string }) {
  const [text, setText] = useState(JSON.stringify(h100, null, 2));
  const [result, setResult] = useState<unknown>(null);
  const [map, setMap] = useState<string | null>(null);
  const [parts, setParts] = useState<{ part: string; datasheet: unknown }[]>([]);
  const model = useMemo(() => formModel(text), [text]);

  useEffect(() => {
    void getJson("/api/v1/examples").then((value) => setParts(value as { part: string; datasheet: unknown }[]));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      postJson(`/api/v1/classify?date=${encodeURIComponent(date)}`, text, controller.signal)
        .then(({ value }) => setResult(value))
        .catch(() => undefined);
      mapUrl(text, "application/json", date, controller.signal)
        .then((url) =>
          setMap((old) => {
            if (old) URL.revokeObjectURL(old);
            return url;
          }),
        )
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, date]);

  const update = (change: (sheet: IcDatasheet) => void) => {
    if (!model) return;
    const copy = structuredClone(model);
    change(copy);
    setText(JSON.stringify(copy, null, 2));
  };
  const rates = model?.units[0]?.rates ?? [];
  const dies = model?.dies ?? [];

  return (
    <div class="two-columns">
      <section aria-label="Datasheet">
        <label>
          Pick a part from the bundled catalogue{" "}
          <select
            data-testid="pick-part"
            onChange={(event) => {
              const picked = parts.find((candidate) => candidate.part === inputValue(event));
              if (picked) setText(JSON.stringify(picked.datasheet, null, 2));
            }}
          >
            <option value="">—</option>
            {parts.map((candidate) => (
              <option key={candidate.part} value={candidate.part}>
                {candidate.part}
              </option>
            ))}
          </select>
        </label>
        {model ? (
          <fieldset>
            <legend>Datasheet</legend>
            <label>
              Part{" "}
              <input
                value={model.part}
                data-testid="part"
                onInput={(event) => update((sheet) => (sheet.part = inputValue(event)))}
              />
            </label>
            <label>
              Marketed for data centers{" "}
              <select
                value={model.datacenter === true ? "yes" : model.datacenter === false ? "no" : ""}
                onChange={(event) => {
                  const value = inputValue(event);
                  update((sheet) => (sheet.datacenter = value === "yes" ? true : value === "no" ? false : null));
                }}
              >
                <option value="">not stated</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            </label>
            <table class="rates">
              <caption>Dense peak rates, whole IC</caption>
              <thead>
                <tr>
                  <th>Format</th>
                  <th>TOPS</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rates.map((rate, index) => (
                  <tr key={index}>
                    <td>
                      <input
                        list="formats"
                        value={rate.format}
                        aria-label={`format ${index + 1}`}
                        onInput={(event) =>
                          update((sheet) => (sheet.units[0]!.rates[index]!.format = inputValue(event)))
                        }
                      />
                    </td>
                    <td>
                      {"tops" in rate ? (
                        <input
                          inputMode="decimal"
                          value={rate.tops}
                          aria-label={`TOPS ${rate.format}`}
                          data-testid={`tops-${index}`}
                          onInput={(event) =>
                            update((sheet) => (sheet.units[0]!.rates[index]!.tops = inputValue(event)))
                          }
                        />
                      ) : (
                        <span class="muted">from MACs and clock (edit as JSON)</span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`remove ${rate.format}`}
                        onClick={() => update((sheet) => sheet.units[0]!.rates.splice(index, 1))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              onClick={() => update((sheet) => sheet.units[0]!.rates.push({ format: "FP8", tops: "" }))}
            >
              Add a rate
            </button>
            <table class="dies">
              <caption>Dies</caption>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Area mm²</th>
                  <th>Logic</th>
                  <th>Non-planar</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {dies.map((die, index) => (
                  <tr key={index}>
                    <td>
                      <input
                        value={die.name ?? ""}
                        aria-label={`die ${index + 1} name`}
                        onInput={(event) => update((sheet) => (sheet.dies![index]!.name = inputValue(event)))}
                      />
                    </td>
                    <td>
                      <input
                        inputMode="decimal"
                        value={die.areaMm2 ?? ""}
                        aria-label={`die ${index + 1} area`}
                        onInput={(event) => update((sheet) => (sheet.dies![index]!.areaMm2 = inputValue(event)))}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={die.logic === true}
                        aria-label={`die ${index + 1} logic`}
                        onChange={(event) => update((sheet) => (sheet.dies![index]!.logic = inputChecked(event)))}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={die.nonPlanar === true}
                        aria-label={`die ${index + 1} non-planar`}
                        onChange={(event) => update((sheet) => (sheet.dies![index]!.nonPlanar = inputChecked(event)))}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`remove die ${index + 1}`}
                        onClick={() => update((sheet) => sheet.dies!.splice(index, 1))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              onClick={() =>
                update((sheet) => {
                  sheet.dies ??= [];
                  sheet.dies.push({ name: `die ${sheet.dies.length + 1}`, areaMm2: "", logic: true });
                })
              }
            >
              Add a die
            </button>
          </fieldset>
        ) : (
          <p class="muted">
            This datasheet has more than the form shows (several units, HBM, or invalid JSON): edit it as JSON below.
          </p>
        )}
        <datalist id="formats">
          {FORMATS.map((format) => (
            <option key={format} value={format} />
          ))}
        </datalist>
        <label class="block">
          Datasheet JSON (paste or edit; <a href="/api/v1/schema/datasheet">fields</a>)
          <textarea
            rows={14}
            spellcheck={false}
            value={text}
            data-testid="datasheet-json"
            onInput={(event) => setText(inputValue(event))}
          />
        </label>
      </section>
      <section aria-label="Classification">
        <ResultView value={result as never} />
        {map && (
          <img
            class="map"
            src={map}
            alt="The part on the TPP × performance density map, with the threshold lines of the rules date"
            data-testid="map"
          />
        )}
      </section>
    </div>
  );
}
