/** `ic3a090 presume [FILE|-]`: orders in, Note 1 to 3A090.a checks out. */
import { type Command, Option } from "commander";
import { renderPresumeExplanation } from "../presume/explain.js";
import { type PresumeOptions, presume } from "../presume/presume.js";
import { PRESUMPTIONS, type PresumeResult } from "../presume/result.js";
import { isIsoDate } from "../rules/dated.js";
import { dirname, resolve } from "node:path";
import { UserError } from "./errors.js";
import { listOption } from "./options.js";
import { runRecords } from "./records.js";
import { type ApprovedList, ApprovedListError, readApprovedList } from "../presume/approved-lists.js";
import type { Gap2028Reading } from "../presume/transistors.js";
import { attestationVerifierOption } from "./verify-command.js";
import { type ShipTo, withLicense } from "../license/presumed-shipment.js";
import { renderLicenseExplanation } from "../license/explain.js";
import { CountryCodeSchema } from "../presume/order.js";

export function presumeCommand(program: Command): void {
  const command = program
    .command("presume")
    .description(
      "Check orders (JSON, a JSON array, or JSON Lines) under Note 1 to 3A090.a: the foundry/OSAT presumption",
    )
    .argument("[FILE]", "order file, or - for stdin", undefined)
    .addOption(
      new Option("--format <format>", "input format: json or jsonl (default: by extension, .jsonl is JSON Lines)"),
    )
    .option("--explain", "print the reasoning for a person instead of JSON")
    .option(
      "--fail-on <values>",
      `exit 1 when a result's presumption is one of these (comma-separated): ${PRESUMPTIONS.join(", ")}`,
    )
    .option(
      "--ship-to <CC>",
      "add the licence answer for shipping the IC to this country (ic3a090 license); or the order's shipTo",
    )
    .option(
      "--ship-from <CC>",
      "with a ship-to: the country shipped from (default: the order's shipFrom, else the packaging location)",
    )
    .option(
      "--end-user-hq <CC>",
      "with a ship-to: where the consignee is headquartered (or the order's endUser.headquarters)",
    )
    .option("--end-user-parent-hq <CC|none>", "with a ship-to: where its ultimate parent is headquartered, or none");
  addPresumeOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 presume data/examples/order-route-b.json
  ic3a090 presume --explain data/examples/order-missing.json
  ic3a090 presume data/examples/orders-2027Q1.jsonl --fail-on applies,indeterminate

Order fields: part, exporter (front-end-fabricator|osat|other), completionDate, logic, containsHbm,
dies [{name, logic, nonPlanar, nodeNm, areaMm2, transistorDensityPerMm2, memoryStack, count}],
aggregatedApproximatedTransistorCount, transistorCountSource, packaging {by, location, osat, osatApproved},
designer {name, headquarters, ultimateParentHeadquarters, locations, approved, agreedToReporting,
approvalApplicationDate, address, pointOfContact}, designerAttestation {tpp, performanceDensity | datasheet,
notSpecifiedIn3A090a}. Figures are decimal strings; countries are ISO 3166-1 alpha-2 codes (MO for Macau).`,
    )
    .action(
      async (
        file: string | undefined,
        options: PresumeCliOptions & ShipToCliOptions & { format?: string; explain?: boolean; failOn?: string },
      ) => {
        const presumeOptions: PresumeOptions = presumeOptionsFrom(options, file);
        const shipTo = shipToOptionsFrom(options);
        const failOn = listOption("--fail-on", options.failOn, PRESUMPTIONS);
        process.exitCode = await runRecords<PresumeResult>(
          {
            evaluate: (value) => withLicense(presume(value, presumeOptions), value, shipTo),
            explain: (result) =>
              result.license
                ? `${renderPresumeExplanation(result)}\n${renderLicenseExplanation(result.license)}`
                : renderPresumeExplanation(result),
            failOn: (result) => failOn.includes(result.presumption),
            tally: (result) => result.presumption,
          },
          { file, format: options.format as never, explain: options.explain === true, readsCsv: false },
        );
      },
    );
}

interface ShipToCliOptions {
  shipTo?: string;
  shipFrom?: string;
  endUserHq?: string;
  endUserParentHq?: string;
}

/** The ship-to options, each checked as an ISO code ("none" for no parent). */
function shipToOptionsFrom(options: ShipToCliOptions): Partial<ShipTo> {
  const code = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const checked = CountryCodeSchema.safeParse(value);
    if (!checked.success) throw new UserError(`${flag}: ${checked.error.issues[0]!.message}`);
    return value;
  };
  const parent = options.endUserParentHq === "none" ? null : code("--end-user-parent-hq", options.endUserParentHq);
  const values = {
    destination: code("--ship-to", options.shipTo),
    exportFrom: code("--ship-from", options.shipFrom),
    headquarters: code("--end-user-hq", options.endUserHq),
    ultimateParentHeadquarters: parent,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** The options `presume` and `report` share. */
export function addPresumeOptions(command: Command): Command {
  return command
    .option(
      "--date <YYYY-MM-DD>",
      "evaluate every order as if completed on this date, instead of its completionDate (what-if)",
    )
    .option("--approved-designers <FILE>", "Supp. 6 list to use (format of data/approved-designers.json)")
    .option("--approved-osats <FILE>", "Supp. 7 list to use (format of data/approved-osats.json)")
    .addOption(
      new Option(
        "--gap-2028 <reading>",
        "reading of the 2028 gap (default: literal text, indeterminate where it matters)",
      ).choices(["literal", "2027-rule", "2029-rule"]),
    )
    .option(
      "--trust <FILE>",
      "trust file of designers' public keys: verifies a signed designerAttestation for route a (ic3a090 verify --help)",
    )
    .option(
      "--require-signed",
      "route a accepts only a signed designerAttestation that verifies against --trust; an unsigned one does not serve it",
    )
    .option("--strict-approved-only", "route a accepts only approved (Supp. 6) designers, as Note 1 ¶d names (A-3)")
    .addOption(
      new Option("--hbm-base-dies <count|exclude>", "count HBM base dies in a computed transistor count (A-6)")
        .choices(["count", "exclude"])
        .default("count"),
    );
}

export interface PresumeCliOptions {
  date?: string;
  approvedDesigners?: string;
  approvedOsats?: string;
  gap2028?: Gap2028Reading;
  strictApprovedOnly?: boolean;
  trust?: string;
  requireSigned?: boolean;
  hbmBaseDies?: "count" | "exclude";
}

/**
 * The library options from the command line; a bad date or list file is a usage error. An attestation
 * named by path inside an order is read relative to the order file's folder (stdin: the working directory).
 */
export function presumeOptionsFrom(options: PresumeCliOptions, inputFile?: string): PresumeOptions {
  if (options.date !== undefined && !isIsoDate(options.date))
    throw new UserError(`--date: "${options.date}" is not a calendar date written YYYY-MM-DD`);
  const list = (flag: string, path: string | undefined): ApprovedList | undefined => {
    if (path === undefined) return undefined;
    try {
      return readApprovedList(path);
    } catch (error) {
      if (error instanceof ApprovedListError) throw new UserError(`${flag}: ${error.message}`);
      throw error;
    }
  };
  const approvedDesigners = list("--approved-designers", options.approvedDesigners);
  const approvedOsats = list("--approved-osats", options.approvedOsats);
  return {
    ...(options.date === undefined ? {} : { date: options.date }),
    ...(approvedDesigners ? { approvedDesigners } : {}),
    ...(approvedOsats ? { approvedOsats } : {}),
    ...(options.gap2028 ? { gap2028: options.gap2028 } : {}),
    ...(options.trust === undefined
      ? {}
      : { verifyAttestation: relativeTo(inputFile, attestationVerifierOption(options.trust)) }),
    strictApprovedOnly: options.strictApprovedOnly === true,
    requireSigned: options.requireSigned === true,
    countHbmBaseDies: options.hbmBaseDies !== "exclude",
  };
}

/** The verifier, with a path given inside an order resolved against the order file's folder (stdin: the working directory). */
function relativeTo<T>(
  inputFile: string | undefined,
  verify: (envelopeOrPath: unknown) => T,
): (envelopeOrPath: unknown) => T {
  const base = inputFile === undefined || inputFile === "-" ? process.cwd() : dirname(resolve(inputFile));
  return (envelopeOrPath) =>
    verify(typeof envelopeOrPath === "string" ? resolve(base, envelopeOrPath) : envelopeOrPath);
}
