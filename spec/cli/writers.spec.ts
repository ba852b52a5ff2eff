/**
 * Every writer fails loudly: written to a full device (/dev/full) or to a
 * folder it cannot write (a path under a regular file: root can write
 * anywhere else), each command exits 74 with
 * "cannot write FILE: ENOSPC (no space left on device)" (or ENOTDIR), prints
 * no summary as if it had succeeded, shows no stack trace, and leaves no
 * temporary file behind.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const DATE = ["--date", "2027-03-15"];
const dir = mkdtempSync(join(tmpdir(), "ic3a090-writers-"));
const at = (name: string) => join(dir, name);
const FABRICATOR = ["--fabricator-name", "Fab Co", "--fabricator-address", "1 Fab Road"];

/** Runs the CLI with stdout on /dev/full. */
function toFullDevice(args: readonly string[]) {
  const fd = openSync("/dev/full", "w");
  try {
    const run = spawnSync(process.execPath, ["dist/cli/bin.js", ...args], {
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
    });
    return { status: run.status, stderr: run.stderr };
  } finally {
    closeSync(fd);
  }
}

beforeAll(() => {
  writeFileSync(at("a-file"), "a regular file, not a folder\n");
  // Over 4 MiB: many flushes of the output file, each under way while the next rows are classified, and worker
  // threads past the first 4 MiB with --workers.
  const catalogue = readFileSync("data/catalogue/chips.csv", "utf8");
  const [header, ...rows] = catalogue.trimEnd().split("\n");
  const copies = Math.ceil((5 << 20) / catalogue.length);
  writeFileSync(at("big.csv"), `${header}\n${Array.from({ length: copies }, () => rows.join("\n")).join("\n")}\n`);
  const h100 = readFileSync("data/examples/h100.json", "utf8");
  writeFileSync(at("array.json"), `[${Array.from({ length: 50 }, () => h100).join(",")}]`);
  expect(runCli(["keygen", "--out", at("acme")]).status).toBe(0);
  writeFileSync(at("trusted.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }));
  const signed = runCli([
    "attest",
    "data/examples/attest-example.json",
    "--key",
    at("acme.key"),
    "--designer",
    "Acme Semi",
    ...DATE,
    "--output",
    at("attestation.json"),
  ]);
  expect(signed.status).toBe(0);
});

/** Each writer as [name, arguments before the output option]; all of them take --output. */
const WITH_OUTPUT: [string, () => string[]][] = [
  ["classify a CSV catalogue", () => ["classify", "data/catalogue/chips.csv", ...DATE]],
  ["classify --format table", () => ["classify", "data/catalogue/chips.csv", "--format", "table", ...DATE]],
  ["classify a 5 MiB catalogue", () => ["classify", at("big.csv"), ...DATE]],
  ["classify a 5 MiB catalogue --workers 2", () => ["classify", at("big.csv"), "--workers", "2", ...DATE]],
  ["plot", () => ["plot", "data/catalogue/chips.csv", ...DATE]],
  ["report (Markdown)", () => ["report", "--quarter", "2027Q1", "data/examples/orders-2027Q1.jsonl", ...FABRICATOR]],
  [
    "report (CSV)",
    () => ["report", "--quarter", "2027Q1", "--format", "csv", "data/examples/orders-2027Q1.jsonl", ...FABRICATOR],
  ],
  [
    "attest",
    () => ["attest", "data/examples/attest-example.json", "--key", at("acme.key"), "--designer", "Acme Semi", ...DATE],
  ],
  ["render (Markdown)", () => ["render", at("attestation.json"), "--trust", at("trusted.json")]],
  ["render (HTML)", () => ["render", at("attestation.json"), "--trust", at("trusted.json"), "--format", "html"]],
];

/** Writers to stdout only. */
const TO_STDOUT: [string, string[]][] = [
  ["classify JSON", ["classify", "data/examples/h100.json", ...DATE]],
  ["classify a JSON array", ["classify", at("array.json"), ...DATE]],
  ["classify JSON Lines", ["classify", "data/examples/datasheets.jsonl", ...DATE]],
  ["classify --explain", ["classify", "--explain", "data/examples/h100.json", ...DATE]],
  ["presume", ["presume", "data/examples/orders-2027Q1.jsonl"]],
  ["rules", ["rules", ...DATE]],
  ["schema", ["schema"]],
];

const NO_TRACE = /\n\s+at /;

describe("every writer against a full device: exit 74 and the message", () => {
  it.each(WITH_OUTPUT)("%s --output /dev/full", (_, args) => {
    const run = runCli([...args(), "--output", "/dev/full"]);
    expect(run.stderr).toMatch(/^ic3a090: cannot write \/dev\/full: ENOSPC \(no space left on device\)$/m);
    expect(run.status).toBe(74);
    expect(run.stderr).not.toMatch(NO_TRACE);
    expect(run.stderr).not.toMatch(/rows read|orders read|signed|rendered/);
  });

  it.each(WITH_OUTPUT)("%s > /dev/full", (_, args) => {
    const run = toFullDevice(args());
    expect(run.stderr).toMatch(/^ic3a090: cannot write stdout: ENOSPC \(no space left on device\)$/m);
    expect(run.status).toBe(74);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it.each(TO_STDOUT)("%s > /dev/full", (_, args) => {
    const run = toFullDevice(args);
    expect(run.stderr).toMatch(/^ic3a090: cannot write stdout: ENOSPC \(no space left on device\)$/m);
    expect(run.status).toBe(74);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it("keygen > /dev/full: the keys are written, the failure to say so is exit 74", () => {
    const run = toFullDevice(["keygen", "--out", at("full")]);
    expect(run.status).toBe(74);
    expect(run.stderr).toMatch(/cannot write stdout: ENOSPC \(no space left on device\)/);
  });

  it("verify > /dev/full", () => {
    const run = toFullDevice(["verify", at("attestation.json"), "--trust", at("trusted.json")]);
    expect(run.status).toBe(74);
    expect(run.stderr).toMatch(/cannot write stdout: ENOSPC \(no space left on device\)/);
  });
});

describe("every writer against a folder it cannot write: exit 74, nothing left behind", () => {
  it.each(WITH_OUTPUT)("%s --output a-file/out", (_, args) => {
    const target = join(at("a-file"), "out");
    const run = runCli([...args(), "--output", target]);
    expect(run.stderr).toMatch(
      new RegExp(
        `^ic3a090: cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: ENOTDIR \\(a part of the path is not a folder\\)$`,
        "m",
      ),
    );
    expect(run.status).toBe(74);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it("keygen --out a-file/designer: exit 74, no key file", () => {
    const run = runCli(["keygen", "--out", join(at("a-file"), "designer")]);
    expect(run.status).toBe(74);
    expect(run.stderr).toMatch(/cannot write .*a-file\/designer\.key: ENOTDIR/);
  });

  it("no temporary file is left in the folder of any destination", () => {
    for (const [, args] of WITH_OUTPUT) expect(runCli([...args(), "--output", at("written.out")]).status).not.toBe(74);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(at("written.out"))).toBe(true);
  });
});
