// RSS / Atom feeds (a local file or a fetched URL): every item becomes the page its link points to, fetched with the
// item's title and date as metadata; when the page cannot be had, the item's own HTML stands in if it is substantial.
import { parseFeed } from "@rowanmanning/feed-parser";
import type { Ctx, SourceEvent } from "./types.js";
import { fetchPage, FetchError } from "./http.js";
import { decodeBytes, escapeHtml, isoDay, oneLine, orderedPool, outletOf, urlKey, visibleText } from "./util.js";
import { readLocalBytes } from "./files.js";

/** An item's own text must be longer than this to stand in for a page that cannot be fetched. */
export const MIN_FALLBACK_CHARS = 500;

type FeedItem = ReturnType<typeof parseFeed>["items"][number];

export async function* readFeedFile(path: string, ctx: Ctx): AsyncGenerator<SourceEvent> {
  let bytes: Uint8Array;
  try {
    bytes = readLocalBytes(path);
  } catch (e) {
    yield { kind: "error", uri: path, reason: oneLine(e) };
    return;
  }
  yield* readFeedXml(decodeBytes(bytes, null, "xml"), path, null, ctx);
}

/** uri: where the feed came from; base: the URL relative item links resolve against (a fetched feed's URL). */
export async function* readFeedXml(xml: string, uri: string, base: string | null, ctx: Ctx): AsyncGenerator<SourceEvent> {
  let items: FeedItem[];
  let language: string | null;
  try {
    const feed = parseFeed(xml);
    items = feed.items;
    language = feed.language ?? null;
  } catch (e) {
    yield { kind: "error", uri, reason: `not an RSS or Atom feed (${oneLine(e)})` };
    return;
  }
  if (!items.length) {
    yield { kind: "skip", uri, reason: "the feed has no items" };
    return;
  }
  yield* orderedPool(items, ctx.concurrency, (it, k) => readItem(it, k, uri, base, language, ctx));
}

function itemLink(it: FeedItem, base: string | null): string | null {
  const u = it.url;
  if (!u) return null;
  try {
    const abs = new URL(u, base ?? undefined);
    return abs.protocol === "http:" || abs.protocol === "https:" ? abs.href : null;
  } catch {
    return null;
  }
}

/** The date as the feed writes it (the publisher's own calendar day), else the parsed instant's UTC day. */
function itemDate(it: FeedItem): string | null {
  for (const name of ["pubdate", "published", "issued", "date", "updated", "modified"]) {
    const t = it.element.findElementWithName(name)?.textContentNormalized;
    const d = t ? isoDay(t) : null;
    if (d) return d;
  }
  const d = it.published ?? it.updated;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
}

async function readItem(it: FeedItem, k: number, feedUri: string, base: string | null, language: string | null, ctx: Ctx): Promise<SourceEvent> {
  const link = itemLink(it, base);
  const uri = link ?? `${feedUri}#item${k + 1}`;
  const title = it.title ?? null;
  const published = itemDate(it);
  let failure: string;
  if (link) {
    const key = urlKey(link);
    if (ctx.seen.has(key) || ctx.requested.has(key)) return { kind: "skip", uri, reason: "duplicate URL (already read in this run)" };
    ctx.requested.add(key);
    try {
      const page = await fetchPage(link, ctx);
      if (page.kind === "page")
        return {
          kind: "item",
          item: { uri, url: page.url, outlet: outletOf(page.url), title, published, language: page.language ?? language, format: page.format, raw: page.raw },
        };
      failure = "the link is a feed, not an article";
    } catch (e) {
      failure = e instanceof FetchError ? e.message : oneLine(e);
    }
  } else failure = "the item has no http(s) link";
  const own = [it.content, it.description].filter((s): s is string => !!s).sort((a, b) => visibleText(b).length - visibleText(a).length)[0] ?? "";
  const n = visibleText(own).length;
  if (n <= MIN_FALLBACK_CHARS)
    return { kind: "error", uri, reason: `${failure}; the feed's own text for it is too short to stand in (${n} characters)` };
  const lang = language ? ` lang="${escapeHtml(language)}"` : "";
  const raw = `<!doctype html>\n<html${lang}><head><meta charset="utf-8"><title>${escapeHtml(title ?? "")}</title></head><body><article>\n${own}\n</article></body></html>\n`;
  // the text came from the feed itself, so the feed is where this item came from
  return { kind: "item", item: { uri: `${feedUri}#item${k + 1}`, url: link, outlet: outletOf(link), title, published, language, format: "html", raw } };
}
