/**
 * keygen, attest, verify and render as a designer and a fab run them, with
 * every exit code the help documents; and the private key never appears in
 * any output or error message of any of these runs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runCli } from "../cli.js";

const DATE = "2027-03-15";
const dir = mkdtempSync(join(tmpdir(), "ic3a090-attest-"));
const at = (name: string) => join(dir, name);
const runs: CliRun[] = [];
function cli(args: string[], input?: string): CliRun {
  const run = runCli(args, input === undefined ? {} : { input });
  runs.push(run);
  return run;
}

beforeAll(() => {
  expect(cli(["keygen", "--out", at("acme")]).status).toBe(0);
  expect(cli(["keygen", "--out", at("beta")]).status).toBe(0);
  writeFileSync(
    at("trusted-designers.json"),
    JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }),
  );
  writeFileSync(
    at("beta-only.json"),
    JSON.stringify({ designers: [{ name: "Beta Logic", publicKey: readFileSync(at("beta.pub"), "utf8") }] }),
  );
  writeFileSync(at("datasheet.pdf"), "%PDF-1.4 the ACME-X1 datasheet, rev C");
  writeFileSync(at("other.pdf"), "%PDF-1.4 some other document");
  const signed = cli([
    "attest",
    "data/examples/attest-example.json",
    "--key",
    at("acme.key"),
    "--designer",
    "Acme Semi",
    "--bind",
    at("datasheet.pdf"),
    "--date",
    DATE,
    "--output",
    at("attestation.json"),
  ]);
  expect(signed.stderr).toMatch(/signed ACME-X1 \(3A090\.b\.1, TPP 4000, PD 3\.100775\) as "Acme Semi"/);
  expect(signed.status).toBe(0);
});

describe("ic3a090 keygen", () => {
  it("writes a PKCS#8 private key with mode 0600 and an SPKI public key", () => {
    expect(statSync(at("acme.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(at("acme.key"), "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(at("acme.pub"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it("refuses to overwrite either file: exit 2, a clear message, the key unchanged", () => {
    const before = readFileSync(at("acme.key"), "utf8");
    const run = cli(["keygen", "--out", at("acme")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/acme\.key already exists; refusing to overwrite a key/);
    expect(readFileSync(at("acme.key"), "utf8")).toBe(before);
  });
});

describe("ic3a090 attest", () => {
  it("writes the envelope to stdout as one line of canonical JSON", () => {
    const run = cli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("acme.key"),
      "--designer",
      "Acme Semi",
      "--date",
      DATE,
    ]);
    expect(run.status).toBe(0);
    const envelope = JSON.parse(run.stdout);
    expect(Object.keys(envelope).sort()).toEqual(["payload", "payloadType", "signatures"]);
    expect(run.stdout.trimEnd().includes("\n")).toBe(false);
  });

  it("refuses a 3A090.a datasheet with exit 1 unless --allow-controlled", () => {
    const refused = cli([
      "attest",
      "data/examples/h100.json",
      "--key",
      at("acme.key"),
      "--designer",
      "Acme Semi",
      "--date",
      DATE,
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /refusing to attest H100-SXM5-80GB: its figures give 3A090\.a\.1 .* --allow-controlled/,
    );
    expect(
      cli([
        "attest",
        "data/examples/h100.json",
        "--key",
        at("acme.key"),
        "--designer",
        "Acme Semi",
        "--date",
        DATE,
        "--allow-controlled",
      ]).status,
    ).toBe(0);
  });

  it("refuses an indeterminate datasheet with exit 1, saying what is missing", () => {
    const { datacenter: _omitted, ...rest } = JSON.parse(readFileSync("data/examples/attest-example.json", "utf8"));
    const run = cli(
      ["attest", "-", "--key", at("acme.key"), "--designer", "Acme Semi", "--date", DATE],
      JSON.stringify(rest),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/indeterminate.*datacenter/);
  });

  it("refuses an invalid datasheet with exit 65, naming the field", () => {
    const run = cli(
      ["attest", "-", "--key", at("acme.key"), "--designer", "Acme Semi", "--date", DATE],
      '{"part": "X", "units": [{"rates": [{"format": "FP8", "tops": 500}]}]}',
    );
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/stdin: units\[0\]\.rates\[0\]\.tops: give the figure as a string/);
  });

  it("refuses a public key or a missing key as --key with exit 2", () => {
    expect(
      cli([
        "attest",
        "data/examples/attest-example.json",
        "--key",
        at("acme.pub"),
        "--designer",
        "Acme Semi",
        "--date",
        DATE,
      ]).stderr,
    ).toMatch(/is not a PEM private key/);
    const missing = cli([
      "attest",
      "data/examples/attest-example.json",
      "--key",
      at("nope.key"),
      "--designer",
      "Acme Semi",
      "--date",
      DATE,
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read private key .*nope\.key: ENOENT/);
  });

  it("refuses the private key given as the datasheet, without quoting it", () => {
    const run = cli(["attest", at("acme.key"), "--key", at("acme.key"), "--designer", "Acme Semi", "--date", DATE]);
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/holds a PEM key, not a datasheet/);
  });
});

describe("ic3a090 verify", () => {
  const verify = (file: string, ...more: string[]) =>
    cli(["verify", file, "--trust", at("trusted-designers.json"), ...more]);

  it("verifies the attestation and the bound datasheet: exit 0", () => {
    const run = verify(at("attestation.json"), "--bind", at("datasheet.pdf"));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^verified: ACME-X1 attested by "Acme Semi" \(key sha256:[0-9a-f]{64}\)/);
    expect(run.stdout).toMatch(/3A090\.b\.1; TPP 4000; PD 400\/129 ≈ 3\.100775; not specified in 3A090\.a: yes/);
    expect(run.stdout).toMatch(/bound file datasheet\.pdf: digest matches/);
  });

  it("--json gives the outcome as data", () => {
    const run = verify(at("attestation.json"), "--json");
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      part: "ACME-X1",
      designer: "Acme Semi",
      clause: "3A090.b.1",
      performanceDensityExact: "400/129",
      rules: { date: DATE },
    });
  });

  it("a tampered copy (one payload character changed) fails with exit 13", () => {
    const text = readFileSync(at("attestation.json"), "utf8");
    const position = text.indexOf('"payload":"') + 40;
    writeFileSync(
      at("tampered.json"),
      text.slice(0, position) + (text[position] === "A" ? "B" : "A") + text.slice(position + 1),
    );
    const run = verify(at("tampered.json"));
    expect(run.status).toBe(13);
    expect(run.stderr).toMatch(
      /verify failed \(bad-signature\): signature does not verify with the key pinned for "Acme Semi"/,
    );
    const json = verify(at("tampered.json"), "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, failure: "bad-signature", exitCode: 13 });
  });

  it("a trust file without the signer's key: exit 12", () => {
    const run = cli(["verify", at("attestation.json"), "--trust", at("beta-only.json")]);
    expect(run.status).toBe(12);
    expect(run.stderr).toMatch(/unknown-key/);
  });

  it("another part expected: exit 18; a file that was not bound: exit 19", () => {
    expect(verify(at("attestation.json"), "--part", "ACME-X2").status).toBe(18);
    const other = verify(at("attestation.json"), "--bind", at("other.pdf"));
    expect(other.status).toBe(19);
    expect(other.stderr).toMatch(
      /other\.pdf .* is not a file bound to this attestation \(bound: datasheet\.pdf sha256/,
    );
  });

  it("random bytes, random JSON and the private key as the envelope: exit 10, a clear message, no stack", () => {
    writeFileSync(at("random.bin"), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)));
    for (const file of [at("random.bin"), "data/examples/h100.json", at("acme.key")]) {
      const run = verify(file);
      expect(run.status).toBe(10);
      expect(run.stderr).toMatch(/^ic3a090: verify failed \(envelope\): not a DSSE envelope/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("a trust file holding a private key is refused with exit 2, without quoting it", () => {
    writeFileSync(
      at("bad-trust.json"),
      JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: readFileSync(at("acme.key"), "utf8") }] }),
    );
    const run = cli(["verify", at("attestation.json"), "--trust", at("bad-trust.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/designers\[0\]\.publicKey holds a private key/);
    writeFileSync(at("bad-trust2.json"), JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.key" }] }));
    expect(cli(["verify", at("attestation.json"), "--trust", at("bad-trust2.json")]).stderr).toMatch(
      /holds a private key/,
    );
  });

  it("a missing trust file is a usage error: exit 2", () => {
    const run = cli(["verify", at("attestation.json"), "--trust", at("none.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read trust file .*none\.json: ENOENT/);
  });
});

describe("ic3a090 render", () => {
  const render = (file: string, format: string, ...more: string[]) =>
    cli(["render", file, "--trust", at("trusted-designers.json"), "--format", format, ...more]);

  it("md: inputs, formula, exact and display values, clause with citation, rules date, fingerprint, payload digest, the verify command", () => {
    const run = render(at("attestation.json"), "md");
    expect(run.status).toBe(0);
    const keyid = JSON.parse(readFileSync(at("attestation.json"), "utf8")).signatures[0].keyid;
    for (const expected of [
      "# Datasheet attestation: ACME-X1",
      "| units\\[0\\].rates\\[0\\].tops | 500 |",
      "Performance density (PD) = TPP ÷ applicable die area in mm²",
      "- **TPP (exact):** 4000",
      "- **PD (exact):** 400/129 TPP/mm²",
      "- **PD (display, truncated to 6 decimals, never rounded up):** 3.100775",
      "- **Citation:** 15 CFR 774 Supp. 1, ECCN 3A090.b.1",
      `- **Rules date:** ${DATE}`,
      `- **Key fingerprint (sha256 of SPKI):** ${keyid}`,
      "- **Payload digest (sha256):** ",
      `ic3a090 verify ${at("attestation.json")} --trust ${at("trusted-designers.json")} --bind datasheet.pdf`,
    ]) {
      expect(run.stdout).toContain(expected);
    }
  });

  it("html escapes what it shows", () => {
    const run = render(at("attestation.json"), "html");
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain("<h1>Datasheet attestation: ACME-X1</h1>");
    expect(run.stdout).toContain("TPP 4000 &lt; 4800");
  });

  it("pdf: a PDF whose text holds the result (read back with pdftotext when installed)", () => {
    const run = render(at("attestation.json"), "pdf", "--output", at("attestation.pdf"));
    expect(run.status).toBe(0);
    const pdf = readFileSync(at("attestation.pdf"));
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    const text = spawnSync("pdftotext", [at("attestation.pdf"), "-"], { encoding: "utf8" });
    if (text.status === 0) {
      expect(text.stdout).toContain("Datasheet attestation: ACME-X1");
      expect(text.stdout).toContain("PD (exact): 400/129");
      expect(text.stdout).toContain(">= 2400");
    }
  });

  it("refuses to render a tampered copy, with verify's exit code and nothing on stdout", () => {
    const run = render(at("tampered.json"), "md");
    expect(run.status).toBe(13);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/not rendered: verify failed \(bad-signature\)/);
  });

  it("refuses an unknown format with exit 2", () => {
    expect(render(at("attestation.json"), "docx").status).toBe(2);
  });
});

describe("ic3a090 presume --trust", () => {
  const order = (attestation: string) =>
    JSON.stringify({
      ...JSON.parse(readFileSync("data/examples/order-route-a.json", "utf8")),
      designerAttestation: attestation,
    });

  it("overcomes the presumption by route a with the verified attestation", () => {
    const run = cli(["presume", "-", "--trust", at("trusted-designers.json")], order(at("attestation.json")));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      presumption: "overcome",
      route: "a",
      attestedClause: "3A090.b.1",
      warnings: [],
    });
  });

  it("refuses the tampered copy: the presumption applies", () => {
    const run = cli(
      ["presume", "-", "--trust", at("trusted-designers.json"), "--fail-on", "applies"],
      order(at("tampered.json")),
    );
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ presumption: "applies", treatAs: "3A090.a" });
    expect(result.warnings.join("\n")).toMatch(/bad-signature/);
  });

  it("a trust file that cannot be used is a usage error (exit 2), not a refused order", () => {
    const run = cli(["presume", "-", "--trust", at("bad-trust.json")], order(at("attestation.json")));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--trust: .*holds a private key/);
  });
});

afterAll(() => {
  // The private keys never appear in any output or error message of any run above.
  const bodies = ["acme.key", "beta.key"].flatMap((name) =>
    readFileSync(at(name), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("-----")),
  );
  expect(bodies.length).toBeGreaterThan(0);
  expect(runs.length).toBeGreaterThan(25);
  for (const run of runs) {
    for (const body of bodies) {
      expect(run.stdout.includes(body) || run.stderr.includes(body)).toBe(false);
      // nor a 16-character piece of it (an excerpt in an error message)
      for (let i = 0; i + 16 <= body.length; i += 8) expect(run.stderr.includes(body.slice(i, i + 16))).toBe(false);
    }
  }
});
