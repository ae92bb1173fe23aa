// Extraction on worker threads, so that reading sources and writing the store (the main thread) overlap with
// extracting (CPU-bound, ~2 ms an article). Each call resolves with its own article's result.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { extract, type ArticleInput, type ExtractionJson } from "../index.js";

export interface Extractor {
  /** resolves with the extraction, or rejects with the article's own error (the others go on) */
  extract(input: ArticleInput): Promise<ExtractionJson>;
  close(): Promise<void>;
}

/** One worker per core, at most 4: more than the cores only adds start-up (each loads its dictionaries). */
export const defaultWorkers = (): number => Math.max(1, Math.min(4, availableParallelism()));

/** In the calling thread: for a handful of articles, where starting workers (~1 s each) costs more than it saves. */
export function inlineExtractor(): Extractor {
  return {
    extract: async (input) => extract(input),
    close: async () => {},
  };
}

interface Pending {
  resolve: (r: ExtractionJson) => void;
  reject: (e: Error) => void;
}

export function workerExtractor(workers: number): Extractor {
  const self = new URL(import.meta.url);
  const fromSource = self.pathname.endsWith(".ts");
  const file = new URL(fromSource ? "./extract-worker.ts" : "./extract-worker.js", self);
  // under tsx (tests, development) the worker is the .ts file, and tsx's loader must be registered in it first
  const spawn = (): Worker =>
    fromSource
      ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => m.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`, { eval: true })
      : new Worker(file);
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let next = 0;
  let failure: Error | null = null;
  let closing = false;
  // a worker that dies takes its articles with it: they, and every later one, fail with a clear reason
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const pool = Array.from({ length: workers }, () => {
    const w = spawn();
    load.set(w, 0);
    w.on("message", (m: { id: number; result?: ExtractionJson; error?: string }) => {
      load.set(w, load.get(w)! - 1);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    w.on("error", fail);
    w.on("exit", (code) => {
      if (!closing) fail(new Error(`an extraction worker stopped (exit code ${code})`));
    });
    return w;
  });
  return {
    extract(input) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      // the least busy worker takes it
      let w = pool[0]!;
      for (const x of pool) if (load.get(x)! < load.get(w)!) w = x;
      load.set(w, load.get(w)! + 1);
      return new Promise<ExtractionJson>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      closing = true;
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
