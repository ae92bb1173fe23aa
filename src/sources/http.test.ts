// URLs and feeds against a loopback server (127.0.0.1, port 0): no other network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSources, DEFAULTS, type ReadOptions, type SourceEvent } from "./index.js";
import { extract } from "../index.js";

const FIX = fileURLToPath(new URL("../../test/fixtures/sources/", import.meta.url));
const fix = (name: string) => readFileSync(join(FIX, name));

let base = "";
const hits: { path: string; ua: string | undefined }[] = [];
const big = { written: 0, closed: false };
const slowItems = { inFlight: 0, peak: 0 };
const TOTAL_BIG = 4 * 1024 * 1024;

const send = (res: ServerResponse, status: number, type: string | null, body: string | Buffer, extra: Record<string, string> = {}) => {
  res.writeHead(status, { ...(type ? { "content-type": type } : {}), ...extra });
  res.end(body);
};
const feedText = (name: string) => fix(name).toString("utf8").replaceAll("{{BASE}}", base);

const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  hits.push({ path, ua: req.headers["user-agent"] });
  let m: RegExpExecArray | null;
  if (path === "/article.html") return send(res, 200, "text/html; charset=utf-8", fix("vn-laos.html"));
  if (path === "/article2.html") return send(res, 200, "text/html; charset=utf-8", fix("sn-mr.html"));
  if (path === "/cp1252-header.html") return send(res, 200, "text/html; charset=windows-1252", fix("cp1252-header.html"));
  if (path === "/cp1252-meta.html") return send(res, 200, "text/html", fix("cp1252-meta.html"));
  if (path === "/plain.txt") return send(res, 200, "text/plain; charset=utf-8", fix("article.txt"), { "content-language": "en" });
  if ((m = /^\/chain\/(\d+)$/.exec(path))) {
    const n = +m[1]!;
    return send(res, n > 1 ? 302 : 301, null, "", { location: n > 1 ? `/chain/${n - 1}` : `${base}/article.html` });
  }
  if (path === "/loop") return send(res, 307, null, "", { location: "/loop" });
  if (path === "/to-ftp") return send(res, 302, null, "", { location: "ftp://127.0.0.1/file.html" });
  if (path === "/slow") {
    const t = setTimeout(() => send(res, 200, "text/html", fix("vn-laos.html")), 3000);
    res.on("close", () => clearTimeout(t));
    return;
  }
  if (path === "/slow-body") {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<!doctype html><html><body><p>The first paragraph arrives, ");
    const t = setTimeout(() => res.end("and the rest far too late.</p></body></html>"), 3000);
    res.on("close", () => clearTimeout(t));
    return;
  }
  if (path === "/big") {
    big.written = 0;
    big.closed = false;
    res.on("close", () => (big.closed = true));
    res.writeHead(200, { "content-type": "text/html" }); // chunked: no length to refuse it by
    const chunk = Buffer.from(`<p>${"cooperation ".repeat(1364)}</p>\n`); // ~16 KB
    const pump = () => {
      while (!big.closed && big.written < TOTAL_BIG) {
        big.written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!big.closed) res.end();
    };
    return pump();
  }
  if (path === "/big-declared") {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
    res.write("<html>");
    return; // never finishes: the client must refuse it by its declared length
  }
  if (path === "/image.png") return send(res, 200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (path === "/feed.rss") return send(res, 200, "application/rss+xml; charset=utf-8", feedText("feed.rss"));
  if (path === "/feed.atom") return send(res, 200, "application/atom+xml", feedText("feed.atom"));
  if (path === "/news") return send(res, 200, "text/html; charset=utf-8", feedText("feed.rss")); // a feed served as HTML
  if (path === "/many.rss") {
    const items = [1, 2, 3, 4, 5, 6].map((k) => `<item><title>Item ${k}</title><link>${base}/slowitem/${k}</link></item>`).join("\n");
    return send(res, 200, "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${items}</channel></rss>`);
  }
  if ((m = /^\/slowitem\/(\d+)$/.exec(path))) {
    slowItems.inFlight++;
    slowItems.peak = Math.max(slowItems.peak, slowItems.inFlight);
    const k = m[1]!;
    const delay = [0, 150, 40, 100, 40, 60, 5][+k] ?? 10;
    setTimeout(() => {
      slowItems.inFlight--;
      send(res, 200, "text/html", `<!doctype html><html><head><title>Page ${k}</title></head><body><p>Page ${k}</p></body></html>`);
    }, delay);
    return;
  }
  return send(res, 404, "text/html", "<h1>Not Found</h1>");
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function all(specs: string[], opts: ReadOptions = {}): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const ev of readSources(specs, opts)) out.push(ev);
  return out;
}
async function one(spec: string, opts: ReadOptions = {}): Promise<SourceEvent> {
  const evs = await all([spec], opts);
  assert.equal(evs.length, 1, JSON.stringify(evs));
  return evs[0]!;
}
const itemOf = (ev: SourceEvent | undefined) => {
  assert.ok(ev?.kind === "item", `expected an item, got ${JSON.stringify(ev)}`);
  return ev.item;
};
const reasonOf = (ev: SourceEvent | undefined, kind: "error" | "skip" = "error") => {
  assert.ok(ev?.kind === kind, `expected ${kind}, got ${JSON.stringify(ev)?.slice(0, 300)}`);
  assert.ok(!ev.reason.includes("\n"));
  return ev.reason;
};

