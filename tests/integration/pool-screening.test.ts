import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as manageAction, loader as manageLoader } from "../../app/routes/pool.manage._index";
import { action as roundAction, loader as roundLoader } from "../../app/routes/pool.manage.$roundId";
import { action as applyAction, loader as applyLoader } from "../../app/routes/pool.rounds.$roundId.apply";
import { loader as publicLoader } from "../../app/routes/pool.rounds.$roundId._index";
import { loader as screeningLoader } from "../../app/routes/pool.rounds.$roundId.screening._index";
import {
  action as candidateAction,
  loader as candidateLoader,
} from "../../app/routes/pool.rounds.$roundId.screening.$memberId";
import { action as mineAction, loader as mineLoader } from "../../app/routes/pool.mine";
import { panelRound } from "../../app/pool/access.server";
import { startPoolApplication } from "../../app/pool/apply-start.server";
import { ownMember, retentionDay, setConsent, withdrawFromPool } from "../../app/pool/apply.server";
import { moveOn, notThisTime, scoreCandidate } from "../../app/pool/screening.server";
import { addSlotRun, bookSlot } from "../../app/pool/slots.server";
import type { Database, Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { completeProfile } from "../support/application-fixtures";
import { useTestDatabase } from "../support/database";
import { createUser, sessionCookie } from "../support/factories";
import { applicant, context, poolRegion } from "../support/pool-round-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

async function snapshot(db: Executor) {
  const count = async (table: string) =>
    rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n;
  return {
    rounds: await count("pool_rounds"),
    schools: await count("pool_round_schools"),
    panel: await count("pool_round_panel"),
    members: await count("pool_members"),
    hidden: await count("pool_hidden_from"),
    scores: await count("pool_scores"),
    slots: await count("pool_slots"),
    bookings: await count("pool_slot_bookings"),
    emails: await count("emails"),
  };
}

const memberRow = async (db: Executor, id: string) =>
  rowsOf<{ status: string; step: string | null; feedback: string | null; shown: boolean }>(
    await db.execute(sql`SELECT status, step, feedback, shown_to_schools AS shown FROM pool_members WHERE id = ${id}`),
  )[0];

/** Scores every criterion 3 at the member's step, as panel member `userId`. */
async function scoreAll(db: Database, userId: string, roundId: string, memberId: string, step: string) {
  const round = await panelRound(db, userId, roundId);
  if (!round) throw new Error("not on the panel");
  const scored = await scoreCandidate(db, userId, round, memberId, {
    step,
    scores: round.criteria.map(() => 3),
    note: "Clear and thoughtful",
  });
  if (!scored.ok) throw new Error(scored.message);
  return round;
}

const roundForm = (values: Record<string, string> = {}) => ({
  intent: "round",
  name: "Vale secondary pool",
  phase: "secondary",
  roles: "ect",
  opensOn: "2027-01-10",
  closesOn: "2027-03-01",
  steps: "interview",
  criteria: "Subject knowledge\nSafeguarding",
  ...values,
});

describe("pool rounds, applying and screening", () => {
  const t = useTestDatabase();

  it("an admin opens a round; bad input is a 400 at the field and writes nothing; others cannot run it", async () => {
    const r = await poolRegion(t.db);
    const admin = await sessionCookie(r.admin);
    const before = await snapshot(t.db);
    const cases: [Record<string, string>, string][] = [
      [roundForm({ name: "" }), "name"],
      [roundForm({ phase: "university" }), "phase"],
      [roundForm({ roles: "" }), "roles"],
      [roundForm({ opensOn: "2027-02-30" }), "opensOn"],
      [roundForm({ closesOn: "2027-01-01" }), "closesOn"],
      [roundForm({ closesOn: "" }), "closesOn"],
      [roundForm({ criteria: "" }), "criteria"],
      [roundForm({ name: "Pool\u0000" }), "name"],
      [roundForm({ subjects: "astrology" }), "subjects"],
      [roundForm({ partnership: r.other.id }), "partnership"],
    ];
    for (const [fields, field] of cases) {
      const form = { partnership: r.vale.id, ...fields };
      const res = await callRoute(manageAction, formRequest("/pool/manage", form, admin));
      expect(res.status, field).toBe(400);
      const body = (await res.json()) as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors), field).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);

    const ok = await callRoute(
      manageAction,
      formRequest("/pool/manage", { partnership: r.vale.id, ...roundForm({ alwaysOpen: "yes", closesOn: "" }) }, admin),
    );
    expect(ok.status).toBe(302);
    const [made] = rowsOf<{ id: string; closes_on: string | null; steps: string[] }>(
      await t.db.execute(sql`SELECT id, closes_on, steps FROM pool_rounds WHERE name = 'Vale secondary pool'`),
    );
    expect(made?.closes_on).toBeNull();
    expect(made?.steps).toEqual(["application_review", "interview"]);

    // Another partnership's admin, HR and a teacher: the round is not theirs.
    for (const user of [r.foreignAdmin, r.hrA, r.teacher]) {
      const res = await callRoute(roundLoader, getRequest(`/pool/manage/${r.round.id}`, await sessionCookie(user)), {
        roundId: r.round.id,
      });
      expect(res.status).toBe(404);
    }
    const teacherPage = await callRoute(manageLoader, getRequest("/pool/manage", await sessionCookie(r.teacher)));
    expect(teacherPage.status).toBe(403);
  });

  it("schools and panel come from the partnership only", async () => {
    const r = await poolRegion(t.db);
    const admin = await sessionCookie(r.admin);
    const path = `/pool/manage/${r.round.id}`;
    const before = await snapshot(t.db);
    const foreignSchool = await callRoute(
      roundAction,
      formRequest(path, { intent: "schools", schoolId: r.foreign.id }, admin),
      { roundId: r.round.id },
    );
    expect(foreignSchool.status).toBe(400);
    const foreignPanel = await callRoute(
      roundAction,
      formRequest(path, { intent: "panel", email: "hr@foreign.example" }, admin),
      { roundId: r.round.id },
    );
    expect(foreignPanel.status).toBe(400);
    const nobody = await callRoute(
      roundAction,
      formRequest(path, { intent: "panel", email: "nobody@example.com" }, admin),
      { roundId: r.round.id },
    );
    expect(nobody.status).toBe(400);
    expect(await snapshot(t.db)).toEqual(before);
    const added = await callRoute(roundAction, formRequest(path, { intent: "panel", email: "hr@b.example" }, admin), {
      roundId: r.round.id,
    });
    expect(added.status).toBe(302);
  });

  it("a teacher applies once: preferences checked at the field, a complete profile needed, an answer by e-mail", async () => {
    const r = await poolRegion(t.db);
    const teacher = await createUser(t.db, { email: "new@teachers.example", name: "Nia New" });
    const cookie = await sessionCookie(teacher);
    const path = `/pool/rounds/${r.round.id}/apply`;
    const start = await callRoute(applyAction, formRequest(path, { intent: "start" }, cookie), {
      roundId: r.round.id,
    });
    expect(start.status).toBe(302);
    // Starting twice finds the same application.
    const again = await startPoolApplication(t.db, teacher.id, r.round.id);
    const [one] = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM pool_members WHERE user_id = ${teacher.id}`),
    );
    expect(again.ok && one?.n).toBe(1);

    const good = {
      intent: "preferences",
      phases: "primary",
      contracts: "permanent",
      workingPatterns: "full_time",
      postcode: "M33 7XX",
      travelMiles: "10",
      availableFrom: "2027-09-01",
    };
    const before = await snapshot(t.db);
    const bad: [Record<string, string>, string][] = [
      [{ ...good, postcode: "ZZ99 9ZZ" }, "postcode"],
      [{ ...good, travelMiles: "500" }, "travelMiles"],
      [{ ...good, availableFrom: "2027-13-01" }, "availableFrom"],
      [{ ...good, phases: "" }, "phases"],
      [{ ...good, hideOrganisation: r.foreignTrust.id }, "hideOrganisation"],
      [{ ...good, hideSchool: "not-a-school" }, "hideSchool"],
    ];
    for (const [form, field] of bad) {
      const res = await callRoute(applyAction, formRequest(path, form, cookie), { roundId: r.round.id });
      expect(res.status, field).toBe(400);
      expect(Object.keys(((await res.json()) as { fieldErrors: object }).fieldErrors)).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);

    const saved = await callRoute(applyAction, formRequest(path, { ...good, hideOrganisation: r.trustB.id }, cookie), {
      roundId: r.round.id,
    });
    expect(saved.status).toBe(302);
    // The profile is empty: sending is refused and says what is missing.
    const refused = await callRoute(applyAction, formRequest(path, { intent: "submit", consent: "yes" }, cookie), {
      roundId: r.round.id,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/qualified teacher status/);

    await completeProfile(t.db, teacher.id);
    const sent = await callRoute(applyAction, formRequest(path, { intent: "submit" }, cookie), {
      roundId: r.round.id,
    });
    expect(sent.status).toBe(302);
    const memberId = (await ownMember(t.db, teacher.id, (again.ok && again.memberId) || ""))?.id ?? "";
    const row = await memberRow(t.db, memberId);
    // Consent was not ticked: sent, but not to be shown.
    expect(row).toMatchObject({ status: "screening", step: "application_review", shown: false });
    const [mail] = rowsOf<{ subject: string }>(
      await t.db.execute(sql`SELECT subject FROM emails WHERE "to" = 'new@teachers.example'`),
    );
    expect(mail?.subject).toBe("Application received: Vale primary ECT pool 2027");
    const page = await callRoute(mineLoader, getRequest("/pool/mine", cookie));
    expect(JSON.stringify(await page.json())).toContain("Vale primary ECT pool 2027");
    const pub = await callRoute(publicLoader, getRequest(`/pool/rounds/${r.round.id}`), { roundId: r.round.id });
    expect(pub.status).toBe(200);
  });

  it("a closed round takes no applications", async () => {
    const r = await poolRegion(t.db);
    await t.db.execute(sql`UPDATE pool_rounds SET opens_on = '2020-01-01', closes_on = '2020-02-01'`);
    const outcome = await startPoolApplication(t.db, r.teacher.id, r.round.id);
    expect(outcome).toMatchObject({ ok: false, status: 409 });
  });

  it("the panel scores, moves on and answers; nobody else can, and a candidate hidden from a panel member's school is not theirs to see", async () => {
    const r = await poolRegion(t.db);
    const amara = await applicant(t.db, r.round.id, "Amara Osei");
    const hidden = await applicant(t.db, r.round.id, "Hana Hidden", { prefs: { hideOrganisation: [r.trustA.id] } });
    const hrA = await sessionCookie(r.hrA);
    const hrLa = await sessionCookie(r.hrLa);
    const list = async (cookie: string) =>
      JSON.stringify(
        await (
          await callRoute(screeningLoader, getRequest(`/pool/rounds/${r.round.id}/screening`, cookie), {
            roundId: r.round.id,
          })
        ).json(),
      );
    expect(await list(hrA)).toContain("Amara Osei");
    expect(await list(hrA)).not.toContain("Hana Hidden");
    expect(await list(hrLa)).toContain("Hana Hidden");
    const hiddenPage = await callRoute(
      candidateLoader,
      getRequest(`/pool/rounds/${r.round.id}/screening/${hidden.memberId}`, hrA),
      { roundId: r.round.id, memberId: hidden.memberId },
    );
    expect(hiddenPage.status).toBe(404);
    // HR of trust B is not on the panel; another partnership's admin neither.
    for (const user of [r.hrB, r.foreignAdmin, r.teacher]) {
      const res = await callRoute(
        candidateLoader,
        getRequest(`/pool/rounds/${r.round.id}/screening/${amara.memberId}`, await sessionCookie(user)),
        { roundId: r.round.id, memberId: amara.memberId },
      );
      expect(res.status).toBe(404);
    }

    const path = `/pool/rounds/${r.round.id}/screening/${amara.memberId}`;
    const params = { roundId: r.round.id, memberId: amara.memberId };
    // Opening a candidate is logged; the refused attempts above were not.
    expect((await callRoute(candidateLoader, getRequest(path, hrA), params)).status).toBe(200);
    const views = rowsOf<{ viewer: string }>(
      await t.db.execute(sql`SELECT viewer_user_id AS viewer FROM pool_views WHERE member_id = ${amara.memberId}`),
    );
    expect(views.map((v) => v.viewer)).toEqual([r.hrA.id]);
    // Moving on needs a full set of scores.
    const early = await callRoute(
      candidateAction,
      formRequest(path, { intent: "move-on", step: "application_review" }, hrA),
      params,
    );
    expect(early.status).toBe(409);
    const half = await callRoute(
      candidateAction,
      formRequest(path, { intent: "score", step: "application_review", "score-0": "3" }, hrA),
      params,
    );
    expect(half.status).toBe(400);
    const outOfRange = await callRoute(
      candidateAction,
      formRequest(path, { intent: "score", step: "application_review", "score-0": "3", "score-1": "9" }, hrA),
      params,
    );
    expect(outOfRange.status).toBe(400);
    const scored = await callRoute(
      candidateAction,
      formRequest(path, { intent: "score", step: "application_review", "score-0": "3", "score-1": "4" }, hrA),
      params,
    );
    expect(scored.status).toBe(302);
    const moved = await callRoute(
      candidateAction,
      formRequest(path, { intent: "move-on", step: "application_review" }, hrA),
      params,
    );
    expect(moved.status).toBe(302);
    expect(await memberRow(t.db, amara.memberId)).toMatchObject({ status: "screening", step: "interview" });
    // A second panel member acting on the page they loaded earlier changes nothing.
    const stale = await callRoute(
      candidateAction,
      formRequest(path, { intent: "move-on", step: "application_review" }, hrLa),
      params,
    );
    expect(stale.status).toBe(409);
    const [next] = rowsOf<{ subject: string }>(
      await t.db.execute(
        sql`SELECT subject FROM emails WHERE "to" = 'amara.osei@teachers.example' AND subject LIKE 'Next%'`,
      ),
    );
    expect(next?.subject).toBe("Next step: Vale primary ECT pool 2027");

    // "Not this time" needs feedback, which the candidate then reads.
    await scoreAll(t.db, r.hrA.id, r.round.id, amara.memberId, "interview");
    const empty = await callRoute(
      candidateAction,
      formRequest(path, { intent: "not-this-time", step: "interview", feedback: "  " }, hrA),
      params,
    );
    expect(empty.status).toBe(400);
    const answered = await callRoute(
      candidateAction,
      formRequest(
        path,
        {
          intent: "not-this-time",
          step: "interview",
          feedback: "Strong planning; show more checking for understanding.",
        },
        hrA,
      ),
      params,
    );
    expect(answered.status).toBe(302);
    expect(await memberRow(t.db, amara.memberId)).toMatchObject({
      status: "not_this_time",
      feedback: "Strong planning; show more checking for understanding.",
    });
    const [feedbackMail] = rowsOf<{ text: string }>(
      await t.db.execute(
        sql`SELECT text FROM emails WHERE "to" = 'amara.osei@teachers.example' AND subject LIKE 'Your application%'`,
      ),
    );
    expect(feedbackMail?.text).toContain("show more checking for understanding");
    const [outcome] = rowsOf<{ pooled_on: string | null; submitted_on: string | null }>(
      await t.db.execute(sql`SELECT pooled_on, submitted_on FROM pool_outcomes WHERE member_id = ${amara.memberId}`),
    );
    expect(outcome?.pooled_on).toBeNull();
    expect(outcome?.submitted_on).not.toBeNull();
  });

  it("through every step into the pool; the outcome is recorded without the person", async () => {
    const r = await poolRegion(t.db);
    const bea = await applicant(t.db, r.round.id, "Bea Brown");
    let round = await scoreAll(t.db, r.hrA.id, r.round.id, bea.memberId, "application_review");
    for (const step of ["application_review", "interview", "observed_lesson"]) {
      round = await scoreAll(t.db, r.hrA.id, r.round.id, bea.memberId, step);
      const moved = await moveOn(t.db, context, r.hrA.id, round, bea.memberId, step);
      expect(moved.ok, step).toBe(true);
    }
    expect(await memberRow(t.db, bea.memberId)).toMatchObject({ status: "pooled", step: null, shown: true });
    const [outcome] = rowsOf<{ pooled_on: string | null; phase: string; subject: string }>(
      await t.db.execute(sql`SELECT pooled_on, phase, subject FROM pool_outcomes WHERE member_id = ${bea.memberId}`),
    );
    expect(outcome).toMatchObject({ phase: "primary", subject: "mathematics" });
    expect(outcome?.pooled_on).not.toBeNull();
    // Answering a pooled member "not this time" is refused: they have been answered.
    const late = await notThisTime(t.db, context, r.hrA.id, round, bea.memberId, "observed_lesson", "x");
    expect(late).toMatchObject({ ok: false, status: 409 });
  });

  it("slots: only the step's candidates book, one place goes to one candidate, bookings never overlap", async () => {
    const r = await poolRegion(t.db);
    const round = await panelRound(t.db, r.hrA.id, r.round.id);
    if (!round) throw new Error("panel");
    const future = new Date(Date.now() + 20 * 24 * 3600_000).toISOString().slice(0, 10);
    const bad = await addSlotRun(t.db, r.hrA.id, round, {
      step: "interview",
      day: future,
      from: "09:00",
      until: "09:20",
      minutes: 30,
      capacity: 1,
      schoolId: r.a1.id,
      place: "",
    });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    const foreignHost = await addSlotRun(t.db, r.hrA.id, round, {
      step: "interview",
      day: future,
      from: "09:00",
      until: "10:00",
      minutes: 30,
      capacity: 1,
      schoolId: r.b1.id,
      place: "",
    });
    expect(foreignHost).toMatchObject({ ok: false, status: 400 });
    const run = await addSlotRun(t.db, r.hrA.id, round, {
      step: "interview",
      day: future,
      from: "09:00",
      until: "10:00",
      minutes: 30,
      capacity: 1,
      schoolId: r.a1.id,
      place: "Room 4",
    });
    expect(run).toMatchObject({ ok: true, count: 2 });
    const [first] = rowsOf<{ id: string }>(
      await t.db.execute(sql`SELECT id FROM pool_slots ORDER BY starts_at LIMIT 1`),
    );
    const slotId = first?.id ?? "";

    const early = await applicant(t.db, r.round.id, "Eli Early");
    const notYet = await bookSlot(t.db, early.user.id, early.memberId, slotId);
    expect(notYet).toMatchObject({ ok: false, status: 409 });

    const candidates = [];
    for (const name of ["Cat One", "Dan Two", "Eve Three", "Fay Four"]) {
      const c = await applicant(t.db, r.round.id, name);
      const scoredRound = await scoreAll(t.db, r.hrA.id, r.round.id, c.memberId, "application_review");
      await moveOn(t.db, context, r.hrA.id, scoredRound, c.memberId, "application_review");
      candidates.push(c);
    }
    // The race, run again on fresh slots: each time exactly one of four simultaneous bookings wins the one place.
    let results: Awaited<ReturnType<typeof bookSlot>>[] = [];
    for (let run = 0; run < 10; run++) {
      const day = new Date(Date.now() + (30 + run) * 24 * 3600_000).toISOString().slice(0, 10);
      await addSlotRun(t.db, r.hrA.id, round, {
        step: "interview",
        day,
        from: "09:00",
        until: "09:30",
        minutes: 30,
        capacity: 1,
        schoolId: r.a1.id,
        place: "",
      });
      const [slot] = rowsOf<{ id: string }>(
        await t.db.execute(sql`SELECT id FROM pool_slots WHERE starts_at::date = ${day}::date`),
      );
      const raced = await Promise.all(candidates.map((c) => bookSlot(t.db, c.user.id, c.memberId, slot?.id ?? "")));
      expect(
        raced.filter((o) => o.ok),
        `run ${run}`,
      ).toHaveLength(1);
      for (const o of raced.filter((x) => !x.ok)) expect(o).toMatchObject({ status: 409 });
      await t.db.execute(sql`UPDATE pool_slot_bookings SET live = false`);
    }
    results = await Promise.all(candidates.map((c) => bookSlot(t.db, c.user.id, c.memberId, slotId)));
    expect(results.filter((o) => o.ok)).toHaveLength(1);
    const [taken] = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM pool_slot_bookings WHERE slot_id = ${slotId} AND live`),
    );
    expect(taken?.n).toBe(1);

    // Someone else's application, or a slot of no round of theirs, is not bookable.
    const loser = candidates.find((_, i) => !results[i]?.ok);
    if (!loser) throw new Error("a loser");
    const notMine = await bookSlot(t.db, r.teacher.id, loser.memberId, slotId);
    expect(notMine).toMatchObject({ ok: false, status: 404 });
    // Through the page: the teacher's forms name their application; a stranger's id is a 404.
    const cookie = await sessionCookie(loser.user);
    const other = candidates.find((c) => c !== loser);
    const res = await callRoute(
      mineAction,
      formRequest("/pool/mine", { intent: "book", memberId: other?.memberId ?? "", slotId }, cookie),
    );
    expect(res.status).toBe(404);
  });

  it("consent: withdrawing it hides at once, giving it renews retention; withdrawing releases bookings", async () => {
    const r = await poolRegion(t.db);
    const gus = await applicant(t.db, r.round.id, "Gus Green");
    expect((await memberRow(t.db, gus.memberId))?.shown).toBe(true);
    expect(await setConsent(t.db, gus.user.id, gus.memberId, false)).toEqual({ ok: true });
    expect((await memberRow(t.db, gus.memberId))?.shown).toBe(false);
    const stranger = await setConsent(t.db, r.teacher.id, gus.memberId, true);
    expect(stranger).toMatchObject({ ok: false, status: 404 });
    expect(await setConsent(t.db, gus.user.id, gus.memberId, true, new Date("2030-06-01T10:00:00Z"))).toEqual({
      ok: true,
    });
    const [kept] = rowsOf<{ retain_until: string }>(
      await t.db.execute(sql`SELECT retain_until::text FROM pool_members WHERE id = ${gus.memberId}`),
    );
    expect(kept?.retain_until).toBe(retentionDay("2099-12-31", "2030-06-01"));
    expect(retentionDay("2027-03-31", "2027-01-10")).toBe("2027-09-30");
    expect(retentionDay(null, "2027-01-10")).toBe("2027-07-10");

    expect(await withdrawFromPool(t.db, gus.user.id, gus.memberId, "Took a job abroad")).toEqual({ ok: true });
    expect(await memberRow(t.db, gus.memberId)).toMatchObject({ status: "withdrawn", shown: false });
    expect(await withdrawFromPool(t.db, gus.user.id, gus.memberId, "")).toMatchObject({ ok: false, status: 409 });
    // A withdrawn member's preferences are frozen.
    const cookie = await sessionCookie(gus.user);
    const page = await callRoute(applyLoader, getRequest(`/pool/rounds/${r.round.id}/apply`, cookie), {
      roundId: r.round.id,
    });
    expect(page.status).toBe(200);
    const res = await callRoute(
      applyAction,
      formRequest(
        `/pool/rounds/${r.round.id}/apply`,
        {
          intent: "preferences",
          phases: "primary",
          contracts: "permanent",
          workingPatterns: "full_time",
          postcode: "M33 7XX",
          travelMiles: "10",
          availableFrom: "2027-09-01",
        },
        cookie,
      ),
      { roundId: r.round.id },
    );
    expect(res.status).toBe(409);
  });
});
