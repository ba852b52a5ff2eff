/** A worker thread of src/catalogue/parallel.ts: classifies the chunks it is sent, answering each in turn. */
import { parentPort, workerData } from "node:worker_threads";
import { ChunkClassifier, type ChunkJob, type ChunkSetup } from "./chunk.js";

const chunks = new ChunkClassifier(workerData as ChunkSetup);
parentPort!.on("message", (job: ChunkJob) => {
  parentPort!.postMessage(chunks.classify(job));
});
