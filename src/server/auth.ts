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

export function authenticate(store: Store): MiddlewareHandler<{ Variables: { user: User | null } }> {
  return async (c, next) => {
    const token = bearer(c.req.header("authorization"));
    const user = token ? await userOfToken(store, token) : null;
    c.set("user", user);
    const path = c.req.path.replace(/\/+$/, "");
    if (WRITES.has(c.req.method) && !PUBLIC.has(path)) {
      if (!user) throw new ApiError("unauthorized", token === undefined ? "this needs a token: Authorization: Bearer <token>" : "the token is not valid (unknown, revoked or malformed)");
      if (!ANY_USER.has(path) && user.role !== "editor") throw new ApiError("forbidden", `${user.username} is a reader: changing records needs an editor`);
    }
    await next();
  };
}

/** the signed-in user, or a 401 */
export function requireUser(user: User | null): User {
  if (!user) throw new ApiError("unauthorized", "this needs a token: Authorization: Bearer <token>");
  return user;
}
