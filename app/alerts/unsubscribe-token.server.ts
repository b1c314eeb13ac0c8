import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The unsubscribe link's token: the alert's id and an HMAC of it under the server's secret, so the link works
 * without signing in, for ever (old e-mails keep working), and cannot be made up for someone else's alert.
 */
function signature(alertId: string, secret: string): string {
  return createHmac("sha256", secret).update(`job-alert-unsubscribe:${alertId}`).digest("base64url");
}

export function unsubscribeToken(alertId: string, secret: string): string {
  return `${alertId}.${signature(alertId, secret)}`;
}

/** The alert id a token was made for, or null for anything forged, cut short or malformed. */
export function alertIdFromToken(token: string, secret: string): string | null {
  const [, alertId, signed] = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token) ?? [];
  if (alertId === undefined || signed === undefined) return null;
  const expected = Buffer.from(signature(alertId, secret));
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? alertId : null;
}
