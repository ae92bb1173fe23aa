// The log-in throttle on its own, with a clock the tests move: limits per username and per address, the sliding
// window, what a success clears, attempts counted before their password is checked, and bounded memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LoginThrottle, type LoginAttempt } from "./login-throttle.js";

const MIN = 60_000;

function clocked(o: ConstructorParameters<typeof LoginThrottle>[0] = {}) {
  let t = 1_700_000_000_000;
  const th = new LoginThrottle({ ...o, now: () => t });
  return { th, advance: (ms: number) => (t += ms) };
}

function fail(a: LoginAttempt): void {
  assert.ok(a.allowed, "allowed");
  a.done(false);
}

test("5 failures of a username within 15 minutes: refused until the oldest leaves the window", () => {
  const { th, advance } = clocked();
  for (let i = 0; i < 5; i++) {
    fail(th.attempt("edith", "10.0.0.1"));
    advance(MIN);
  }
  // failures at 0..4 minutes, now 5 minutes: the first leaves the window at 15
  const refused = th.attempt("edith", "10.0.0.2");
  assert.deepEqual(refused, { allowed: false, retryAfter: 10 * 60 });
  assert.ok(th.attempt("rita", "10.0.0.1").allowed, "another user from the same address");
  advance(10 * MIN - 1000);
  assert.deepEqual(th.attempt("edith", "10.0.0.3"), { allowed: false, retryAfter: 1 });
  advance(1000);
  fail(th.attempt("edith", "10.0.0.3"));
  // the window slides: the second failure (at 1 minute) leaves it at 16
  assert.deepEqual(th.attempt("edith", "10.0.0.3"), { allowed: false, retryAfter: 60 });
});

test("20 failures from one address, whatever the usernames", () => {
  const { th, advance } = clocked();
  for (let i = 0; i < 20; i++) fail(th.attempt(`user${i}`, "203.0.113.7"));
  const r = th.attempt("edith", "203.0.113.7");
  assert.deepEqual(r, { allowed: false, retryAfter: 15 * 60 });
  assert.ok(th.attempt("edith", "198.51.100.1").allowed);
  assert.ok(th.attempt("edith", undefined).allowed, "no address: only the username counts");
  advance(15 * MIN);
  assert.ok(th.attempt("user21", "203.0.113.7").allowed);
});

test("a success clears its username's failures and is not counted against its address", () => {
  const { th } = clocked({ maxPerAddress: 6 });
  for (let i = 0; i < 4; i++) fail(th.attempt("edith", "10.0.0.1"));
  const ok = th.attempt("edith", "10.0.0.1");
  assert.ok(ok.allowed);
  ok.done(true);
  // the address has 4 failures, the username none
  fail(th.attempt("edith", "10.0.0.1"));
  fail(th.attempt("edith", "10.0.0.1"));
  assert.equal(th.attempt("edith", "10.0.0.1").allowed, false, "6 failures from the address");
  assert.ok(th.attempt("edith", "10.0.0.9").allowed, "but only 2 of the username");
});

test("an attempt counts as soon as it is let through: concurrent guesses cannot all slip under the limit", () => {
  const { th } = clocked();
  const pending = Array.from({ length: 8 }, () => th.attempt("edith", "10.0.0.1"));
  assert.deepEqual(pending.map((a) => a.allowed), [true, true, true, true, true, false, false, false]);
});

test("memory: old entries are forgotten, and at most maxKeys are kept, the least recent dropped", () => {
  const { th, advance } = clocked({ maxKeys: 100 });
  for (let i = 0; i < 30; i++) fail(th.attempt(`u${i}`, `10.0.0.${i}`));
  assert.equal(th.size, 60);
  advance(15 * MIN);
  fail(th.attempt("fresh", undefined));
  assert.equal(th.size, 1, "the entries older than the window are gone");
  for (let i = 0; i < 5; i++) fail(th.attempt("target", undefined));
  for (let i = 0; i < 200; i++) fail(th.attempt(`spray${i}`, undefined));
  assert.equal(th.size, 100);
  assert.ok(th.attempt("target", undefined).allowed, "the oldest key was evicted");
  assert.equal(th.attempt("spray199", undefined).allowed, true);
});
