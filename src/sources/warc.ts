// WARC / WARC.gz files (Common Crawl news crawl style), streamed record by record: HTTP 200 HTML responses become items
// (URL from WARC-Target-URI, the record's offset in the uri); other records are skips. The capture date is not a
// publication date, so `published` stays null and the extractor reads the page's own metadata.
import { createReadStream, statSync } from "node:fs";
import { WARCParser } from "warcio";
import type { Ctx, SourceEvent } from "./types.js";
import { fsReason } from "./files.js";
import { decodeBytes, isHtmlMime, mimeOf, oneLine, outletOf, sniffHtml } from "./util.js";

export async function* readWarc(path: string, ctx: Ctx): AsyncGenerator<SourceEvent> {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (e) {
    yield { kind: "error", uri: path, reason: (e as NodeJS.ErrnoException).code === "EISDIR" ? "is a directory" : fsReason(e) };
    return;
  }
  const stream = createReadStream(path);
  const parser = new WARCParser(stream);
  let records = 0;
  try {
    for await (const record of parser) {
      const uri = `warc:${path}#${parser.offset}`;
      if (!/^WARC\/\d/.test(record.warcHeaders.statusline)) {
        // past this the record boundaries cannot be trusted
        yield { kind: "error", uri: records ? uri : path, reason: records ? "not a WARC record; the rest of the file is not read" : "not a WARC file" };
        return;
      }
      records++;
      const type = record.warcType ?? "untyped";
      if (type === "warcinfo") continue;
      const target = record.warcTargetURI ?? null;
      const about = target ? ` for ${target}` : "";
      if (type !== "response") {
        yield { kind: "skip", uri, reason: `${type} record${about}` };
        continue;
      }
      const http = record.httpHeaders;
      if (!http) {
        yield { kind: "skip", uri, reason: `response without HTTP headers${about}` };
        continue;
      }
      const status = Number(http.statusCode);
      if (status !== 200) {
        yield { kind: "skip", uri, reason: `HTTP ${status}${about}` };
        continue;
      }
      const contentType = http.headers.get("content-type");
      const mime = mimeOf(contentType);
      if (mime && !isHtmlMime(mime)) {
        yield { kind: "skip", uri, reason: `not HTML (${mime})${about}` };
        continue;
      }
      if (record.warcContentLength > ctx.maxBytes) {
        yield { kind: "error", uri, reason: `too large (${record.warcContentLength} bytes; the limit is ${ctx.maxBytes})${about}` };
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await record.readFully(true);
      } catch (e) {
        yield { kind: "error", uri, reason: `unreadable payload (${oneLine(e)})${about}` };
        continue;
      }
      if (!mime && !sniffHtml(bytes)) {
        yield { kind: "skip", uri, reason: `not HTML (no content type)${about}` };
        continue;
      }
      const raw = decodeBytes(bytes, contentType, "html");
      if (!raw.trim()) {
        yield { kind: "skip", uri, reason: `empty page${about}` };
        continue;
      }
      yield { kind: "item", item: { uri, url: target, outlet: outletOf(target), title: null, published: null, language: null, format: "html", raw } };
    }
    if (!records) yield { kind: "error", uri: path, reason: "not a WARC file (no records)" };
  } catch (e) {
    yield { kind: "error", uri: records ? `warc:${path}#${parser.offset}` : path, reason: `unreadable WARC (${oneLine(e)})` };
  } finally {
    stream.destroy();
  }
}
