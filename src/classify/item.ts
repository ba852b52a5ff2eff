/**
 * # The ECCN of the item as shipped
 *
 * > 4A090.a. Computers, 'electronic assemblies,' and 'components' containing
 * > integrated circuits, any of which meets or exceeds the limits in 3A090.a.
 * > 4A090.b. [the same for 3A090.b]
 *
 * > 3A991.p. Integrated circuits, n.e.s., having any of the following:
 * > p.1. A processing performance of 8 TOPS or more; or p.2. An aggregate
 * > bidirectional transfer rate over all inputs and outputs of 150 Gbyte/s or
 * > more to or from integrated circuits other than volatile memories.
 *
 * > 4A994.l. [computers and assemblies] containing integrated circuits, any
 * > of which meets or exceeds the limit of ECCN 3A991.p.
 *
 * > 5A992.z.1. Commodities that are described in 5A992.c and that also meet or
 * > exceed the performance parameters in 3A090.a or 4A090.a; z.2 [... .b].
 * > (5A002.z, 5A004.z, 4A003.z, 4A004.z, 4A005.z and 3A001.z follow the same pattern.)
 *
 * > [.z note] The performance parameters under ECCN 3A090.c are not used for
 * > determining whether an item is classified in a .z ECCN.
 *
 * What a distributor invoices is the ECCN of the item as shipped. This module
 * takes each IC's standing (3A090.a, .b, 3A991.p or none, with what is not
 * known) to the item's paragraph:
 *
 * 1. An IC is 3A090.a/.b as `classify` decides it; otherwise 3A991.p when its
 *    TOPS without bit length is 8 or more, or its I/O rate 150 GB/s or more.
 * 2. An assembly or computer is 4A090.a when any IC meets 3A090.a; else
 *    4A090.b when any meets .b; else 4A994.l when any meets 3A991.p.
 *    3A090.c (HBM) never makes an item 4A090 or .z.
 * 3. The non-datacenter note is decided for the item as marketed: an IC it
 *    excludes cannot make the item 4A090 or .z (the IC is classified with the
 *    item's `datacenter`).
 * 4. With a stated `baseEccn` that has a .z paragraph (data/rules/items.json),
 *    an item meeting the .a (.b) parameters is that .z paragraph's .a (.b)
 *    tier; outside them it is the base entry itself.
 * 5. A missing fact that could change the item's paragraph makes it
 *    `indeterminate`, naming the fact.
 *
 * The numbers (8 TOPS, 150 GB/s) and the .z table live in data; none is written here.
 */
import { Rational } from "../numbers/rational.js";
import { describeComparison, formatForTrace, meets, type RuleSet } from "../rules/rules.js";
import { type ItemRules, itemRulesAt } from "../rules/items.js";
import type { ItemForm } from "./datasheet.js";
import type { TraceStep } from "./result.js";

/** How far an IC takes an item, least controlled first. */
export const ITEM_LEVELS = ["none", "p", "b", "a"] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];

const rank = (level: ItemLevel) => ITEM_LEVELS.indexOf(level);

/**
 * The item paragraphs `--fail-on` accepts besides the IC's (a .z paragraph is matched by its entry's prefix, e.g.
 * 5A992.z).
 */
export const ITEM_PARAGRAPHS = ["4A090.a", "4A090.b", "4A994.l", "3A991.p"] as const;

/** What `missing` says when the I/O rate would settle 3A991.p. */
export const IO_MISSING =
  "ioBandwidthGBps: the aggregate bidirectional I/O rate, which decides 3A991.p.2 when TOPS is below 3A991.p.1";

/** One IC as the item rules see it. */
export interface IcStanding {
  /** "GH100", or "contains[1] (Grace)" on an item with several ICs. */
  readonly label: string;
  /** The IC's 3A090 paragraph and clause, as classified. */
  readonly eccn: string;
  readonly clause: string;
  /** The levels the known facts allow (one when determinate), least controlled first. */
  readonly possible: readonly ItemLevel[];
  /** What would settle the IC's standing. */
  readonly missing: readonly string[];
  /** The 3A991.p test, when the IC is (or may be) outside 3A090.a and .b. */
  readonly step3A991p?: TraceStep;
  /** True when the item's non-datacenter marketing takes this IC (TPP below the note) out of .a and .b. */
  readonly excludedByNonDatacenterNote: boolean;
}

