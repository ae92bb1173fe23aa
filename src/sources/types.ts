// The shapes every source reader shares: what one article read from somewhere looks like, and the events a run reports.

export interface SourceItem {
  /** where it came from: file path, URL, "warc:<file>#<record offset>", "<file.jsonl>#<line>" */
  uri: string;
  /** the article's own URL when known */
  url: string | null;
  /** the publishing site: registrable domain of the URL, or as given by a sidecar / JSONL line */
  outlet: string | null;
  title: string | null;
  /** ISO date YYYY[-MM[-DD]] */
  published: string | null;
  language: string | null;
  format: "text" | "html";
  /** decoded text */
  raw: string;
}

export type SourceEvent =
  | { kind: "item"; item: SourceItem }
  | { kind: "skip"; uri: string; reason: string }
  | { kind: "error"; uri: string; reason: string };

export interface ReadOptions {
  fetch?: typeof fetch;
  /** per page (all redirects and the body included); default 15 000 */
  timeoutMs?: number;
  /** per fetched page / WARC record / JSONL line; default 5 MB */
  maxBytes?: number;
  /** default 5 */
  maxRedirects?: number;
  userAgent?: string;
  /** HTTP requests in flight at once, over the whole run; default 4 */
  concurrency?: number;
}

export const DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: "Entente/0.1 (+https://github.com/entente; research crawler)",
  concurrency: 4,
} as const;

/** What the readers share during one run. */
export interface Ctx {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  concurrency: number;
  /** limits HTTP requests in flight over the whole run */
  slots: Semaphore;
  /** normalised URLs of the items already yielded */
  seen: Set<string>;
  /** normalised URLs already requested (so a duplicate is not fetched twice) */
  requested: Set<string>;
}

export class Semaphore {
  private free: number;
  private waiting: Array<() => void> = [];
  constructor(n: number) {
    this.free = Math.max(1, Math.floor(n));
  }
  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((r) => this.waiting.push(r));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
