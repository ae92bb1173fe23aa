import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, bound, dayRange, recordRange, UNDATED } from "./dates.js";
import { fold, markSnippet, nameKey, rawWords, snippet, words } from "./text.js";

test("fold drops case and diacritics, including the letters decomposition leaves alone", () => {
  assert.equal(fold("Tô Lâm"), "to lam");
  assert.equal(fold("Đặng Thị Ngọc Hân"), "dang thi ngoc han");
  assert.equal(fold("Łódź Ørsted Straße Œuvre Æsir þing İstanbul"), "lodz orsted strasse oeuvre aesir thing istanbul");
  assert.equal(fold("e\u0301te\u0301"), "ete", "combining marks");
  assert.equal(fold("ＡＢＣ"), "abc", "compatibility forms");
});

test("nameKey: same key for the written forms of one name", () => {
  assert.equal(nameKey("Tô Lâm"), nameKey("TO  LAM"));
  assert.equal(nameKey("Kim Jong-un"), "kim jong un");
  assert.equal(nameKey("J. R. Ñúñez"), "j r nunez");
  assert.notEqual(nameKey("To Lam"), nameKey("Tolam"));
  assert.deepEqual(words("Hà Nội, 12/3: ổn!"), ["ha", "noi", "12", "3", "on"]);
});

test("rawWords maps folded words back to the raw text", () => {
  const raw = "Ông Đặng Văn Khải (ﬁrst) e\u0301te\u0301 😀 Łódź";
  const ws = rawWords(raw);
  assert.deepEqual(ws.map((w) => w.norm), ["ong", "dang", "van", "khai", "first", "ete", "lodz"]);
  assert.deepEqual(ws.map((w) => raw.slice(w.start, w.end)), ["Ông", "Đặng", "Văn", "Khải", "ﬁrst", "e\u0301te\u0301", "Łódź"]);
});

test("snippet: a window around the matches, highlights on the raw words", () => {
  const raw = `${"lorem ipsum ".repeat(30)}then Đặng Văn Khải met\nthe minister ${"dolor sit ".repeat(30)}`;
  const s = snippet(raw, ["dang", "khai"], 12);
  assert.ok(s.text.startsWith("…") && s.text.endsWith("…"), s.text);
  assert.deepEqual(s.highlights.map(([a, b]) => s.text.slice(a, b)), ["Đặng", "Khải"]);
  assert.match(markSnippet(s, "<", ">"), /then <Đặng> Văn <Khải> met the minister/);
  const none = snippet("short text", ["absent"]);
  assert.deepEqual(none, { text: "short text", highlights: [] });
  const best = snippet(`trade ${"x ".repeat(50)} trade energy cooperation`, ["trade", "energy"], 6);
  assert.match(markSnippet(best), /\[trade\] \[energy\]/, "the window with the most distinct terms wins");
});

test("dates: day ranges of every precision, bounds, undated", () => {
  assert.deepEqual(dayRange("2024"), ["2024-01-01", "2024-12-31"]);
  assert.deepEqual(dayRange("2024-02"), ["2024-02-01", "2024-02-29"]);
  assert.deepEqual(dayRange("2023-02"), ["2023-02-01", "2023-02-28"]);
  assert.deepEqual(dayRange("2024-06-03"), ["2024-06-03", "2024-06-03"]);
  for (const d of ["--05-12", "--05", "2024-13", "2024-02-30", "March 2024", "", null]) assert.equal(dayRange(d), null, String(d));
  assert.deepEqual(recordRange("2024-06-03", "2024-06-05"), { sort: "2024-06-03", hi: "2024-06-05" });
  assert.deepEqual(recordRange("2024-06", "2024-06-05"), { sort: "2024-06-01", hi: "2024-06-30" });
  assert.deepEqual(recordRange(null), { sort: UNDATED, hi: null });
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(addDays("2024-12-31", 1), "2025-01-01");
  assert.equal(bound("2024-02", "to"), "2024-02-29");
  assert.equal(bound("2024", "from"), "2024-01-01");
  assert.throws(() => bound("yesterday", "from"), /bad from date/);
});
