/**
 * The app in a real browser (Debian's Chromium driven by playwright-core),
 * against `ic3a090 serve` as a user starts it: the calculator, a rate moved
 * across 4800, the bundled catalogue, a good and a tampered attestation, a
 * shipment's licence answer, and a hostile part name that must render as
 * text. Screenshots of each page go to spec/.results/ (ignored by git) for a person to look at.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
const SHOTS = "spec/.results/web";
const DATE = "2027-03-15";
const HOSTILE = "<img src=x onerror=alert(1)>";
const dir = mkdtempSync(join(tmpdir(), "ic3a090-browser-"));
const at = (name: string) => join(dir, name);

let server: ChildProcess;
let origin: string;
let browser: Browser;
let page: Page;
/** The server and the browser share two cores with the rest of the suite: wait for answers generously. */
const POLL = { timeout: 30_000, interval: 100 };
const dialogs: string[] = [];
const requested: string[] = [];

async function startServer(): Promise<void> {
  server = spawn(
    process.execPath,
    ["dist/cli/bin.js", "serve", "--port", "0", "--trust", at("trusted-designers.json")],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /http:\/\/[^/\s]+/.exec(out);
      if (match) resolve(match[0]);
    });
    server.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
}

async function show(hash: string): Promise<void> {
  await page.goto(`${origin}/#${hash}`);
  await page.getByTestId("rules-date").fill(DATE);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!CHROMIUM)(
  `the app in Chromium${CHROMIUM ? "" : " (skipped: no chromium; apt-get install -y chromium)"}`,
  () => {
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      expect(runCli(["keygen", "--out", at("acme")]).status).toBe(0);
      writeFileSync(
        at("trusted-designers.json"),
        JSON.stringify({ designers: [{ name: "Acme Semi", publicKey: "acme.pub" }] }),
      );
      writeFileSync(at("datasheet.pdf"), "%PDF-1.4 the ACME-X1 datasheet, rev C");
      writeFileSync(at("tampered.pdf"), "%PDF-1.4 the ACME-X1 datasheet, rev D");
      const args = [
        "attest",
        "data/examples/attest-example.json",
        "--key",
        at("acme.key"),
        "--designer",
        "Acme Semi",
        "--bind",
        at("datasheet.pdf"),
      ];
      expect(runCli([...args, "--date", DATE, "--output", at("attestation.json")]).status).toBe(0);
      await startServer();
      browser = await chromium.launch({
        executablePath: CHROMIUM!,
        args: ["--no-sandbox", "--disable-gpu", "--no-proxy-server"],
      });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("request", (request) => requested.push(request.url()));
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      server?.kill("SIGINT");
    });

    it("the calculator classifies the H100 as 3A090.a.1, with its trace and citations, and states the rules dates", async () => {
      await show("calculator");
      await expect.poll(() => page.getByTestId("headline").textContent(), POLL).toBe("3A090.a.1");
      expect(await page.locator(".trace summary").textContent()).toMatch(/^Trace \(\d+ steps\)$/);
      expect(await page.locator(".trace cite").first().textContent()).toMatch(/15 CFR 774 Supp\. 1, ECCN 3A090/);
      // The banner follows the date the page was given; it may still show today's for a moment after the headline.
      await expect
        .poll(() => page.getByTestId("rules-banner").textContent(), POLL)
        .toMatch(/Rules in force on 2027-03-15; rules data verified through \d{4}-\d\d-\d\d.*not legal advice/);
      await page.getByTestId("map").waitFor();
      await shot("calculator");
    });

    it("moving a rate across TPP 4800 changes the clause: 600 FP8 TOPS is 3A090.a.1, 599.999 is not", async () => {
      await show("calculator");
      const datasheet = {
        part: "Edge",
        kind: "ic",
        datacenter: true,
        units: [{ count: 1, rates: [{ format: "FP8", tops: "600" }] }],
      };
      await page.getByTestId("datasheet-json").fill(JSON.stringify(datasheet));
      await expect.poll(() => page.locator('[data-field="tpp"] dd').textContent(), POLL).toBe("4800");
      expect(await page.getByTestId("headline").textContent()).toBe("3A090.a.1");
      await page.getByTestId("tops-0").fill("599.999");
      await expect.poll(() => page.locator('[data-field="tpp"] dd').textContent(), POLL).toBe("4799.992");
      expect(await page.getByTestId("headline").textContent()).not.toBe("3A090.a.1");
      await shot("calculator-edge");
    });

    it("a part named like an HTML element renders as text, in the calculator and in the catalogue", async () => {
      await show("calculator");
      const datasheet = {
        part: HOSTILE,
        kind: "ic",
        datacenter: true,
        units: [{ count: 1, rates: [{ format: "FP8", tops: "600" }] }],
      };
      await page.getByTestId("datasheet-json").fill(JSON.stringify(datasheet));
      await expect.poll(() => page.locator(".headline .part").textContent(), POLL).toBe(HOSTILE);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      writeFileSync(at("hostile.csv"), `part,kind,datacenter,tops_fp8\n"${HOSTILE}",ic,yes,600\n`);
      await show("catalogue");
      await page.getByTestId("catalogue-file").setInputFiles(at("hostile.csv"));
      await expect.poll(() => page.getByTestId("row-count").textContent(), POLL).toBe("1 of 1 rows");
      expect(await page.getByTestId("catalogue-table").locator("tbody td", { hasText: HOSTILE }).count()).toBe(1);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });

    it("the bundled catalogue: 48 rows, filterable, with the map", async () => {
      await show("catalogue");
      await page.getByTestId("catalogue-file").setInputFiles("data/catalogue/chips.csv");
      await expect.poll(() => page.getByTestId("row-count").textContent(), POLL).toBe("48 of 48 rows");
      await page.getByTestId("catalogue-map").waitFor();
      await page.locator(".filters select").first().selectOption("3A090.a.1");
      expect(await page.getByTestId("row-count").textContent()).toMatch(/^\d+ of 48 rows$/);
      await shot("catalogue");
    });

    it("verifies a good attestation with its bound file, and names the failed check for a tampered file", async () => {
      await show("verify");
      await page.getByTestId("envelope").setInputFiles(at("attestation.json"));
      await page.getByTestId("bound").setInputFiles(at("datasheet.pdf"));
      await page.getByTestId("verify").click();
      await page.getByTestId("verified").waitFor();
      expect(await page.getByTestId("verified").textContent()).toMatch(/ACME-X1 attested by “Acme Semi”/);
      await page.getByTestId("document").waitFor();
      expect(await page.getByTestId("document").textContent()).toMatch(/ACME-X1/);
      await shot("verify-good");
      await page.getByTestId("bound").setInputFiles(at("tampered.pdf"));
      await page.getByTestId("verify").click();
      await page.getByTestId("failed").waitFor();
      expect(await page.getByTestId("failed").textContent()).toMatch(/failed: bound-file/);
      await shot("verify-tampered");
    });

    it("the order check shows the presumption, its routes and the § 743.9 flag", async () => {
      await show("order");
      await expect.poll(() => page.getByTestId("headline").textContent(), POLL).toBe("overcome");
      expect(await page.locator('[data-field="reportable7439"] dt').textContent()).toBe("§ 743.9 report");
      expect(await page.locator('[data-field="routes"] dd').textContent()).toMatch(/b: overcomes/);
      await shot("order");
    });

    it("an Excel workbook uploads like a CSV: its rows classified in the table", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Parts");
      sheet.addRow(["part", "kind", "datacenter", "tops_fp8", "die_area_mm2"]);
      sheet.addRow(["Edge-a1", "ic", true, 600, null]);
      sheet.addRow(["Broken", "ic", "yes", "1,979", 814]);
      await workbook.xlsx.writeFile(at("parts.xlsx"));
      await show("catalogue");
      await page.getByTestId("catalogue-file").setInputFiles(at("parts.xlsx"));
      await expect.poll(() => page.getByTestId("row-count").textContent(), POLL).toBe("2 of 2 rows");
      expect(await page.locator("tr.invalid").count()).toBe(1);
      await shot("catalogue-xlsx");
    });

    it("the licence page: an H100-class board to Germany needs no licence; the same to CN does", async () => {
      await show("license");
      await page.getByRole("button", { name: "H100 SXM5 board to DE" }).click();
      await expect.poll(() => page.getByTestId("licence-required").textContent(), POLL).toBe("no");
      expect(await page.getByTestId("item-eccn").textContent()).toBe("4A090.a");
      expect(await page.getByTestId("rules-banner").textContent()).toMatch(
        /verified through \d{4}-\d\d-\d\d.*not legal advice/,
      );
      await shot("license-de");
      await page.getByTestId("destination").fill("CN");
      await expect.poll(() => page.getByTestId("licence-required").textContent(), POLL).toBe("yes");
      expect(JSON.parse((await page.getByTestId("shipment-json").inputValue()) || "{}").destination).toBe("CN");
      await page.locator(".trace summary").waitFor();
      await shot("license-cn");
    });

    it("the pages asked nothing of any other origin", () => {
      expect(requested.length).toBeGreaterThan(10);
      expect(
        requested.filter(
          (url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"),
        ),
      ).toEqual([]);
    });
  },
);
