// Who is asking: the user of a bearer token, if any. Reading needs no account; every write under /api (but the
// log-in) needs a token, of an editor for the records, of any user to log out.
import type { MiddlewareHandler } from "hono";
import { userOfToken } from "../accounts/index.js";
import type { Store, User } from "../store/store.js";
import { ApiError } from "./errors.js";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** writes any signed-in user may make */
const ANY_USER = new Set(["/api/auth/logout"]);
const PUBLIC = new Set(["/api/auth/login"]);

/** the token of an `Authorization: Bearer ...` header; undefined when there is none, null when it is malformed */
export function bearer(header: string | undefined): string | null | undefined {
  if (header == null) return undefined;
  const m = /^Bearer +([A-Za-z0-9._~+/=-]{16,256})\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** `now` is the clock a token's expiry is compared with (milliseconds since the epoch) */
export function authenticate(store: Store, now: () => number = Date.now): MiddlewareHandler<{ Variables: { user: User | null } }> {
  return async (c, next) => {
    const token = bearer(c.req.header("authorization"));
    const user = token ? await userOfToken(store, token, new Date(now())) : null;
    c.set("user", user);
    const path = c.req.path.replace(/\/+$/, "");
    if (WRITES.has(c.req.method) && !PUBLIC.has(path)) {
      if (!user) throw new ApiError("unauthorized", unauthorized(token));
      if (!ANY_USER.has(path) && user.role !== "editor") throw new ApiError("forbidden", `${user.username} is a reader: changing records needs an editor`);
    }
    await next();
  };
}

/** why a write without a user is refused */
function unauthorized(token: string | null | undefined): string {
  if (token === undefined) return "this needs a token: Authorization: Bearer <token>";
  if (token === null) return "the token is malformed (Authorization: Bearer <token>)";
  // a log-in token expires (after 12 hours by default): the store tells no expired one from a revoked one
  return "the token is expired or revoked (or unknown): log in again for a new one";
}

/** the signed-in user, or a 401 */
export function requireUser(user: User | null): User {
  if (!user) throw new ApiError("unauthorized", "this needs a token: Authorization: Bearer <token>");
  return user;
}
