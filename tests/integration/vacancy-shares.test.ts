import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assessVacancy } from "../../app/pay/assessment.server";
import { areaOffers } from "../../app/pay/area.server";
import { DEFAULT_POLICY } from "../../app/pay/policy";
import { loader as feedLoader } from "../../app/routes/api.v1.vacancies";
import { action as editAction, loader as editLoader } from "../../app/routes/hr.vacancies.$id.edit.$step";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/hr.vacancies.$id._index";
import { action as shareAction, loader as shareLoader } from "../../app/routes/hr.vacancies.$id.share";
import { loader as sharesLoader } from "../../app/routes/hr.vacancies.shares";
import { loader as dashboardLoader } from "../../app/routes/hr.vacancies._index";
import { loader as searchLoader } from "../../app/routes/vacancies._index";
import { loader as advertLoader } from "../../app/routes/vacancies.$id";
import { services } from "../../app/services.server";
import { vacancyHistory } from "../../app/vacancies/audit.server";
import { copyVacancy, createDraft, setLocation, updateVacancy } from "../../app/vacancies/editing.server";
import { closeVacancy, extendVacancy, publishVacancy } from "../../app/vacancies/lifecycle.server";
import { findPublicVacancy } from "../../app/vacancies/public.server";
import { findInvolvedVacancy, findManagedVacancy } from "../../app/vacancies/records.server";
import {
  askForConfirmation,
  decideShare,
  employerOf,
  sharesForUser,
  sharesOf,
  shareableSchools,
} from "../../app/vacancies/shares.server";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { firstRow, rowsOf } from "../../db/rows";
import { emails, schools, vacancies, vacancyShareConfirmations } from "../../db/schema";
import { reindex } from "../../search/reindex.server";
import { exactly } from "../support/arrays";
import { useTestDatabase } from "../support/database";
import { sessionCookie, valeRegion } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";

const DAY = 86_400_000;
type Region = Awaited<ReturnType<typeof valeRegion>>;

