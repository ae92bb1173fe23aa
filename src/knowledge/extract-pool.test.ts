import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { inlineExtractor, workerExtractor } from "./extract-pool.js";

const dir = new URL("../../test/fixtures/articles/", import.meta.url);
const inputs = readdirSync(dir)
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .slice(0, 6)
  .map((n) => ({ raw: readFileSync(new URL(n, dir), "utf8"), format: "text" as const, meta: { id: n, published: "2021-05-04" } }));

test("worker threads extract exactly what the calling thread does, each article its own answer", async () => {
  const pool = workerExtractor(2);
  try {
    const [viaWorkers, inline] = await Promise.all([Promise.all(inputs.map((i) => pool.extract(i))), Promise.all(inputs.map((i) => inlineExtractor().extract(i)))]);
    assert.ok(inputs.length >= 3);
    assert.deepEqual(viaWorkers, inline);
    assert.deepEqual(viaWorkers.map((x) => x.document.id), inputs.map((i) => i.meta.id));
  } finally {
    await pool.close();
  }
});

test("an article that fails in a worker rejects alone; the next ones are extracted", async () => {
  const pool = workerExtractor(1);
  try {
    const bad = pool.extract({ raw: 42 as unknown as string, format: "text", meta: { id: "bad" } });
    await assert.rejects(bad);
    const ok = await pool.extract(inputs[0]!);
    assert.equal(ok.document.id, inputs[0]!.meta.id);
  } finally {
    await pool.close();
  }
});
