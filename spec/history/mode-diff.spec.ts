/**
 * `ic3a090 diff SHIPMENTS --mode enforced --vs as-written`: licence answers
 * under the two readings of the AI Diffusion rule (FR 2025-00636) on one date.
 * Edge pair on the non-enforcement date (2025-05-12: both readings apply the
 * rule as written, so nothing changes; 2025-05-13: they part); properties: a
 * shipment dated before non-enforcement never changes, and swapping --mode
 * and --vs swaps the sides; every output carries the not-enforced flags.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareModes } from "../../src/history/mode-diff.js";
import { runCli } from "../cli.js";

const board = (destination: string, extra: Record<string, unknown> = {}) => ({
  shipment: `SO-${destination}`,
  item: { eccn: "4A090.a", part: "H100 SXM5 board", datacenter: true, tpp: "15832", dramBandwidthGBps: "3350" },
  destination,
  endUser: { headquarters: destination, ultimateParentHeadquarters: null, entityList: false },
  transaction: "export",
  exportFrom: "US",
  endUse: { supercomputer: false, advancedNodeFab: false, aiTraining: "none" },
  ...extra,
});
const modes = { from: "enforced", to: "as-written" } as const;

describe("compareModes", () => {
  it("an H100 board to DE: no licence enforced, a licence as written (row AW, 742.6(a)(6)(iii)(A))", () => {
    const { changed, row } = compareModes(1, board("DE"), { ...modes, date: "2026-11-29" });
    expect(changed).toBe(true);
    expect(row.from.licenseRequired).toBe("no");
    expect(row.to.licenseRequired).toBe("yes");
    expect(row.changed).toContain("licenseRequired");
    expect(row.rowsAdded.map((r) => r.id)).toEqual(["AW"]);
    expect(row.rowsAdded[0]!.citation).toMatch(/742\.6\(a\)\(6\)\(iii\)\(A\).*FR 2025-00636/);
    expect(row.rowsRemoved.map((r) => r.id)).toEqual(["D1"]);
    expect(row.enforced).toBe(false);
    expect(row.ruleSet).toMatchObject({
      effective: "2025-01-13",
      compliance: "2025-05-15",
      nonEnforcementAnnounced: "2025-05-13",
      inCfr: true,
      enforced: false,
    });
  });
  it("edge: 2025-05-12 (before non-enforcement) both readings apply the rule as written; 2025-05-13 they part", () => {
    expect(compareModes(1, board("DE"), { ...modes, date: "2025-05-12" }).changed).toBe(false);
    expect(compareModes(1, board("DE"), { ...modes, date: "2025-05-13" }).changed).toBe(true);
  });
  it("an H100 board to CN: a licence either way, but the rows differ", () => {
    const { changed, row } = compareModes(1, board("CN"), { ...modes, date: "2026-11-29" });
    expect(row.from.licenseRequired).toBe("yes");
    expect(row.to.licenseRequired).toBe("yes");
    expect(changed).toBe(row.changed.length > 0);
  });
  const destinations = fc.constantFrom("DE", "JP", "MY", "IN", "CN", "AE", "SA", "VN", "IL", "BR");
  /** Days from 2025-01-16, where the licensing data begins. */
  const dayFrom = (max: number) =>
    fc.integer({ min: 0, max }).map((n) => new Date(Date.UTC(2025, 0, 16) + n * 86_400_000).toISOString().slice(0, 10));
  const day = dayFrom(700);
  it("property: before 2025-05-13 nothing changes (both readings apply the rule as written)", () => {
    fc.assert(
      fc.property(destinations, dayFrom(116), (destination, date) => {
        expect(date < "2025-05-13").toBe(true);
        expect(compareModes(1, board(destination), { ...modes, date }).changed).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
  it("property: swapping --mode and --vs swaps the sides and the added and removed rows", () => {
    fc.assert(
      fc.property(destinations, day, (destination, date) => {
        const a = compareModes(1, board(destination), { ...modes, date }).row;
        const b = compareModes(1, board(destination), { from: "as-written", to: "enforced", date }).row;
        expect(b.from).toEqual(a.to);
        expect(b.to).toEqual(a.from);
        expect(b.changed).toEqual(a.changed);
        expect(b.rowsAdded).toEqual(a.rowsRemoved);
      }),
      { numRuns: 40 },
    );
  });
});

describe("ic3a090 diff --mode enforced --vs as-written", () => {
  it("JSON Lines: one line per changed shipment, a summary counting the unchanged, the banner", () => {
    const run = runCli([
      "diff",
      "data/examples/shipments.jsonl",
      "--mode",
      "enforced",
      "--vs",
      "as-written",
      "--date",
      "2026-11-29",
    ]);
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.shipment)).toEqual(["SO-1001", "SO-1002"]);
    for (const row of rows) expect(row).toMatchObject({ enforced: false, ruleSet: { effective: "2025-01-13" } });
    expect(run.stderr).toMatch(/^ic3a090: NOT ENFORCED: Framework for AI Diffusion, FR 2025-00636/);
    expect(run.stderr).toMatch(/ic3a090: 4 shipments: 2 changed, 2 unchanged \(enforced → as-written on 2026-11-29;/);
  });
  it("a CSV of shipments, as license takes it, and stdin", () => {
    const csv = runCli([
      "diff",
      "data/examples/shipments.csv",
      "--mode",
      "enforced",
      "--vs",
      "as-written",
      "--date",
      "2026-11-29",
    ]);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toMatch(/7 shipments: 2 changed, 5 unchanged/);
    const stdin = runCli(
      ["diff", "-", "--format", "jsonl", "--mode", "enforced", "--vs", "as-written", "--date", "2026-11-29"],
      {
        input: `${JSON.stringify(board("DE"))}\n`,
      },
    );
    expect(stdin.status).toBe(0);
    expect(JSON.parse(stdin.stdout).to.licenseRequired).toBe("yes");
  });
  it("an invalid shipment is named on stderr and counted, exit 65; the others are still answered", () => {
    const run = runCli(
      ["diff", "-", "--format", "jsonl", "--mode", "enforced", "--vs", "as-written", "--date", "2026-11-29"],
      {
        input: `${JSON.stringify({ ...board("DE"), destinaton: "DE" })}\n${JSON.stringify(board("DE"))}\n`,
      },
    );
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/stdin:1: destinaton: unknown field; did you mean "destination"\?/);
    expect(run.stderr).toMatch(/2 shipments: 1 changed, 0 unchanged, 1 invalid/);
  });
  it.each([
    [
      ["--mode", "enforced", "--vs", "as-written", "--from", "2023-01-01", "--to", "2026-11-29"],
      /give one or the other/,
    ],
    [["--mode", "enforced"], /give both --mode and --vs/],
    [["--vs", "as-written"], /give both --mode and --vs/],
    [["--mode", "enforced", "--vs", "enforced"], /both "enforced"/],
    [["--mode", "written", "--vs", "enforced"], /--mode must be one of enforced, as-written/],
    [["--mode", "enforced", "--vs", "as-written", "--date", "2026-02-30"], /not a calendar date/],
    [["--date", "2026-11-29", "--from", "2023-01-01", "--to", "2026-11-29"], /--date goes with --mode/],
  ])("usage error (exit 2): %j", (args, message) => {
    const run = runCli(["diff", "data/examples/shipments.jsonl", ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