describe("roles shared across employers", () => {
  const t = useTestDatabase();

  /** Trust A's complete draft, shared 0.6 at its own Navigation Primary and 0.4 at Trust B's Oldfield Brow. */
  async function sharedDraft(
    r: Region,
    shares: [{ id: string }, number | null][] = [
      [r.a1, 600],
      [r.b1, 400],
    ],
  ) {
    const id = await createDraft(
      t.db,
      r.hrA.id,
      { kind: "organisation", id: r.trustA.id, name: r.trustA.name },
      {
        title: "Teacher of Music",
        role: "classroom_teacher",
        phases: ["primary"],
        subjects: ["music"],
        payRange: "main",
        salaryMinFte: 32916,
        salaryMaxFte: 45352,
        aboutRole: "Teach music across the two schools, with choirs and a school band.",
        applyMethod: "external_link",
        applyUrl: "https://example.org/apply",
        closesAt: new Date(Date.now() + 30 * DAY),
      },
    );
    const located = await setLocation(t.db, r.hrA.id, id, {
      fte: 1000,
      workingPattern: "full_time",
      schools: shares.map(([s, share]) => ({ schoolId: s.id, share })),
    });
    expect(located).toBe("saved");
    return id;
  }

  const locate = (
    user: { id: string },
    id: string,
    shares: [{ id: string }, number | null][],
    extra: { hoursPerWeek?: number } = {},
  ) =>
    setLocation(t.db, user.id, id, {
      fte: 1000,
      workingPattern: "full_time",
      ...extra,
      schools: shares.map(([s, share]) => ({ schoolId: s.id, share })),
    });
  const mailsTo = async (to: string) =>
    (await t.db.select().from(emails).where(eq(emails.to, to))).sort((a, b) => +a.createdAt - +b.createdAt);
  const asked = async (id: string, schoolId: string) =>
    (await sharesOf(t.db, id)).find((s) => s.schoolId === schoolId)!.requestedAt;
  const answer = (r: Region, user: { id: string }, id: string, confirm = true, reason = "") =>
    asked(id, r.b1.id).then((at) =>
      decideShare(t.db, user.id, {
        vacancyId: id,
        schoolId: r.b1.id,
        asked: at,
        decision: confirm ? { confirm: true } : { confirm: false, reason },
      }),
    );

  it("offers the employer's schools, then other employers' in the partnership, never another partnership's", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    const choices = await shareableSchools(t.db, r.hrA.id, id);
    expect(choices.map((s) => [s.name, s.employerName, s.byLead])).toEqual([
      ["Navigation Primary School", "Trust A", true],
      ["Springfield Primary School", "Trust A", true],
      ["Stamford Park Primary School", "Trafford Council", false],
      ["Oldfield Brow Primary School", "Trust B", false],
    ]);
    // The schools' HR see nothing to choose on a vacancy that is not theirs.
    expect(await shareableSchools(t.db, r.hrB.id, id)).toEqual([]);
    expect(
      await locate(r.hrA, id, [
        [r.a1, 600],
        [r.foreign, 400],
      ]),
    ).toBe("school-not-allowed");
  });

  it("asks the other school's HR (and only them) by e-mail, queued with the change", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    const share = firstRow(await sharesOf(t.db, id), "the share confirmation");
    expect(share).toMatchObject({
      schoolName: "Oldfield Brow Primary School",
      employerName: "Trust B",
      state: "awaiting",
    });
    expect(share.fteShare).toBe(400);
    const mail = firstRow(await mailsTo("hr@b.example"), "a mail to hr@b.example");
    expect(mail.subject).toBe("Please confirm a shared role: Teacher of Music");
    expect(mail.text).toContain("Trust A is posting “Teacher of Music” as a role shared with your school");
    expect(mail.text).toContain("Oldfield Brow Primary School (0.4 FTE)");
    expect(mail.text).toContain(`http://localhost:3000/hr/vacancies/${id}/share`);
    const jobs = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND data->>'emailId' = ${mail.id}`,
      ),
    );
    expect(jobs[0]?.n).toBe(1);
    // Nobody else: not trust A's own HR, not the local authority, not another partnership.
    for (const other of ["hr@a.example", "hr@trafford.example", "hr@foreign.example", "office@navigation.example"])
      expect(await mailsTo(other), other).toEqual([]);
    // The employer's own schools need no answer.
    expect((await sharesOf(t.db, id)).map((s) => s.schoolId)).toEqual([r.b1.id]);
    expect((await vacancyHistory(t.db, r.hrA.id, id)).map((h) => h.action)).toContain("confirmation requested");
  });

  it("no mail and no request is left when the change is rolled back", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r, [[r.a1, 1000]]);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(
          sql`INSERT INTO vacancy_schools (vacancy_id, school_id, fte_share, position) VALUES (${id}, ${r.b1.id}, '0.400', 1)`,
        );
        await askForConfirmation(tx, r.hrA.id, id);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await mailsTo("hr@b.example")).toEqual([]);
    expect(await t.db.select().from(vacancyShareConfirmations)).toEqual([]);
  });

  it("refuses to publish until every share is confirmed, naming who has not; then publishes", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    expect(await publishVacancy(t.db, r.hrA.id, id)).toEqual({
      ok: false,
      reason: "refused",
      message:
        "You cannot publish yet. Trust B has not yet confirmed the share at Oldfield Brow Primary School (0.4 FTE).",
    });
    expect((await t.db.select().from(vacancies).where(eq(vacancies.id, id)))[0]?.status).toBe("draft");

    expect(await answer(r, r.hrB, id)).toEqual({ ok: true, allConfirmed: true });
    const [share] = await sharesOf(t.db, id);
    expect(share).toMatchObject({ state: "confirmed", decidedBy: "Henry B" });
    const toLead = firstRow(await mailsTo("hr@a.example"), "a mail to hr@a.example");
    expect(toLead.subject).toBe("Share confirmed: Teacher of Music");
    expect(toLead.text).toContain("Every share is confirmed: you can publish the role.");
    expect(await mailsTo("hr@b.example")).toHaveLength(1);

    expect(await publishVacancy(t.db, r.hrA.id, id)).toEqual({ ok: true, status: "published" });
    const history = await vacancyHistory(t.db, r.hrA.id, id);
    expect(history.find((h) => h.action === "share confirmed")).toMatchObject({
      who: "Henry B",
      note: "Oldfield Brow Primary School (0.4 FTE) for Trust B",
    });
  });

  it("a declined share says why, and blocks publishing until the schools change", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    expect(await answer(r, r.hrB, id, false, "We have no music room on Fridays")).toEqual({
      ok: true,
      allConfirmed: false,
    });
    const toLead = firstRow(await mailsTo("hr@a.example"), "a mail to hr@a.example");
    expect(toLead.subject).toBe("Share declined: Teacher of Music");
    expect(toLead.text).toContain("Reason given: We have no music room on Fridays");
    const refused = await publishVacancy(t.db, r.hrA.id, id);
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "Trust B declined the share at Oldfield Brow Primary School (0.4 FTE): “We have no music room on Fridays”",
      ),
    });
    // The database keeps a declined share with its reason, or not at all.
    await expect(
      t.db.update(vacancyShareConfirmations).set({ reason: " " }).where(eq(vacancyShareConfirmations.vacancyId, id)),
    ).rejects.toThrow();
  });

  it("a change to the shares resets the answers and asks again; saving the same shares does not", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    await answer(r, r.hrB, id);
    const same = { hoursPerWeek: 32.5 };
    expect(
      await locate(
        r.hrA,
        id,
        [
          [r.a1, 600],
          [r.b1, 400],
        ],
        same,
      ),
    ).toBe("saved");
    expect((await sharesOf(t.db, id))[0]?.state).toBe("confirmed");
    expect(await mailsTo("hr@b.example")).toHaveLength(1);

    expect(
      await locate(
        r.hrA,
        id,
        [
          [r.a1, 500],
          [r.b1, 500],
        ],
        same,
      ),
    ).toBe("saved");
    const share = firstRow(await sharesOf(t.db, id), "the share confirmation");
    expect(share).toMatchObject({ state: "awaiting", decidedBy: null, fteShare: 500 });
    const mails = await mailsTo("hr@b.example");
    expect(mails.map((m) => m.subject)).toEqual([
      "Please confirm a shared role: Teacher of Music",
      "Please confirm a shared role again: Teacher of Music",
    ]);
    expect(mails[1]?.text).toContain("Oldfield Brow Primary School (0.5 FTE)");
    const reset = (await vacancyHistory(t.db, r.hrA.id, id)).find((h) => h.action === "confirmation requested");
    expect(reset?.note).toContain("The shares changed, so earlier answers no longer count");
    expect((await publishVacancy(t.db, r.hrA.id, id)).ok).toBe(false);

    // An answer to the shares as they were is refused, not applied to the new ones.
    const stale = await decideShare(t.db, r.hrB.id, {
      vacancyId: id,
      schoolId: r.b1.id,
      asked: new Date(Date.parse(share.requestedAt) - 60_000).toISOString(),
      decision: { confirm: true },
    });
    expect(stale).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("The shares changed"),
    });
    expect((await sharesOf(t.db, id))[0]?.state).toBe("awaiting");

    // Sharing with the local authority's school instead: Trust B's request goes, Trafford's HR are asked.
    await locate(
      r.hrA,
      id,
      [
        [r.a1, 500],
        [r.la1, 500],
      ],
      same,
    );
    expect((await sharesOf(t.db, id)).map((s) => [s.schoolName, s.employerName, s.state])).toEqual([
      ["Stamford Park Primary School", "Trafford Council", "awaiting"],
    ]);
    expect(await mailsTo("hr@trafford.example")).toHaveLength(1);
    expect(await findInvolvedVacancy(t.db, r.hrB.id, id)).toBeNull();
  });

  it("once live, the shares stay as confirmed; other edits go on; the other employer's answer is final", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    await answer(r, r.hrB, id);
    await publishVacancy(t.db, r.hrA.id, id);
    // The public page names the employer and the other employer who confirmed, as HR's pages do.
    expect((await findPublicVacancy(t.db, id))?.employer).toEqual({ name: "Trust A", sharedWith: ["Trust B"] });
    expect(await employerOf(t.db, id)).toEqual({ name: "Trust A", sharedWith: ["Trust B"] });
    const changed = await locate(r.hrA, id, [
      [r.a1, 500],
      [r.b1, 500],
    ]);
    expect(changed).toEqual({ refused: expect.stringContaining("close the role and post a copy") });
    expect((await sharesOf(t.db, id))[0]).toMatchObject({ state: "confirmed", fteShare: 400 });
    expect(await updateVacancy(t.db, r.hrA.id, id, { title: "Teacher of Music and Drama" })).toBe("saved");
    expect(
      await locate(
        r.hrA,
        id,
        [
          [r.a1, 600],
          [r.b1, 400],
        ],
        { hoursPerWeek: 32.5 },
      ),
    ).toBe("saved");
    expect(await answer(r, r.hrB, id, false, "Changed our mind")).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("ask the employer to close it"),
    });
    // Extending keeps the confirmed shares; closing early tells the other school's HR.
    expect((await extendVacancy(t.db, r.hrA.id, id, new Date(Date.now() + 60 * DAY), "More time")).ok).toBe(true);
    expect(await closeVacancy(t.db, r.hrA.id, id, "filled_elsewhere")).toEqual({ ok: true, status: "closed" });
    const closing = (await mailsTo("hr@b.example")).at(-1)!;
    expect(closing.subject).toBe("Shared role closed: Teacher of Music and Drama");
    expect(closing.text).toContain("Filled elsewhere");
  });

  it("a copy is a new role: the other employer is asked again", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    await answer(r, r.hrB, id);
    const copy = (await copyVacancy(t.db, r.hrA.id, id))!;
    expect((await sharesOf(t.db, copy)).map((s) => s.state)).toEqual(["awaiting"]);
    expect((await mailsTo("hr@b.example")).map((m) => m.subject)).toEqual([
      "Please confirm a shared role: Teacher of Music",
      "Please confirm a shared role: Teacher of Music (copy)",
    ]);
  });

  it("HR who also hold hr at the other school confirm it as they set it", async () => {
    const r = await valeRegion(t.db);
    await t.db.execute(
      sql`INSERT INTO memberships (user_id, role, scope_kind, organisation_id) VALUES (${r.hrA.id}, 'hr', 'organisation', ${r.trustB.id})`,
    );
    const id = await sharedDraft(r);
    expect(await sharesOf(t.db, id)).toMatchObject([{ state: "confirmed", decidedBy: "Harriet A" }]);
    expect(await mailsTo("hr@b.example")).toEqual([]);
    expect(await publishVacancy(t.db, r.hrA.id, id)).toEqual({ ok: true, status: "published" });
  });

  it("the other employer's HR read it but change nothing; a trust not involved finds nothing", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    // Trust B's HR: read-only, through the helpers.
    expect(await findManagedVacancy(t.db, r.hrB.id, id)).toBeNull();
    expect((await findInvolvedVacancy(t.db, r.hrB.id, id))?.title).toBe("Teacher of Music");
    expect((await vacancyHistory(t.db, r.hrB.id, id)).length).toBeGreaterThan(0);
    expect(await updateVacancy(t.db, r.hrB.id, id, { title: "Hijacked" })).toBe("not-found");
    expect(await locate(r.hrB, id, [[r.b1, null]])).toBe("not-found");
    expect(await publishVacancy(t.db, r.hrB.id, id)).toEqual({ ok: false, reason: "not-found" });
    expect(await closeVacancy(t.db, r.hrB.id, id, "withdrawn")).toEqual({ ok: false, reason: "not-found" });
    expect(await copyVacancy(t.db, r.hrB.id, id)).toBeNull();
    // Trust A's HR manage it but do not answer for Trust B's school.
    expect(await answer(r, r.hrA, id)).toEqual({ ok: false, reason: "not-found" });
    // The local authority's HR and another partnership's HR: nothing at all.
    for (const outsider of [r.hrLa, r.foreignHr, r.foreignAdmin, r.teacher]) {
      expect(await findInvolvedVacancy(t.db, outsider.id, id)).toBeNull();
      expect(await vacancyHistory(t.db, outsider.id, id)).toEqual([]);
      expect(await answer(r, outsider, id)).toEqual({ ok: false, reason: "not-found" });
      expect(await sharesForUser(t.db, outsider.id)).toEqual([]);
    }
    expect((await sharesOf(t.db, id))[0]?.state).toBe("awaiting");
    const v = firstRow(await t.db.select().from(vacancies).where(eq(vacancies.id, id)), "a row from vacancies");
    expect(v.title).toBe("Teacher of Music");
  });

  it("every path: pages redirect or refuse the other employer's HR, and answer 404 to anyone else", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    const [a, b, la, foreign] = exactly(
      4,
      await Promise.all([r.hrA, r.hrB, r.hrLa, r.foreignHr].map((u) => sessionCookie(u))),
    );
    const get = (
      path: string,
      cookie: string,
      loader: Parameters<typeof callRoute>[0],
      params: Record<string, string>,
    ) => callRoute(loader, getRequest(path, cookie), params);
    const post = (
      path: string,
      cookie: string,
      action: Parameters<typeof callRoute>[0],
      params: Record<string, string>,
      fields: Record<string, string>,
    ) => callRoute(action, formRequest(path, fields, cookie), params);

    // Trust B's HR: the review and edit pages send them to the read-only view; any change is a 403.
    for (const [path, loader, params] of [
      [`/hr/vacancies/${id}`, reviewLoader, { id }],
      [`/hr/vacancies/${id}/edit/where`, editLoader, { id, step: "where" }],
    ] as const) {
      const res = await get(path, b, loader, params);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location")).toBe(`/hr/vacancies/${id}/share`);
    }
    expect((await post(`/hr/vacancies/${id}`, b, reviewAction, { id }, { intent: "publish" })).status).toBe(403);
    expect(
      (await post(`/hr/vacancies/${id}`, b, reviewAction, { id }, { intent: "close", reason: "withdrawn" })).status,
    ).toBe(403);
    expect(
      (
        await post(
          `/hr/vacancies/${id}/edit/role`,
          b,
          editAction,
          { id, step: "role" },
          { title: "Hijacked", role: "classroom_teacher", phases: "primary" },
        )
      ).status,
    ).toBe(403);
    const view = await get(`/hr/vacancies/${id}/share`, b, shareLoader, { id });
    expect(view.status).toBe(200);
    const data = await view.json();
    expect(data.access).toBe("partner");
    expect(data.employedBy).toBe("Employed by Trust A, shared with Trust B");
    expect(data.shares).toMatchObject([{ schoolName: "Oldfield Brow Primary School", answerable: true }]);
    const list = await (await get("/hr/vacancies/shares", b, sharesLoader, {})).json();
    expect(list.waiting.map((s: { title: string }) => s.title)).toEqual(["Teacher of Music"]);
    const dashboard = await (await get("/hr/vacancies", b, dashboardLoader, {})).json();
    expect(dashboard.sharesWaiting).toBe(1);
    expect(dashboard.total).toBe(0);

    // Trust A's HR: their own pages as before, and the shares on the review page.
    const review = await (await get(`/hr/vacancies/${id}`, a, reviewLoader, { id })).json();
    expect(review.shares).toMatchObject([{ employerName: "Trust B", state: "awaiting" }]);
    expect((await get(`/hr/vacancies/${id}/share`, a, shareLoader, { id })).status).toBe(200);
    const refused = await post(`/hr/vacancies/${id}`, a, reviewAction, { id }, { intent: "publish" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toContain(
      "Trust B has not yet confirmed the share at Oldfield Brow Primary School",
    );

    // Not involved (the local authority in the same partnership; another partnership): 404 on every path.
    for (const cookie of [la, foreign]) {
      for (const [path, loader, params] of [
        [`/hr/vacancies/${id}`, reviewLoader, { id }],
        [`/hr/vacancies/${id}/edit/where`, editLoader, { id, step: "where" }],
        [`/hr/vacancies/${id}/share`, shareLoader, { id }],
      ] as const)
        expect((await get(path, cookie, loader, params)).status, path).toBe(404);
      expect((await post(`/hr/vacancies/${id}`, cookie, reviewAction, { id }, { intent: "publish" })).status).toBe(404);
      const at = await asked(id, r.b1.id);
      expect(
        (
          await post(
            `/hr/vacancies/${id}/share`,
            cookie,
            shareAction,
            { id },
            { schoolId: r.b1.id, asked: at, decision: "confirm" },
          )
        ).status,
      ).toBe(404);
      expect((await (await get("/hr/vacancies/shares", cookie, sharesLoader, {})).json()).waiting).toEqual([]);
    }
    expect((await sharesOf(t.db, id))[0]?.state).toBe("awaiting");
  });

  it("through the page: a decline needs a reason (a 400 at the field, nothing changed), then is kept", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    const b = await sessionCookie(r.hrB);
    const at = await asked(id, r.b1.id);
    const path = `/hr/vacancies/${id}/share`;
    const blank = await callRoute(
      shareAction,
      formRequest(path, { schoolId: r.b1.id, asked: at, decision: "decline" }, b),
      { id },
    );
    expect(blank.status).toBe(400);
    expect(JSON.stringify(await blank.json())).toContain("Say why your school declines the share");
    const none = await callRoute(shareAction, formRequest(path, { schoolId: r.b1.id, asked: at }, b), { id });
    expect(none.status).toBe(400);
    expect(JSON.stringify(await none.json())).toContain("Choose whether your school takes this share");
    expect((await sharesOf(t.db, id))[0]?.state).toBe("awaiting");
    expect(await mailsTo("hr@a.example")).toEqual([]);

    const done = await callRoute(
      shareAction,
      formRequest(path, { schoolId: r.b1.id, asked: at, decision: "decline", reason: "No room on Fridays" }, b),
      { id },
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(path);
    expect((await sharesOf(t.db, id))[0]).toMatchObject({ state: "declined", reason: "No room on Fridays" });
    // Once published the answer is final: a late answer is a 409 with the reason.
    await t.db.update(vacancies).set({ status: "published" }).where(eq(vacancies.id, id));
    const late = await callRoute(
      shareAction,
      formRequest(path, { schoolId: r.b1.id, asked: at, decision: "confirm" }, b),
      { id },
    );
    expect(late.status).toBe(409);
  });

  it("the advert, its JSON-LD, the feed and search results say who employs and who shares", async () => {
    const r = await valeRegion(t.db);
    const id = await sharedDraft(r);
    await answer(r, r.hrB, id);
    await publishVacancy(t.db, r.hrA.id, id);
    const page = await (await callRoute(advertLoader, getRequest(`/vacancies/${id}`), { id })).json();
    expect(page.vacancy.employer).toEqual({ name: "Trust A", sharedWith: ["Trust B"] });
    const ld = JSON.parse(page.jsonLd);
    expect(ld.hiringOrganization).toEqual({ "@type": "Organization", name: "Trust A" });
    expect(ld.employerOverview).toBe("Employed by Trust A, shared with Trust B.");
    expect(ld.jobLocation.map((l: { name: string }) => l.name)).toEqual([
      "Navigation Primary School",
      "Oldfield Brow Primary School",
    ]);
    const feed = await (await callRoute(feedLoader, getRequest("/api/v1/vacancies"))).json();
    expect(feed.data.find((v: { id: string }) => v.id === id)).toMatchObject({
      owner: "Trust A",
      sharedWith: ["Trust B"],
    });
    await reindex(t.db, services().search);
    const search = await (await callRoute(searchLoader, getRequest("/vacancies?q=music"))).json();
    expect(search.outcome.results.map((x: { employedBy: string }) => x.employedBy)).toEqual([
      "Employed by Trust A, shared with Trust B",
    ]);
  });

  it("pay: one assessment, the salary the employer's, and the area page names the employer of record", async () => {
    const r = await valeRegion(t.db);
    await ensurePayScales(t.db);
    await t.db.update(schools).set({ typeGroup: "la_maintained" }).where(eq(schools.id, r.la1.id));
    await t.db
      .update(schools)
      .set({ typeGroup: "academy" })
      .where(and(eq(schools.trustId, r.trustA.id)));
    // Trust A pays below the scale; its share at a maintained school is still an academy trust's offer.
    const id = await sharedDraft(r, [
      [r.a1, 600],
      [r.la1, 400],
    ]);
    await updateVacancy(t.db, r.hrA.id, id, { salaryMinFte: 30000, payPointFrom: null });
    const byTrust = (await assessVacancy(t.db, id))!.assessment.findings.map((f) => f.kind);
    expect(byTrust).toContain("below_national_scale");
    expect(byTrust).not.toContain("below_statutory_minimum");
    // The local authority employs: the statutory minimum binds at every school it shares with.
    const laId = await createDraft(
      t.db,
      r.hrLa.id,
      { kind: "organisation", id: r.la.id, name: r.la.name },
      {
        title: "Teacher of Art",
        role: "classroom_teacher",
        phases: ["primary"],
        payRange: "main",
        salaryMinFte: 30000,
        salaryMaxFte: 40000,
      },
    );
    expect(
      await locate(r.hrLa, laId, [
        [r.b1, 500],
        [r.la1, 500],
      ]),
    ).toBe("saved");
    // The employer's own school comes first whatever the order chosen: it sets the pay area and the pay points.
    expect((await findManagedVacancy(t.db, r.hrLa.id, laId))!.schools.map((s) => s.name)).toEqual([
      "Stamford Park Primary School",
      "Oldfield Brow Primary School",
    ]);
    const byLa = (await assessVacancy(t.db, laId))!.assessment.findings.filter((f) => f.kind.startsWith("below_"));
    expect(byLa.map((f) => f.kind)).toEqual(["below_statutory_minimum", "below_statutory_minimum"]);

    // Published, the offer is the local authority's on the area page, not the trust's whose school comes second.
    await t.db
      .update(vacancyShareConfirmations)
      .set({ state: "confirmed", decidedAt: new Date(), decidedBy: r.hrB.id });
    await t.db.update(vacancies).set({ salaryMinFte: 32916 }).where(eq(vacancies.id, laId));
    await t.db
      .update(vacancies)
      .set({ status: "published", publishedAt: new Date(), closesAt: new Date(Date.now() + 20 * DAY) })
      .where(eq(vacancies.id, laId));
    const offers = await areaOffers(t.db, r.vale.id, DEFAULT_POLICY, new Date());
    expect(offers.filter((o) => o.vacancyId === laId).map((o) => [o.employer, o.employerKind])).toEqual([
      ["Trafford Council", "la_school"],
    ]);
  });
});
