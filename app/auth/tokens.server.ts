import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or a link: 256 bits, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database stores instead of a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
