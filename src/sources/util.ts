// Small helpers the source readers share: dates, outlets, URL keys, charsets, sniffing, ordered concurrency.
import { decodeHTML } from "entities";
import { isoDate } from "../ingest/html.js";

/** A one-line reason from anything thrown. */
export function oneLine(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.replace(/\s+/g, " ").trim() || "unknown error";
}

/** YYYY, YYYY-MM or YYYY-MM-DD from whatever date string a source gives, else null. */
export function isoDay(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (m) {
    const mo = m[2] === undefined ? null : +m[2];
    if (mo !== null && (mo < 1 || mo > 12)) return null;
    return s;
  }
  return isoDate(s);
}

// second-level labels under which ccTLDs register names (co.uk, com.vn, gov.au, ...)
const SLD = new Set(["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "gouv", "mil", "nic", "info", "biz", "nom", "sch", "ltd", "plc", "int", "news", "press", "tv"]);

/** The registrable domain of a URL's host ("www.vietnamplus.vn" -> "vietnamplus.vn", "news.bbc.co.uk" -> "bbc.co.uk"). */
export function outletOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    host = u.hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
  if (!host) return null;
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith("[") || !host.includes(".")) return host;
  const labels = host.split(".");
  const n = labels.length;
  const keep = n >= 3 && labels[n - 1]!.length === 2 && SLD.has(labels[n - 2]!) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** The key under which two URLs count as the same article: no fragment, no utm_* tracking parameters. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = "";
    for (const k of [...u.searchParams.keys()]) if (/^utm_/i.test(k)) u.searchParams.delete(k);
    return u.href;
  } catch {
    return url.trim();
  }
}

export function mimeOf(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export const isHtmlMime = (m: string) => m === "text/html" || m === "application/xhtml+xml";
export const isTextMime = (m: string) => m === "text/plain" || m === "text/markdown";
export const isFeedMime = (m: string) => m === "application/rss+xml" || m === "application/atom+xml" || m === "application/rdf+xml";
export const isXmlMime = (m: string) => isFeedMime(m) || m === "application/xml" || m === "text/xml";

const head = (bytes: Uint8Array, n = 4096) => new TextDecoder("latin1").decode(bytes.subarray(0, n));

/** Whether bytes start like an RSS / Atom / RDF feed (after an XML prolog, comments, processing instructions, a BOM). */
export function sniffFeed(bytes: Uint8Array): boolean {
  const s = head(bytes, 2048)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "")
    .trimStart();
  return /^<(?:[\w-]+:)?(?:rss|feed|RDF)\b/.test(s);
}

export function sniffHtml(bytes: Uint8Array): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)\b/i.test(head(bytes, 1024).replace(/^\xEF\xBB\xBF/, ""));
}

function charsetParam(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

/** The encoding a page declares: BOM, then the HTTP header, then <meta> (HTML) or the XML prolog. */
export function detectCharset(bytes: Uint8Array, contentType: string | null | undefined, kind: "html" | "xml" | "text"): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const fromHeader = charsetParam(contentType);
  if (fromHeader && usable(fromHeader)) return fromHeader;
  const h = head(bytes);
  if (kind === "html") {
    const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(h);
    // a page that is read as bytes cannot be UTF-16 just because its <meta> says so
    if (m && usable(m[1]!) && !/^utf-?16/i.test(m[1]!)) return m[1]!.toLowerCase();
  } else if (kind === "xml") {
    const m = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(h);
    if (m && usable(m[1]!)) return m[1]!.toLowerCase();
  }
  return "utf-8";
}

function usable(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodeBytes(bytes: Uint8Array, contentType: string | null | undefined, kind: "html" | "xml" | "text"): string {
  const cs = detectCharset(bytes, contentType, kind);
  return new TextDecoder(cs).decode(bytes); // drops a BOM
}

/** The readable text of an HTML fragment (tags out, entities decoded, white space collapsed). */
export function visibleText(html: string): string {
  return decodeHTML(
    html
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Runs fn over the inputs with at most n at once, yielding the results in input order.
 * fn must not reject (readers turn failures into events).
 */
export async function* orderedPool<T, R>(inputs: Iterable<T>, n: number, fn: (x: T, i: number) => Promise<R>): AsyncGenerator<R> {
  const it = inputs[Symbol.iterator]();
  const window: Promise<R>[] = [];
  let i = 0;
  const fill = () => {
    while (window.length < Math.max(1, n)) {
      const nx = it.next();
      if (nx.done) break;
      const p = fn(nx.value, i++);
      p.catch(() => {}); // never unhandled if the consumer stops early
      window.push(p);
    }
  };
  fill();
  while (window.length) {
    const r = await window.shift()!;
    fill();
    yield r;
  }
}
