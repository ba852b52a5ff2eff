/**
 * The ic3a090 app: the chip calculator, the order check, the licence check,
 * the catalogue and attestation verification, each a page of one screen, all
 * answered by this server's API. Every page states the rules date in use, the date the rules
 * data was verified through, and that the answer is what the rule says, not
 * legal advice.
 */
import { inputValue } from "./dom.js";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { CataloguePage } from "./catalogue.js";
import { CalculatorPage } from "./calculator.js";
import { getJson } from "./http.js";
import { LicensePage } from "./license.js";
import { OrderPage } from "./order.js";
import { VerifyPage } from "./verify.js";

const PAGES = [
  { id: "calculator", title: "Chip calculator" },
  { id: "order", title: "Order check" },
  { id: "license", title: "Licence" },
  { id: "catalogue", title: "Catalogue" },
  { id: "verify", title: "Verify an attestation" },
] as const;
type PageId = (typeof PAGES)[number]["id"];

function pageOfHash(): PageId {
  const id = location.hash.replace(/^#/, "");
  return PAGES.find((page) => page.id === id)?.id ?? "calculator";
}

interface RulesInfo {
  date?: string;
  verifiedThrough?: string;
  beyondVerified?: boolean;
  error?: { message: string };
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function App() {
  const [page, setPage] = useState<PageId>(pageOfHash());
  const [date, setDate] = useState(todayUtc());
  const [rules, setRules] = useState<RulesInfo>({});
  useEffect(() => {
    const onHash = () => setPage(pageOfHash());
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    void getJson(`/api/v1/rules?date=${encodeURIComponent(date)}`).then((value) => setRules(value as RulesInfo));
  }, [date]);
  const title = PAGES.find((candidate) => candidate.id === page)!.title;
  useEffect(() => {
    document.title = `${title} · ic3a090`;
  }, [title]);
  return (
    <>
      <header>
        <h1>ic3a090</h1>
        <nav aria-label="Pages">
          {PAGES.map((candidate) => (
            <a key={candidate.id} href={`#${candidate.id}`} aria-current={candidate.id === page ? "page" : undefined}>
              {candidate.title}
            </a>
          ))}
        </nav>
        <label class="date">
          Rules date{" "}
          <input type="date" value={date} onInput={(event) => setDate(inputValue(event))} data-testid="rules-date" />
        </label>
      </header>
      <p class="rules-banner" data-testid="rules-banner">
        {rules.error ? (
          <span class="warn">{rules.error.message}</span>
        ) : (
          <>
            Rules in force on <strong>{rules.date ?? date}</strong>; rules data verified through{" "}
            <strong>{rules.verifiedThrough ?? "…"}</strong>
            {rules.beyondVerified ? (
              <span class="warn"> (the date is after that: a later amendment would not be reflected)</span>
            ) : null}
            .
          </>
        )}{" "}
        The answers state what the rule says; they are not legal advice.
      </p>
      <main>
        <h2>{title}</h2>
        {page === "calculator" && <CalculatorPage date={date} />}
        {page === "order" && <OrderPage date={date} />}
        {page === "license" && <LicensePage date={date} />}
        {page === "catalogue" && <CataloguePage date={date} />}
        {page === "verify" && <VerifyPage />}
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
