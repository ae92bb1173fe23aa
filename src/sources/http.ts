// Fetches one page politely: http(s) only, a time-out over the whole exchange, redirects followed by hand up to a limit,
// the body read as a stream and abandoned past the size limit. Every failure is a FetchError with a one-line reason.
import type { Ctx } from "./types.js";
import { decodeBytes, isFeedMime, isHtmlMime, isTextMime, isXmlMime, mimeOf, oneLine, sniffFeed, sniffHtml } from "./util.js";

export class FetchError extends Error {}

export interface Fetched {
  /** the URL the content came from, after redirects */
  url: string;
  status: number;
  contentType: string | null;
  contentLanguage: string | null;
  bytes: Uint8Array;
}

/** What a fetched body is: a page to read, a feed to expand. */
export type Page = { kind: "page"; url: string; format: "html" | "text"; raw: string; language: string | null } | { kind: "feed"; url: string; xml: string };

const ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,text/plain;q=0.7,*/*;q=0.1";
const REDIRECT = new Set([301, 302, 303, 307, 308]);

function httpUrl(u: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(u, base);
  } catch {
    throw new FetchError(`not a valid URL (${u.slice(0, 200)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(`only http and https URLs are read (${url.protocol})`);
  return url;
}

const mb = (n: number) => (n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MB` : `${n} bytes`);

export async function fetchBytes(target: string, ctx: Ctx): Promise<Fetched> {
  return ctx.slots.use(async () => {
    const signal = AbortSignal.timeout(ctx.timeoutMs); // counted from when the request can go out
    try {
      return await exchange(target, ctx, signal);
    } catch (e) {
      if (signal.aborted || (e as Error)?.name === "TimeoutError" || (e as Error)?.name === "AbortError")
        throw new FetchError(`timed out after ${+(ctx.timeoutMs / 1000).toFixed(3)} s`);
      if (e instanceof FetchError) throw e;
      const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
      throw new FetchError(`cannot be fetched (${cause?.code ?? oneLine(cause?.message ?? e)})`);
    }
  });
}

async function exchange(target: string, ctx: Ctx, signal: AbortSignal): Promise<Fetched> {
  let url = httpUrl(target);
  for (let hops = 0; ; hops++) {
    const res = await ctx.fetch(url.href, {
      redirect: "manual",
      signal,
      headers: { "user-agent": ctx.userAgent, accept: ACCEPT },
    });
    if (REDIRECT.has(res.status)) {
      await res.body?.cancel().catch(() => {});
      const loc = res.headers.get("location");
      if (!loc) throw new FetchError(`HTTP ${res.status} without a Location header`);
      if (hops + 1 > ctx.maxRedirects) throw new FetchError(`too many redirects (more than ${ctx.maxRedirects})`);
      url = httpUrl(loc, url.href);
      continue;
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
    }
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > ctx.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError(`too large (${mb(declared)}; the limit is ${mb(ctx.maxBytes)})`);
    }
    const bytes = await readLimited(res, ctx.maxBytes);
    return { url: url.href, status: res.status, contentType: res.headers.get("content-type"), contentLanguage: firstLanguage(res.headers.get("content-language")), bytes };
  }
}

async function readLimited(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new FetchError(`too large (more than ${mb(max)}, the limit)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Fetches a URL and says what it is: an HTML / text page, or a feed. Throws FetchError otherwise. */
export async function fetchPage(target: string, ctx: Ctx): Promise<Page> {
  const f = await fetchBytes(target, ctx);
  return interpret(f);
}

export function interpret(f: Fetched): Page {
  const mime = mimeOf(f.contentType);
  const sniffable = !mime || isHtmlMime(mime) || isTextMime(mime) || isXmlMime(mime) || mime === "application/octet-stream";
  if (!f.bytes.length) throw new FetchError("empty response");
  if (isFeedMime(mime) || (sniffable && sniffFeed(f.bytes))) {
    return { kind: "feed", url: f.url, xml: decodeBytes(f.bytes, f.contentType, "xml") };
  }
  let format: "html" | "text";
  if (isHtmlMime(mime)) format = "html";
  else if (isTextMime(mime)) format = sniffHtml(f.bytes) ? "html" : "text";
  else if ((!mime || mime === "application/octet-stream") && sniffHtml(f.bytes)) format = "html";
  else throw new FetchError(`not HTML or text (${mime || "no content type"})`);
  const raw = decodeBytes(f.bytes, f.contentType, format === "html" ? "html" : "text");
  if (!raw.trim()) throw new FetchError("empty page");
  if (raw.includes("\u0000")) throw new FetchError("is not text (binary content)");
  // an HTML page says its language itself (<html lang>), more reliably than a site-wide header
  return { kind: "page", url: f.url, format, raw, language: format === "text" ? f.contentLanguage : null };
}

function firstLanguage(h: string | null): string | null {
  const v = h?.split(",")[0]?.trim();
  return v && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v) ? v : null;
}
