// The account routes: log-in (throttled, see login-throttle.ts; its token expires), log-out, who am I.
import type { Context, Hono } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { checkPassword, createToken, revokeToken } from "../accounts/index.js";
import type { Store } from "../store/store.js";
import type { AppEnv } from "./app.js";
import { bearer, requireUser } from "./auth.js";
import { readBody, str } from "./bodies.js";
import { ApiError } from "./errors.js";
import type { LoginThrottle } from "./login-throttle.js";
import { readQuery, type CodeBook } from "./params.js";
import { json } from "./respond.js";

export interface AuthRouteOptions {
  throttle: LoginThrottle;
  /** how long a log-in token lasts */
  sessionHours: number;
  /** milliseconds since the epoch */
  now: () => number;
  /** trust X-Forwarded-For (its last address, the one the proxy saw): only behind a proxy that sets it */
  behindProxy: boolean;
}

/**
 * The address of the client: the socket's peer (@hono/node-server), or behind a proxy the last address of
 * X-Forwarded-For. Undefined without a socket (app.request() in tests): then only usernames are throttled.
 */
export function clientAddress(c: Context, behindProxy: boolean): string | undefined {
  if (behindProxy) {
    const last = c.req.header("x-forwarded-for")?.split(",").pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address || undefined;
  } catch {
    return undefined;
  }
}

export function authRoutes(app: Hono<AppEnv>, store: Store, book: CodeBook, o: AuthRouteOptions): void {
  const noQuery = (url: string) => readQuery(url, {}, book);

  app.post("/api/auth/login", async (c) => {
    await noQuery(c.req.url);
    const body = await readBody(c, ["username", "password"]);
    const username = str(body, "username", { max: 64 })!;
    const password = str(body, "password", { max: 1024 })!;
    // refused before the password is looked at: a throttled guess costs no scrypt
    const attempt = o.throttle.attempt(username, clientAddress(c, o.behindProxy));
    if (!attempt.allowed) {
      const s = attempt.retryAfter;
      throw new ApiError("too_many_requests", `too many failed log-ins: try again in ${s} second${s === 1 ? "" : "s"}`, { "Retry-After": String(s) });
    }
    const user = await checkPassword(store, username, password);
    attempt.done(user !== null);
    if (!user) throw new ApiError("unauthorized", "wrong username or password");
    const expires = new Date(o.now() + o.sessionHours * 3_600_000);
    const token = await createToken(store, user.username, "login", expires);
    return json({ token, expires_at: expires.toISOString(), user: { username: user.username, role: user.role } });
  });
  app.post("/api/auth/logout", async (c) => {
    await noQuery(c.req.url);
    await revokeToken(store, bearer(c.req.header("authorization"))!);
    return json({ ok: true });
  });
  app.get("/api/me", async (c) => {
    await noQuery(c.req.url);
    const u = requireUser(c.get("user"));
    return json({ username: u.username, role: u.role });
  });
}
