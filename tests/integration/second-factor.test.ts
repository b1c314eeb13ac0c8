import { firstRow } from "../../db/rows";
import { generateHOTP } from "@oslojs/otp";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { requestPasswordReset } from "../../app/auth/accounts.server";
import { hashPassword, verifyPassword } from "../../app/auth/password.server";
import { claimRecoveryCodes, verifySecondFactor } from "../../app/auth/second-factor.server";
import { readSession } from "../../app/auth/session.server";
import { secretKey, timeStep } from "../../app/auth/totp";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { action as twoFactorAction, loader as twoFactorLoader } from "../../app/routes/account_.two-factor";
import { loader as hrVacanciesLoader } from "../../app/routes/hr.vacancies._index";
import { action as resetAction } from "../../app/routes/reset-password";
import { action as signInAction } from "../../app/routes/sign-in";
import { action as codeAction, loader as codeLoader } from "../../app/routes/sign-in_.two-factor";
import { LIMITS } from "../../app/security/rate-limit.server";
import { emails, recoveryCodes, secondFactors, sessions, users } from "../../db/schema";
import { captured, cycle } from "../support/arrays";
import { useTestDatabase } from "../support/database";
import { addMembership, createOrganisation, createUser, sessionCookie } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { callRoute, cookiePair, formRequest, getRequest } from "../support/requests";

const PASSWORD = "a long test password";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const MAIL = { appUrl: "http://localhost:3000", enqueue: enqueueLater };
const IP = "198.51.100.20";

/** What an authenticator app shows for `secret` at `at` (ms), `offset` steps away. */
function codeFor(secret: string, at = Date.now(), offset = 0): string {
  return generateHOTP(secretKey(secret), BigInt(timeStep(at) + offset), 6);
}

const sessionCookieOf = (response: Response) => {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("staffroom_session="));
  if (!cookie) throw new Error(`no session cookie in the ${response.status} answer`);
  return cookiePair(cookie);
};

