/**
 * one-shot.ts for the classify bundle (see classify-run.ts): it turns off the compiled parsers of the zod that bundle
 * holds, which is not the one the other commands' chunks hold.
 */
import "./one-shot.js";
