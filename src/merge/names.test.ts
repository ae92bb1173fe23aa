import { test } from "node:test";
import assert from "node:assert/strict";
import { mergePeople, nameKey, sameNameForm, type PersonMention } from "./names.js";
import { mergeArticles } from "./index.js";
import { readFileSync } from "node:fs";
import type { ArticleInput } from "./types.js";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/merge/${name}`, import.meta.url), "utf8")) as T;

const same = (a: string, b: string, ca: string | null = "VNM", cb: string | null = "VNM") =>
  sameNameForm(nameKey(a), ca, nameKey(b), cb);

test("nameKey folds diacritics and drops leading honorifics and ranks", () => {
  assert.deepEqual(nameKey("Lt. Gen. Phạm Quốc Hưng").full, ["hung", "pham", "quoc"]);
  assert.deepEqual(nameKey("Mme Aino Virtanen").full, ["aino", "virtanen"]);
  assert.deepEqual(nameKey("Đỗ Văn Bình").full, ["binh", "do", "van"]);
  // an honorific is never the whole name
  assert.deepEqual(nameKey("General").full, ["general"]);
});

test("variants with and without diacritics, titles and fewer tokens are one person", () => {
  assert.ok(same("Phạm Quốc Hưng", "Pham Quoc Hung"));
  assert.ok(same("General Pham Quoc Hung", "Phạm Quốc Hưng"));
  assert.ok(same("Quoc Hung", "Pham Quoc Hung"));
  assert.ok(same("A. Virtanen", "Aino Virtanen", "FIN", "FIN"));
});

test("common surnames alone, common-only forms and conflicting states never merge", () => {
  assert.equal(same("Nguyen", "Nguyen Bao Son"), false);
  assert.equal(same("Wang", "Wang Lizhong", "CHN", "CHN"), false);
  assert.equal(same("Nguyen Minh", "Nguyen Minh Chau"), false);
  assert.equal(same("Pham Quoc Hung", "Pham Quoc Hung", "VNM", "LAO"), false);
  assert.equal(same("Wang Lizhong", "Wang Haoran", "CHN", "CHN"), false);
  // one token alone: only a rare, long one, for the same state
  assert.equal(same("Wang", "Wang", "CHN", "CHN"), false);
  assert.equal(same("Nguyen", "Nguyen"), false);
  assert.ok(same("Virtanenko", "Virtanenko", "FIN", "FIN"));
  assert.equal(same("Virtanenko", "Virtanenko", "FIN", null), false);
});

test("a form that fits two different people joins neither", () => {
  const m = (name: string, article: string): PersonMention =>
    ({ article, name, aliases: [], country: "VNM", titles: [], published: null });
  const idx = mergePeople([m("Pham Van Binh", "a"), m("Do Van Binh", "b"), m("Van Binh", "c"), m("Phạm Văn Bình", "d")]);
  assert.equal(idx.people.length, 3);
  assert.equal(idx.idOf(0), idx.idOf(3));
  assert.notEqual(idx.idOf(0), idx.idOf(1));
  assert.notEqual(idx.idOf(2), idx.idOf(0));
  assert.notEqual(idx.idOf(2), idx.idOf(1));
});

test("mergeArticles: one record per person, fullest name with diacritics, titles over time", () => {
  const m = mergeArticles(fixture<ArticleInput[]>("people-variants.json"));
  const hung = m.people.filter((p) => p.variants.includes("Pham Quoc Hung") && p.country === "VNM");
  assert.equal(hung.length, 1);
  const p = hung[0]!;
  assert.equal(p.name, "Phạm Quốc Hưng");
  assert.deepEqual(p.articles, ["vn-1", "vn-2", "vn-3"]);
  assert.deepEqual(p.variants, ["General Pham Quoc Hung", "Hung", "Pham Quoc Hung", "Phạm Quốc Hưng"]);
  assert.deepEqual(p.titles.map((t) => [t.title, t.date]), [
    ["vice-ministre de la Défense", "2019-04-02"],
    ["Deputy Minister of Defence", "2020-11-20"],
    ["Minister of Defence", "2023-01-09"],
  ]);
  // the namesake serving another state stays apart
  assert.equal(m.people.filter((x) => x.variants.includes("Pham Quoc Hung")).length, 2);
  // "Nguyen", "Wang" and "Nguyen Minh" stay on their own
  for (const name of ["Nguyen", "Wang", "Nguyen Minh"]) {
    const rec = m.people.filter((x) => x.variants.includes(name));
    assert.equal(rec.length, 1, name);
    assert.deepEqual(rec[0]!.variants, [name], name);
  }
  assert.equal(m.people.length, 9);
});
