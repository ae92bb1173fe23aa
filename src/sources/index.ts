// Where articles come from: files and folders, URLs, RSS/Atom feeds, WARC files, JSON Lines. readSources turns a list
// of such specs into one stream of events (an item, a deliberate skip, or an error with a one-line reason); it never
// throws, and an article URL read twice in one run is read once.
import { statSync } from "node:fs";
import { DEFAULTS, Semaphore, type Ctx, type ReadOptions, type SourceEvent } from "./types.js";
import { kindOfPath, readFileItem, walkFolder } from "./files.js";
import { readUrl } from "./url.js";
import { readFeedFile } from "./feed.js";
import { readWarc } from "./warc.js";
import { readJsonl } from "./jsonl.js";
import { oneLine, orderedPool, urlKey } from "./util.js";

export type { SourceItem, SourceEvent, ReadOptions } from "./types.js";
export { DEFAULTS } from "./types.js";

export type SourceKind = "url" | "feed-url" | "file" | "folder" | "feed" | "warc" | "jsonl";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What a spec names, from its form (URLs) or the file system and its name (paths). Content may still decide: a "url" serving a feed is read as one. */
export function classify(spec: string): SourceKind {
  if (SCHEME.test(spec)) {
    try {
      const u = new URL(spec);
      if (/\.(xml|rss|atom)$/i.test(u.pathname) || /\/(feeds?|rss|atom)(\.\w+)?\/?$/i.test(u.pathname) || /[?&](feed|format|type)=(rss|atom|rss2)\b/i.test(u.search))
        return "feed-url";
    } catch {
      /* reported when read */
    }
    return "url";
  }
  try {
    if (statSync(spec).isDirectory()) return "folder";
  } catch {
    /* reported when read */
  }
  return kindOfPath(spec);
}

function num(v: unknown, dflt: number, min: number): number {
  return typeof v === "number" && Number.isFinite(v) && v >= min ? v : dflt;
}

function makeCtx(opts: ReadOptions): Ctx {
  const concurrency = Math.floor(num(opts.concurrency, DEFAULTS.concurrency, 1));
  return {
    fetch: opts.fetch ?? globalThis.fetch,
    timeoutMs: num(opts.timeoutMs, DEFAULTS.timeoutMs, 1),
    maxBytes: Math.floor(num(opts.maxBytes, DEFAULTS.maxBytes, 1)),
    maxRedirects: Math.floor(num(opts.maxRedirects, DEFAULTS.maxRedirects, 0)),
    userAgent: opts.userAgent?.trim() || DEFAULTS.userAgent,
    concurrency,
    slots: new Semaphore(concurrency),
    seen: new Set(),
    requested: new Set(),
  };
}

async function collect(gen: AsyncIterable<SourceEvent>, uri: string): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  try {
    for await (const ev of gen) out.push(ev);
  } catch (e) {
    out.push({ kind: "error", uri, reason: oneLine(e) });
  }
  return out;
}

/** Reads every spec in order (consecutive URLs concurrently, their events still in spec order). */
export async function* readSources(specs: string[], opts: ReadOptions = {}): AsyncGenerator<SourceEvent> {
  const ctx = makeCtx(opts);
  const emit = (ev: SourceEvent): SourceEvent => {
    if (ev.kind !== "item" || !ev.item.url) return ev;
    const key = urlKey(ev.item.url);
    if (ctx.seen.has(key)) return { kind: "skip", uri: ev.item.uri, reason: `duplicate URL (${ev.item.url} was already read in this run)` };
    ctx.seen.add(key);
    return ev;
  };
  for (let i = 0; i < specs.length; ) {
    const spec = String(specs[i]);
    const kind = classify(spec);
    if (kind === "url" || kind === "feed-url") {
      let j = i;
      while (j < specs.length && SCHEME.test(String(specs[j]))) j++;
      const batch = specs.slice(i, j).map(String);
      i = j;
      for await (const evs of orderedPool(batch, ctx.concurrency, (s) => collect(readUrl(s, ctx), s))) for (const ev of evs) yield emit(ev);
      continue;
    }
    i++;
    try {
      if (kind === "folder") {
        for (const entry of walkFolder(spec)) {
          if (entry.kind !== "entry") yield entry;
          else for await (const ev of readPath(entry.path, entry.type, ctx)) yield emit(ev);
        }
      } else for await (const ev of readPath(spec, kind, ctx)) yield emit(ev);
    } catch (e) {
      yield { kind: "error", uri: spec, reason: oneLine(e) };
    }
  }
}

async function* readPath(path: string, kind: "file" | "feed" | "warc" | "jsonl", ctx: Ctx): AsyncGenerator<SourceEvent> {
  try {
    if (kind === "file") yield readFileItem(path);
    else if (kind === "feed") yield* readFeedFile(path, ctx);
    else if (kind === "warc") yield* readWarc(path, ctx);
    else yield* readJsonl(path, ctx);
  } catch (e) {
    yield { kind: "error", uri: path, reason: oneLine(e) };
  }
}
