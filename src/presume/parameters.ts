/**
 * The parameters of Note 1 to 3A090.a and of § 743.9 in force on a date
 * (data/rules/note1-3A090a.json), after OpenFisca: each value is keyed by the
 * date it took effect and carries the citation that set it. Code never writes
 * 30 billion, 180 days or 31 December 2026; it asks for the value in force.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseDecimal, type Rational } from "../numbers/rational.js";
import {
  assertIncreasingDates,
  type Citation,
  CitationSchema,
  citationText,
  dataUrl,
  DecimalStringSchema,
  entryAt,
  IsoDateSchema,
  loadDataFile,
} from "../rules/dated.js";

const Dated = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    from: IsoDateSchema,
    citation: CitationSchema,
    verified: z.boolean().optional(),
    remark: z.string().optional(),
    ...shape,
  });

const Parameter = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ paragraph: z.string().min(1), description: z.string().min(1), values: z.array(value).min(1) });

const ScheduleEntrySchema = z.union([
  z.object({
    completedFromYear: z.number().int(),
    completedThroughYear: z.number().int().nullable(),
    value: DecimalStringSchema,
    operator: z.literal("<"),
    wording: z.string().min(1),
  }),
  z.object({
    completedFromYear: z.number().int(),
    completedThroughYear: z.number().int().nullable(),
    gap: z.literal(true),
    wording: z.string().min(1),
    remark: z.string().min(1),
  }),
]);

export const Note1FileSchema = z.object({
  verifiedThrough: IsoDateSchema,
  verifiedThroughReason: z.string(),
  parameters: z.object({
    "presumption.scope": Parameter(
      Dated({
        effective: IsoDateSchema,
        compliance: IsoDateSchema,
        bindsFrom: z.enum(["effective", "compliance"]),
        reading: z.string().min(1),
      }),
    ),
    "applicableAdvancedLogic.node": Parameter(
      Dated({ value: DecimalStringSchema, operator: z.literal("<="), wording: z.string().min(1) }),
    ),
    "transistorCount.anyPackage": Parameter(
      Dated({ value: DecimalStringSchema, operator: z.literal("<"), wording: z.string().min(1) }),
    ),
    "transistorCount.withoutHbm": Parameter(Dated({ schedule: z.array(ScheduleEntrySchema).min(1) })),
    "authorizedDesigner.headquarters": Parameter(
      Dated({
        headquarteredIn: z.object({
          countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
          groups: z.array(z.enum(["A:1", "A:5", "A:6", "D:1", "D:4", "D:5"])),
        }),
        wording: z.string().min(1),
      }),
    ),
    "authorizedDesigner.triggerDate": Parameter(Dated({ date: IsoDateSchema, wording: z.string().min(1) })),
    "authorizedDesigner.lapseDays": Parameter(
      Dated({ value: z.string().regex(/^[1-9]\d{0,3}$/), wording: z.string().min(1), reading: z.string().min(1) }),
    ),
    report7439: Parameter(
      Dated({ wording: z.string().min(1), exemption: z.string().min(1), contents: z.string().min(1) }),
    ),
  }),
});
type Note1File = z.infer<typeof Note1FileSchema>;
export type ParameterId = keyof Note1File["parameters"];

export const NOTE1_FILE = "rules/note1-3A090a.json";

/** A year-schedule entry: a threshold, or the written-down 2028 gap. */
export type WithoutHbmEntry =
  | {
      readonly kind: "threshold";
      readonly fromYear: number;
      readonly throughYear: number | null;
      readonly value: Rational;
      readonly wording: string;
    }
  | {
      readonly kind: "gap";
      readonly fromYear: number;
      readonly throughYear: number | null;
      readonly wording: string;
      readonly remark: string;
    };

/** The Note 1 parameters in force on one date. */
export interface Note1Parameters {
  readonly date: string;
  readonly verifiedThrough: string;
  readonly beyondVerified: boolean;
  readonly dataSha256: string;
  /** Undefined before Note 1 took effect. */
  readonly inForce: boolean;
  readonly scope: {
    readonly effective: string;
    readonly compliance: string;
    readonly bindsFrom: string;
    readonly reading: string;
    readonly cites: string;
  };
  readonly node: { readonly value: Rational; readonly wording: string; readonly cites: string };
  readonly anyPackage: { readonly value: Rational; readonly wording: string; readonly cites: string };
  readonly withoutHbm: { readonly schedule: readonly WithoutHbmEntry[]; readonly cites: string };
  readonly headquarters: {
    readonly countries: readonly string[];
    readonly groups: readonly ("A:1" | "A:5" | "A:6" | "D:1" | "D:4" | "D:5")[];
    readonly wording: string;
    readonly cites: string;
  };
  readonly triggerDate: {
    readonly date: string;
    readonly wording: string;
    readonly verified: boolean;
    readonly cites: string;
    readonly from: string;
  };
  readonly lapseDays: {
    readonly days: number;
    readonly wording: string;
    readonly reading: string;
    readonly cites: string;
  };
  readonly report7439: {
    readonly wording: string;
    readonly exemption: string;
    readonly contents: string;
    readonly cites: string;
  };
}

