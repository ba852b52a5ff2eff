/**
 * Imported by classify-run.ts: hands the rules data that the build validated to ../rules/checked-data.ts, so that a
 * run on the same data files does not validate them again. scripts/build-cli.mjs writes the records into the classify
 * bundle in place of the empty object below; unbundled (tsc's output, or src/ under tsx) there are none, and every
 * file is validated.
 */
import { trustCheckedData } from "../rules/checked-data.js";

trustCheckedData({ files: {}, digests: {} });
