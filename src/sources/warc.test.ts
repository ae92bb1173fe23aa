import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import { readSources, type SourceEvent } from "./index.js";

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><p>${body}</p></article></body></html>`;

/** A small Common-Crawl-like WARC: warcinfo, request, two HTML responses (one in windows-1252), an image, a 404. */
async function writeWarc(gzip: boolean): Promise<{ path: string; offsets: number[] }> {
  const rec = async (url: string, type: "request" | "response", httpHeaders: Record<string, string>, body: Uint8Array, statusline?: string) =>
    WARCSerializer.serialize(await WARCRecord.create({ url, type, date: "2024-03-12T10:00:00Z", httpHeaders, ...(statusline ? { statusline } : {}) }, [body]), { gzip });
  const enc = (s: string) => new TextEncoder().encode(s);
  const cp1252 = Uint8Array.from(Buffer.from("<!doctype html><html><head><title>Coopération</title></head><body><p>Le ministre a reçu son homologue.</p></body></html>", "latin1"));
  const parts: Uint8Array[] = [
    await WARCSerializer.serialize(await WARCRecord.createWARCInfo({ filename: "test.warc", warcVersion: "WARC/1.1" }, { software: "entente test" }), { gzip }),
    await rec("https://www.vietnamplus.vn/vn-laos.html", "request", { Host: "www.vietnamplus.vn", "User-Agent": "CCBot" }, new Uint8Array(0), "GET /vn-laos.html HTTP/1.1"),
    await rec("https://www.vietnamplus.vn/vn-laos.html", "response", { "Content-Type": "text/html; charset=utf-8" }, enc(page("Viet Nam and Laos sign education agreement", "HANOI - Viet Nam and Laos signed an agreement."))),
    await rec("https://www.vietnamplus.vn/logo.png", "response", { "Content-Type": "image/png" }, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    await rec("https://www.lefaso.net/cooperation", "response", { "Content-Type": "text/html; charset=windows-1252" }, cp1252),
    await rec("https://www.lefaso.net/gone", "response", { "Content-Type": "text/html" }, enc("<html>not found</html>"), "HTTP/1.1 404 Not Found"),
  ];
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.byteLength;
  }
  const dir = mkdtempSync(join(tmpdir(), "entente-warc-"));
  const path = join(dir, gzip ? "crawl.warc.gz" : "crawl.warc");
  writeFileSync(path, Buffer.concat(parts));
  return { path, offsets };
}

async function all(specs: string[], opts = {}): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const ev of readSources(specs, opts)) out.push(ev);
  return out;
}

for (const gzip of [true, false]) {
  test(`WARC${gzip ? ".gz" : ""}: HTTP 200 HTML responses are items with the record offset; request, image and 404 records are skips`, async () => {
    const { path, offsets } = await writeWarc(gzip);
    const evs = await all([path]);
    assert.deepEqual(evs.map((e) => e.kind), ["skip", "item", "skip", "item", "skip"]);
    const uris = evs.map((e) => (e.kind === "item" ? e.item.uri : e.uri));
    // record 0 is the warcinfo (passed over); each event names its own record's offset
    if (gzip) assert.deepEqual(uris, offsets.slice(1).map((o) => `warc:${path}#${o}`));
    else {
      // uncompressed offsets point at the record's "WARC/1.x" line
      const buf = (await import("node:fs")).readFileSync(path);
      for (const u of uris) assert.equal(buf.subarray(+u.split("#")[1]!, +u.split("#")[1]! + 5).toString(), "WARC/");
      assert.equal(new Set(uris).size, 5);
    }
    const [req, a, img, b, gone] = evs;
    assert.ok(req?.kind === "skip" && /^request record for https:\/\/www\.vietnamplus\.vn\/vn-laos\.html$/.test(req.reason));
    assert.ok(img?.kind === "skip" && /^not HTML \(image\/png\)/.test(img.reason));
    assert.ok(gone?.kind === "skip" && /^HTTP 404/.test(gone.reason));
    assert.ok(a?.kind === "item" && b?.kind === "item");
    assert.equal(a.item.url, "https://www.vietnamplus.vn/vn-laos.html");
    assert.equal(a.item.outlet, "vietnamplus.vn");
    assert.equal(a.item.published, null); // the capture date is not a publication date
    assert.equal(a.item.format, "html");
    assert.match(a.item.raw, /^<!doctype html><html lang="en"><head><title>Viet Nam and Laos/);
    assert.equal(b.item.outlet, "lefaso.net");
    assert.match(b.item.raw, /Coopération.*a reçu son homologue/);
  });
}

test("WARC: a record over the size limit is an error, the others still come", async () => {
  const { path } = await writeWarc(true);
  // the limit applies to the record block (HTTP headers + payload): about 250 bytes for the first page, 185 for the second
  const evs = await all([path], { maxBytes: 220 });
  assert.deepEqual(evs.map((e) => e.kind), ["skip", "error", "skip", "item", "skip"]);
  assert.ok(evs[1]!.kind === "error" && /too large/.test(evs[1]!.reason));
});

test("WARC: a file that is not a WARC is a one-line error, not a throw", async () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-warc-"));
  const p = join(dir, "junk.warc.gz");
  writeFileSync(p, "this is not a web archive\nat all\n");
  const evs = await all([p]);
  assert.equal(evs.length, 1);
  assert.deepEqual(evs[0], { kind: "error", uri: p, reason: "not a WARC file" });
});
