/**
 * A worker thread of src/catalogue/parallel.ts: classifies the chunks it is sent, answering each in turn with its
 * output as UTF-8 bytes, handed over without a copy (the main thread writes them as they are).
 */
import { parentPort, workerData } from "node:worker_threads";
import { ChunkClassifier, type ChunkJob, type ChunkSetup } from "./chunk.js";

const chunks = new ChunkClassifier(workerData as ChunkSetup);
const encoder = new TextEncoder();
parentPort!.on("message", (job: ChunkJob) => {
  const result = chunks.classify(job);
  const output = encoder.encode(result.output as string);
  parentPort!.postMessage({ ...result, output }, [output.buffer]);
});
