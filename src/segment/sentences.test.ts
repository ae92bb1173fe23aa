import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences } from "./sentences.js";

const abbr = new Set(["m.", "mme.", "lt.", "gen.", "dr.", "sept."]);
const texts = (t: string) => splitSentences(t, abbr).map((s) => t.slice(s.start, s.end));

test("abbreviations and initials do not end sentences", () => {
  assert.deepEqual(texts("M. Bui Van Nam a parlé. Le président V. Poutine viendra."), [
    "M. Bui Van Nam a parlé.",
    "Le président V. Poutine viendra.",
  ]);
  assert.deepEqual(texts("Lt. Gen. Le Van Tuyen met Dr. Smith. They talked."), ["Lt. Gen. Le Van Tuyen met Dr. Smith.", "They talked."]);
});

test("paragraph breaks end sentences and closing quotes stay", () => {
  assert.deepEqual(texts("« Nous coopérons. » Il a dit.\nTitre sans point\nSuite"), ["« Nous coopérons. »", "Il a dit.", "Titre sans point", "Suite"]);
});

test("a dot before a lowercase word does not split", () => {
  assert.deepEqual(texts("Il est 8 h. et demie. Fin"), ["Il est 8 h. et demie.", "Fin"]);
});
