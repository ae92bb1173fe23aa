// One extraction thread of the pool (extract-pool.ts): extracts the articles it is sent, one at a time.
import { parentPort } from "node:worker_threads";
import { extract, type ArticleInput } from "../index.js";

parentPort!.on("message", (m: { id: number; input: ArticleInput }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: extract(m.input) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message || String(e) });
  }
});
