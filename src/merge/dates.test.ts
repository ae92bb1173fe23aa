import { test } from "node:test";
import assert from "node:assert/strict";
import { combineDates, dateSpan, datesClash, spansOverlap, withinRange } from "./dates.js";

test("partial dates fit full ones; different days clash", () => {
  assert.equal(datesClash("--07-25", "2017-07-25"), false);
  assert.equal(datesClash("2017", "2017-07-25"), false);
  assert.equal(datesClash(null, "2017-07-25"), false);
  assert.equal(datesClash("2017-07-25", "2017-07-26"), true);
  assert.equal(datesClash("--07", "2017-08-01"), true);
  assert.equal(combineDates("--07-25", "2017"), "2017-07-25");
  assert.equal(combineDates("2017-07-25", "2017-07-26"), null);
});

test("a date within a range, with or without years, across the end of a year", () => {
  assert.ok(withinRange("2024-04-15", "2024-04-14", "2024-04-16"));
  assert.ok(withinRange("--04-15", "2024-04-14", "--04-16"));
  assert.ok(!withinRange("2024-04-17", "2024-04-14", "2024-04-16"));
  assert.ok(withinRange("--01-02", "--12-30", "--01-03"));
  assert.ok(!withinRange("2023-04-15", "2024-04-14", "2024-04-16"));
});

test("spans overlap by day, comparing without the year when one has none", () => {
  const visit = dateSpan("--10-30", "--11-03")!;
  assert.ok(spansOverlap(visit, dateSpan("2016-11-01")!));
  assert.ok(!spansOverlap(visit, dateSpan("--03-21")!));
  assert.ok(!spansOverlap(dateSpan("2016-11-01")!, dateSpan("2017-11-01")!));
  assert.ok(spansOverlap(dateSpan("2016")!, dateSpan("2016-11-01")!));
  assert.equal(dateSpan(null), null);
});