test("an article URL: one HTML item, fetched with the polite User-Agent", async () => {
  const spec = `${base}/article.html`;
  const it = itemOf(await one(spec));
  assert.deepEqual({ ...it, raw: undefined }, { uri: spec, url: spec, outlet: "127.0.0.1", title: null, published: null, language: null, format: "html", raw: undefined });
  assert.equal(it.raw, fix("vn-laos.html").toString("utf8"));
  const hit = hits.filter((h) => h.path === "/article.html").at(-1);
  assert.equal(hit?.ua, "Entente/0.1 (+https://github.com/entente; research crawler)");
  assert.equal(DEFAULTS.userAgent, hit?.ua);
  // and what the extractor makes of it
  const out = extract({ raw: it.raw, format: it.format, meta: { id: "a", url: it.url ?? undefined } });
  assert.equal(out.document.title, "Viet Nam and Laos sign education agreement");
  assert.equal(out.document.published, "2024-03-12");
});

test("a text/plain URL is a text item; its Content-Language is its language", async () => {
  const it = itemOf(await one(`${base}/plain.txt`));
  assert.equal(it.format, "text");
  assert.equal(it.language, "en");
  assert.match(it.raw, /^ASTANA, 5 June/);
});

test("charsets: windows-1252 by the HTTP header, and by <meta> when the header has none", async () => {
  for (const p of ["/cp1252-header.html", "/cp1252-meta.html"]) {
    const it = itemOf(await one(`${base}${p}`));
    assert.match(it.raw, /Affaires étrangères a reçu son homologue sénégalais/, p);
    assert.ok(!it.raw.includes("\uFFFD"), p);
  }
});

test("redirects: followed up to the limit (the item's url is where it landed), refused beyond it", async () => {
  const ok = itemOf(await one(`${base}/chain/5`));
  assert.equal(ok.uri, `${base}/chain/5`);
  assert.equal(ok.url, `${base}/article.html`);
  assert.equal(reasonOf(await one(`${base}/chain/6`)), "too many redirects (more than 5)");
  itemOf(await one(`${base}/chain/2`, { maxRedirects: 2 }));
  assert.equal(reasonOf(await one(`${base}/chain/3`, { maxRedirects: 2 })), "too many redirects (more than 2)");
  itemOf(await one(`${base}/article.html`, { maxRedirects: 0 })); // no redirect, no error
  assert.equal(reasonOf(await one(`${base}/chain/1`, { maxRedirects: 0 })), "too many redirects (more than 0)");
});

test("redirect loops and redirects away from http(s) are errors", async () => {
  assert.equal(reasonOf(await one(`${base}/loop`)), "too many redirects (more than 5)");
  assert.match(reasonOf(await one(`${base}/to-ftp`)), /^only http and https URLs are read \(ftp:\)$/);
  assert.match(reasonOf(await one(`ftp://127.0.0.1/file.html`)), /^only http and https URLs are read \(ftp:\)$/);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  assert.equal(reasonOf(await one(`http://127.0.0.1:${port}/nothing-listens-here`)), "cannot be fetched (ECONNREFUSED)");
});

test("a slow endpoint times out (headers or body), as an error event", async () => {
  for (const p of ["/slow", "/slow-body"]) {
    const t0 = Date.now();
    assert.equal(reasonOf(await one(`${base}${p}`, { timeoutMs: 300 })), "timed out after 0.3 s", p);
    assert.ok(Date.now() - t0 < 2000, `${p} took ${Date.now() - t0} ms`);
  }
});

test("an oversized body: reading stops past the limit; a declared oversized length is refused at once", async () => {
  assert.match(reasonOf(await one(`${base}/big`, { maxBytes: 100_000 })), /^too large \(more than 100000 bytes, the limit\)$/);
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(big.closed, "the connection was given up");
  assert.ok(big.written < TOTAL_BIG, `the server wrote ${big.written} bytes: the body was read to the end`);
  const t0 = Date.now();
  assert.equal(reasonOf(await one(`${base}/big-declared`, { timeoutMs: 3000 })), "too large (50 MB; the limit is 5 MB)");
  assert.ok(Date.now() - t0 < 1500);
});

test("a non-HTML content type and an HTTP error are errors", async () => {
  assert.equal(reasonOf(await one(`${base}/image.png`)), "not HTML or text (image/png)");
  assert.equal(reasonOf(await one(`${base}/missing/x`)), "HTTP 404 Not Found");
});

