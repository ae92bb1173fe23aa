import { test } from "node:test";
import assert from "node:assert/strict";
import { OffsetMapBuilder, composeMaps } from "./offset-map.js";

test("an inserted space maps spans back onto the raw glued word", () => {
  const raw = "entretien dela coordination";
  const b = new OffsetMapBuilder(raw);
  b.copy(0, 12).replace(12, 12, " ").copy(12, raw.length);
  const { text, map } = b.build();
  assert.equal(text, "entretien de la coordination");
  const la = text.indexOf("la");
  assert.equal(raw.slice(map.toRawStart(la), map.toRawEnd(la + 2)), "la");
  const whole = [text.indexOf("de la"), text.indexOf("de la") + 5] as const;
  assert.equal(raw.slice(map.toRawStart(whole[0]), map.toRawEnd(whole[1])), "dela");
});

test("a replaced entity maps to the whole raw entity", () => {
  const raw = "Tom &amp; Jerry";
  const b = new OffsetMapBuilder(raw);
  b.copy(0, 4).replace(4, 9, "&").copy(9, raw.length);
  const { text, map } = b.build();
  assert.equal(text, "Tom & Jerry");
  assert.equal(raw.slice(map.toRawStart(4), map.toRawEnd(5)), "&amp;");
  assert.equal(raw.slice(map.toRawStart(6), map.toRawEnd(11)), "Jerry");
});

test("composed maps go through both transforms", () => {
  const raw = "a&amp;bdela";
  const m1 = new OffsetMapBuilder(raw).copy(0, 1).replace(1, 6, "&").copy(6, raw.length).build();
  assert.equal(m1.text, "a&bdela");
  const m2 = new OffsetMapBuilder(m1.text).copy(0, 5).replace(5, 5, " ").copy(5, m1.text.length).build();
  assert.equal(m2.text, "a&bde la");
  const map = composeMaps(m2.map, m1.map);
  const i = m2.text.indexOf("la");
  assert.equal(raw.slice(map.toRawStart(i), map.toRawEnd(i + 2)), "la");
  assert.equal(raw.slice(map.toRawStart(1), map.toRawEnd(3)), "&amp;b");
});
