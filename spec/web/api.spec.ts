/**
 * The HTTP API answers with exactly the bytes the CLI prints for the same
 * input (requests injected, no network): classify, presume, verify, the
 * catalogue, rules and schemas; invalid input gets 400 with the CLI's error
 * object; 404, 405, 413; a path in an order is never opened; no stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTrustFile } from "../../src/attest/trust.js";
import { attestationVerifierFor } from "../../src/attest/order-check.js";
import { BODY_LIMITS } from "../../src/web/api.js";
import { buildServer, CONTENT_SECURITY_POLICY } from "../../src/web/server.js";
import { runCli } from "../cli.js";

const DATE = "2027-03-15";
const dir = mkdtempSync(join(tmpdir(), "ic3a090-web-"));
const at = (name: string) => join(dir, name);
const example = (name: string) => readFileSync(`data/examples/${name}`, "utf8");

let server: ReturnType<typeof buildServer>;

beforeAll(async () => {
  expect(runCli(["keygen", "--out", at("acme")]).status).toBe(0);
  writeFileSync(
    at("trusted-designers.json"),
    JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }),
  );
  writeFileSync(at("datasheet.pdf"), "%PDF-1.4 the ACME-X1 datasheet, rev C");
  const args = ["attest", "data/examples/attest-example.json", "--key", at("acme.key"), "--designer", "Acme Semi"];
  expect(
    runCli([...args, "--bind", at("datasheet.pdf"), "--date", DATE, "--output", at("attestation.json")]).status,
  ).toBe(0);
  const trustFile = at("trusted-designers.json");
  server = buildServer({
    context: {
      presumeOptions: { verifyAttestation: attestationVerifierFor(trustFile) },
      trust: loadTrustFile(trustFile),
    },
  });
  await server.ready();
});

afterAll(async () => {
  await server.close();
});

const post = (url: string, payload: string, contentType = "application/json") =>
  server.inject({ method: "POST", url, payload, headers: { "content-type": contentType } });

describe("POST /api/v1/classify: the bytes of ic3a090 classify", () => {
  it("one datasheet: the CLI's JSON, 200", async () => {
    const response = await post(`/api/v1/classify?date=${DATE}`, example("h100.json"));
    const cli = runCli(["classify", "-", "--date", DATE], { input: example("h100.json") });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(cli.stdout);
    expect(JSON.parse(response.body).clause).toBe("3A090.a.1");
  });

  it("an array with an invalid record: the CLI's array with its error object in place, 400 (the CLI's exit 65)", async () => {
    const input = `[${example("h100.json")}, {"part": "broken", "units": []}]`;
    const response = await post(`/api/v1/classify?date=${DATE}`, input);
    const cli = runCli(["classify", "-", "--date", DATE], { input });
    expect(cli.status).toBe(65);
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe(cli.stdout);
    expect(JSON.parse(response.body)[1].error.message).toMatch(/^stdin\[1\]: units: /);
  });

  it("JSON Lines, with a blank line and a CRLF: the CLI's lines, line numbers and all", async () => {
    const lines = example("datasheets.jsonl").replace(/\n/, "\r\n");
    const input = `${lines}\n{"part":"x"}\n`;
    const response = await post(`/api/v1/classify?date=${DATE}`, input, "application/x-ndjson");
    const cli = runCli(["classify", "-", "--format", "jsonl", "--date", DATE], { input });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    expect(response.body).toBe(cli.stdout);
  });

  it("a body that is not JSON: the CLI's error object with the same message text, 400", async () => {
    const response = await post("/api/v1/classify", "{not json");
    const cli = runCli(["classify", "-"], { input: "{not json" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe(cli.stdout);
  });

  it("a date the rules do not cover: 400 with the CLI's --date message, no stack trace", async () => {
    const response = await post("/api/v1/classify?date=1999-01-01", example("h100.json"));
    const cli = runCli(["classify", "-", "--date", "1999-01-01"], { input: example("h100.json") });
    expect(response.statusCode).toBe(400);
    expect(`ic3a090: ${JSON.parse(response.body).error.message}\n`).toBe(cli.stderr);
    expect(response.body).not.toMatch(/\n\s+at /);
  });
});

describe("POST /api/v1/presume: the bytes of ic3a090 presume", () => {
  for (const name of ["order-route-b.json", "order-missing.json", "order-2028-gap.json"]) {
    it(`${name}: the CLI's JSON`, async () => {
      const response = await post("/api/v1/presume", example(name));
      const cli = runCli(["presume", "-", "--trust", at("trusted-designers.json")], { input: example(name) });
      expect(response.body).toBe(cli.stdout);
      expect(response.statusCode).toBe(cli.status === 65 ? 400 : 200);
    });
  }

  it("JSON Lines with a date (what-if): the CLI's lines", async () => {
    const response = await post(
      "/api/v1/presume?date=2027-06-01",
      example("orders-2027Q1.jsonl"),
      "application/x-ndjson",
    );
    const cli = runCli(["presume", "-", "--format", "jsonl", "--date", "2027-06-01"], {
      input: example("orders-2027Q1.jsonl"),
    });
    expect(response.body).toBe(cli.stdout);
  });

  it("an inline signed attestation is verified against the server's trust file", async () => {
    const order = {
      ...JSON.parse(example("order-route-a.json")),
      designerAttestation: JSON.parse(readFileSync(at("attestation.json"), "utf8")),
    };
    const input = JSON.stringify(order);
    const response = await post("/api/v1/presume", input);
    const cli = runCli(["presume", "-", "--trust", at("trusted-designers.json")], { input });
    expect(response.body).toBe(cli.stdout);
  });

  it("a designerAttestation given as a path is refused, never opened: the CLI's answer but for the reason", async () => {
    const response = await post("/api/v1/presume", example("order-route-a.json"));
    const cli = runCli(["presume", "-", "--trust", at("trusted-designers.json")], {
      input: example("order-route-a.json"),
    });
    const refusal =
      'designerAttestation \\"attestation.json\\" is a path; the server opens no path from a request: give the envelope inline';
    expect(response.body).toContain(refusal);
    expect(response.body).toBe(
      cli.stdout.replace(/cannot read attestation [^"]*attestation\.json: ENOENT \(no such file\)/g, refusal),
    );
  });
});

describe("POST /api/v1/verify: the JSON of ic3a090 verify --json, trust from the server only", () => {
  it("a good envelope with its bound file: ok, byte for byte", async () => {
    const envelope = readFileSync(at("attestation.json"), "utf8");
    const files = [{ name: "datasheet.pdf", base64: readFileSync(at("datasheet.pdf")).toString("base64") }];
    const response = await post("/api/v1/verify", JSON.stringify({ envelope, files }));
    const cli = runCli([
      "verify",
      at("attestation.json"),
      "--trust",
      at("trusted-designers.json"),
      "--bind",
      at("datasheet.pdf"),
      "--json",
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(cli.stdout);
    expect(JSON.parse(response.body).ok).toBe(true);
  });

  it("the envelope as the body, and a tampered bound file: the failed check, as the CLI names it", async () => {
    expect(JSON.parse((await post("/api/v1/verify", readFileSync(at("attestation.json"), "utf8"))).body).ok).toBe(true);
    writeFileSync(at("tampered.pdf"), "%PDF-1.4 the ACME-X1 datasheet, rev D");
    const envelope = readFileSync(at("attestation.json"), "utf8");
    const response = await post(
      "/api/v1/verify",
      JSON.stringify({
        envelope,
        files: [{ name: "tampered.pdf", base64: readFileSync(at("tampered.pdf")).toString("base64") }],
      }),
    );
    const cli = runCli([
      "verify",
      at("attestation.json"),
      "--trust",
      at("trusted-designers.json"),
      "--bind",
      at("tampered.pdf"),
      "--json",
    ]);
    expect(cli.status).toBe(19);
    expect(response.body).toBe(cli.stdout);
  });

  it("POST /api/v1/render: the document of ic3a090 render for a verified envelope; 422 with the failed check otherwise", async () => {
    const envelope = readFileSync(at("attestation.json"), "utf8");
    const response = await post("/api/v1/render?format=md", envelope);
    const cli = runCli(["render", at("attestation.json"), "--trust", at("trusted-designers.json"), "--format", "md"]);
    expect(response.statusCode).toBe(200);
    const named = cli.stdout
      .replaceAll(at("attestation.json"), "attestation.json")
      .replaceAll(at("trusted-designers.json"), "trusted-designers.json");
    expect(response.body).toBe(named);
    const other = await post("/api/v1/render", JSON.stringify({ envelope, part: "OTHER-PART" }));
    expect(other.statusCode).toBe(422);
    expect(JSON.parse(other.body).failure).toBe("part");
  });

  it("a server started without --trust answers 503, and takes no trust from the request", async () => {
    const bare = buildServer({ context: { presumeOptions: {}, trust: undefined } });
    const response = await bare.inject({
      method: "POST",
      url: "/api/v1/verify",
      payload: readFileSync(at("attestation.json"), "utf8"),
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).error.message).toMatch(/started without --trust/);
    await bare.close();
  });
});

describe("POST /api/v1/catalogue: the CSV of ic3a090 classify FILE.csv, streamed", () => {
  it("the bundled catalogue: byte for byte", async () => {
    const csv = readFileSync("data/catalogue/chips.csv", "utf8");
    const response = await post(`/api/v1/catalogue?date=${DATE}`, csv, "text/csv");
    const cli = runCli(["classify", "data/catalogue/chips.csv", "--date", DATE]);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.body).toBe(cli.stdout);
    expect(response.body.trimEnd().split("\n")).toHaveLength(49);
  });

  it("a catalogue without a part column: 400 with the CLI's message, before any row", async () => {
    const response = await post(`/api/v1/catalogue?date=${DATE}`, "a,b\n1,2\n", "text/csv");
    const cli = runCli(["classify", "-", "--format", "csv", "--date", DATE], { input: "a,b\n1,2\n" });
    expect(response.statusCode).toBe(400);
    expect(`ic3a090: ${JSON.parse(response.body).error.message}`).toBe(cli.stderr.trimEnd().split("\n").at(-1));
  });
});

describe("GET /api/v1/rules and /api/v1/schema/*", () => {
  it("rules of a date: the JSON of ic3a090 rules --json", async () => {
    const response = await server.inject({ method: "GET", url: `/api/v1/rules?date=${DATE}` });
    expect(response.body).toBe(runCli(["rules", "--json", "--date", DATE]).stdout);
  });

  it("the datasheet schema: the JSON of ic3a090 schema, and the published order schema", async () => {
    expect((await server.inject({ method: "GET", url: "/api/v1/schema/datasheet" })).body).toBe(
      runCli(["schema"]).stdout,
    );
    expect(JSON.parse((await server.inject({ method: "GET", url: "/api/v1/schema/order" })).body).type).toBe("object");
  });
});

describe("HTTP edges", () => {
  it("404 for an unknown path, 405 with Allow for a wrong method", async () => {
    const missing = await server.inject({ method: "GET", url: "/api/v1/nothing" });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.message).toMatch(/no such page or endpoint/);
    const wrong = await server.inject({ method: "GET", url: "/api/v1/classify" });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toMatch(/POST/);
    expect((await server.inject({ method: "DELETE", url: "/api/v1/rules" })).statusCode).toBe(405);
  });

  it("413 for a body one byte over the limit, 200 at the limit's side", async () => {
    const over = " ".repeat(BODY_LIMITS.json + 1 - example("h100.json").length) + example("h100.json");
    const response = await post("/api/v1/classify?date=2027-03-15", over);
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body).error.message).toMatch(/larger than this endpoint's limit/);
    const at = " ".repeat(BODY_LIMITS.json - example("h100.json").length) + example("h100.json");
    expect((await post("/api/v1/classify?date=2027-03-15", at)).statusCode).toBe(200);
  });

  it("every response carries the strict Content-Security-Policy", async () => {
    const response = await server.inject({ method: "GET", url: "/api/v1/rules" });
    expect(response.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
  });

  it("a loopback server refuses a foreign Host header (DNS rebinding)", async () => {
    const guarded = buildServer({ context: { presumeOptions: {}, trust: undefined }, loopbackOnly: true });
    expect(
      (await guarded.inject({ method: "GET", url: "/api/v1/rules", headers: { host: "evil.example" } })).statusCode,
    ).toBe(421);
    expect(
      (await guarded.inject({ method: "GET", url: "/api/v1/rules", headers: { host: "127.0.0.1:8080" } })).statusCode,
    ).toBe(200);
    await guarded.close();
  });
});

describe("POST /api/v1/license: the bytes of ic3a090 license", () => {
  const shipments = readFileSync("data/examples/shipments.jsonl", "utf8");

  it("JSON Lines of shipments: byte for byte", async () => {
    const response = await post("/api/v1/license?date=2026-11-29", shipments, "application/x-ndjson");
    const cli = runCli(["license", "-", "--format", "jsonl", "--date", "2026-11-29"], { input: shipments });
    expect(response.statusCode).toBe(200);
    expect(cli.status).toBe(0);
    expect(response.body).toBe(cli.stdout);
  });

  it("as written: the mode is passed through, byte for byte", async () => {
    const one = shipments.split("\n")[0]!;
    const response = await post("/api/v1/license?date=2026-11-29&mode=as-written", one);
    const cli = runCli(["license", "-", "--date", "2026-11-29", "--mode", "as-written"], { input: one });
    expect(response.body).toBe(cli.stdout);
    expect(JSON.parse(response.body).mode).toBe("as-written");
  });

  it("a misspelt field: 400 with the CLI's error object; an unknown mode: 400", async () => {
    const bad =
      '{"shipment":"S1","item":{"eccn":"3A090.a","datacentre":true},"destination":"DE","transaction":"export"}';
    const response = await post("/api/v1/license?date=2026-11-29", bad);
    const cli = runCli(["license", "-", "--date", "2026-11-29"], { input: bad });
    expect(response.statusCode).toBe(400);
    expect(cli.status).toBe(65);
    expect(response.body).toBe(cli.stdout);
    expect(response.body).toContain('did you mean \\"datacenter\\"');
    expect((await post("/api/v1/license?mode=loose", bad)).statusCode).toBe(400);
  });
});
