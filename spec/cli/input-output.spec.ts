/**
 * Regression tests for the ways in and out (src/cli/input.ts, output.ts,
 * json.ts): each is named after the defect it keeps fixed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { parseJsonText } from "../../src/cli/json.js";
import { DENSITY_ABOVE, renderMap } from "../../src/plot/map.js";
import { classifyDatasheet } from "../../src/classify/classify.js";
import { parseDatasheet } from "../../src/classify/datasheet.js";
import { rulesAt } from "../../src/rules/rules.js";
import type { RowOutcome } from "../../src/catalogue/classify.js";

const DATE = ["--date", "2027-03-15"];
const dir = mkdtempSync(join(tmpdir(), "ic3a090-io-"));
const at = (name: string) => join(dir, name);
const NO_TRACE = /\n\s+at /;
const H100 = readFileSync("data/examples/h100.json", "utf8");
const CSV = "part,tops_fp8,die_area_mm2,datacenter\nA,600,800,yes\nB,1,800,no\n";
const FABRICATOR = ["--fabricator-name", "Fab Co", "--fabricator-address", "1 Fab Road"];

beforeAll(() => {
  expect(runCli(["keygen", "--out", at("acme")]).status).toBe(0);
  writeFileSync(at("trusted.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }));
  writeFileSync(at("c.csv"), CSV);
});

describe("atomic --output: the destination is complete or untouched", () => {
  it("classify c.csv --output c.csv is refused (exit 2) and the catalogue is kept", () => {
    const run = runCli(["classify", at("c.csv"), "--output", at("c.csv"), ...DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--output: .*c\.csv is also an input of this run/);
    expect(readFileSync(at("c.csv"), "utf8")).toBe(CSV);
  });

  it("classify missing.csv --output good.out leaves good.out as it was", () => {
    writeFileSync(at("good.out"), "keep me\n");
    const run = runCli(["classify", at("missing.csv"), "--output", at("good.out"), ...DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*missing\.csv: ENOENT \(no such file\)/);
    expect(readFileSync(at("good.out"), "utf8")).toBe("keep me\n");
  });

  it("--strict stopping at an invalid row leaves --output untouched", () => {
    writeFileSync(at("strict.out"), "before\n");
    const run = runCli(["classify", "-", "--format", "csv", "--strict", "--output", at("strict.out"), ...DATE], {
      input: `${CSV}C,x,800,yes\n`,
    });
    expect(run.status).toBe(65);
    expect(readFileSync(at("strict.out"), "utf8")).toBe("before\n");
  });

  it("a complete run replaces the destination and leaves no temporary file", () => {
    writeFileSync(at("done.out"), "old\n");
    expect(runCli(["classify", at("c.csv"), "--output", at("done.out"), ...DATE]).status).toBe(0);
    expect(readFileSync(at("done.out"), "utf8").split("\n")[1]).toMatch(/^A,600,800,yes,4800,6,3A090\.a\.1/);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} during a run exits ${code}, removes the temporary file and keeps the destination`, async () => {
      writeFileSync(at(`${signal}.out`), "untouched\n");
      const child = spawn(
        process.execPath,
        ["dist/cli/bin.js", "classify", "-", "--format", "csv", "--output", at(`${signal}.out`), ...DATE],
        { stdio: ["pipe", "pipe", "pipe"] },
      );
      child.stdin.write(CSV);
      // Wait until the temporary file exists: the run is under way.
      for (let i = 0; i < 200 && !readdirSync(dir).some((name) => name.startsWith(`.${signal}.out.`)); i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(dir).some((name) => name.startsWith(`.${signal}.out.`))).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readFileSync(at(`${signal}.out`), "utf8")).toBe("untouched\n");
      expect(readdirSync(dir).filter((name) => name.startsWith(`.${signal}.out.`))).toEqual([]);
    });
  }
});

describe("private keys are never overwritten or bound", () => {
  it("attest --output designer.key is refused (exit 2) and the key is unchanged", () => {
    const key = readFileSync(at("acme.key"), "utf8");
    const run = runCli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("acme.key"),
      "--designer",
      "Acme Semi",
      ...DATE,
      "--output",
      at("acme.key"),
    ]);
    expect(run.status).toBe(2);
    expect(readFileSync(at("acme.key"), "utf8")).toBe(key);
  });

  it("an --output that holds another private key is refused too", () => {
    const run = runCli(["classify", at("c.csv"), "--output", at("acme.key"), ...DATE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/holds a private key; refusing to overwrite it/);
  });

  it("attest --bind designer.key is refused (exit 2) without naming its content", () => {
    const run = runCli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("acme.key"),
      "--designer",
      "Acme Semi",
      ...DATE,
      "--bind",
      at("acme.key"),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--bind: .*acme\.key holds a private key/);
    expect(run.stderr).not.toMatch(/BEGIN/);
  });

  it("an encrypted private key is named as such", () => {
    writeFileSync(
      at("encrypted.key"),
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhs\n-----END ENCRYPTED PRIVATE KEY-----\n",
      { mode: 0o600 },
    );
    const run = runCli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("encrypted.key"),
      "--designer",
      "Acme Semi",
      ...DATE,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/encrypted\.key is an encrypted private key/);
  });
});

describe("stdout", () => {
  it("under | head, a long run ends quietly: no stack trace, no error", () => {
    const rows = Array.from({ length: 30000 }, (_, i) => `P${i},600,800,yes`).join("\n");
    writeFileSync(at("big.csv"), `part,tops_fp8,die_area_mm2,datacenter\n${rows}\n`);
    const run = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" dist/cli/bin.js classify "${at("big.csv")}" --quiet ${DATE.join(" ")} | head -1`],
      { encoding: "utf8" },
    );
    expect(run.stdout).toMatch(/^part,/);
    expect(run.stderr).toBe("");
  });
});

describe("strict JSON", () => {
  it("a duplicate key is an error naming its path (exit 65), never the last value silently", () => {
    const run = runCli(["classify", "-", ...DATE], {
      input: H100.replace('"datacenter": true', '"datacenter": true, "datacenter": false'),
    });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/stdin: datacenter: duplicate key "datacenter"/);
  });

  it("a duplicate key inside an array element is named with its index", () => {
    expect(() => parseJsonText('{"units": [{"count": 1, "count": 2}]}')).toThrow(/duplicate key "count"/);
    try {
      parseJsonText('{"units": [{"count": 1, "count": 2}]}');
    } catch (error) {
      expect((error as { path: string }).path).toBe("units[0].count");
    }
  });

  it("a JSON syntax error gives line and column", () => {
    const run = runCli(["classify", "-", ...DATE], { input: '{\n  "part": "X",\n  "datacenter": tru\n}' });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/not valid JSON: unexpected character; expected a JSON value \(line 3, column 17\)/);
  });

  it('a figure given as 1e400 never suggests the float-rounded "Infinity"', () => {
    const run = runCli(["classify", "-", ...DATE], { input: H100.replace('"1979"', "1e400") });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/give the figure as a string/);
    expect(run.stderr).not.toMatch(/Infinity/);
  });

  it("parses what JSON.parse parses, to the same value", () => {
    const text = '{"a": [1, -2.5e3, "x\\u00e9\\n", true, null, {}], "b": {"c": []}}';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
  });
});

describe("streamed JSON arrays", () => {
  it("a JSON array in gives a JSON array out, one element per element, in order", () => {
    const elements = Array.from({ length: 300 }, (_, i) => H100.replace("H100-SXM5-80GB", `P${i}`));
    const run = runCli(["classify", "-", ...DATE], { input: `[${elements.join(",")}]` });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { part: string }[];
    expect(out.map((r) => r.part)).toEqual(elements.map((_, i) => `P${i}`));
  });

  it("an empty array gives [] and an unclosed array an invalid record", () => {
    expect(runCli(["classify", "-", ...DATE], { input: "[]" }).stdout).toBe("[]\n");
    const run = runCli(["classify", "-", ...DATE], { input: `[${H100}` });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/the array is not closed/);
  });
});

describe("encodings and line ends", () => {
  it("a UTF-16 file with a byte order mark is decoded", () => {
    writeFileSync(at("utf16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")]));
    const run = runCli(["classify", at("utf16.csv"), ...DATE, "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[1]).toMatch(/^A,600,800,yes,4800,6,3A090\.a\.1/);
  });

  it("invalid UTF-8 is an error naming the line, unless --encoding latin1 says what it is", () => {
    writeFileSync(
      at("latin1.csv"),
      Buffer.concat([
        Buffer.from("part,tops_fp8,die_area_mm2,datacenter\nA,600,800,yes\n"),
        Buffer.from("Caf\xe9,1,800,no\n", "latin1"),
      ]),
    );
    const run = runCli(["classify", at("latin1.csv"), ...DATE]);
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/latin1\.csv: line 3: not UTF-8 \(byte 0xe9\).*--encoding latin1/);
    const latin1 = runCli(["classify", at("latin1.csv"), "--encoding", "latin1", ...DATE, "--quiet"]);
    expect(latin1.status).toBe(0);
    expect(latin1.stdout).toMatch(/^Café,1,800,no,/m);
  });

  it("CR-only line ends (Excel for Mac) are read as rows, not folded into the header", () => {
    const run = runCli(["classify", "-", "--format", "csv", ...DATE], { input: CSV.replace(/\n/g, "\r") });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/2 rows read/);
  });

  it("in JSON Lines a bare CR inside a line does not end the record", () => {
    const line = H100.replace(/\n/g, " ").replace('"H100-SXM5-80GB"', '"H100\\r"').replace(", ", ",\r ");
    const run = runCli(["classify", "-", "--format", "jsonl", ...DATE], { input: `${line}\n` });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("a JSON Lines file ending in a blank line has no invalid record", () => {
    const line = H100.replace(/\n/g, " ");
    const run = runCli(["classify", "-", "--format", "jsonl", ...DATE], { input: `${line}\n${line}\n\n` });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("CSV on stdin without --format csv is recognised", () => {
    const run = runCli(["classify", ...DATE, "--quiet"], { input: CSV });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^part,tops_fp8,die_area_mm2,datacenter,tpp,/);
  });

  it.each(["presume", "model"])("CSV given to %s, which reads no CSV, is not told to add --format csv", (command) => {
    const run = runCli([command], { input: CSV });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/it looks like CSV, but this command reads JSON or JSON Lines/);
    expect(run.stderr).not.toMatch(/--format csv/);
  });

  it("an over-long unquoted row is not blamed on a quote", () => {
    const run = runCli(["classify", "-", "--format", "csv", ...DATE], { input: `part,x\n${"a".repeat(4_300_000)}\n` });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/runs past \d+ characters without a line end/);
    expect(run.stderr).not.toMatch(/unbalanced quote/);
  });
});

describe("files named inside inputs", () => {
  beforeAll(() => {
    mkdirSync(at("orders"));
    const signed = runCli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("acme.key"),
      "--designer",
      "Acme Semi",
      ...DATE,
      "--output",
      at("orders/attestation.json"),
    ]);
    expect(signed.status).toBe(0);
    writeFileSync(at("orders/order.json"), readFileSync("data/examples/order-route-a.json", "utf8"));
  });

  it("an attestation path inside an order is read relative to the order file, not the working directory", () => {
    const run = runCli(["presume", at("orders/order.json"), "--trust", at("trusted.json")]);
    expect(run.stdout).not.toMatch(/cannot read attestation/);
    expect(run.stdout).toMatch(/"presumption"/);
  });

  it.each([
    ["a device", "/dev/zero", /not a regular file/],
    ["a folder", "orders", /EISDIR \(is a folder\)/],
  ])("a public key that is %s is refused before it is read", (_, publicKey, message) => {
    writeFileSync(at("bad-trust.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey }] }));
    const run = runCli(["verify", at("orders/attestation.json"), "--trust", at("bad-trust.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("a public key file over 1 MiB is refused, and the content of a file that failed is never quoted", () => {
    writeFileSync(at("huge.pub"), `SECRET-CONTENT ${"x".repeat(1024 * 1024)}`);
    writeFileSync(at("huge-trust.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "huge.pub" }] }));
    const run = runCli(["verify", at("orders/attestation.json"), "--trust", at("huge-trust.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/over the limit of 1048576 bytes/);
    expect(run.stderr).not.toMatch(/SECRET-CONTENT/);
  });
});

describe("messages", () => {
  it.each(["classify", "presume", "plot", "report"])('empty input to %s says "no input"', (command) => {
    const args = command === "report" ? ["report", "--quarter", "2027Q1", ...FABRICATOR] : [command];
    const run = runCli(args, { input: "  \n" });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/no input/);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it.each([["json"], ["jsonl"], ["csv"]])('empty input in --format %s says "no input"', (format) => {
    const run = runCli(["classify", "--format", format, ...DATE], { input: "" });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/no input/);
  });

  it('keygen --out "" is a usage error', () => {
    const run = runCli(["keygen", "--out", ""]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out: give a file name prefix/);
    expect(existsSync(".key")).toBe(false);
  });

  it('a missing file says "no such file" and a folder "is a folder"', () => {
    expect(runCli(["presume", at("nope.json")]).stderr).toMatch(/cannot read .*nope\.json: ENOENT \(no such file\)/);
    expect(runCli(["presume", dir]).stderr).toMatch(/cannot read .*: EISDIR \(is a folder\)/);
  });

  it('report says "1 order read", not "1 orders read"', () => {
    const order = readFileSync("data/examples/orders-2027Q1.jsonl", "utf8").split("\n")[0]!;
    const run = runCli(["report", "--quarter", "2027Q1", "-", ...FABRICATOR], { input: `${order}\n` });
    expect(run.stderr).toMatch(/ic3a090: 1 order read, /);
  });

  it.each([
    ["classify", ["classify", "data/examples/h100.json", "--date", "2026-11-29"]],
    ["classify a catalogue", ["classify", "data/examples/catalogue-small.csv", "--date", "2026-11-29"]],
    ["plot", ["plot", "data/examples/catalogue-small.csv", "--date", "2026-11-29"]],
    ["classify JSON Lines", ["classify", "data/examples/datasheets.jsonl", "--date", "2026-11-29"]],
  ])("--quiet silences the notes and summary of %s", (_, args) => {
    const loud = runCli(args);
    expect(loud.stderr).toMatch(/note:|read/);
    const quiet = runCli([...args, "--quiet"]);
    expect(quiet.stderr).not.toMatch(/note:| read/);
    expect(quiet.stdout).toBe(loud.stdout);
  });
});

describe("bounded output for big inputs", () => {
  const rules = rulesAt("2027-03-15");
  const result = classifyDatasheet(
    parseDatasheet({
      part: "P",
      datacenter: true,
      units: [{ rates: [{ format: "FP8", tops: "600" }] }],
      dies: [{ areaMm2: "800", logic: true, nonPlanar: true }],
    }),
    rules,
  );
  const parts = (count: number): RowOutcome[] =>
    Array.from({ length: count }, (_, i) => ({
      kind: "classified",
      row: i + 2,
      part: `P-${i}`,
      datacenter: true,
      result,
    }));

  it(`the map draws one mark per part up to ${DENSITY_ABOVE} parts`, () => {
    const svg = renderMap(parts(DENSITY_ABOVE), rules);
    expect(svg.match(/<g class="part"/g)?.length).toBe(DENSITY_ABOVE);
    expect(svg).not.toMatch(/class="density"/);
  });

  it(`the map draws a density view from ${DENSITY_ABOVE} + 1 parts`, () => {
    const svg = renderMap(parts(DENSITY_ABOVE + 1), rules);
    expect(svg.match(/<g class="part"/g)).toBeNull();
    expect(svg).toMatch(new RegExp(`<g class="density" data-parts="${DENSITY_ABOVE + 1}"`));
  });
});
