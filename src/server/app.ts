// The HTTP app: the JSON API under /api (docs/api.md, GET /api/openapi.json) and the built web app at /.
// createApp() returns a Hono app that tests drive with app.request(), without a socket; serve() listens.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { Store, User } from "../store/store.js";
import { ApiError, errorBody } from "./errors.js";
import { authenticate } from "./auth.js";
import { knownAreas, isKnownCountry } from "./labels.js";
import type { CodeBook } from "./params.js";
import { readRoutes } from "./routes-read.js";
import { writeRoutes } from "./routes-write.js";
import { authRoutes } from "./routes-auth.js";
import { LoginThrottle, type LoginThrottleOptions } from "./login-throttle.js";
import { DEFAULT_WEB_ROOT, serveWeb } from "./static.js";
import { json } from "./respond.js";
import { responseCache } from "./response-cache.js";

export interface AppOptions {
  /** the built web app (default: dist/web of this package) */
  webRoot?: string;
  /** reported by GET /api/health (default: package.json's) */
  version?: string;
  /** how long a token of POST /api/auth/login lasts, in hours (default 12) */
  sessionHours?: number;
  /** the limits on failed log-ins (default 5 per username, 20 per address, in 15 minutes); their clock is `now` */
  loginLimits?: Omit<LoginThrottleOptions, "now">;
  /** behind a reverse proxy: the client's address is the last of X-Forwarded-For, not the socket's (default false) */
  behindProxy?: boolean;
  /** the clock of log-in limits and token expiry, milliseconds since the epoch (default Date.now; tests move it) */
  now?: () => number;
}

export const DEFAULT_SESSION_HOURS = 12;

export type AppEnv = { Variables: { user: User | null } };

export const SECURITY_HEADERS: Record<string, string> = {
  // the web app is served from here and only talks to here; article texts are data, never markup
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Codes a parameter may take: the gazetteer's countries and the codebook's areas, and any code the data holds. */
function codeBook(store: Store): CodeBook {
  const areas = new Set(knownAreas().map((a) => a.code));
  return {
    country: async (code) => isKnownCountry(code) || (await store.countries()).some((c) => c.code === code),
    area: async (code) => areas.has(code) || (await store.areas()).some((a) => a.code === code),
  };
}

export function createApp(store: Store, opts: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const book = codeBook(store);
  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const version = opts.version ?? packageVersion();
  const now = opts.now ?? Date.now;
  const sessionHours = opts.sessionHours ?? DEFAULT_SESSION_HOURS;
  if (!(sessionHours > 0)) throw new RangeError(`sessionHours must be positive, not ${sessionHours}`);
  // in memory, so per process: `entente serve --processes N` has N of them (see login-throttle.ts)
  const throttle = new LoginThrottle({ ...opts.loginLimits, now });

  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    if (c.req.path.startsWith("/api/")) c.res.headers.set("Cache-Control", "no-store");
  });
  app.use("/api/*", authenticate(store, now));
  app.use("/api/*", responseCache(store));

  readRoutes(app, store, book, version);
  authRoutes(app, store, book, { throttle, sessionHours, now, behindProxy: opts.behindProxy ?? false });
  writeRoutes(app, store, book);

  const noRoute = (c: { req: { method: string; path: string } }) => json({ error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}` } }, 404);
  app.all("/api/*", noRoute);
  app.all("/api", noRoute);
  app.get("*", (c) => serveWeb(webRoot, c.req.path, c.req.method));

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const headers: Record<string, string> = { ...err.headers, ...(err.status === 401 ? { "WWW-Authenticate": 'Bearer realm="entente"' } : {}) };
      return new Response(errorBody(err.code, err.message), { status: err.status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
    }
    // the message of an unexpected error stays in the log: it may hold SQL or paths
    console.error(`entente serve: ${c.req.method} ${c.req.path}:`, err);
    return new Response(JSON.stringify({ error: { code: "internal", message: "internal error" } }), { status: 500, headers: { "Content-Type": "application/json; charset=utf-8" } });
  });
  return app;
}
