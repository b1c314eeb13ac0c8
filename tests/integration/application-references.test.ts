import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referencesFromForm } from "../../app/applications/references-actions.server";
import {
  answerReference,
  referencesOf,
  remindReferees,
  requestReferences,
} from "../../app/applications/references.server";
import { action, loader } from "../../app/routes/references.$token";
import { rowsOf } from "../../db/rows";
import { applicationReferences, applications } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ReferenceAnswers } from "../../app/vocabulary/applications";
import { applicationIn, referencesRegion, referee } from "../support/application-records";
import { useTestDatabase } from "../support/database";
import { enqueueLater } from "../support/jobs";
import { callRoute, formRequest, getRequest } from "../support/requests";

const context = { appUrl: "http://localhost:3000", enqueue: enqueueLater };
const DAY = 24 * 3600_000;

async function mails(db: Database) {
  return rowsOf<{ to: string; subject: string; text: string }>(
    await db.execute(sql`SELECT "to", subject, text FROM emails ORDER BY created_at, "to"`),
  );
}
const linkIn = (text: string) => {
  const m = /\/references\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no reference link in ${text}`);
  return m[1];
};

const goodAnswers = {
  relationship: "I was her head of department for four years.",
  confirmedRole: "Teacher of Geography, September 2019 to now.",
  concernsAboutChildren: "no",
  disciplinary: "no",
  wouldReemploy: "yes",
  comments: "",
  signedName: "Grace Head",
};

describe("references", () => {
  const t = useTestDatabase();

  /** A shortlisted application: Grace (current employer) may be asked before interview, Sam only after an offer. */
  async function shortlisted() {
    const r = await referencesRegion(t.db);
    const grace = referee({ name: "Grace Head", currentEmployer: true, contactBeforeInterview: true });
    const sam = referee({ name: "Sam Mentor", contactBeforeInterview: false });
    const { application } = await applicationIn(t.db, r, "shortlisted", { referees: [grace, sam] });
    return { r, grace, sam, applicationId: application.id };
  }

  it("asks, before interview, only the referees the applicant allowed; once per referee; everyone after an offer", async () => {
    const { r, grace, sam, applicationId } = await shortlisted();
    const first = await requestReferences(t.db, r.hrA.id, applicationId, context);
    expect(first).toEqual({ ok: true, requested: ["Grace Head"] });
    const sent = await mails(t.db);
    expect(sent.map((m) => m.to)).toEqual([grace.email]);
    expect(sent[0]!.subject).toBe("Reference for Amara Okafor: Teacher of Mathematics");
    // Only the token's hash is stored.
    const token = linkIn(sent[0]!.text);
    const [row] = await t.db.select().from(applicationReferences);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.requestedAt.getTime()).toBe(14 * DAY);

    expect(await requestReferences(t.db, r.hrA.id, applicationId, context)).toMatchObject({
      ok: false,
      status: 409,
      message: "References are already requested from every referee who may be asked now",
    });

    await t.db.update(applications).set({ status: "offered" }).where(eq(applications.id, applicationId));
    expect(await requestReferences(t.db, r.hrA.id, applicationId, context)).toEqual({
      ok: true,
      requested: ["Sam Mentor"],
    });
    expect((await mails(t.db)).map((m) => m.to)).toEqual([grace.email, sam.email]);
  });

  it("refuses with a reason before shortlisting, without consent, and answers 404 to another trust's HR", async () => {
    const r = await referencesRegion(t.db);
    const submitted = await applicationIn(t.db, r, "submitted");
    expect(await requestReferences(t.db, r.hrA.id, submitted.application.id, context)).toMatchObject({
      status: 409,
      message: "Shortlist the application before asking for references",
    });
    const noConsent = await applicationIn(t.db, r, "interviewing", {
      referees: [
        referee({ currentEmployer: true, contactBeforeInterview: false }),
        referee({ contactBeforeInterview: false }),
      ],
    });
    expect(await requestReferences(t.db, r.hrA.id, noConsent.application.id, context)).toMatchObject({
      status: 409,
      message: expect.stringContaining("request references once the job is offered"),
    });
    const offered = await applicationIn(t.db, r, "offered");
    expect(await requestReferences(t.db, r.hrB.id, offered.application.id, context)).toMatchObject({ status: 404 });
    expect(await requestReferences(t.db, r.hrA.id, "not-a-uuid", context)).toMatchObject({ status: 404 });
    expect(await t.db.select().from(applicationReferences)).toEqual([]);
    expect(await mails(t.db)).toEqual([]);
  });

  it("takes the referee's answers once through the e-mailed link, with field errors on bad input", async () => {
    const { r, applicationId } = await shortlisted();
    await requestReferences(t.db, r.hrA.id, applicationId, context);
    const token = linkIn((await mails(t.db))[0]!.text);
    const path = `/references/${token}`;

    const page = await callRoute(loader, getRequest(path), { token });
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ refereeName: "Grace Head", applicantName: "Amara Okafor" });

    const bad = await callRoute(
      action,
      formRequest(path, { ...goodAnswers, concernsAboutChildren: "yes", signedName: "  ", wouldReemploy: "maybe" }),
      { token },
    );
    expect(bad.status).toBe(400);
    const { fieldErrors } = (await bad.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["concernsDetail", "signedName", "wouldReemploy"]);
    expect((await referencesOf(t.db, applicationId))!.referees[0]!.state).toBe("requested");

    const good = await callRoute(action, formRequest(path, goodAnswers), { token });
    expect(good.status).toBe(303);
    expect(good.headers.get("Location")).toBe("/references/sent");

    // Single use: the same link, again, says it has been used.
    expect((await callRoute(action, formRequest(path, goodAnswers), { token })).status).toBe(410);
    const again = await callRoute(loader, getRequest(path), { token });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already been given");

    const refs = (await referencesOf(t.db, applicationId))!;
    expect(refs.referees.map((l) => l.state)).toEqual(["received", "not-requested"]);
    expect(refs.referees[0]!.answers).toMatchObject({ wouldReemploy: "yes", signedName: "Grace Head" });
    expect(refs.request).toEqual({ allowed: false, message: "Every referee who may be asked now has been asked" });
  });

  it("answers an unknown link 404 and an expired or no-longer-needed one 410, never a 500", async () => {
    const { r, applicationId } = await shortlisted();
    for (const token of ["nonsense", "x".repeat(43), "a/../b"]) {
      const res = await callRoute(loader, getRequest(`/references/${encodeURIComponent(token)}`), { token });
      expect(res.status).toBe(404);
    }
    await requestReferences(t.db, r.hrA.id, applicationId, context);
    const token = linkIn((await mails(t.db))[0]!.text);
    await t.db.update(applicationReferences).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await callRoute(loader, getRequest(`/references/${token}`), { token })).status).toBe(410);
    expect((await callRoute(action, formRequest(`/references/${token}`, goodAnswers), { token })).status).toBe(410);
    expect((await referencesOf(t.db, applicationId))!.referees[0]!.state).toBe("expired");

    await t.db.update(applicationReferences).set({ expiresAt: new Date(Date.now() + DAY) });
    await t.db.update(applications).set({ status: "withdrawn" });
    const withdrawn = await callRoute(loader, getRequest(`/references/${token}`), { token });
    expect(withdrawn.status).toBe(410);
    expect(await withdrawn.text()).toContain("no longer needed");
  });

  it("answers hostile input in any field with a 400 and stores nothing, never a 500", async () => {
    const { r, applicationId } = await shortlisted();
    await requestReferences(t.db, r.hrA.id, applicationId, context);
    const token = linkIn((await mails(t.db))[0]!.text);
    const post = (fields: Record<string, string>) =>
      callRoute(action, formRequest(`/references/${token}`, { ...goodAnswers, ...fields }), { token });
    const refusals: Record<string, string[]> = {
      relationship: ["a".repeat(20_000), "", "     "],
      confirmedRole: ["a".repeat(20_000), ""],
      signedName: ["a".repeat(201), "\t\n"],
      concernsAboutChildren: ["maybe", "", "YES"],
      disciplinary: ["true"],
      wouldReemploy: ["1"],
      comments: ["a".repeat(4001)],
    };
    for (const [field, values] of Object.entries(refusals))
      for (const value of values) expect([field, (await post({ [field]: value })).status]).toEqual([field, 400]);
    // A NUL byte (PostgreSQL text cannot hold one) is refused, not a 500.
    expect((await post({ comments: "a\u0000b" })).status).toBeLessThan(500);
    expect((await referencesOf(t.db, applicationId))!.referees[0]!.state).toBe("requested");
    // A name that looks like markup is kept as text: React escapes it wherever it is shown.
    const scripted = await callRoute(
      action,
      formRequest(`/references/${token}`, { ...goodAnswers, signedName: "<script>alert(1)</script>" }),
      { token },
    );
    expect(scripted.status).toBe(303);
    expect((await referencesOf(t.db, applicationId))!.referees[0]!.answers!.signedName).toBe(
      "<script>alert(1)</script>",
    );
  });

  it("records one answer when the same link is submitted many times at once", async () => {
    const { r, applicationId } = await shortlisted();
    await requestReferences(t.db, r.hrA.id, applicationId, context);
    const token = linkIn((await mails(t.db))[0]!.text);
    const answers: ReferenceAnswers = {
      ...goodAnswers,
      concernsAboutChildren: "no",
      disciplinary: "no",
      wouldReemploy: "yes",
      concernsDetail: "",
      disciplinaryDetail: "",
    };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => answerReference(t.db, token, { ...answers, comments: `copy ${i}` })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.link.kind)).toEqual(Array(7).fill("used"));
    const [row] = await t.db.select().from(applicationReferences);
    const winner = outcomes.findIndex((o) => o.ok);
    expect(row!.answers!.comments).toBe(`copy ${winner}`);
  });

  it("reminds an unanswered referee once, three days on, with a new link that replaces the first", async () => {
    const { r, applicationId } = await shortlisted();
    const asked = new Date();
    await requestReferences(t.db, r.hrA.id, applicationId, context, asked);
    const firstToken = linkIn((await mails(t.db))[0]!.text);

    expect(await remindReferees(t.db, context, new Date(asked.getTime() + 2 * DAY))).toBe(0);
    expect(await remindReferees(t.db, context, new Date(asked.getTime() + 3 * DAY + 1000))).toBe(1);
    expect(await remindReferees(t.db, context, new Date(asked.getTime() + 4 * DAY))).toBe(0);
    const reminder = (await mails(t.db))[1]!;
    expect(reminder.subject).toBe("Reminder: reference for Amara Okafor: Teacher of Mathematics");
    const secondToken = linkIn(reminder.text);
    expect(secondToken).not.toBe(firstToken);
    expect((await callRoute(loader, getRequest("/"), { token: firstToken })).status).toBe(404);
    expect((await callRoute(loader, getRequest("/"), { token: secondToken })).status).toBe(200);
  });

  it("the page's button redirects with a message, or shows the refusal at the form", async () => {
    const { r, applicationId } = await shortlisted();
    const path = `/hr/vacancies/${r.vacancyId}/applications/${applicationId}`;
    const form = new FormData();
    form.set("intent", "request-references");
    const done = await referencesFromForm(formRequest(path, {}), form, r.hrA.id, applicationId);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(path);
    const again = await referencesFromForm(formRequest(path, {}), form, r.hrA.id, applicationId);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      intent: "request-references",
      message: expect.stringContaining("already"),
    });
    await expect(referencesFromForm(formRequest(path, {}), form, r.hrB.id, applicationId)).rejects.toMatchObject({
      status: 404,
    });
  });
});
