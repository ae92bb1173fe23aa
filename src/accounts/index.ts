// Accounts over a store: users with a role, log-in by password, API tokens.
import type { Role, Store, User } from "../store/store.js";
import { MIN_PASSWORD, decoyHash, hashPassword, verifyPassword } from "./passwords.js";
import { newToken, tokenHash } from "./tokens.js";

export const ROLES: readonly Role[] = ["editor", "reader"];
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class AccountError extends Error {}

export async function addUser(store: Store, username: string, password: string, role: Role = "reader"): Promise<User> {
  if (!USERNAME.test(username)) throw new AccountError("a username is 1 to 64 letters, digits, dots, dashes or underscores");
  if (!ROLES.includes(role)) throw new AccountError(`the role is one of ${ROLES.join(", ")}`);
  if (password.length < MIN_PASSWORD) throw new AccountError(`a password has at least ${MIN_PASSWORD} characters`);
  if (await store.userCredentials(username)) throw new AccountError(`there is already a user ${username}`);
  return store.addUser({ username, role, password_hash: await hashPassword(password) });
}

/** the user, or null when the name or the password is wrong (both cost one scrypt) */
export async function checkPassword(store: Store, username: string, password: string): Promise<User | null> {
  const u = await store.userCredentials(username);
  const ok = await verifyPassword(password, u?.password_hash ?? (await decoyHash()));
  return u && ok ? { id: u.id, username: u.username, role: u.role } : null;
}

/** a new token for the user, valid until `expiresAt` (null: until revoked); null when there is no such user */
export async function createToken(store: Store, username: string, label: string | null = null, expiresAt: Date | null = null): Promise<string | null> {
  const token = newToken();
  return (await store.addToken(username, tokenHash(token), label, expiresAt?.toISOString() ?? null)) ? token : null;
}

/** the user of a token neither revoked nor expired at `now` */
export async function userOfToken(store: Store, token: string, now: Date = new Date()): Promise<User | null> {
  return store.tokenUser(tokenHash(token), now.toISOString());
}

export async function revokeToken(store: Store, token: string): Promise<boolean> {
  return store.revokeToken(tokenHash(token));
}
