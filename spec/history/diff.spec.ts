/**
 * `ic3a090 diff` and `ic3a090 rules --history`: a catalogue diffed against itself
 * (same date) is empty; the A800/H800 change at the 17 Nov 2023 text with its
 * citation; the A100/H100 do not; the history lists the Oct 2022 text first.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { rulesHistory } from "../../src/history/history.js";

const PARTS = "data/examples/history/parts.jsonl";

describe("diff", () => {
  it.each(["2022-10-07", "2023-11-16", "2023-11-17", "2026-11-29"])(
    "the bundled catalogue against itself on %s is empty",
    (date) => {
      const run = runCli(["diff", "data/catalogue/chips.csv", "--from", date, "--to", date]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`ic3a090: 48 parts: 0 changed, 48 unchanged (${date} → ${date})\n`);
    },
  );
  it("A800 and H800 change at 2023-11-17 (88 FR 73458); A100 and H100 do not", () => {
    const run = runCli(["diff", PARTS, "--from", "2023-11-16", "--to", "2023-11-17"]);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.part)).toEqual(["NVIDIA A800 SXM4 80GB", "NVIDIA H800 SXM5 80GB"]);
    expect(rows[0].from.clause).toBe("none");
    expect(rows[0].to.clause).toBe("3A090.a.1");
    expect(rows[0].causes).toEqual([
      {
        from: "2023-11-17",
        source: "88 FR 73458, FR Doc 2023-23055",
        citation: "15 CFR 774 Supp. 1, ECCN 3A090.a.1 (88 FR 73458, FR Doc 2023-23055)",
      },
    ]);
    expect(run.stderr).toBe("ic3a090: 4 parts: 2 changed, 2 unchanged (2023-11-16 → 2023-11-17)\n");
  });
  it("a missing date, a bad date and stdin are usage errors", () => {
    expect(runCli(["diff", PARTS, "--to", "2023-11-17"]).status).toBe(2);
    expect(runCli(["diff", PARTS, "--from", "2023-02-30", "--to", "2023-11-17"]).status).toBe(2);
    expect(runCli(["diff", "-", "--from", "2023-01-01", "--to", "2023-11-17"]).status).toBe(2);
    expect(runCli(["diff", PARTS, "--from", "2022-10-06", "--to", "2023-11-17"]).stderr).toMatch(
      /no text of 3A090 is in force on 2022-10-06/,
    );
  });
});

describe("rules --history", () => {
  it("lists the dated changes in order, the Oct 2022 text first", () => {
    const history = rulesHistory();
    expect(history[0]!.from).toBe("2022-10-07");
    expect(history[0]!.source).toBe("87 FR 62186, FR Doc 2022-21658");
    for (let i = 1; i < history.length; i++) expect(history[i - 1]!.from <= history[i]!.from).toBe(true);
    expect(history.some((c) => c.from === "2024-12-02" && c.source.startsWith("89 FR 96790"))).toBe(true);
  });
  it("prints as text and as JSON", () => {
    const run = runCli(["rules", "--history", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(rulesHistory());
  });
});
