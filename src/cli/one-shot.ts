/**
 * Imported by bin.ts, before anything else, for a run whose inputs are small (see `readsOnlySmallFiles` there).
 * Zod compiles a parser for each object schema on its first use (`new Function`): that pays off over many records,
 * but a run that parses one datasheet and the rules data spends more compiling than parsing. Without it, zod runs
 * the same checks with the same messages.
 */
import { z } from "zod";

z.config({ jitless: true });
