import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { hashPassword } from "../../app/auth/password.server";
import { action as accountAction } from "../../app/routes/account";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { action as inviteAction } from "../../app/routes/invitations.new";
import { action as resetAction } from "../../app/routes/reset-password";
import { action as signInAction } from "../../app/routes/sign-in";
import { action as signUpAction } from "../../app/routes/sign-up";
import { action as codeAction } from "../../app/routes/sign-in_.two-factor";
import { action as twoFactorAction } from "../../app/routes/account_.two-factor";
import { action as verifyAction } from "../../app/routes/verify-email";
import { firstRow, rowsOf } from "../../db/rows";
import { memberships, organisations, partnerships, secondFactors, users } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { callRoute, cookiePair, formRequest } from "../support/requests";

/** Inputs an attacker or a careless paste might send. */
const HOSTILE: Record<string, string> = {
  overlong: "a".repeat(20_000),
  script: "<script>alert('x')</script>",
  sql: "' OR 1=1; DROP TABLE users; --",
  unicodeControl: "\u202Eevil\u0000name",
  emojiFlood: "🙂".repeat(400),
  empty: "",
  whitespace: "     ",
};

const TABLES = [
  "users",
  "sessions",
  "user_tokens",
  "emails",
  "invitations",
  "memberships",
  "second_factors",
  "recovery_codes",
];

