// Entente's library surface: extract one article (text or HTML) into the output contract.
import type { Doc, DocMeta } from "./core/doc.js";
import { OffsetMapBuilder, composeMaps, identityMap } from "./core/offset-map.js";
import { defaultPipeline } from "./pipelines/default.js";
import { toJson, type ExtractionJson } from "./output/to-json.js";
import { extractHtml } from "./ingest/html.js";

export type { ExtractionJson } from "./output/to-json.js";
export type { DocMeta } from "./core/doc.js";

export interface ArticleInput {
  raw: string;
  format: "text" | "html";
  meta: Partial<DocMeta> & { id: string };
}

export function makeDoc(input: ArticleInput): Doc {
  const meta: DocMeta = {
    id: input.meta.id,
    published: input.meta.published ?? null,
    url: input.meta.url ?? null,
    title: input.meta.title ?? null,
    language: input.meta.language ?? null,
    source: input.meta.source ?? input.meta.id,
  };
  if (input.format === "html") {
    const page = extractHtml(input.raw);
    meta.published ??= page.published;
    meta.title ??= page.title;
    meta.url ??= page.url;
    meta.language ??= page.language;
    // only the article the page extractor found is read; its paragraphs keep their map to the raw HTML
    const b = new OffsetMapBuilder(page.text);
    const title = page.title && !page.body.length ? "" : page.title ?? "";
    if (title) b.replace(0, 0, `${title}\n\n`);
    page.body.forEach((r, k) => {
      if (k) b.replace(r.start, r.start, "\n\n");
      b.copy(r.start, r.end);
    });
    const sub = b.build();
    return { raw: input.raw, meta, lang: "en", text: sub.text, map: composeMaps(sub.map, page.map), messages: [] };
  }
  return { raw: input.raw, meta, lang: "en", text: input.raw, map: identityMap(input.raw.length), messages: [] };
}

export function extract(input: ArticleInput): ExtractionJson {
  const doc = makeDoc(input);
  defaultPipeline().run(doc);
  return toJson(doc);
}
