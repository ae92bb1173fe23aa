import { test } from "node:test";
import assert from "node:assert/strict";
import { Pipeline, type Stage } from "./stage.js";

const stage = (name: string, reads: string[], writes: string[]): Stage => ({ name, reads, writes, run: () => {} });

test("a stage reading a layer nobody wrote before it is refused when the pipeline is built", () => {
  assert.throws(() => new Pipeline([stage("people", ["tokens"], ["people"]), stage("tokens", ["text"], ["tokens"])]), /people.*tokens/);
  assert.doesNotThrow(() => new Pipeline([stage("tokens", ["text"], ["tokens"]), stage("people", ["tokens"], ["people"])]));
});
