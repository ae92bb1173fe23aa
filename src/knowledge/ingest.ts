// Ingest: read sources of every kind, extract each article, store it (idempotently, by content), then merge
// what all current articles say into one record per person, event and agreement, written in one transaction.
import { createHash } from "node:crypto";
import type { ExtractionJson } from "../index.js";
import { readSources, type ReadOptions } from "../sources/index.js";
import type { SourceItem } from "../sources/types.js";
import { defaultWorkers, inlineExtractor, workerExtractor, type Extractor } from "./extract-pool.js";
import { mergeArticles } from "../merge/index.js";
import type { ArticleRow, Store } from "../store/store.js";
import { toSnapshot } from "./snapshot.js";
import { progress } from "../cli/progress.js";

export interface IngestSummary {
  read: number;
  new: number;
  unchanged: number;
  newVersions: number;
  skipped: { uri: string; reason: string }[];
  failed: { uri: string; reason: string }[];
  events: number;
  agreements: number;
  people: number;
  duplicates: number;
}

export interface IngestOptions extends ReadOptions {
  quiet?: boolean;
  /** extraction threads; 1 extracts in the calling thread. Default: one per core, at most 4 */
  workers?: number;
}

/** Articles extracted in the calling thread before the workers start: small ingests never pay for them. */
const INLINE_FIRST = 32;
/** Articles stored per transaction. */
const BATCH = 32;

type Extracted = { ok: true; extraction: ExtractionJson } | { ok: false; reason: string };

export async function ingest(store: Store, specs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const sum: IngestSummary = { read: 0, new: 0, unchanged: 0, newVersions: 0, skipped: [], failed: [], events: 0, agreements: 0, people: 0, duplicates: 0 };
  const bar = progress("articles", null);
  const workers = Math.max(1, opts.workers ?? defaultWorkers());
  let extractor: Extractor = inlineExtractor();
  // articles in extraction, stored in the order they were read (store ids stay deterministic)
  const queue: { item: SourceItem; result: Promise<Extracted> }[] = [];
  const storeBatch = async (batch: typeof queue) => {
    const done = await Promise.all(batch.map((q) => q.result));
    const rows: ArticleRow[] = [];
    const items: SourceItem[] = [];
    done.forEach((r, k) => {
      const it = batch[k]!.item;
      if (!r.ok) {
        sum.failed.push({ uri: it.uri, reason: r.reason });
        return;
      }
      const extraction = r.extraction;
      items.push(it);
      rows.push({
        uri: it.uri, url: it.url, outlet: it.outlet, title: it.title ?? extraction.document.title, published: it.published ?? extraction.document.published,
        language: extraction.document.language, text: it.raw, extraction,
      });
    });
    const stored = rows.length ? await store.upsertArticles(rows) : [];
    stored.forEach((u, k) => {
      if ("error" in u) sum.failed.push({ uri: items[k]!.uri, reason: u.error });
      else if (u.status === "new") sum.new++;
      else if (u.status === "unchanged") sum.unchanged++;
      else sum.newVersions++;
    });
    for (let k = 0; k < batch.length; k++) bar.tick();
  };
  try {
    for await (const ev of readSources(specs, opts)) {
      if (ev.kind === "skip") sum.skipped.push({ uri: ev.uri, reason: ev.reason });
      else if (ev.kind === "error") sum.failed.push({ uri: ev.uri, reason: ev.reason });
      else {
        const it = ev.item;
        sum.read++;
        if (sum.read === INLINE_FIRST + 1 && workers > 1) extractor = workerExtractor(workers);
        const id = createHash("sha1").update(it.url ?? it.uri).digest("hex").slice(0, 12);
        const input = { raw: it.raw, format: it.format, meta: { id, published: it.published, url: it.url, title: it.title, language: it.language, source: it.uri } };
        const result = extractor.extract(input).then(
          (extraction): Extracted => ({ ok: true, extraction }),
          (e: Error): Extracted => ({ ok: false, reason: e.message }),
        );
        queue.push({ item: it, result });
        // stored in batches (one transaction each) while the workers go on with the articles queued behind
        if (queue.length >= 2 * BATCH) await storeBatch(queue.splice(0, BATCH));
      }
      if (ev.kind !== "item") bar.tick();
    }
    while (queue.length) await storeBatch(queue.splice(0, BATCH));
  } finally {
    await extractor.close();
  }
  bar.done();
  const articles = await store.listArticles();
  const merged = mergeArticles(
    articles.filter((a) => a.extraction).map((a) => ({ id: String(a.id), outlet: a.outlet, url: a.url, published: a.published, text: a.text, extraction: a.extraction! })),
  );
  await store.replaceMerged(toSnapshot(merged, articles));
  sum.events = merged.events.length;
  sum.agreements = merged.agreements.length;
  sum.people = merged.people.length;
  sum.duplicates = merged.duplicates.length;
  return sum;
}
