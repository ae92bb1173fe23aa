// API tokens: 256 random bits shown once; the store keeps only their sha256, so a leaked database holds no token.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return `ent_${randomBytes(32).toString("base64url")}`;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