describe("hostile input on every form: 4xx with a message, never a 500, nothing written", () => {
  const t = useTestDatabase();

  async function counts() {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      out[table] = firstRow(
        rowsOf<{ n: number }>(await t.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))),
        `the count of ${table}`,
      ).n;
    }
    return out;
  }

  /**
   * A refusal a person can act on: a 4xx whose conform reply names each expected field with a message in words
   * (never a validator's own text such as "Expected string, received array" or "Invalid input").
   */
  async function expectRefused(response: Response, fields: string[]) {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = JSON.parse(await response.text()) as { result?: { error?: Record<string, string[] | null> } };
    const error = body.result?.error ?? {};
    for (const field of fields) expect(error[field]?.[0], `a message for ${field}`).toMatch(/^[A-Z][^]{8,}$/);
    const messages = Object.values(error).flatMap((m) => m ?? []);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(/^(Invalid|Expected|Required$|String must)/);
  }

  async function signedInAdmin() {
    const p = firstRow(
      await t.db.insert(partnerships).values({ slug: "area", name: "Area", region: "North West" }).returning(),
      "the row inserted into partnerships",
    );
    const org = firstRow(
      await t.db
        .insert(organisations)
        .values({ kind: "academy_trust", slug: "t", name: "Trust", partnershipId: p.id })
        .returning(),
      "the row inserted into organisations",
    );
    const u = firstRow(
      await t.db
        .insert(users)
        .values({ email: "admin@example.com", name: "Admin", passwordHash: await hashPassword("a long test password") })
        .returning(),
      "the row inserted into users",
    );
    await t.db
      .insert(memberships)
      .values({ userId: u.id, role: "partnership_admin", scopeKind: "partnership", partnershipId: p.id });
    return { cookie: cookiePair(await startSession(u.id, { verified: true })), orgId: org.id };
  }

  for (const [kind, value] of Object.entries(HOSTILE)) {
    it(`sign-up, sign-in, forgot and reset password refuse ${kind} input`, async () => {
      const before = await counts();
      await expectRefused(
        await callRoute(
          signUpAction,
          formRequest("/sign-up", { name: value, email: value, password: kind === "overlong" ? value : "" }),
        ),
        ["email", "password"],
      );
      await expectRefused(
        await callRoute(
          signUpAction,
          formRequest("/sign-up", { name: value, email: "ok@example.com", password: "long enough password" }),
        ),
        ["name"],
      );
      await expectRefused(await callRoute(signInAction, formRequest("/sign-in", { email: value, password: value })), [
        "email",
      ]);
      await expectRefused(await callRoute(forgotAction, formRequest("/forgot-password", { email: value })), ["email"]);
      await expectRefused(
        // Which field is at fault depends on the value (a long one is a good enough password, never a valid token).
        await callRoute(resetAction, formRequest("/reset-password", { token: value, password: value })),
        [],
      );
      expect((await callRoute(verifyAction, formRequest("/verify-email", { token: value }))).status).toBe(400);
      expect(await counts()).toEqual(before);
    });
  }

  it("the account and invitation forms refuse hostile input from a signed-in user", async () => {
    const { cookie, orgId } = await signedInAdmin();
    const before = await counts();
    for (const value of Object.values(HOSTILE)) {
      await expectRefused(
        await callRoute(
          accountAction,
          formRequest("/account", { intent: "change-password", currentPassword: value, newPassword: value }, cookie),
        ),
        ["newPassword"],
      );
      await expectRefused(
        await callRoute(
          inviteAction,
          formRequest("/invitations/new", { scope: "organisation", id: orgId, email: value, role: "hr" }, cookie),
        ),
        ["email"],
      );
      await expectRefused(
        await callRoute(
          inviteAction,
          formRequest(
            "/invitations/new",
            { scope: "organisation", id: orgId, email: "a@example.com", role: value },
            cookie,
          ),
        ),
        ["role"],
      );
      // A hostile scope id is somebody else's record as far as we know: 404.
      expect(
        (
          await callRoute(
            inviteAction,
            formRequest(
              "/invitations/new",
              { scope: "organisation", id: value || "x", email: "a@example.com", role: "hr" },
              cookie,
            ),
          )
        ).status,
      ).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });

  it("the two-step sign-in, set-up and e-mail forms refuse hostile input", async () => {
    const { cookie } = await signedInAdmin();
    const admin = firstRow(await t.db.select().from(users).where(eq(users.email, "admin@example.com")), "admin");
    const pending = cookiePair(await startSession(admin.id, { pending: true }));
    await t.db
      .insert(secondFactors)
      .values({ userId: admin.id, pendingSecret: "JBSWY3DPEHPK3PXP", pendingSince: new Date() });
    const before = await counts();
    for (const value of Object.values(HOSTILE)) {
      await expectRefused(
        await callRoute(
          twoFactorAction,
          formRequest("/account/two-factor", { intent: "confirm", code: value }, cookie),
        ),
        ["code"],
      );
      // Not one of the choices: refused at the choice, whatever the password.
      await expectRefused(
        await callRoute(
          twoFactorAction,
          formRequest("/account/two-factor", { intent: value, currentPassword: "a long test password" }, cookie),
        ),
        ["intent"],
      );
      // A choice, with a hostile password: refused at the password (seven tries stay under its limit of ten).
      await expectRefused(
        await callRoute(
          twoFactorAction,
          formRequest("/account/two-factor", { intent: "turn-off", currentPassword: value }, cookie),
        ),
        ["currentPassword"],
      );
      await expectRefused(
        await callRoute(
          accountAction,
          formRequest("/account", { intent: "change-email", email: value, currentPassword: value }, cookie),
        ),
        ["email"],
      );
    }
    // The code step (the admin has no second factor on yet, so make the pending session owe one).
    await t.db.update(secondFactors).set({ secret: "JBSWY3DPEHPK3PXP", enabledAt: new Date() });
    const steady = await counts();
    for (const value of Object.values(HOSTILE)) {
      // Three of these reach the code check and are wrong codes; the limit is five.
      await expectRefused(await callRoute(codeAction, formRequest("/sign-in/two-factor", { code: value }, pending)), [
        "code",
      ]);
    }
    expect(await counts()).toEqual(steady);
    expect(before.users).toBe(steady.users);
  });

  it("wrong types (repeated fields, missing fields) are refused too", async () => {
    const before = await counts();
    const body = new URLSearchParams([
      ["email", "a@example.com"],
      ["email", "b@example.com"],
      ["name", "Ann"],
    ]);
    const request = new Request("http://localhost:3000/sign-up", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
    await expectRefused(await callRoute(signUpAction, request), ["email", "password"]);
    await expectRefused(await callRoute(signInAction, formRequest("/sign-in", {})), ["email", "password"]);
    expect(await counts()).toEqual(before);
  });

  it("too many failed sign-ins from one address get a 429 with Retry-After and a message, even with the right password", async () => {
    await callRoute(
      signUpAction,
      formRequest("/sign-up", { name: "Kim", email: "kim@example.com", password: "kim's long passphrase" }),
    );
    for (let i = 0; i < 10; i++) {
      const r = await callRoute(
        signInAction,
        formRequest("/sign-in", { email: "kim@example.com", password: "wrong password" }),
        {},
        "192.0.2.7",
      );
      expect(r.status).toBe(401);
    }
    const blocked = await callRoute(
      signInAction,
      formRequest("/sign-in", { email: "kim@example.com", password: "kim's long passphrase" }),
      {},
      "192.0.2.7",
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many attempts");
    expect(blocked.headers.get("Set-Cookie")).toBeNull();
  });

  it("accepts names from real life that look unusual", async () => {
    const response = await callRoute(
      signUpAction,
      formRequest("/sign-up", {
        name: "Siân O'Brien-Smith",
        email: "sian@example.com",
        password: "a perfectly long passphrase",
      }),
    );
    expect(response.status).toBe(302);
  });
});
