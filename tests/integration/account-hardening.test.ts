import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changePassword, requestPasswordReset, resetPassword, signUp } from "../../app/auth/accounts.server";
import { hashPassword, verifyPassword } from "../../app/auth/password.server";
import { readSession, startSession } from "../../app/auth/session.server";
import { action as runAlertsAction } from "../../app/routes/dev.alerts";
import { loader as mailPage } from "../../app/routes/dev.mailbox.$id";
import { loader as mailboxPage } from "../../app/routes/dev.mailbox._index";
import { loader as mailboxJson } from "../../app/routes/dev.mailbox[.]json";
import { services } from "../../app/services.server";
import { action as accountAction } from "../../app/routes/account";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset-password";
import { action as signUpAction } from "../../app/routes/sign-up";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { emails, sessions, users, userTokens } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createUser } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { callRoute, cookiePair, formRequest, getRequest } from "../support/requests";
import { firstRow } from "../../db/rows";
import { exactly } from "../support/arrays";

const APP = { appUrl: "http://localhost:3000", ip: "198.51.100.4", enqueue: enqueueLater };
const PASSWORD = "a long test password";

describe("account hardening", () => {
  const t = useTestDatabase();

  async function resetTokens(email: string): Promise<string[]> {
    const mails = await t.db.select().from(emails).where(eq(emails.to, email)).orderBy(emails.createdAt);
    return mails.map((m) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).filter((x): x is string => !!x);
  }

  async function liveSessions(userId: string) {
    return (await t.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
  }

  it("a newer reset link voids the older one", async () => {
    const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
    await requestPasswordReset(t.db, user.email, APP);
    await requestPasswordReset(t.db, user.email, APP);
    const [older, newer] = exactly(2, await resetTokens(user.email));
    expect(await resetPassword(t.db, older, "another long password")).toEqual({ ok: false, reason: "invalid-token" });
    expect((await resetPassword(t.db, newer, "another long password")).ok).toBe(true);
  });

  it("a completed reset, or a password change, voids every outstanding link", async () => {
    const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
    await requestPasswordReset(t.db, user.email, APP);
    const [first] = exactly(1, await resetTokens(user.email));
    expect(
      (await changePassword(t.db, user.id, { currentPassword: PASSWORD, newPassword: "a changed password" })).ok,
    ).toBe(true);
    expect((await resetPassword(t.db, first, "yet another password")).ok).toBe(false);
    const open = await t.db
      .select()
      .from(userTokens)
      .where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
    expect(open).toEqual([]);
  });

  it("the reset page is never cached and never sends its address as a referrer", async () => {
    // The headers function is what Remix applies to the document response.
    const { headers } = await import("../../app/routes/reset-password");
    const h = new Headers(headers({} as never));
    expect(h.get("Referrer-Policy")).toBe("no-referrer");
    expect(h.get("Cache-Control")).toBe("no-store");
    expect((await callRoute(resetLoader, getRequest("/reset-password?token=abc"))).status).toBe(200);
  });

  for (const flow of ["change", "reset"] as const) {
    it(`a failure part-way through a password ${flow} keeps the old password and its sessions (one transaction)`, async () => {
      const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
      for (let i = 0; i < 4; i++) await startSession(user.id);
      await requestPasswordReset(t.db, user.email, APP);
      const [token] = exactly(1, await resetTokens(user.email));
      // Make the revocation step fail, as a crash between the steps would.
      await t.db.execute(sql`CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated crash'; END $$`);
      await t.db.execute(sql`CREATE TRIGGER refuse_session_delete BEFORE DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION refuse_delete()`);
      try {
        const attempt =
          flow === "change"
            ? changePassword(t.db, user.id, { currentPassword: PASSWORD, newPassword: "a changed password" })
            : resetPassword(t.db, token, "a changed password");
        await expect(attempt).rejects.toThrow();
      } finally {
        await t.db.execute(sql`DROP TRIGGER refuse_session_delete ON sessions`);
        await t.db.execute(sql`DROP FUNCTION refuse_delete()`);
      }
      const after = firstRow(await t.db.select().from(users).where(eq(users.id, user.id)), "a row from users");
      expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
      expect(await liveSessions(user.id)).toBe(4);
      // The link was not spent by the failed attempt.
      if (flow === "reset") expect((await resetPassword(t.db, token, "a changed password")).ok).toBe(true);
    });
  }

  it("the session cookie is a browser-session cookie: no Max-Age, no Expires", async () => {
    const user = await createUser(t.db);
    const cookie = await startSession(user.id);
    expect(cookie).toMatch(/^staffroom_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
  });

  it("a successful change leaves only the new session", async () => {
    const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
    const old = cookiePair(await startSession(user.id));
    const result = await changePassword(t.db, user.id, {
      currentPassword: PASSWORD,
      newPassword: "a changed password",
    });
    if (!result.ok) throw new Error("change refused");
    expect(await liveSessions(user.id)).toBe(1);
    expect((await readSession(getRequest("/", old))).signedIn).toBeNull();
    expect((await readSession(getRequest("/", cookiePair(result.setCookie)))).signedIn?.user.id).toBe(user.id);
  });

  describe("after sign-in, only paths on this site", () => {
    const hostile = ["/\t/evil.example", "/\r/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example"];

    it.each(hostile)("a posted redirectTo of %j goes to /account", async (redirectTo) => {
      const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
      const response = await callRoute(
        signInAction,
        formRequest("/sign-in", { email: user.email, password: PASSWORD, redirectTo }),
      );
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/account");
    });

    it.each(["/%09/evil.example", "/%0d/evil.example", "/%0a/evil.example", "%2F%2Fevil.example"])(
      "a signed-in visit to /sign-in?redirectTo=%s goes to /account, not a 500",
      async (encoded) => {
        const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
        const cookie = cookiePair(await startSession(user.id));
        const response = await callRoute(signInLoader, getRequest(`/sign-in?redirectTo=${encoded}`, cookie));
        expect(response.status).toBe(302);
        expect(response.headers.get("Location")).toBe("/account");
      },
    );
  });

  it("refuses common and guessable passwords at sign-up, reset and change, offline", async () => {
    for (const weak of ["password123", "qwertyuiop", "1234567890", "iloveyou12", "ada@example.com1"]) {
      const signUpResponse = await callRoute(
        signUpAction,
        formRequest("/sign-up", { name: "Ada", email: "ada@example.com", password: weak }),
      );
      expect(signUpResponse.status, weak).toBe(400);
      expect(await signUpResponse.text()).toContain("too common or too easy to guess");
    }
    const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
    const cookie = cookiePair(await startSession(user.id));
    const change = await callRoute(
      accountAction,
      formRequest(
        "/account",
        { intent: "change-password", currentPassword: PASSWORD, newPassword: "password123" },
        cookie,
      ),
    );
    expect(change.status).toBe(400);
    await requestPasswordReset(t.db, user.email, APP);
    const [token] = exactly(1, await resetTokens(user.email));
    const reset = await callRoute(resetAction, formRequest("/reset-password", { token, password: "password1234" }));
    expect(reset.status).toBe(400);
    const after = firstRow(await t.db.select().from(users).where(eq(users.id, user.id)), "a row from users");
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
    expect((await t.db.select().from(users)).length).toBe(1);
  });

  it("with real e-mail configured the dev mailbox and its button are a 404, even from this machine", async () => {
    await signUp(t.db, { name: "Ada", email: "ada@example.com", password: PASSWORD }, APP);
    const [mail] = await t.db.select().from(emails);
    const config = services().config as { devMailbox: boolean };
    const wasOpen = config.devMailbox;
    expect(wasOpen).toBe(true);
    const calls = () =>
      [
        [mailboxJson, getRequest("/dev/mailbox.json"), {}],
        [mailboxPage, getRequest("/dev/mailbox"), {}],
        [mailPage, getRequest(`/dev/mailbox/${mail!.id}`), { id: mail!.id }],
        [runAlertsAction, formRequest("/dev/alerts", { frequency: "daily" }), {}],
      ] as const;
    const statuses = async () => {
      const out: number[] = [];
      for (const [handler, request, params] of calls())
        out.push((await callRoute(handler as never, request, params, "127.0.0.1")).status);
      return out;
    };
    expect(await statuses()).toEqual([200, 200, 200, 302]);
    config.devMailbox = false; // as loadConfig sets it when RESEND_API_KEY is set (tests/unit/config.test.ts)
    try {
      expect(await statuses()).toEqual([404, 404, 404, 404]);
    } finally {
      config.devMailbox = wasOpen;
    }
  });

  it("the dev mailbox answers only requests from this machine", async () => {
    await signUp(t.db, { name: "Ada", email: "ada@example.com", password: PASSWORD }, APP);
    const request = () => getRequest("/dev/mailbox.json");
    expect((await callRoute(mailboxJson, request(), {}, "203.0.113.9")).status).toBe(404);
    expect((await callRoute(mailboxJson, request(), {}, "::ffff:10.0.0.5")).status).toBe(404);
    for (const local of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const response = await callRoute(mailboxJson, request(), {}, local);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { mails: unknown[] }).mails.length).toBe(1);
    }
  });
});
