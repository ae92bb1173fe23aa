// Failed log-ins, counted in memory per username and per client address: past the limit within the window, an
// attempt is refused before its password is checked (no scrypt spent), with the seconds to wait.
//
// The counts live in this process only. `entente serve --processes N` runs N processes (node:cluster), each with its
// own counts, and the operating system spreads connections over them: an attacker gets up to N times the limit.
// That still bounds password guessing; a shared count would need the database or another shared service.
//
// An attempt counts as a failure from the moment it is let through (so that concurrent attempts cannot all slip
// under the limit while their passwords are being checked), and is taken back if it succeeds; a success also clears
// the failures of its username (not those of its address: one good password does not vouch for other guesses).
//
// Memory is bounded: failures older than the window are forgotten, and past `maxKeys` usernames and addresses the
// least recently failed ones are dropped.

export interface LoginThrottleOptions {
  /** milliseconds since the epoch (default Date.now) */
  now?: () => number;
  /** default 15 minutes */
  windowMs?: number;
  /** failures of one username within the window before its attempts are refused (default 5) */
  maxPerUser?: number;
  /** failures from one address within the window, whatever the username, before its attempts are refused (default 20) */
  maxPerAddress?: number;
  /** usernames and addresses remembered at most (default 10,000) */
  maxKeys?: number;
}

export type LoginAttempt =
  /** check the password, then say how it went */
  | { allowed: true; done(succeeded: boolean): void }
  /** refused: try again in `retryAfter` seconds */
  | { allowed: false; retryAfter: number };

export class LoginThrottle {
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxPerUser: number;
  private readonly maxPerAddress: number;
  private readonly maxKeys: number;
  /** key -> times of its failures within the window, ascending; the map in order of the latest failure */
  private readonly failures = new Map<string, number[]>();

  constructor(o: LoginThrottleOptions = {}) {
    this.now = o.now ?? Date.now;
    this.windowMs = o.windowMs ?? 15 * 60_000;
    this.maxPerUser = o.maxPerUser ?? 5;
    this.maxPerAddress = o.maxPerAddress ?? 20;
    this.maxKeys = o.maxKeys ?? 10_000;
  }

  /** An attempt to log in as `username` from `address` (undefined when unknown: only the username is limited). */
  attempt(username: string, address: string | undefined): LoginAttempt {
    const t = this.now();
    this.forgetOld(t);
    const keys: [string, number][] = [[`u:${username}`, this.maxPerUser]];
    if (address) keys.push([`a:${address}`, this.maxPerAddress]);
    let wait = 0;
    for (const [key, max] of keys) {
      const times = this.recent(key, t);
      // the attempt may go when fewer than max failures remain in the window: wait until enough of them leave it
      if (times.length >= max) wait = Math.max(wait, times[times.length - max]! + this.windowMs - t);
    }
    if (wait > 0) return { allowed: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    for (const [key, max] of keys) this.record(key, t, max);
    let settled = false;
    return {
      allowed: true,
      done: (succeeded) => {
        if (settled || !succeeded) return;
        settled = true;
        this.failures.delete(`u:${username}`);
        if (address) this.takeBack(`a:${address}`, t);
      },
    };
  }

  /** usernames and addresses with failures remembered (for tests and monitoring) */
  get size(): number {
    return this.failures.size;
  }

  /** the failures of a key still within the window (dropping the older ones) */
  private recent(key: string, t: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const from = times.findIndex((x) => x > t - this.windowMs);
    if (from === -1) {
      this.failures.delete(key);
      return [];
    }
    if (from > 0) times.splice(0, from);
    return times;
  }

  private record(key: string, t: number, max: number): void {
    const times = this.failures.get(key) ?? [];
    times.push(t);
    // only the latest max failures matter to the verdict
    if (times.length > max) times.splice(0, times.length - max);
    // moved to the end: the map stays in order of the latest failure
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  private takeBack(key: string, t: number): void {
    const times = this.failures.get(key);
    if (!times) return;
    const i = times.lastIndexOf(t);
    if (i !== -1) times.splice(i, 1);
    if (!times.length) this.failures.delete(key);
  }

  /** drops the keys whose latest failure has left the window: they are at the start of the map */
  private forgetOld(t: number): void {
    for (const [key, times] of this.failures) {
      const last = times[times.length - 1];
      if (last !== undefined && last > t - this.windowMs) break;
      this.failures.delete(key);
    }
  }
}