/**
 * 3A991.p for an IC outside 3A090.a/.b: p.1 on TOPS without bit length (2 × MacTOPS over all units,
 * docs/ambiguities.md#a-20), inclusive ("8 TOPS or more"); p.2 on the I/O rate, inclusive ("150 Gbyte/s or more").
 */
export function test3A991p(
  topsWithoutBitLength: Rational,
  io: Rational | undefined,
  rules: RuleSet,
  items: ItemRules,
): { holds: boolean | undefined; step: TraceStep } {
  const p1 = rules.threshold("3A991.p.1.tops")!;
  const p2 = items.io3A991p2;
  const byProcessing = meets(topsWithoutBitLength, p1);
  const byIo = io === undefined ? undefined : meets(io, p2);
  // 3A991.p: p.1 or p.2; unknown only when p.1 fails and the I/O rate that p.2 needs is not given.
  const holds = byProcessing || byIo;
  const ioWords =
    io === undefined
      ? `I/O rate not given (p.2 needs a rate ${p2.wording})`
      : `${describeComparison("I/O GB/s", io, p2)} (p.2)`;
  return {
    holds,
    step: {
      step: "3A991.p",
      result: holdsResult(holds),
      statement:
        `${describeComparison("TOPS without bit length", topsWithoutBitLength, p1)}` +
        ` (p.1; 2 × MacTOPS over all units, no bit length); ${ioWords}`,
      citation: items.paragraph("3A991.p").cites,
    },
  };
}

/** An IC's standing from its classification, its 3A991.p test and the item's datacenter marketing. */
export function icStanding(
  label: string,
  ic: { readonly eccn: string; readonly clause: string; readonly missing: readonly string[]; readonly tpp: Rational },
  p: { holds: boolean | undefined; step: TraceStep },
  datacenter: boolean | null | undefined,
  rules: RuleSet,
): IcStanding {
  const below = levelsBelowBaseEntry(p.holds);
  const ioMissing = p.holds === undefined ? [IO_MISSING] : [];
  const excluded = datacenter === false && meets(ic.tpp, rules.threshold("3A090.nonDatacenter.tpp")!);
  const base = { label, eccn: ic.eccn, clause: ic.clause, excludedByNonDatacenterNote: excluded };
  switch (ic.eccn) {
    case "3A090.a":
      return { ...base, possible: ["a"], missing: [] };
    case "3A090.b":
      return { ...base, possible: ["b"], missing: [] };
    case "indeterminate":
      // Safe rather than tight: an undecided IC may be anything up to .a.
      return { ...base, possible: [...below, "b", "a"], missing: [...ic.missing, ...ioMissing], step3A991p: p.step };
    default:
      return { ...base, possible: below, missing: ioMissing, step3A991p: p.step };
  }
}

/**
 * The item's paragraph before a base entry: 3A090.x or 3A991.p for an IC; 4A090.x or 4A994.l for an assembly or
 * computer.
 */
export function itemParagraphOf(level: ItemLevel, form: ItemForm): string {
  const ic = form === "ic";
  switch (level) {
    case "a":
      return ic ? "3A090.a" : "4A090.a";
    case "b":
      return ic ? "3A090.b" : "4A090.b";
    case "p":
      return ic ? "3A991.p" : "4A994.l";
    case "none":
      return "none";
  }
}

/** True when an item at `level` meets the 3A090/4A090 .a or .b parameters, the test of every .z paragraph. */
export function meetsZParameters(level: ItemLevel): level is "a" | "b" {
  return level === "a" || level === "b";
}

