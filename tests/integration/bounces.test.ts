import { firstRow } from "../../db/rows";
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { loader as rootLoader } from "../../app/root";
import { action as accountAction } from "../../app/routes/account";
import { action as webhookAction, loader as webhookLoader } from "../../app/routes/webhooks.resend";
import { services } from "../../app/services.server";
import { deliverEmail } from "../../emails/deliver.server";
import { queueEmail } from "../../emails/outbox.server";
import { devMailboxTransport } from "../../emails/transport.server";
import { emails, undeliverableAddresses } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createUser, sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;

/**
 * Signs a body as Resend does (Svix / Standard Webhooks): HMAC-SHA256, keyed with the base64 part of the secret,
 * over "id.timestamp.body", sent as "v1,<base64>". Written here from the specification, not with the SDK.
 */
function sign(body: string, options: { secret?: string; id?: string; timestamp?: number } = {}) {
  const id = options.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from((options.secret ?? SECRET).replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
}

function webhook(body: string, headers: Record<string, string>) {
  // No Origin: a provider's server calls this, not a browser.
  return new Request("http://localhost:3000/webhooks/resend", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

const event = (type: string, to: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
      from: "Staffroom <no-reply@staffroom.example>",
      to: [to],
      subject: "New jobs for you",
      created_at: new Date().toISOString(),
      ...extra,
    },
  });

const bounce = (to: string, type = "Permanent") =>
  event("email.bounced", to, { bounce: { type, subType: "General", message: "550 5.1.1 user unknown: " + to } });

describe("bounces and complaints from Resend", () => {
  const t = useTestDatabase({ env: { RESEND_API_KEY: "re_test_key", RESEND_WEBHOOK_SECRET: SECRET } });

  const post = (body: string, headers: Record<string, string> = sign(body)) =>
    callRoute(webhookAction, webhook(body, headers));
  const marked = () => t.db.select().from(undeliverableAddresses);

  it("a correctly signed permanent bounce marks the address undeliverable, once however often it is sent", async () => {
    const body = bounce("Gone@Example.com");
    const headers = sign(body);
    expect((await post(body, headers)).status).toBe(200);
    // Svix retries deliver the same message again: nothing doubles.
    expect((await post(body, headers)).status).toBe(200);
    const rows = await marked();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      email: "gone@example.com",
      reason: "bounced",
      detail: "Permanent / General",
      providerEmailId: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
    });
    // The provider's message text (which may hold personal data) is not kept.
    expect(JSON.stringify(rows)).not.toContain("550");
  });

  it("a complaint marks the address too; a transient bounce or another event does not", async () => {
    expect((await post(event("email.complained", "spam@example.com"))).status).toBe(200);
    expect((await post(bounce("full@example.com", "Transient"))).status).toBe(200);
    expect((await post(event("email.delivered", "fine@example.com"))).status).toBe(200);
    expect((await marked()).map((r) => [r.email, r.reason])).toEqual([["spam@example.com", "complained"]]);
  });

  it("a bad, missing, stale or foreign signature is a 400 and changes nothing", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const body = bounce("victim@example.com");
      const good = sign(body);
      const cases: [string, string, Record<string, string>][] = [
        ["no signature headers", body, {}],
        ["a signature by another secret", body, sign(body, { secret: `whsec_${randomBytes(32).toString("base64")}` })],
        ["a body changed after signing", bounce("someone.else@example.com"), good],
        ["a signature ten minutes old", body, sign(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })],
        ["a mangled signature", body, { ...good, "svix-signature": "v1,AAAA" }],
        ["an id that was not signed", body, { ...good, "svix-id": "msg_other" }],
      ];
      for (const [what, payload, headers] of cases) {
        const response = await post(payload, headers);
        expect(response.status, what).toBe(400);
        expect(await response.text(), what).toMatch(/signature/);
      }
      // Signed, but not JSON: refused as well.
      expect((await post("not json")).status).toBe(400);
      expect(await marked()).toEqual([]);
      const refusals = log.mock.calls.filter(([line]) => String(line).includes('"event":"webhook.refused"'));
      expect(refusals).toHaveLength(cases.length + 1);
    } finally {
      log.mockRestore();
    }
  });

  it("the endpoint has nothing to GET", async () => {
    expect((await callRoute(webhookLoader, getRequest("/webhooks/resend"))).status).toBe(404);
  });

  it("the outbox holds back ordinary mail to a marked address but still sends security mail", async () => {
    expect((await post(bounce("gone@example.com"))).status).toBe(200);
    const queue = (template: "placement-update" | "reset-password", to: string) =>
      t.db.transaction((tx) =>
        template === "reset-password"
          ? queueEmail(tx, services().enqueue, to, template, {
              name: "Gene",
              url: "http://localhost:3000/reset-password?token=abcdefghijkl",
              expiresInMinutes: 30,
            })
          : queueEmail(tx, services().enqueue, to, template, {
              name: "Gene",
              event: "accepted",
              traineeName: "Tara Trainee",
              schoolName: "Northbrook Academy",
              placementName: "Placement B",
              dates: "5 January to 27 March 2027",
              mentorName: "Max Mentor",
              url: "http://localhost:3000/placements",
            }),
      );
    const deliver = vi.fn(devMailboxTransport.deliver);
    const transport = { name: "counting", deliver };
    const notice = await queue("placement-update", "GONE@example.com");
    const reset = await queue("reset-password", "gone@example.com");
    const elsewhere = await queue("placement-update", "fine@example.com");
    expect(await deliverEmail(t.db, transport, notice)).toBe("suppressed");
    expect(await deliverEmail(t.db, transport, reset)).toBe("sent");
    expect(await deliverEmail(t.db, transport, elsewhere)).toBe("sent");
    expect(deliver.mock.calls.map(([mail]) => mail.id).sort()).toEqual([reset, elsewhere].sort());
    const held = firstRow(await t.db.select().from(emails).where(eq(emails.id, notice)), "held");
    expect(held.status).toBe("suppressed");
    // A retried job does not send it either.
    expect(await deliverEmail(t.db, transport, notice)).toBe("skipped");
  });

  it("the owner is told on their next visit, and can say the address works again", async () => {
    const user = await createUser(t.db, { email: "gone@example.com" });
    const cookie = await sessionCookie(user);
    const before = (await (await callRoute(rootLoader, getRequest("/", cookie))).json()) as { undeliverable: unknown };
    expect(before.undeliverable).toBeNull();

    expect((await post(bounce(user.email))).status).toBe(200);
    const after = (await (await callRoute(rootLoader, getRequest("/", cookie))).json()) as {
      undeliverable: { email: string; reason: string; reportedOn: string } | null;
    };
    expect(after.undeliverable).toMatchObject({ email: user.email, reason: "bounced" });
    expect(after.undeliverable?.reportedOn).toMatch(/\d{4}/);

    const works = await callRoute(accountAction, formRequest("/account", { intent: "address-works" }, cookie));
    expect(works.status).toBe(302);
    expect(await marked()).toEqual([]);
    const cleared = (await (await callRoute(rootLoader, getRequest("/", cookie))).json()) as { undeliverable: unknown };
    expect(cleared.undeliverable).toBeNull();
  });
});