describe("two-step sign-in", () => {
  const t = useTestDatabase();

  async function person(options: { role?: "hr" | "teacher"; factor?: boolean } = {}) {
    const user = await createUser(t.db, { passwordHash: await hashPassword(PASSWORD) });
    if (options.role) await addMembership(t.db, user, options.role, { organisation: await createOrganisation(t.db) });
    if (options.factor)
      await t.db.insert(secondFactors).values({ userId: user.id, secret: SECRET, enabledAt: new Date() });
    return user;
  }

  async function passwordStep(email: string, redirectTo = "/account") {
    const response = await callRoute(
      signInAction,
      formRequest("/sign-in", { email, password: PASSWORD, redirectTo }),
      {},
      IP,
    );
    expect(response.status).toBe(302);
    return { response, cookie: sessionCookieOf(response), location: response.headers.get("Location") };
  }

  const giveCode = (cookie: string, code: string, redirectTo = "/account") =>
    callRoute(codeAction, formRequest("/sign-in/two-factor", { code, redirectTo }, cookie), {}, IP);

  it("after the password alone, a session with a second factor owes a code and reaches nothing", async () => {
    const user = await person({ role: "hr", factor: true });
    const { cookie, location } = await passwordStep(user.email, "/hr/vacancies");
    expect(location).toBe("/sign-in/two-factor?redirectTo=%2Fhr%2Fvacancies");

    const read = await readSession(getRequest("/", cookie));
    expect(read.signedIn).toBeNull();
    expect(read.pending?.stage).toBe("second-factor");
    // Short-lived: the half-signed-in session ends within a quarter of an hour whatever happens.
    expect(read.pending!.session.absoluteExpiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    for (const [loader, path] of [
      [accountLoader, "/account"],
      [hrVacanciesLoader, "/hr/vacancies"],
      [twoFactorLoader, "/account/two-factor"],
    ] as const) {
      const response = await callRoute(loader, getRequest(path, cookie));
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location"), path).toBe(`/sign-in/two-factor?redirectTo=${encodeURIComponent(path)}`);
    }
    // Nor can it change anything.
    const change = await callRoute(
      accountAction,
      formRequest("/account", { intent: "change-email", email: "new@example.com", currentPassword: PASSWORD }, cookie),
    );
    expect(change.status).toBe(302);
    expect(firstRow(await t.db.select().from(users).where(eq(users.id, user.id)), "the user").email).toBe(user.email);

    expect((await callRoute(codeLoader, getRequest("/sign-in/two-factor", cookie))).status).toBe(200);
  });

  it("the right code replaces the pending session with a signed-in one and goes where the visitor was going", async () => {
    const user = await person({ role: "hr", factor: true });
    const { cookie } = await passwordStep(user.email);
    const response = await giveCode(cookie, codeFor(SECRET), "/hr/vacancies");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/hr/vacancies");
    const signedIn = sessionCookieOf(response);
    expect(signedIn).not.toBe(cookie);
    expect((await readSession(getRequest("/", signedIn))).signedIn?.user.id).toBe(user.id);
    // The pending session's token is spent: nothing issued before the second step survives it.
    const old = await readSession(getRequest("/", cookie));
    expect(old.signedIn).toBeNull();
    expect(old.pending).toBeUndefined();
    expect((await callRoute(hrVacanciesLoader, getRequest("/hr/vacancies", signedIn))).status).toBe(200);
  });

  it("a wrong code is refused at the field and logged; five in a quarter hour stop even the right one (429)", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const user = await person({ factor: true });
      const { cookie } = await passwordStep(user.email);
      const right = codeFor(SECRET);
      const wrong = right === "000000" ? "111111" : "000000";
      for (let i = 0; i < LIMITS.secondFactorPerUser.max; i++) {
        const response = await giveCode(cookie, i % 2 ? wrong : "not-a-recovery-code");
        expect(response.status).toBe(401);
        expect(await response.text()).toContain("That code is not right");
      }
      const limited = await giveCode(cookie, right);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await readSession(getRequest("/", cookie))).signedIn).toBeNull();
      const events = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      const failures = events.filter((e) => e.event === "second-factor.failed");
      expect(failures).toHaveLength(LIMITS.secondFactorPerUser.max);
      expect(failures[0]).toMatchObject({ log: "security", userId: user.id, ip: IP });
      // No code in the log.
      expect(JSON.stringify(events)).not.toContain(wrong);
      expect(events.some((e) => e.event === "rate-limit.refused")).toBe(true);
    } finally {
      log.mockRestore();
    }
  });

  it("accepts one step either side of now, and refuses a code used before (the same step, or an earlier one)", async () => {
    const user = await person({ factor: true });
    const now = Date.now();
    const pending = async () => {
      const { cookie } = await passwordStep(user.email);
      return { userId: user.id, sessionId: (await readSession(getRequest("/", cookie))).pending!.session.id };
    };
    const context = { ip: IP, ...MAIL };
    expect((await verifySecondFactor(t.db, await pending(), codeFor(SECRET, now, -2), context, new Date(now))).ok).toBe(
      false,
    );
    expect((await verifySecondFactor(t.db, await pending(), codeFor(SECRET, now, -1), context, new Date(now))).ok).toBe(
      true,
    );
    // The same code again: refused, and said so.
    expect(await verifySecondFactor(t.db, await pending(), codeFor(SECRET, now, -1), context, new Date(now))).toEqual({
      ok: false,
      reason: "reused",
    });
    expect((await verifySecondFactor(t.db, await pending(), codeFor(SECRET, now, 1), context, new Date(now))).ok).toBe(
      true,
    );
    // Now the current step is behind the last one used: refused as used, though never typed.
    expect(await verifySecondFactor(t.db, await pending(), codeFor(SECRET, now), context, new Date(now))).toEqual({
      ok: false,
      reason: "reused",
    });
    const row = firstRow(await t.db.select().from(secondFactors).where(eq(secondFactors.userId, user.id)), "row");
    expect(row.lastUsedStep).toBe(timeStep(now) + 1);
  });

  it("two sign-ins racing with the same code: exactly one gets in", async () => {
    const user = await person({ factor: true });
    const a = await passwordStep(user.email);
    const b = await passwordStep(user.email);
    const code = codeFor(SECRET);
    const answers = await Promise.all([giveCode(a.cookie, code), giveCode(b.cookie, code)]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 401]);
  });

  it("a reused code on the page says so", async () => {
    const user = await person({ factor: true });
    const code = codeFor(SECRET);
    expect((await giveCode((await passwordStep(user.email)).cookie, code)).status).toBe(302);
    const again = await giveCode((await passwordStep(user.email)).cookie, code);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain("That code has been used already");
  });

  it("a recovery code signs in once, is told to the owner, and then no more", async () => {
    const user = await person({ factor: true });
    await t.db.update(secondFactors).set({ recoveryCodesDue: true }).where(eq(secondFactors.userId, user.id));
    const codes = (await claimRecoveryCodes(t.db, user.id))!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Only hashes are stored.
    const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await claimRecoveryCodes(t.db, user.id)).toBeNull();

    // Typed as people type: upper case, with spaces.
    const first = await giveCode((await passwordStep(user.email)).cookie, ` ${cycle(codes, 3).toUpperCase()} `);
    expect(first.status).toBe(302);
    const again = await giveCode((await passwordStep(user.email)).cookie, cycle(codes, 3));
    expect(again.status).toBe(401);
    const left = await t.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
    expect(left).toHaveLength(9);
    const notice = firstRow(
      await t.db.select().from(emails).where(eq(emails.template, "second-factor-changed")),
      "notice",
    );
    expect(notice.to).toBe(user.email);
    expect(notice.text).toContain("recovery codes");
  });

  it("a password reset does not bypass it: the reset's session still owes a code", async () => {
    const user = await person({ factor: true });
    await requestPasswordReset(t.db, user.email, { ip: IP, ...MAIL });
    const mail = firstRow(await t.db.select().from(emails).where(eq(emails.to, user.email)), "mail");
    const token = captured(mail.text, /reset-password\?token=([A-Za-z0-9_-]+)/, "a reset link");
    const response = await callRoute(
      resetAction,
      formRequest("/reset-password", { token, password: "a brand new long passphrase" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in/two-factor?redirectTo=%2Faccount");
    const cookie = sessionCookieOf(response);
    const read = await readSession(getRequest("/", cookie));
    expect(read.signedIn).toBeNull();
    expect(read.pending?.stage).toBe("second-factor");
    expect((await callRoute(accountLoader, getRequest("/account", cookie))).status).toBe(302);
    // The password did change, and the code then completes the sign-in.
    const after = firstRow(await t.db.select().from(users).where(eq(users.id, user.id)), "after");
    expect(await verifyPassword(after.passwordHash, "a brand new long passphrase")).toBe(true);
    expect((await giveCode(cookie, codeFor(SECRET))).status).toBe(302);
  });

  describe("a role that sees others' personal data requires it", () => {
    it("after the password, an HR user without a second factor must set one up before anything else", async () => {
      const user = await person({ role: "hr" });
      const { cookie, location } = await passwordStep(user.email, "/hr/vacancies");
      expect(location).toBe("/account/two-factor?redirectTo=%2Fhr%2Fvacancies");
      expect((await readSession(getRequest("/", cookie))).pending?.stage).toBe("set-up");
      for (const [loader, path] of [
        [accountLoader, "/account"],
        [hrVacanciesLoader, "/hr/vacancies"],
      ] as const) {
        const response = await callRoute(loader, getRequest(path, cookie));
        expect(response.headers.get("Location")).toBe(`/account/two-factor?redirectTo=${encodeURIComponent(path)}`);
      }
      // Only setting up is allowed meanwhile.
      const turnOff = await callRoute(
        twoFactorAction,
        formRequest("/account/two-factor", { intent: "turn-off", currentPassword: PASSWORD }, cookie),
      );
      expect(turnOff.status).toBe(400);

      const page = await callRoute(
        twoFactorLoader,
        getRequest("/account/two-factor?redirectTo=%2Fhr%2Fvacancies", cookie),
      );
      const setUp = (await page.json()) as { view: string; secret: string; qr: string; required: boolean };
      expect(setUp).toMatchObject({ view: "set-up", required: true });
      expect(setUp.qr).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(setUp.qr.split(",")[1] ?? "", "base64").toString()).toMatch(/^<svg/);
      const secret = setUp.secret.replace(/ /g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      // A reload shows the same key (the app may have scanned it already).
      const again = (await (await callRoute(twoFactorLoader, getRequest("/account/two-factor", cookie))).json()) as {
        secret: string;
      };
      expect(again.secret).toBe(setUp.secret);

      const wrong = await callRoute(
        twoFactorAction,
        formRequest("/account/two-factor", { intent: "confirm", code: "12345", redirectTo: "/hr/vacancies" }, cookie),
      );
      expect(wrong.status).toBe(400);
      const confirmed = await callRoute(
        twoFactorAction,
        formRequest(
          "/account/two-factor",
          { intent: "confirm", code: codeFor(secret), redirectTo: "/hr/vacancies" },
          cookie,
        ),
      );
      expect(confirmed.status).toBe(302);
      expect(confirmed.headers.get("Location")).toBe("/account/two-factor?redirectTo=%2Fhr%2Fvacancies");
      const signedIn = sessionCookieOf(confirmed);
      expect((await readSession(getRequest("/", cookie))).pending).toBeUndefined();

      const codesPage = (await (
        await callRoute(twoFactorLoader, getRequest("/account/two-factor?redirectTo=%2Fhr%2Fvacancies", signedIn))
      ).json()) as { view: string; codes: string[]; continueTo: string };
      expect(codesPage.view).toBe("codes");
      expect(codesPage.codes).toHaveLength(10);
      expect(codesPage.continueTo).toBe("/hr/vacancies");
      // Shown once.
      const later = (await (await callRoute(twoFactorLoader, getRequest("/account/two-factor", signedIn))).json()) as {
        view: string;
      };
      expect(later.view).toBe("manage");
      expect((await callRoute(hrVacanciesLoader, getRequest("/hr/vacancies", signedIn))).status).toBe(200);
      // And the next sign-in asks for a code.
      expect((await passwordStep(user.email)).location).toBe("/sign-in/two-factor?redirectTo=%2Faccount");
    });

    it("a role granted during a session takes effect at once: the next page asks for the set-up", async () => {
      const user = await person({ role: "teacher" });
      const { cookie, location } = await passwordStep(user.email);
      expect(location).toBe("/account");
      expect((await callRoute(accountLoader, getRequest("/account", cookie))).status).toBe(200);
      await addMembership(t.db, user, "hr", { organisation: await createOrganisation(t.db) });
      const response = await callRoute(accountLoader, getRequest("/account", cookie));
      expect(response.headers.get("Location")).toBe("/account/two-factor?redirectTo=%2Faccount");
    });

    it("cannot be turned off while the role is held", async () => {
      const user = await person({ role: "hr", factor: true });
      const cookie = await sessionCookie(user);
      const off = await callRoute(
        twoFactorAction,
        formRequest("/account/two-factor", { intent: "turn-off", currentPassword: PASSWORD }, cookie),
      );
      expect(off.status).toBe(409);
      expect(await off.text()).toContain("cannot be turned off");
      expect(await t.db.select().from(secondFactors).where(eq(secondFactors.userId, user.id))).toHaveLength(1);
    });
  });

  describe("changing the second factor or the e-mail address needs the password", () => {
    const manage = (cookie: string, intent: string, currentPassword: string) =>
      callRoute(twoFactorAction, formRequest("/account/two-factor", { intent, currentPassword }, cookie));

    it("turning it off: refused with a wrong password, done with the right one", async () => {
      const user = await person({ factor: true });
      const cookie = await sessionCookie(user);
      const refused = await manage(cookie, "turn-off", "not my password");
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Your current password is not right");
      expect(await t.db.select().from(secondFactors)).toHaveLength(1);
      const done = await manage(cookie, "turn-off", PASSWORD);
      expect(done.status).toBe(302);
      expect(await t.db.select().from(secondFactors)).toHaveLength(0);
      expect((await passwordStep(user.email)).location).toBe("/account");
    });

    it("new recovery codes: the password first; the old codes stop working", async () => {
      const user = await person({ factor: true });
      await t.db.update(secondFactors).set({ recoveryCodesDue: true }).where(eq(secondFactors.userId, user.id));
      const oldCodes = (await claimRecoveryCodes(t.db, user.id))!;
      const cookie = await sessionCookie(user);
      expect((await manage(cookie, "regenerate", "not my password")).status).toBe(400);
      expect(await claimRecoveryCodes(t.db, user.id)).toBeNull();
      const done = await manage(cookie, "regenerate", PASSWORD);
      expect(done.status).toBe(302);
      const page = (await (await callRoute(twoFactorLoader, getRequest("/account/two-factor", cookie))).json()) as {
        codes: string[];
      };
      expect(page.codes).toHaveLength(10);
      expect(page.codes).not.toContain(oldCodes[0]);
      expect((await giveCode((await passwordStep(user.email)).cookie, cycle(oldCodes, 0))).status).toBe(401);
      expect((await giveCode((await passwordStep(user.email)).cookie, cycle(page.codes, 0))).status).toBe(302);
    });

    it("replacing the app: the password first; the old key works until the new one is confirmed", async () => {
      const user = await person({ factor: true });
      const cookie = await sessionCookie(user);
      expect((await manage(cookie, "replace", "not my password")).status).toBe(400);
      const manageView = (await (
        await callRoute(twoFactorLoader, getRequest("/account/two-factor", cookie))
      ).json()) as {
        view: string;
      };
      expect(manageView.view).toBe("manage");
      expect((await manage(cookie, "replace", PASSWORD)).status).toBe(302);
      const page = (await (await callRoute(twoFactorLoader, getRequest("/account/two-factor", cookie))).json()) as {
        view: string;
        replacing: boolean;
        secret: string;
      };
      expect(page).toMatchObject({ view: "set-up", replacing: true });
      const newSecret = page.secret.replace(/ /g, "");
      const confirmed = await callRoute(
        twoFactorAction,
        formRequest("/account/two-factor", { intent: "confirm", code: codeFor(newSecret) }, cookie),
      );
      expect(confirmed.status).toBe(302);
      // Every other session ended with the change; the old key's codes no longer sign in.
      expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
      expect((await giveCode((await passwordStep(user.email)).cookie, codeFor(SECRET, Date.now(), 1))).status).toBe(
        401,
      );
      expect((await giveCode((await passwordStep(user.email)).cookie, codeFor(newSecret, Date.now(), 1))).status).toBe(
        302,
      );
    });

    it("the e-mail address: refused with a wrong password; with the right one, unconfirmed and both addresses told", async () => {
      const user = await person({ factor: true });
      const cookie = await sessionCookie(user);
      const change = (currentPassword: string, email = "new.address@example.com") =>
        callRoute(accountAction, formRequest("/account", { intent: "change-email", email, currentPassword }, cookie));
      const refused = await change("not my password");
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Your current password is not right");
      expect(firstRow(await t.db.select().from(users).where(eq(users.id, user.id)), "the user").email).toBe(user.email);

      const other = await createUser(t.db, { email: "taken@example.com" });
      const taken = await change(PASSWORD, other.email);
      expect(taken.status).toBe(400);
      expect(await taken.text()).toContain("Another Staffroom account uses this address");

      expect((await change(PASSWORD)).status).toBe(302);
      const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
      expect(after).toMatchObject({ email: "new.address@example.com", emailVerifiedAt: null });
      const mails = await t.db.select().from(emails);
      expect(mails.map((m) => [m.to, m.template]).sort()).toEqual([
        ["new.address@example.com", "verify-email"],
        [user.email, "email-changed"],
      ]);
    });

    it("the account page's refused form keeps its own errors (the other form stays clean)", async () => {
      const user = await person();
      const cookie = await sessionCookie(user);
      const response = await callRoute(
        accountAction,
        formRequest("/account", { intent: "change-email", email: "not an address", currentPassword: "" }, cookie),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as { result: { initialValue: { intent: string } } };
      expect(body.result.initialValue.intent).toBe("change-email");
    });
  });
});
