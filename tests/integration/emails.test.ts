import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { firstRow, rowsOf } from "../../db/rows";
import { emails } from "../../db/schema";
import { deliverEmail } from "../../emails/deliver.server";
import { queueEmail } from "../../emails/outbox.server";
import { renderEmail } from "../../emails/render.server";
import { devMailboxTransport, resendTransport } from "../../emails/transport.server";
import { services } from "../../app/services.server";
import { useTestDatabase } from "../support/database";

const props = { name: "Grace", url: "http://localhost:3000/verify-email?token=abc123abc123", expiresInHours: 48 };

describe("e-mail outbox", () => {
  const t = useTestDatabase({ workers: true });

  afterEach(() => vi.unstubAllGlobals());

  it("renders each template to HTML and plain text with its link", async () => {
    const mail = await renderEmail("verify-email", props);
    expect(mail.subject).toBe("Confirm your e-mail address for Staffroom");
    expect(mail.html).toContain('href="http://localhost:3000/verify-email?token=abc123abc123"');
    expect(mail.text).toContain("http://localhost:3000/verify-email?token=abc123abc123");
    expect(mail.text).not.toContain("<");
    const invite = await renderEmail("invitation", {
      inviterName: "Sam",
      roleLabel: "hr staff",
      placeName: "Northbrook Primary",
      url: "http://x.test/invitations/t",
      expiresInDays: 7,
    });
    expect(invite.subject).toBe("You are invited to join Northbrook Primary on Staffroom");
  });

  it("renders each event of the shared-role mail with its subject, words and link", async () => {
    const share = {
      name: "Rhys Riverside",
      title: "Teacher of Music",
      leadEmployer: "Northbrook Learning Trust",
      shares: ["Riverside Academy (0.4 FTE)"],
      url: "http://localhost:3000/hr/vacancies/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10/share",
    };
    const expected = {
      requested: ["Please confirm a shared role: Teacher of Music", "The role cannot be published until you confirm"],
      changed: ["Please confirm a shared role again: Teacher of Music", "your earlier answer no longer counts"],
      confirmed: ["Share confirmed: Teacher of Music", "Rhys Riverside confirmed the share at Riverside Academy"],
      declined: ["Share declined: Teacher of Music", "Reason given: No room on Fridays"],
      closed: ["Shared role closed: Teacher of Music", "closed “Teacher of Music”, which was shared with your school"],
    } as const;
    for (const [event, [subject, words]] of Object.entries(expected)) {
      const mail = await renderEmail("vacancy-share", {
        ...share,
        event: event as keyof typeof expected,
        partnerEmployer: "Riverside Schools Trust",
        decidedBy: "Rhys Riverside",
        reason: event === "declined" ? "No room on Fridays" : null,
      });
      expect(mail.subject, event).toBe(subject);
      expect(mail.text, event).toContain(words);
      expect(mail.text, event).toContain(share.url);
      expect(mail.html, event).toContain(`href="${share.url}"`);
    }
  });

  it("strips the NUL character react-email's preview padding can contain (PostgreSQL cannot store it)", async () => {
    // This preview length produced a U+0000 in the padding before the fix.
    const mail = await renderEmail("invitation", {
      inviterName: "admin",
      roleLabel: "hr staff",
      placeName: "Navigation Primary",
      url: "http://localhost:3000/invitations/t",
      expiresInDays: 7,
    });
    expect(mail.html.includes("\u0000")).toBe(false);
    const id = await t.db.transaction((tx) =>
      queueEmail(tx, services().enqueue, "nul@example.com", "invitation", {
        inviterName: "admin",
        roleLabel: "hr staff",
        placeName: "Navigation Primary",
        url: "http://localhost:3000/invitations/t",
        expiresInDays: 7,
      }),
    );
    expect(id).toBeTruthy();
  });

  it("a rolled-back change leaves neither the mail nor its job", async () => {
    const { now } = firstRow(
      rowsOf<{ now: string }>(await t.db.execute(sql`SELECT clock_timestamp()::text AS now`)),
      "the clock",
    );
    await expect(
      t.db.transaction(async (tx) => {
        await queueEmail(tx, services().enqueue, "rollback@example.com", "verify-email", props);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.select().from(emails).where(eq(emails.to, "rollback@example.com"))).toHaveLength(0);
    const jobs = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND created_on >= ${now}::timestamptz`,
      ),
    );
    expect(jobs[0]?.n).toBe(0);
    // The same call, committed, does leave a job: the check above can fail.
    await t.db.transaction((tx) => queueEmail(tx, services().enqueue, "commit@example.com", "verify-email", props));
    const after = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND created_on >= ${now}::timestamptz`,
      ),
    );
    expect(after[0]?.n).toBe(1);
  });

  it("the worker delivers a committed mail to the dev mailbox", async () => {
    const id = await t.db.transaction((tx) =>
      queueEmail(tx, services().enqueue, "worker@example.com", "verify-email", props),
    );
    let status = "queued";
    for (let i = 0; i < 40 && status !== "sent"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const row = firstRow(
        await t.db.select({ status: emails.status }).from(emails).where(eq(emails.id, id)),
        "a row from emails",
      );
      status = row.status;
    }
    expect(status).toBe("sent");
    const row = firstRow(await t.db.select().from(emails).where(eq(emails.id, id)), "a row from emails");
    expect(row.transport).toBe("dev-mailbox");
  });

  it("delivery is idempotent: a sent mail is not sent again", async () => {
    const id = await t.db.transaction((tx) =>
      queueEmail(tx, services().enqueue, "once@example.com", "verify-email", props),
    );
    const deliver = vi.fn(devMailboxTransport.deliver);
    const transport = { name: "counting", deliver };
    await deliverEmail(t.db, transport, id);
    await deliverEmail(t.db, transport, id);
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it("the Resend transport sends an idempotency key per mail and records a refusal", async () => {
    const calls: { url: string; headers: Headers; body: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url: String(url), headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
        return new Response(JSON.stringify({ id: "re_123" }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      }),
    );
    const transport = resendTransport("re_test_key", "Staffroom <no-reply@staffroom.example>");
    const result = await transport.deliver({
      id: "mail-1",
      to: "x@example.com",
      subject: "S",
      html: "<p>h</p>",
      text: "h",
    });
    expect(result).toEqual({ transport: "resend", providerId: "re_123" });
    expect(calls[0]?.url).toContain("/emails");
    expect(calls[0]?.headers.get("Idempotency-Key")).toBe("staffroom-email-mail-1");
    expect(calls[0]?.headers.get("Authorization")).toBe("Bearer re_test_key");
    expect(calls[0]?.body).toMatchObject({ to: "x@example.com", subject: "S", text: "h" });

    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ name: "validation_error", message: "bad to" }), {
            status: 422,
            headers: { "content-type": "application/json" },
          }),
      ),
    );
    // A stored mail with no send job: this file's worker would otherwise race the call below and deliver it to the
    // dev mailbox first (it did, once another test shifted the worker's polling).
    const rendered = await renderEmail("verify-email", props);
    const { id } = firstRow(
      await t.db
        .insert(emails)
        .values({ to: "refused@example.com", template: "verify-email", ...rendered })
        .returning({ id: emails.id }),
      "the row inserted into emails",
    );
    await expect(deliverEmail(t.db, transport, id)).rejects.toThrow(/Resend refused/);
    const row = firstRow(await t.db.select().from(emails).where(eq(emails.id, id)), "a row from emails");
    expect(row.status).not.toBe("sent");
    expect(row.error).toMatch(/bad to/);
  });
});
