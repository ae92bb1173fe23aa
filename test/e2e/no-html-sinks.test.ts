// Article and API text reaches the page only as text nodes (src/web/dom.ts): no browser code may parse HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const web = new URL("../../src/web/", import.meta.url).pathname;
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));

test("the web app never turns strings into markup", () => {
  const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment)\b/;
  const found = files(web).filter((f) => sinks.test(readFileSync(f, "utf8")));
  assert.deepEqual(found, []);
});
