/**
 * Properties run with a fixed seed, so a failure replays; set FC_SEED to
 * explore other seeds locally (the seed is printed on failure).
 */
import fc from "fast-check";

const seed = process.env.FC_SEED === undefined ? 20261122 : Number.parseInt(process.env.FC_SEED, 10);
fc.configureGlobal({ seed, numRuns: 200 });
