import { test } from "node:test";
import assert from "node:assert/strict";
import { PhraseMatcher } from "./phrase-matcher.js";
import { tokenize } from "../segment/tokens.js";

test("longest phrase wins, prefixes and elisions match", () => {
  const m = new PhraseMatcher<string>([
    ["séance", "A"],
    ["séance de travail", "B"],
    ["sign*", "C"],
    ["ministère de l'Intérieur", "D"],
  ]);
  const text = "Lors de la séance de travail, ils ont signé au ministère de l’Intérieur.";
  const t = tokenize(text);
  const got = m.scan(t).map((x) => [text.slice(t.start[x.first]!, t.end[x.last - 1]!), x.value]);
  assert.deepEqual(got, [
    ["séance de travail", "B"],
    ["signé", "C"],
    ["ministère de l’Intérieur", "D"],
  ]);
});

test("diacritics and case do not matter", () => {
  const m = new PhraseMatcher<number>([["securite publique", 1]]);
  const t = tokenize("la SÉCURITÉ Publique");
  assert.equal(m.scan(t).length, 1);
});