let loaded: { file: Note1File; sha256: string } | undefined;

function load() {
  if (loaded) return loaded;
  const file = loadDataFile(NOTE1_FILE, Note1FileSchema);
  for (const [id, parameter] of Object.entries(file.parameters))
    assertIncreasingDates(parameter.values, `data/${NOTE1_FILE} ${id}`);
  for (const entry of file.parameters["transistorCount.withoutHbm"].values) assertScheduleIsPartition(entry.schedule);
  loaded = {
    file,
    sha256: createHash("sha256")
      .update(readFileSync(dataUrl(NOTE1_FILE)))
      .digest("hex"),
  };
  return loaded;
}

/** Throws unless the year schedule's entries follow each other without overlap or hole, the last one open-ended. */
export function assertScheduleIsPartition(
  schedule: readonly { completedFromYear: number; completedThroughYear: number | null }[],
): void {
  schedule.forEach((entry, i) => {
    const next = schedule[i + 1];
    if (next === undefined) {
      if (entry.completedThroughYear !== null)
        throw new Error(`data/${NOTE1_FILE}: the last year entry must be open-ended`);
      return;
    }
    if (
      entry.completedThroughYear === null ||
      entry.completedThroughYear < entry.completedFromYear ||
      next.completedFromYear !== entry.completedThroughYear + 1
    ) {
      throw new Error(
        `data/${NOTE1_FILE}: year entries must follow each other without overlap or hole ` +
          `(${entry.completedFromYear}-${entry.completedThroughYear} then ${next.completedFromYear})`,
      );
    }
  });
}

/** The first date any Note 1 parameter is in force. */
export function note1FirstDate(): string {
  return load().file.parameters["presumption.scope"].values[0]!.from;
}

function at<T extends { from: string; citation: Citation }>(values: readonly T[], date: string): T & { cites: string } {
  // Before the first entry the earliest one is used only to describe the rule; `inForce` says it did not bind.
  const entry = entryAt(values, date) ?? values[0]!;
  return { ...entry, cites: citationText(entry.citation, entry.from) };
}

/** The Note 1 parameters in force on `date` (YYYY-MM-DD). */
export function note1At(date: string): Note1Parameters {
  const { file, sha256 } = load();
  const p = file.parameters;
  const scope = at(p["presumption.scope"].values, date);
  const node = at(p["applicableAdvancedLogic.node"].values, date);
  const anyPackage = at(p["transistorCount.anyPackage"].values, date);
  const withoutHbm = at(p["transistorCount.withoutHbm"].values, date);
  const headquarters = at(p["authorizedDesigner.headquarters"].values, date);
  const trigger = at(p["authorizedDesigner.triggerDate"].values, date);
  const lapse = at(p["authorizedDesigner.lapseDays"].values, date);
  const report = at(p.report7439.values, date);
  const bindsFrom = scope.bindsFrom === "effective" ? scope.effective : scope.compliance;
  return {
    date,
    verifiedThrough: file.verifiedThrough,
    beyondVerified: date > file.verifiedThrough,
    dataSha256: sha256,
    inForce: date >= bindsFrom,
    scope: {
      effective: scope.effective,
      compliance: scope.compliance,
      bindsFrom,
      reading: scope.reading,
      cites: scope.cites,
    },
    node: { value: parseDecimal(node.value), wording: node.wording, cites: node.cites },
    anyPackage: { value: parseDecimal(anyPackage.value), wording: anyPackage.wording, cites: anyPackage.cites },
    withoutHbm: {
      schedule: withoutHbm.schedule.map(
        (entry): WithoutHbmEntry =>
          "gap" in entry
            ? {
                kind: "gap",
                fromYear: entry.completedFromYear,
                throughYear: entry.completedThroughYear,
                wording: entry.wording,
                remark: entry.remark,
              }
            : {
                kind: "threshold",
                fromYear: entry.completedFromYear,
                throughYear: entry.completedThroughYear,
                value: parseDecimal(entry.value),
                wording: entry.wording,
              },
      ),
      cites: withoutHbm.cites,
    },
    headquarters: {
      countries: headquarters.headquarteredIn.countries,
      groups: headquarters.headquarteredIn.groups,
      wording: headquarters.wording,
      cites: headquarters.cites,
    },
    triggerDate: {
      date: trigger.date,
      wording: trigger.wording,
      verified: trigger.verified ?? true,
      cites: trigger.cites,
      from: trigger.from,
    },
    lapseDays: {
      days: Number.parseInt(lapse.value, 10),
      wording: lapse.wording,
      reading: lapse.reading,
      cites: lapse.cites,
    },
    report7439: {
      wording: report.wording,
      exemption: report.exemption,
      contents: report.contents,
      cites: report.cites,
    },
  };
}

/** The schedule entry for a completion year, or undefined for years before the first entry. */
export function withoutHbmEntryFor(schedule: readonly WithoutHbmEntry[], year: number): WithoutHbmEntry | undefined {
  return schedule.find((entry) => entry.fromYear <= year && (entry.throughYear === null || year <= entry.throughYear));
}
