/** Builders for items (cards, baseboards, systems) around the exact test chips of spec/classify/build.ts. */
import { classify } from "../../src/index.js";
import { chip, type ChipSpec, DATE } from "../classify/build.js";

export interface ItemSpec extends ChipSpec {
  readonly form?: "ic" | "assembly" | "computer";
  readonly baseEccn?: string;
  readonly io?: string;
  readonly statedTpp?: string;
}

/** A datasheet for an item whose one kind of IC has exactly the TPP (and PD) named. */
export function item({ form = "assembly", baseEccn, io, statedTpp, ...ic }: ItemSpec): Record<string, unknown> {
  return {
    ...chip(ic),
    form,
    ...(baseEccn === undefined ? {} : { baseEccn }),
    ...(io === undefined ? {} : { ioBandwidthGBps: io }),
    ...(statedTpp === undefined ? {} : { statedTpp }),
  };
}

/** Classifies on the spec date. */
export const at = (input: unknown) => classify(input, { date: DATE });

/** The item ECCN for an item spec. */
export const itemEccnOf = (spec: ItemSpec) => at(item(spec)).itemEccn;