function checkRss(evs: SourceEvent[], feedUri: string) {
  assert.deepEqual(evs.map((e) => e.kind), ["item", "item", "error", "skip"]);
  const [a, b, c, d] = evs;
  const page = itemOf(a);
  assert.equal(page.uri, `${base}/article.html`); // relative link resolved against the feed's URL
  assert.equal(page.url, `${base}/article.html`);
  assert.equal(page.title, "Viet Nam and Laos sign education agreement");
  assert.equal(page.published, "2024-03-12"); // the day as the feed writes it (UTC would say the 13th)
  assert.equal(page.language, "en");
  assert.equal(page.raw, fix("vn-laos.html").toString("utf8"));
  const fallback = itemOf(b);
  assert.equal(fallback.uri, `${feedUri}#item2`);
  assert.equal(fallback.url, `${base}/missing/china-brazil`);
  assert.equal(fallback.title, "China and Brazil agree to expand cooperation");
  assert.equal(fallback.published, "2023-03-14");
  assert.equal(fallback.format, "html");
  assert.match(fallback.raw, /<title>China and Brazil agree to expand cooperation<\/title>[\s\S]*Wang Yi held talks/);
  assert.equal(c?.kind === "error" && c.uri, `${base}/missing/teaser`);
  assert.match(reasonOf(c), /^HTTP 404 Not Found; the feed's own text for it is too short to stand in \(\d+ characters\)$/);
  assert.match(reasonOf(d, "skip"), /duplicate URL/);
}

test("an RSS feed URL: each item is its linked page, with the item's title and date; a 404 link falls back to substantial item content, else an error", async () => {
  checkRss(await all([`${base}/feed.rss`]), `${base}/feed.rss`);
});

test("a feed served as text/html is recognised by sniffing", async () => {
  checkRss(await all([`${base}/news`]), `${base}/news`);
});

function checkAtom(evs: SourceEvent[], feedUri: string) {
  assert.deepEqual(evs.map((e) => e.kind), ["item", "error", "item"]);
  const page = itemOf(evs[0]);
  assert.equal(page.url, `${base}/article2.html`);
  assert.equal(page.title, "Le Sénégal et la Mauritanie renouvellent leur accord de pêche");
  assert.equal(page.published, "2024-05-02");
  assert.equal(page.language, "fr");
  assert.match(page.raw, /DAKAR, 2 mai/);
  assert.equal(evs[1]!.kind === "error" && evs[1]!.uri, `${base}/missing/breves`);
  assert.match(reasonOf(evs[1]), /^HTTP 404 Not Found; .*too short/);
  const fallback = itemOf(evs[2]);
  assert.equal(fallback.uri, `${feedUri}#item3`);
  assert.equal(fallback.url, `${base}/image.png`);
  assert.equal(fallback.published, "2023-03-14");
  assert.match(fallback.raw, /<article>\n<p>BEIJING, 14 March - Chinese Foreign Minister Wang Yi/);
  assert.match(fallback.raw, /<html lang="fr">/);
}

test("an Atom feed URL: a page, a 404 without content (error), a non-HTML link with content (fallback)", async () => {
  checkAtom(await all([`${base}/feed.atom`]), `${base}/feed.atom`);
});

test("a local feed file fetches its items' pages the same way", async () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-feed-"));
  const p = join(dir, "feed.atom");
  writeFileSync(p, feedText("feed.atom"));
  checkAtom(await all([p]), p);
});

test("feed items are fetched with limited concurrency and come out in feed order", async () => {
  slowItems.peak = 0;
  const evs = await all([`${base}/many.rss`], { concurrency: 2 });
  assert.deepEqual(evs.map((e) => (e.kind === "item" ? e.item.title : e.kind)), ["Item 1", "Item 2", "Item 3", "Item 4", "Item 5", "Item 6"]);
  assert.equal(slowItems.peak, 2);
  slowItems.peak = 0;
  await all([`${base}/many.rss`]);
  assert.equal(slowItems.peak, 4); // the default
});

test("duplicate URLs in one run: read once; a redirect onto a page already read is a skip too", async () => {
  const before = hits.filter((h) => h.path === "/article.html").length;
  const evs = await all([`${base}/article.html`, `${base}/chain/1`, `${base}/article.html#comments`, `${base}/article.html?utm_source=x`]);
  assert.deepEqual(evs.map((e) => e.kind), ["item", "skip", "skip", "skip"]);
  assert.equal(hits.filter((h) => h.path === "/article.html").length - before, 2, "the fragment and utm_ variants were not fetched");
});

test("an injected fetch is used with redirect: 'manual', the user agent and a signal", async () => {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response("<!doctype html><html><body><p>Hello</p></body></html>", { status: 200, headers: { "content-type": "text/html" } });
  }) as typeof fetch;
  const it = itemOf(await one("https://www.example.co.uk/news/1", { fetch: fake, userAgent: "TestBot/1" }));
  assert.equal(it.outlet, "example.co.uk");
  assert.equal(calls.length, 1);
  assert.equal(calls[0]!.init?.redirect, "manual");
  assert.ok(calls[0]!.init?.signal instanceof AbortSignal);
  assert.equal((calls[0]!.init?.headers as Record<string, string>)["user-agent"], "TestBot/1");
});

test("a fetch that throws becomes an error event, never a throw out of the iterator", async () => {
  const broken = (async () => {
    throw new TypeError("boom\nwith a second line");
  }) as typeof fetch;
  assert.equal(reasonOf(await one("https://example.org/a", { fetch: broken })), "cannot be fetched (boom with a second line)");
});