export interface ItemAnswer {
  readonly itemEccn: string;
  readonly itemBasis: readonly TraceStep[];
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

interface Outcome {
  readonly eccn: string;
  readonly steps: readonly TraceStep[];
  readonly missing: readonly string[];
  readonly warnings: readonly string[];
}

/** The item's ECCN at one level: the form's paragraph, then the stated base entry's .z paragraph or the base itself. */
function outcomeAt(level: ItemLevel, form: ItemForm, baseEccn: string | undefined, items: ItemRules): Outcome {
  const paragraph = itemParagraphOf(level, form);
  if (baseEccn === undefined) return { eccn: paragraph, steps: [], missing: [], warnings: [] };
  if (!meetsZParameters(level)) {
    const why =
      level === "none"
        ? "it meets none of 3A090.a/.b, 4A090 and 3A991.p"
        : `it is outside 3A090.a/.b and 4A090 (it would otherwise be ${paragraph})`;
    const cat5 = baseEccn.startsWith("5");
    return {
      eccn: baseEccn,
      steps: [
        {
          step: `base entry ${baseEccn}`,
          result: "applies",
          statement:
            `stated as the entry that describes the item; ${why}, so no .z paragraph applies and the item ` +
            `is ${baseEccn}` +
            (cat5 ? " (Category 5 Part 2 comes first for information-security items)" : ""),
          citation: cat5 ? items.paragraph("category5Part2Note1").cites : items.paragraph("zCarryOver").cites,
        },
      ],
      missing: [],
      warnings: [],
    };
  }
  const z = items.zFor(baseEccn);
  const tier = level === "a" ? ".a" : ".b";
  switch (z.kind) {
    case "z": {
      const eccn = level === "a" ? z.tierA : z.tierB;
      return {
        eccn,
        steps: [
          {
            step: `${z.entry}.z`,
            result: "holds",
            statement:
              `${baseEccn} (stated) and the item meets the performance parameters of 3A090${tier} or ` +
              `4A090${tier}: ${eccn}`,
            citation: z.cites,
          },
        ],
        missing: [],
        warnings: z.caveat ? [`${eccn}: ${z.caveat}`] : [],
      };
    }
    case "paragraph needed":
      return {
        eccn: "indeterminate",
        steps: [
          {
            step: `${z.entry}.z`,
            result: "unknown",
            statement: `${baseEccn} names the entry but not its paragraph, and each paragraph has its own .z sub-paragraph`,
            citation: z.cites,
          },
        ],
        missing: [
          `baseEccn: the paragraph of ${z.entry} that describes the item (its .z sub-paragraph follows it), ` +
            `e.g. "${z.entry}.a"`,
        ],
        warnings: [],
      };
    case "no z":
      return {
        eccn: paragraph,
        steps: [],
        missing: [],
        warnings: [
          `baseEccn ${baseEccn} has no .z paragraph in this tool's rules data; the item meets ` +
            `the ${tier.slice(1)} parameters` +
            ` and is classified ${paragraph}; which of ${baseEccn} and ${paragraph} governs by the order of review` +
            " (Supp. 4 to part 774) is not evaluated",
        ],
      };
  }
}

/**
 * The ECCN of the item made of `ics` (one IC for an IC or a single-IC item), shipped as `form`,
 * with the stated `baseEccn`.
 */
export function decideItem(
  ics: readonly IcStanding[],
  form: ItemForm,
  baseEccn: string | undefined,
  datacenter: boolean | null | undefined,
  rules: RuleSet,
): ItemAnswer {
  const items = itemRulesAt(rules.date);
  const assembly = form !== "ic";
  // The item is at least the most controlled level any IC surely has, and at most the highest any IC may have.
  const floor = ics.reduce((best, ic) => Math.max(best, rank(ic.possible[0]!)), 0);
  const candidates = ITEM_LEVELS.filter(
    (level) => rank(level) >= floor && ics.some((ic) => ic.possible.includes(level)),
  );
  const outcomes = candidates.map((level) => ({ level, ...outcomeAt(level, form, baseEccn, items) }));
  const eccns = [...new Set(outcomes.map((o) => o.eccn))];
  const determinate = eccns.length === 1 && eccns[0] !== "indeterminate";

  const basis: TraceStep[] = [];
  if (assembly) {
    basis.push({
      step: "item",
      result: "value",
      statement:
        `${form === "computer" ? "a computer or system" : "an electronic assembly (card, module, baseboard)"}` +
        `: its ECCN follows from the ICs it contains, marketed ${describeMarketing(datacenter)}`,
      citation: items.paragraph("4A090.a").cites,
    });
  }
  for (const ic of ics) {
    if (!ic.step3A991p || candidates.every(meetsZParameters)) continue;
    basis.push({ ...ic.step3A991p, step: ics.length > 1 ? `3A991.p (${ic.label})` : ic.step3A991p.step });
  }
  const excluded = ics.filter((ic) => ic.excludedByNonDatacenterNote);
  if (excluded.length > 0) {
    basis.push({
      step: "non-datacenter note (item)",
      result: "applies",
      statement:
        `the item is not designed or marketed for datacenters, and ${excluded.map((ic) => ic.label).join(", ")}` +
        (" has TPP below the note's threshold: outside 3A090.a and .b, so it cannot make the item 4A090 or a .z " +
          "paragraph"),
      citation: items.paragraph("zCarryOver").cites,
    });
  }

  const level = determinate ? outcomes[0]!.level : undefined;
  if (level !== undefined && assembly) basis.push(assemblyStep(level, ics, items));
  if (determinate) {
    const steps = outcomes.flatMap((o) => o.steps);
    basis.push(
      ...steps.filter((s, i) => steps.findIndex((t) => t.step === s.step && t.statement === s.statement) === i),
    );
  }

  const itemEccn = determinate ? eccns[0]! : "indeterminate";
  const missing = determinate
    ? []
    : [
        ...new Set([
          ...ics.filter((ic) => ic.possible.length > 1).flatMap((ic) => ic.missing),
          ...outcomes.flatMap((o) => o.missing),
        ]),
      ];
  basis.push({
    step: "item ECCN",
    result: determinate ? "value" : "unknown",
    statement: determinate
      ? `${itemEccn}${baseEccn === undefined ? "" : ` (base entry ${baseEccn} as stated)`}`
      : `one of ${eccns.filter((e) => e !== "indeterminate").join(", ") || "several .z paragraphs"} as the ` +
        "missing facts go",
    citation: determinate ? itemCitation(itemEccn, basis, items, rules) : items.paragraph("4A090.a").cites,
  });

  const notes: string[] = [];
  if (itemEccn === "none") {
    notes.push(
      "item ECCN none: none of the entries this tool evaluates (3A090, 3A991.p, 4A090, 4A994.l and the .z paragraph" +
        " of a stated baseEccn) applies; other entries (e.g. 5A992.c, 5A002, EAR99) were not checked",
    );
  }
  if (baseEccn === undefined && assembly && itemEccn !== "none") {
    notes.push(
      "baseEccn not given: if the item is also described in an entry with a .z paragraph (5A992.c or 5A002 for" +
        " information security, your Category 5 Part 2 determination; 4A003.b/.c, 4A004, 4A005, 5A004, 3A001)," +
        " give it as baseEccn: the item would be that entry's .z paragraph, or the entry itself outside 3A090/4A090",
    );
  }
  return { itemEccn, itemBasis: basis, missing, warnings: [...new Set(outcomes.flatMap((o) => o.warnings))], notes };
}

/**
 * The citation of the paragraph the item ends in: the deciding step's (a .z or base entry), else the paragraph's own.
 */
function itemCitation(itemEccn: string, basis: readonly TraceStep[], items: ItemRules, rules: RuleSet): string {
  switch (itemEccn) {
    case "4A090.a":
    case "4A090.b":
    case "4A994.l":
    case "3A991.p":
      return items.paragraph(itemEccn).cites;
    case "3A090.a":
      return rules.threshold("3A090.a.1.tpp")!.cites;
    case "3A090.b":
      return rules.threshold("3A090.b.1.tpp.min")!.cites;
    case "none":
      return items.paragraph("3A991.p").cites;
    default:
      return basis.at(-1)?.citation ?? items.paragraph("zCarryOver").cites;
  }
}

function describeMarketing(datacenter: boolean | null | undefined): string {
  if (datacenter === true) return "for datacenters";
  if (datacenter === false) return "not for datacenters";
  return "for datacenters or not (not given)";
}

/** A test that may not be settled (undefined) as a trace step's result. */
function holdsResult(holds: boolean | undefined): TraceStep["result"] {
  if (holds === undefined) return "unknown";
  return holds ? "holds" : "fails";
}

/** The levels an IC below the base entry can be at: 3A991.p when that test holds, none when it fails, else either. */
function levelsBelowBaseEntry(pHolds: boolean | undefined): ItemLevel[] {
  if (pHolds === true) return ["p"];
  if (pHolds === false) return ["none"];
  return ["none", "p"];
}

/** 4A090.a, 4A090.b or 4A994.l holding for an assembly or computer, or none of them, naming the IC that decides. */
function assemblyStep(level: ItemLevel, ics: readonly IcStanding[], items: ItemRules): TraceStep {
  const decisive = ics.find((ic) => ic.possible.length === 1 && ic.possible[0] === level);
  const which = decisive ? `${decisive.label}: ${level === "p" ? "3A991.p" : decisive.clause}` : "";
  switch (level) {
    case "a":
    case "b":
      return {
        step: `4A090.${level}`,
        result: "holds",
        statement: `contains an IC that meets 3A090.${level} (${which})`,
        citation: items.paragraph(`4A090.${level}`).cites,
      };
    case "p":
      return {
        step: "4A994.l",
        result: "holds",
        statement: `no IC meets 3A090.a or .b; contains an IC that meets 3A991.p (${which})`,
        citation: items.paragraph("4A994.l").cites,
      };
    case "none":
      return {
        step: "4A090 and 4A994.l",
        result: "fails",
        statement: "no IC meets 3A090.a, 3A090.b or 3A991.p",
        citation: items.paragraph("4A994.l").cites,
      };
  }
}

/**
 * A vendor's stated TPP against the computed one: a warning when they differ by more than the tolerance
 * (data/rules/items.json, a tool setting) or lie on different sides of a TPP threshold in force.
 */
export function statedTppWarnings(label: string, stated: Rational, computed: Rational, rules: RuleSet): string[] {
  const items = itemRulesAt(rules.date);
  const warnings: string[] = [];
  const difference = stated.gte(computed) ? stated.sub(computed) : computed.sub(stated);
  if (!computed.isZero() && difference.gt(items.statedTppTolerance.mul(computed))) {
    const percent = formatForTrace(difference.div(computed).mul(Rational.integer(100)));
    const tolerance = items.statedTppTolerance.mul(Rational.integer(100)).toExactString();
    warnings.push(
      `${label}stated TPP ${stated.toExactString()} differs from the computed TPP ${computed.toExactString()}` +
        ` by ${percent}% (more than ${tolerance}%); classified on the computed TPP`,
    );
  }
  const ids = ["3A090.a.1.tpp", "3A090.a.2.tpp", "3A090.b.1.tpp.min", "3A090.nonDatacenter.tpp"] as const;
  const crossed = ids.map((id) => rules.threshold(id)!).filter((t) => meets(stated, t) !== meets(computed, t));
  const seen = new Set<string>();
  for (const t of crossed) {
    const key = t.value.toExactString();
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push(
      `${label}stated TPP ${stated.toExactString()} and computed TPP ${computed.toExactString()} lie on ` +
        "different sides" +
        ` of ${t.value.toExactString()} (${t.paragraph}, "${t.wording}"); classified on the computed TPP`,
    );
  }
  return warnings;
}
