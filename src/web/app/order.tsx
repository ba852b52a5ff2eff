/** The order check: the Note 1 presumption for an order pasted as JSON (or one of the examples), with its reasons. */
import { inputValue, inputChecked } from "./dom.js";
import { useEffect, useState } from "preact/hooks";
import { postJson } from "./http.js";
import { ResultView } from "./result.js";
import routeA from "../../../data/examples/order-route-a.json";
import routeB from "../../../data/examples/order-route-b.json";
import missing from "../../../data/examples/order-missing.json";
import gap2028 from "../../../data/examples/order-2028-gap.json";

const EXAMPLES: { [name: string]: unknown } = {
  "route b: transistor count below the threshold": routeB,
  "route a: designer's attestation": {
    ...routeA,
    designerAttestation: { tpp: "4000", performanceDensity: "3.1", notSpecifiedIn3A090a: true },
  },
  "figures missing": missing,
  "the 2028 gap": gap2028,
};

export function OrderPage({ date }: { date: string }) {
  const [text, setText] = useState(JSON.stringify(routeB, null, 2));
  const [whatIf, setWhatIf] = useState(false);
  const [result, setResult] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = whatIf ? `?date=${encodeURIComponent(date)}` : "";
      postJson(`/api/v1/presume${query}`, text, controller.signal)
        .then(({ value }) => setResult(value))
        .catch(() => undefined);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, whatIf, date]);
  return (
    <div class="two-columns">
      <section aria-label="Order">
        <p>
          Examples:{" "}
          {Object.entries(EXAMPLES).map(([name, value]) => (
            <button type="button" key={name} onClick={() => setText(JSON.stringify(value, null, 2))}>
              {name}
            </button>
          ))}
        </p>
        <label>
          <input type="checkbox" checked={whatIf} onChange={(event) => setWhatIf(inputChecked(event))} /> evaluate as if
          completed on the rules date (what-if), instead of the order's completionDate
        </label>
        <label class="block">
          Order JSON (<a href="/api/v1/schema/order">fields</a>; a designerAttestation must be inline: figures or a
          signed envelope)
          <textarea
            rows={24}
            spellcheck={false}
            value={text}
            data-testid="order-json"
            onInput={(event) => setText(inputValue(event))}
          />
        </label>
      </section>
      <section aria-label="Presumption">
        <ResultView value={result as never} />
      </section>
    </div>
  );
}
