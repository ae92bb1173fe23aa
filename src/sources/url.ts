// A URL given on the command line: fetched politely (see http.ts); an HTML or text page is one item, a feed is expanded.
import type { Ctx, SourceEvent } from "./types.js";
import { fetchPage, FetchError } from "./http.js";
import { readFeedXml } from "./feed.js";
import { oneLine, outletOf, urlKey } from "./util.js";

export async function* readUrl(spec: string, ctx: Ctx): AsyncGenerator<SourceEvent> {
  const key = urlKey(spec);
  if (ctx.seen.has(key) || ctx.requested.has(key)) {
    yield { kind: "skip", uri: spec, reason: "duplicate URL (already read in this run)" };
    return;
  }
  ctx.requested.add(key);
  let page;
  try {
    page = await fetchPage(spec, ctx);
  } catch (e) {
    yield { kind: "error", uri: spec, reason: e instanceof FetchError ? e.message : oneLine(e) };
    return;
  }
  if (page.kind === "feed") {
    yield* readFeedXml(page.xml, spec, page.url, ctx);
    return;
  }
  yield {
    kind: "item",
    item: { uri: spec, url: page.url, outlet: outletOf(page.url), title: null, published: null, language: page.language, format: page.format, raw: page.raw },
  };
}
