// Runs the default stages up to and including a named one: lets a test look at one layer alone.
import type { Doc } from "../core/doc.js";
import { identityMap } from "../core/offset-map.js";
import { defaultStages } from "./default.js";

export function runUntil(text: string, last: string, opts: { lang?: "fr" | "en"; published?: string | null } = {}): Doc {
  const doc: Doc = {
    raw: text,
    meta: { id: "t", published: opts.published ?? null, url: null, title: null, language: opts.lang ?? null, source: "test" },
    lang: "en",
    text,
    map: identityMap(text.length),
    messages: [],
  };
  const stages = defaultStages();
  if (!stages.some((s) => s.name === last)) throw new Error(`no stage named ${last}`);
  for (const s of stages) {
    s.run(doc);
    if (s.name === last) break;
  }
  return doc;
}
