/**
 * # ECCN 3A090.c and its technical note
 *
 * > c. High bandwidth memory (HBM) having a 'memory bandwidth density' greater
 * > than 2 gigabytes per second per square millimeter.
 *
 * > Technical Note to 3A090.c: 'Memory bandwidth density' is the memory
 * > bandwidth measured in gigabytes per second divided by the area of the
 * > package or stack measured in square millimeters. [...] HBM includes
 * > dynamic random access memory integrated circuits, regardless of whether
 * > they conform to the JEDEC standards for high bandwidth memory (HBM),
 * > provided they have a 'memory bandwidth density' greater than 2 gigabytes
 * > per second per square millimeter. This control does not cover co-packaged
 * > integrated circuits with both HBM and logic integrated circuit where the
 * > dominant function of the co-packaged integrated circuit is processing. It
 * > does include HBM permanently affixed to a logic integrated circuit designed
 * > as a control interface and incorporating a physical layer (PHY) function.
 *
 * In force from 2 December 2024 (89 FR 96790); before that date an HBM item
 * is outside 3A090.
 */
import { describeComparison, formatForTrace, meets, type RuleSet } from "../rules/rules.js";
import type { HbmDatasheet } from "./datasheet.js";
import type { Classification, TraceStep } from "./result.js";

export function classifyHbm(
  datasheet: HbmDatasheet,
  rules: RuleSet,
): Omit<Classification, "part" | "rulesDate" | "rules" | "itemEccn" | "itemBasis"> {
  const density = datasheet.bandwidthGBps.div(datasheet.areaMm2);
  const threshold = rules.threshold("3A090.c.mbd");
  const trace: TraceStep[] = [
    {
      step: "memory bandwidth density",
      result: "value",
      statement:
        `${datasheet.bandwidthGBps.toExactString()} GB/s ÷ ${datasheet.areaMm2.toExactString()} mm² ` +
        `= ${formatForTrace(density)} GB/s/mm²`,
      citation: (threshold ?? rules.firstThreshold("3A090.c.mbd")).cites,
    },
  ];
  const base = {
    kind: "hbm" as const,
    tpp: null,
    performanceDensity: null,
    performanceDensityExact: null,
    applicableDieAreaMm2: null,
    memoryBandwidthDensity: density.toTruncatedDecimal(6),
    memoryBandwidthDensityExact: density.toFractionString(),
    warnings: [] as string[],
  };

  if (!threshold) {
    const first = rules.firstThreshold("3A090.c.mbd");
    trace.push({
      step: "3A090.c",
      result: "not in force",
      statement: `3A090.c is not in force on ${rules.date}; it took effect on ${first.from} (${first.citation.fr})`,
      citation: first.cites,
    });
    return {
      ...base,
      clause: "none",
      eccn: "none",
      matched: [],
      missing: [],
      notes: [`3A090.c was not in force on ${rules.date}`],
      trace,
    };
  }

  const holds = meets(density, threshold);
  trace.push({
    step: "3A090.c",
    result: holds ? "holds" : "fails",
    statement: describeComparison("memory bandwidth density", density, threshold),
    citation: threshold.cites,
  });
  const notes = [
    `HBM here includes any DRAM with memory bandwidth density ${threshold.wording}, JEDEC-conforming or not, ` +
      "and HBM affixed to a logic control-interface die with a PHY (Technical Note to 3A090.c)",
  ];
  if (!holds) return { ...base, clause: "none", eccn: "none", matched: [], missing: [], notes, trace };

  if (datasheet.coPackagedWithLogic === true) {
    const exclusion =
      "3A090.c does not cover co-packaged ICs with both HBM and logic whose dominant function is processing " +
      "(Technical Note to 3A090.c)";
    if (datasheet.dominantFunctionIsProcessing === true) {
      trace.push({ step: "co-packaged exclusion", result: "applies", statement: exclusion, citation: threshold.cites });
      return {
        ...base,
        clause: "none",
        eccn: "none",
        matched: [],
        missing: [],
        notes: [...notes, 'classify the co-packaged IC itself as an IC (kind "ic") for 3A090.a and .b'],
        trace,
      };
    }
    if (datasheet.dominantFunctionIsProcessing === undefined) {
      trace.push({ step: "co-packaged exclusion", result: "unknown", statement: exclusion, citation: threshold.cites });
      return {
        ...base,
        clause: "indeterminate",
        eccn: "indeterminate",
        matched: [],
        missing: ["dominantFunctionIsProcessing: whether the co-packaged IC's dominant function is processing"],
        notes,
        trace,
      };
    }
    trace.push({
      step: "co-packaged exclusion",
      result: "does not apply",
      statement: `${exclusion}; this one's dominant function is not processing`,
      citation: threshold.cites,
    });
  }
  return { ...base, clause: "3A090.c", eccn: "3A090.c", matched: ["3A090.c"], missing: [], notes, trace };
}
