import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeArticles } from "./index.js";
import { stem, titleWords } from "./agreements.js";
import type { ArticleInput } from "./types.js";

test("light stemming meets derived forms and keeps different roots apart", () => {
  assert.equal(stem("certification"), stem("certificates"));
  assert.equal(stem("recognition"), stem("recognizing"));
  assert.equal(stem("boundaries"), stem("boundary"));
  assert.notEqual(stem("investment"), stem("investigation"));
  assert.notEqual(stem("communication"), stem("community"));
  // kind words stay out whatever their form
  assert.deepEqual([...titleWords("déclarations communes sur les traités")], []);
});

const article = (id: string, published: string | null, titles: [string, string][]): ArticleInput => ({
  id,
  published,
  extraction: {
    document: { id, language: "en", title: null, published, dateline: null, body: [] },
    people: [], organizations: [], events: [], areas: [],
    agreements: titles.map(([kind, title]) => ({ kind, title, status: "signed", date: null, period: null, countries: ["CHL", "PER"], parties: [], background: false })),
  },
});

test("documents of one signing worded differently by two outlets pair one to one", () => {
  const a = article("outlet-a", "2024-03-06", [
    ["agreement", "Agreement on Wine Trade"],
    ["other", "Cooperation for the Protection of Investments"],
    ["memorandum", "Memorandum of Cooperation on Mutual Recognition of Organic Certification"],
    ["agreement", "cross-border fishing agreement"],
  ]);
  const b = article("outlet-b", null, [
    ["agreement", "cooperation document on fishing"],
    ["memorandum", "Memorandum of Understanding on recognizing organic certificates"],
    ["agreement", "cooperation document on wine trade"],
    ["memorandum", "Memorandum of Understanding on cooperation in investment protection"],
  ]);
  const m = mergeArticles([a, b]);
  const pairs = [[0, 2], [1, 3], [2, 1], [3, 0]];
  for (const [i, j] of pairs) assert.equal(m.agreementIdOf("outlet-a", i!), m.agreementIdOf("outlet-b", j!), `a#${i} + b#${j}`);
  assert.equal(m.agreements.length, 4);
});
