import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeBytes, detectCharset, isoDay, orderedPool, outletOf, sniffFeed, sniffHtml, urlKey } from "./util.js";

test("outletOf: the registrable domain of the URL's host", () => {
  assert.equal(outletOf("https://www.vietnamplus.vn/a.html"), "vietnamplus.vn");
  assert.equal(outletOf("https://en.vietnamplus.vn/a"), "vietnamplus.vn");
  assert.equal(outletOf("https://news.bbc.co.uk/x"), "bbc.co.uk");
  assert.equal(outletOf("http://www.kpl.gov.la/En/news"), "kpl.gov.la");
  assert.equal(outletOf("https://WWW.Example.COM./x"), "example.com");
  assert.equal(outletOf("http://127.0.0.1:8080/x"), "127.0.0.1");
  assert.equal(outletOf("ftp://example.com/x"), null);
  assert.equal(outletOf("not a url"), null);
  assert.equal(outletOf(null), null);
});

test("isoDay: ISO day, month or year from a source's date", () => {
  assert.equal(isoDay("2024-06-05T14:20:00+05:00"), "2024-06-05");
  assert.equal(isoDay("2024-06"), "2024-06");
  assert.equal(isoDay("2024"), "2024");
  assert.equal(isoDay("2024-13"), null);
  assert.equal(isoDay("Tue, 12 Mar 2024 23:30:00 -0500"), "2024-03-12");
  assert.equal(isoDay("sometime"), null);
  assert.equal(isoDay(20240101), null);
});

test("urlKey: fragments and utm_* parameters do not make another article", () => {
  assert.equal(urlKey("https://Example.org/a?id=1&utm_source=x#top"), "https://example.org/a?id=1");
  assert.notEqual(urlKey("https://example.org/a?id=1"), urlKey("https://example.org/a?id=2"));
});

test("charset: BOM, then the HTTP header, then <meta> / the XML prolog, else UTF-8", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(detectCharset(enc('<meta charset="iso-8859-1">'), "text/html; charset=windows-1251", "html"), "windows-1251");
  assert.equal(detectCharset(enc('<meta charset="iso-8859-1">'), "text/html", "html"), "iso-8859-1");
  assert.equal(detectCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'), null, "html"), "shift_jis");
  assert.equal(detectCharset(enc('\uFEFF<meta charset="iso-8859-1">'), "text/html; charset=koi8-r", "html"), "utf-8");
  assert.equal(detectCharset(enc('<?xml version="1.0" encoding="ISO-8859-1"?><rss>'), null, "xml"), "iso-8859-1");
  assert.equal(detectCharset(enc('<meta charset="no-such-charset">'), "text/html; charset=bogus", "html"), "utf-8");
  assert.equal(decodeBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), "text/plain; charset=windows-1252", "text"), "café");
});

test("sniffing feeds and HTML", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.ok(sniffFeed(enc('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')));
  assert.ok(sniffFeed(enc('<feed xmlns="http://www.w3.org/2005/Atom">')));
  assert.ok(sniffFeed(enc('<rdf:RDF xmlns:rdf="...">')));
  assert.ok(!sniffFeed(enc("<!doctype html><html><body><p>about <rss> feeds</p>")));
  assert.ok(sniffHtml(enc("  <!DOCTYPE html><html>")));
  assert.ok(!sniffHtml(enc("plain text")));
});

test("orderedPool: at most n at once, results in input order", async () => {
  let running = 0;
  let peak = 0;
  const delays = [40, 5, 20, 1, 30];
  const out: number[] = [];
  for await (const r of orderedPool(delays, 2, async (d, i) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((res) => setTimeout(res, d));
    running--;
    return i;
  }))
    out.push(r);
  assert.deepEqual(out, [0, 1, 2, 3, 4]);
  assert.equal(peak, 2);
});
