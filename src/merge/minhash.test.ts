import { test } from "node:test";
import assert from "node:assert/strict";
import { nearDuplicates, shingles, signature, similarity } from "./minhash.js";
import { readFileSync } from "node:fs";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/merge/${name}`, import.meta.url), "utf8")) as T;

const t = fixture<{ original: string; copy: string; unrelated: string }>("syndicated.json");

test("shingles are word 5-grams, diacritic- and case-insensitive", () => {
  assert.equal(shingles("one two three four five six").size, 2);
  assert.deepEqual(shingles("Hà Nội a b c"), shingles("ha noi A B C"));
  assert.equal(shingles("too short").size, 1);
  assert.equal(shingles("").size, 0);
});

test("signature agreement estimates the Jaccard similarity", () => {
  const a = shingles(t.original), b = shingles(t.copy);
  const exact = [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;
  const est = similarity(signature(a), signature(b));
  assert.ok(Math.abs(est - exact) < 0.1, `estimate ${est} vs ${exact}`);
  assert.equal(similarity(signature(a), signature(a)), 1);
  assert.ok(similarity(signature(a), signature(shingles(t.unrelated))) < 0.1);
});

test("a syndicated copy is a near-duplicate; an unrelated story is not", () => {
  const d = nearDuplicates([
    { id: "wire", text: t.original },
    { id: "copy", text: t.copy },
    { id: "other", text: t.unrelated },
  ]);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.a, "copy");
  assert.equal(d[0]!.b, "wire");
  assert.ok(d[0]!.similarity >= 0.8);
});

test("texts too short to judge are never duplicates", () => {
  assert.deepEqual(nearDuplicates([{ id: "a", text: "Ministers met." }, { id: "b", text: "Ministers met." }]), []);
});

test("the similarity threshold is applied to the candidates LSH finds", () => {
  const texts = [{ id: "wire", text: t.original }, { id: "copy", text: t.copy }];
  assert.equal(nearDuplicates(texts, 0.8).length, 1);
  assert.equal(nearDuplicates(texts, 0.99).length, 0);
});

test("thousands of copies of one story do not blow up the candidate pairs", () => {
  const base = "the minister of the interior received his counterpart in the capital on monday to discuss border security and the fight against drug trafficking and terrorism";
  const texts = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, text: `${base} report ${i % 7}` }));
  const pairs = nearDuplicates(texts);
  assert.ok(pairs.length > 2999, "every copy is linked to some other copy");
  assert.ok(pairs.length < 3000 * 40, `pairs stay linear, far from the 4.5 million of all pairs: ${pairs.length}`);
});
