import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  changePassword,
  requestPasswordReset,
  resetPassword,
  signIn,
  signUp,
  verifyEmail,
} from "../../app/auth/accounts.server";
import { readSession } from "../../app/auth/session.server";
import { hitRateLimit, LIMITS } from "../../app/security/rate-limit.server";
import { hashToken } from "../../app/auth/tokens.server";
import { firstRow, rowsOf } from "../../db/rows";
import { emails, sessions, users, userTokens } from "../../db/schema";
import { enqueueLater } from "../support/jobs";
import { useTestDatabase } from "../support/database";
import { cookiePair, getRequest } from "../support/requests";
import { captured } from "../support/arrays";

const APP = { appUrl: "http://localhost:3000", enqueue: enqueueLater };
const person = { name: "Ada Lovelace", email: "ada@example.com", password: "correct horse battery staple" };

function tokenFromMail(text: string, path: string): string {
  return captured(text, new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`), `a ${path} link`);
}

describe("accounts", () => {
  const t = useTestDatabase();

  async function latestMail(to: string) {
    const mail = firstRow(
      await t.db
        .select()
        .from(emails)
        .where(eq(emails.to, to))
        .orderBy(sql`created_at DESC`)
        .limit(1),
      "a row from emails",
    );
    return mail;
  }

  async function jobsFor(emailId: string) {
    return rowsOf<{ id: string }>(
      await t.db.execute(sql`SELECT id FROM pgboss.job WHERE name = 'email.send' AND data->>'emailId' = ${emailId}`),
    );
  }

  it("signs up, stores only an argon2id hash, signs in with a session whose id is the token's SHA-256", async () => {
    const result = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.setCookie) throw new Error("expected a session");
    const user = firstRow(await t.db.select().from(users).where(eq(users.email, person.email)), "a row from users");
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user.passwordHash).not.toContain(person.password);

    const token = captured(cookiePair(result.setCookie), /=(.*)$/, "a session token");
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(firstRow(stored, "the new session").id).toBe(hashToken(token));
    expect(stored[0]?.id).not.toBe(token);
    expect(result.setCookie).toMatch(/HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=Lax/i);
  });

  it("queues the verification mail and its delivery job in the sign-up transaction", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const mail = await latestMail(person.email);
    expect(mail.subject).toBe("Confirm your e-mail address for Staffroom");
    expect(mail.text).toContain("/verify-email?token=");
    expect(await jobsFor(mail.id)).toHaveLength(1);
  });

  it("a second sign-up with the same address creates nothing and mails the owner instead", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const again = await signUp(
      t.db,
      { ...person, name: "Mallory", password: "another password here" },
      { ip: "198.51.100.2", ...APP },
    );
    expect(again).toEqual({ ok: true, setCookie: null });
    expect(await t.db.select().from(users)).toHaveLength(1);
    expect((await latestMail(person.email)).template).toBe("account-exists");
  });

  it("verification tokens work once and not after expiry", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const token = tokenFromMail((await latestMail(person.email)).text, "/verify-email");
    expect(await verifyEmail(t.db, token)).toBe(true);
    expect(await verifyEmail(t.db, token)).toBe(false);
    const user = firstRow(await t.db.select().from(users).where(eq(users.email, person.email)), "a row from users");
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);

    await t.db.update(users).set({ emailVerifiedAt: null });
    const { resendVerification } = await import("../../app/auth/accounts.server");
    await resendVerification(t.db, user, APP);
    const fresh = tokenFromMail((await latestMail(person.email)).text, "/verify-email");
    await t.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.tokenHash, hashToken(fresh)));
    expect(await verifyEmail(t.db, fresh)).toBe(false);
  });

  it("refuses a wrong password and an unknown address with the same answer", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    expect(await signIn(t.db, { email: person.email, password: "not the password" }, { ip: "198.51.100.1" })).toEqual({
      ok: false,
      reason: "wrong-credentials",
    });
    expect(
      await signIn(t.db, { email: "nobody@example.com", password: "whatever123" }, { ip: "198.51.100.1" }),
    ).toEqual({
      ok: false,
      reason: "wrong-credentials",
    });
    const ok = await signIn(t.db, { email: person.email, password: person.password }, { ip: "198.51.100.1" });
    expect(ok.ok).toBe(true);
  });

  it("ten wrong passwords from one address stop that address, not the owner signing in from elsewhere", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    for (let i = 0; i < 10; i++) {
      const r = await signIn(t.db, { email: person.email, password: "wrong password" }, { ip: "192.0.2.1" });
      expect(r).toEqual({ ok: false, reason: "wrong-credentials" });
    }
    const blocked = await signIn(t.db, { email: person.email, password: person.password }, { ip: "192.0.2.1" });
    expect(!blocked.ok && blocked.reason).toBe("rate-limited");
    const owner = await signIn(t.db, { email: person.email, password: person.password }, { ip: "192.0.2.200" });
    expect(owner.ok).toBe(true);
  });

  it("counts failed sign-ins only: the owner signing in again and again is never limited", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    for (let i = 0; i < 12; i++) {
      const r = await signIn(t.db, { email: person.email, password: person.password }, { ip: "192.0.2.5" });
      expect(r.ok, `sign-in ${i + 1}`).toBe(true);
    }
  });

  it("a hundred failures from anywhere stop the account for a while, and fifty stop an address", async () => {
    await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    // Failures spread over many addresses (as a botnet would): counted directly rather than hashed 100 times.
    for (let i = 0; i < LIMITS.signInPerAccount.max; i++)
      await hitRateLimit(t.db, LIMITS.signInPerAccount, person.email);
    const locked = await signIn(t.db, { email: person.email, password: person.password }, { ip: "192.0.2.201" });
    expect(!locked.ok && locked.reason).toBe("rate-limited");

    for (let i = 0; i < 50; i++)
      await signIn(t.db, { email: `u${i}@example.com`, password: "x".repeat(10) }, { ip: "192.0.2.99" });
    const perIp = await signIn(t.db, { email: "fresh@example.com", password: "x".repeat(10) }, { ip: "192.0.2.99" });
    expect(!perIp.ok && perIp.reason).toBe("rate-limited");
  });

  it("limits guesses at the current password on the account page, failures only", async () => {
    const created = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    expect(created.ok).toBe(true);
    const user = firstRow(await t.db.select().from(users).where(eq(users.email, person.email)), "a row from users");
    for (let i = 0; i < 10; i++) {
      const r = await changePassword(t.db, user.id, {
        currentPassword: `guess ${i}`,
        newPassword: "a changed password",
      });
      expect(r).toEqual({ ok: false, reason: "wrong-password" });
    }
    const blocked = await changePassword(t.db, user.id, {
      currentPassword: person.password,
      newPassword: "a changed password",
    });
    expect(!blocked.ok && blocked.reason).toBe("rate-limited");
  });

  it("rate-limits sign-up per IP and password-reset mails per account", async () => {
    for (let i = 0; i < 10; i++) {
      const r = await signUp(t.db, { ...person, email: `p${i}@example.com` }, { ip: "192.0.2.50", ...APP });
      expect(r.ok).toBe(true);
    }
    const blocked = await signUp(t.db, { ...person, email: "p99@example.com" }, { ip: "192.0.2.50", ...APP });
    expect(!blocked.ok && blocked.reason).toBe("rate-limited");
    expect(await t.db.select().from(users).where(eq(users.email, "p99@example.com"))).toHaveLength(0);

    for (let i = 0; i < 3; i++)
      expect((await requestPasswordReset(t.db, "p1@example.com", { ip: `192.0.2.${60 + i}`, ...APP })).ok).toBe(true);
    const resetBlocked = await requestPasswordReset(t.db, "p1@example.com", { ip: "192.0.2.70", ...APP });
    expect(resetBlocked.ok).toBe(false);
    const resetMails = await t.db.select().from(emails).where(eq(emails.template, "reset-password"));
    expect(resetMails).toHaveLength(3);
  });

  it("password reset: single use, expires, ends other sessions and starts a new one", async () => {
    const first = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const oldCookie = cookiePair(first.ok && first.setCookie ? first.setCookie : "");
    await requestPasswordReset(t.db, person.email, { ip: "198.51.100.1", ...APP });
    const token = tokenFromMail((await latestMail(person.email)).text, "/reset-password");

    const reset = await resetPassword(t.db, token, "a brand new long passphrase");
    expect(reset.ok).toBe(true);
    expect((await readSession(getRequest("/", oldCookie))).signedIn).toBeNull();
    if (reset.ok)
      expect((await readSession(getRequest("/", cookiePair(reset.setCookie)))).signedIn?.user.email).toBe(person.email);
    expect(await resetPassword(t.db, token, "yet another long passphrase")).toEqual({
      ok: false,
      reason: "invalid-token",
    });
    expect(
      (await signIn(t.db, { email: person.email, password: "a brand new long passphrase" }, { ip: "198.51.100.9" })).ok,
    ).toBe(true);

    await requestPasswordReset(t.db, person.email, { ip: "198.51.100.1", ...APP });
    const late = tokenFromMail((await latestMail(person.email)).text, "/reset-password");
    await t.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(userTokens.tokenHash, hashToken(late)));
    expect(await resetPassword(t.db, late, "too late passphrase here")).toEqual({ ok: false, reason: "invalid-token" });
  });

  it("a reset request for an unknown address sends nothing but answers the same", async () => {
    expect(await requestPasswordReset(t.db, "ghost@example.com", { ip: "198.51.100.1", ...APP })).toEqual({ ok: true });
    expect(await t.db.select().from(emails)).toHaveLength(0);
  });

  it("changing the password needs the current one and rotates the session", async () => {
    const first = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const oldCookie = cookiePair(first.ok && first.setCookie ? first.setCookie : "");
    const user = firstRow(await t.db.select().from(users), "a row from users");
    expect(
      await changePassword(t.db, user.id, { currentPassword: "wrong one", newPassword: "new long passphrase" }),
    ).toEqual({
      ok: false,
      reason: "wrong-password",
    });
    const changed = await changePassword(t.db, user.id, {
      currentPassword: person.password,
      newPassword: "new long passphrase",
    });
    expect(changed.ok).toBe(true);
    expect((await readSession(getRequest("/", oldCookie))).signedIn).toBeNull();
    if (changed.ok) expect(cookiePair(changed.setCookie)).not.toBe(oldCookie);
  });

  it("sessions end at their absolute expiry however recently they were used", async () => {
    const first = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const cookie = cookiePair(first.ok && first.setCookie ? first.setCookie : "");
    expect((await readSession(getRequest("/", cookie))).signedIn).not.toBeNull();
    await t.db.update(sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1000) });
    const after = await readSession(getRequest("/", cookie));
    expect(after.signedIn).toBeNull();
    expect(after.setCookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await t.db.select().from(sessions)).toHaveLength(0);
  });

  it("sessions end at their idle expiry", async () => {
    const first = await signUp(t.db, person, { ip: "198.51.100.1", ...APP });
    const cookie = cookiePair(first.ok && first.setCookie ? first.setCookie : "");
    await t.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await readSession(getRequest("/", cookie))).signedIn).toBeNull();
  });
});
