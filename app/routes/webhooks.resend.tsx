import type { ActionFunctionArgs } from "@remix-run/node";
import { db, services } from "../services.server";
import { notFound } from "../auth/guards.server";
import { verifyResendWebhook } from "../deliverability/resend-webhook.server";
import { recordDeliveryEvent } from "../deliverability/undeliverable.server";
import { securityLog } from "../security/security-log.server";

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Nothing to read here: the endpoint only takes the provider's signed POSTs. */
export function loader() {
  return notFound();
}

/**
 * Resend's delivery events (ADR 0023). Exists only when Resend and its webhook secret are configured; a request whose
 * signature does not hold up is a 400 and changes nothing. Exempt from the same-origin check (a signature, not a
 * cookie, authorises it) but not from the body caps.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { resendApiKey, resendWebhookSecret } = services().config;
  if (!resendApiKey || !resendWebhookSecret) return notFound();
  const payload = await request.text();
  const event = verifyResendWebhook(payload, request.headers, { apiKey: resendApiKey, secret: resendWebhookSecret });
  if (!event) {
    securityLog("webhook.refused", { ip: context.clientIp, path: new URL(request.url).pathname, provider: "resend" });
    return plain(400, "Bad request: the webhook signature could not be verified.");
  }
  await recordDeliveryEvent(db(), event);
  return plain(200, "ok");
}
