import { Resend } from "resend";

/** What a provider event means for our list of undeliverable addresses. */
export type DeliveryEvent =
  | {
      kind: "undeliverable";
      reason: "bounced" | "complained";
      addresses: string[];
      /** The provider's short classification of a bounce ("Permanent / General"), never its message text. */
      detail: string | null;
      providerEmailId: string | null;
    }
  | { kind: "ignored"; type: string };

/**
 * Checks a webhook's Svix signature (Resend signs with Standard Webhooks: HMAC-SHA256 over id, timestamp and body,
 * a timestamp within five minutes) with the resend SDK's own verifier, and reads the event. Null when the signature,
 * its headers or the body do not hold up.
 */
export function verifyResendWebhook(
  payload: string,
  headers: Headers,
  config: { apiKey: string; secret: string },
): DeliveryEvent | null {
  // Resend sends svix-* headers; the Standard Webhooks names are accepted too.
  const header = (name: string) => headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`) ?? "";
  let event: unknown;
  try {
    event = new Resend(config.apiKey).webhooks.verify({
      payload,
      headers: { id: header("id"), timestamp: header("timestamp"), signature: header("signature") },
      webhookSecret: config.secret,
    });
  } catch {
    return null;
  }
  return readEvent(event);
}

type EventShape = {
  type?: unknown;
  data?: { to?: unknown; email_id?: unknown; bounce?: { type?: unknown; subType?: unknown } };
};

const text = (v: unknown, max = 100) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);

/**
 * A permanent bounce or a complaint makes the recipients undeliverable. A transient bounce (a full mailbox, a server
 * that was down) does not: the provider retries, and the next mail may arrive.
 */
export function readEvent(event: unknown): DeliveryEvent | null {
  if (typeof event !== "object" || event === null) return null;
  const { type, data } = event as EventShape;
  if (typeof type !== "string") return null;
  if (type !== "email.bounced" && type !== "email.complained") return { kind: "ignored", type };
  const bounceType = text(data?.bounce?.type);
  if (type === "email.bounced" && bounceType?.toLowerCase() === "transient") return { kind: "ignored", type };
  const to = Array.isArray(data?.to) ? data.to : [data?.to];
  const addresses = to
    .filter((a): a is string => typeof a === "string")
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a.length > 0 && a.length <= 254);
  if (addresses.length === 0) return null;
  return {
    kind: "undeliverable",
    reason: type === "email.bounced" ? "bounced" : "complained",
    addresses,
    detail: [bounceType, text(data?.bounce?.subType)].filter(Boolean).join(" / ") || null,
    providerEmailId: text(data?.email_id, 200),
  };
}
