import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as programmesAction, loader as programmesLoader } from "../../app/routes/programmes._index";
import { action as programmeAction, loader as programmeLoader } from "../../app/routes/programmes.$id._index";
import {
  action as cohortAction,
  loader as cohortLoader,
} from "../../app/routes/programmes.$id.cohorts.$cohortId._index";
import { loader as csvLoader } from "../../app/routes/programmes.$id.cohorts.$cohortId.engagement[.]csv";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "../../app/routes/programmes.sessions.$sessionId._index";
import {
  action as registerAction,
  loader as registerLoader,
} from "../../app/routes/programmes.sessions.$sessionId.register";
import { feedCalendar } from "../../app/calendar/feeds.server";
import { ectCalendarAction, ectFeedCount } from "../../app/programmes/ect-calendar.server";
import { createSession } from "../../app/programmes/programmes.server";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { programmeRegion, sessionInput } from "../support/programme-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

/** Every row the programme pages can write, so a refused form can be seen to have written nothing. */
async function snapshot(db: Executor) {
  const count = async (table: string) =>
    rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n;
  return {
    programmes: await count("ect_programmes"),
    strands: await count("programme_strands"),
    facilitators: await count("programme_facilitators"),
    cohorts: await count("programme_cohorts"),
    sessions: await count("programme_sessions"),
    bookings: await count("session_bookings"),
    marks: await count("session_attendance"),
    emails: await count("emails"),
  };
}

const sessionForm = (values: Record<string, string> = {}) => ({
  intent: "session",
  title: "Behaviour: the first weeks",
  inductionYear: "1",
  date: "2027-01-14",
  startTime: "09:30",
  endTime: "12:00",
  venue: "online",
  capacity: "30",
  ...values,
});

describe("programme pages", () => {
  const t = useTestDatabase();

  it("bad input on every form is a 400 at its field and writes nothing", async () => {
    const r = await programmeRegion(t.db);
    const lead = await sessionCookie(r.lead);
    const before = await snapshot(t.db);
    const programmePath = `/programmes/${r.programme.id}`;
    const cohortPath = `${programmePath}/cohorts/${r.cohort.id}`;
    const cases: [typeof programmesAction, string, Record<string, string>, Record<string, string>, string][] = [
      [
        programmesAction,
        "/programmes",
        {},
        { intent: "programme", name: "", kind: "school_led", runner: `partnership:${r.vale.id}` },
        "name",
      ],
      [
        programmesAction,
        "/programmes",
        {},
        { intent: "programme", name: "P", kind: "provider_led", runner: `partnership:${r.vale.id}` },
        "leadProvider",
      ],
      [
        programmesAction,
        "/programmes",
        {},
        { intent: "programme", name: "P", kind: "school_led", runner: `partnership:${r.other.id}` },
        "runner",
      ],
      [programmeAction, programmePath, { id: r.programme.id }, { intent: "strand", name: "behaviour" }, "name"],
      [
        programmeAction,
        programmePath,
        { id: r.programme.id },
        { intent: "facilitator", email: "nobody@nowhere.example" },
        "email",
      ],
      [
        programmeAction,
        programmePath,
        { id: r.programme.id },
        { intent: "facilitator", email: "not an address" },
        "email",
      ],
      [
        programmeAction,
        programmePath,
        { id: r.programme.id },
        { intent: "cohort", academicYear: "2026", startTerm: "autumn" },
        "startTerm",
      ],
      [
        programmeAction,
        programmePath,
        { id: r.programme.id },
        { intent: "cohort", academicYear: "<script>", startTerm: "autumn" },
        "academicYear",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ endTime: "09:00" }),
        "endTime",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ startTime: "9.30am" }),
        "startTime",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ date: "2027-02-30" }),
        "date",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ date: "2025-10-01" }),
        "date",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ capacity: "0" }),
        "capacity",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ capacity: "501" }),
        "capacity",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ venue: "school" }),
        "hostSchoolId",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ venue: "school", hostSchoolId: r.foreign.id }),
        "hostSchoolId",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ inductionYear: "3" }),
        "inductionYear",
      ],
      [
        cohortAction,
        cohortPath,
        { id: r.programme.id, cohortId: r.cohort.id },
        sessionForm({ title: "x".repeat(300) }),
        "title",
      ],
    ];
    for (const [handler, path, params, form, field] of cases) {
      const res = await callRoute(handler, formRequest(path, form, lead), params);
      expect(res.status, `${path} ${JSON.stringify(form).slice(0, 120)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(410);
      const body = (await res.json()) as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors), JSON.stringify(body)).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);

    // A good session through the page: redirected with a message, the enrolled ECTs booked.
    const made = await callRoute(cohortAction, formRequest(cohortPath, sessionForm(), lead), {
      id: r.programme.id,
      cohortId: r.cohort.id,
    });
    expect(made.status).toBe(302);
    expect(await snapshot(t.db)).toMatchObject({ sessions: 1, bookings: 2 });
  });

  it("the session page moves a session, refuses a short cancel reason, and cancels with e-mails", async () => {
    const r = await programmeRegion(t.db);
    const lead = await sessionCookie(r.lead);
    const made = await createSession(t.db, r.lead.id, r.programme.id, r.cohort.id, sessionInput());
    if (!made.ok) throw new Error(made.message);
    const path = `/programmes/sessions/${made.sessionId}`;
    const params = { sessionId: made.sessionId };
    const page = await callRoute(sessionLoader, getRequest(path, lead), params);
    expect(page.status).toBe(200);
    const moved = await callRoute(sessionAction, formRequest(path, sessionForm({ date: "2027-01-21" }), lead), params);
    expect(moved.status).toBe(302);
    expect(rowsOf<{ to: string }>(await t.db.execute(sql`SELECT "to" FROM emails ORDER BY "to"`))).toEqual([
      { to: "erin@ect.example" },
      { to: "ian@navigation.example" },
      { to: "sam@ect.example" },
    ]);
    const before = await snapshot(t.db);
    const short = await callRoute(sessionAction, formRequest(path, { intent: "cancel", reason: "no" }, lead), params);
    expect(short.status).toBe(400);
    expect(((await short.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("reason");
    expect(await snapshot(t.db)).toEqual(before);
    const cancelled = await callRoute(
      sessionAction,
      formRequest(path, { intent: "cancel", reason: "Facilitator unwell" }, lead),
      params,
    );
    expect(cancelled.status).toBe(302);
    expect((await snapshot(t.db)).emails).toBe(6);
  });

  it("another programme's pages, sessions, registers and CSV are 404s; the facilitator takes the register", async () => {
    const r = await programmeRegion(t.db);
    const made = await createSession(
      t.db,
      r.lead.id,
      r.programme.id,
      r.cohort.id,
      sessionInput({ facilitatorUserId: r.facilitator.id }),
    );
    if (!made.ok) throw new Error(made.message);
    const sessionPath = `/programmes/sessions/${made.sessionId}`;
    const registerPath = `${sessionPath}/register`;
    const programmePath = `/programmes/${r.programme.id}`;
    const cohortParams = { id: r.programme.id, cohortId: r.cohort.id };
    const before = await snapshot(t.db);
    for (const stranger of [r.foreignAdmin, r.tutor, r.erinUser]) {
      const cookie = await sessionCookie(stranger);
      const statuses = [
        await callRoute(programmeLoader, getRequest(programmePath, cookie), { id: r.programme.id }),
        await callRoute(programmeAction, formRequest(programmePath, { intent: "strand", name: "Mine" }, cookie), {
          id: r.programme.id,
        }),
        await callRoute(cohortLoader, getRequest(`${programmePath}/cohorts/${r.cohort.id}`, cookie), cohortParams),
        await callRoute(
          cohortAction,
          formRequest(`${programmePath}/cohorts/${r.cohort.id}`, sessionForm(), cookie),
          cohortParams,
        ),
        await callRoute(
          csvLoader,
          getRequest(`${programmePath}/cohorts/${r.cohort.id}/engagement.csv`, cookie),
          cohortParams,
        ),
        await callRoute(sessionLoader, getRequest(sessionPath, cookie), { sessionId: made.sessionId }),
        await callRoute(
          sessionAction,
          formRequest(sessionPath, { intent: "cancel", reason: "Hostile cancel" }, cookie),
          {
            sessionId: made.sessionId,
          },
        ),
        await callRoute(registerLoader, getRequest(registerPath, cookie), { sessionId: made.sessionId }),
        await callRoute(registerAction, formRequest(registerPath, { [`mark-${r.erin.id}`]: "absent" }, cookie), {
          sessionId: made.sessionId,
        }),
      ].map((res) => res.status);
      expect(statuses, stranger.email).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
    }
    // Malformed ids are not found either, never a 500.
    const lead = await sessionCookie(r.lead);
    expect(
      (await callRoute(sessionLoader, getRequest("/programmes/sessions/1'--", lead), { sessionId: "1'--" })).status,
    ).toBe(404);
    expect((await callRoute(programmeLoader, getRequest("/programmes/x", lead), { id: "x" })).status).toBe(404);
    // The foreign cohort under this programme's URL is not found for this programme's lead.
    expect(
      (
        await callRoute(csvLoader, getRequest("/programmes/x/cohorts/y/engagement.csv", lead), {
          id: r.programme.id,
          cohortId: r.foreignCohort.id,
        })
      ).status,
    ).toBe(404);
    expect(await snapshot(t.db)).toEqual(before);

    // The facilitator sees the register; a mark that is not one of the three is refused at that ECT's field.
    const fran = await sessionCookie(r.facilitator);
    const sheet = await callRoute(registerLoader, getRequest(registerPath, fran), { sessionId: made.sessionId });
    expect(sheet.status).toBe(200);
    const { sheet: data } = (await sheet.json()) as { sheet: { lines: { name: string }[] } };
    expect(data.lines.map((l) => l.name)).toEqual(["Erin Early", "Sam Start"]);
    const bad = await callRoute(registerAction, formRequest(registerPath, { [`mark-${r.erin.id}`]: "late" }, fran), {
      sessionId: made.sessionId,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty(`mark-${r.erin.id}`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("the facilitator's and an ECT's calendar feeds carry their sessions with times; the programmes page lists them", async () => {
    const r = await programmeRegion(t.db);
    const made = await createSession(
      t.db,
      r.lead.id,
      r.programme.id,
      r.cohort.id,
      sessionInput({ facilitatorUserId: r.facilitator.id, venue: "school", hostSchoolId: r.a2.id, room: "Hall" }),
    );
    if (!made.ok) throw new Error(made.message);
    const fran = await sessionCookie(r.facilitator);
    const page = await callRoute(programmesLoader, getRequest("/programmes", fran));
    const data = (await page.json()) as { programmes: { name: string; manages: boolean }[]; runners: unknown[] };
    expect(data.programmes).toEqual([expect.objectContaining({ name: "Vale ECT programme", manages: false })]);
    expect(data.runners).toEqual([]);
    const link = await callRoute(programmesAction, formRequest("/programmes", { intent: "calendar", do: "new" }, fran));
    const { feedUrl } = (await link.json()) as { feedUrl: string };
    const token = feedUrl.replace(/^.*\/calendar\//, "").replace(/\.ics$/, "");
    const ics = (await feedCalendar(t.db, token, "http://localhost:3000")) ?? "";
    expect(ics).toContain("SUMMARY:Behaviour: the first weeks");
    expect(ics).toContain("DTSTART:20270114T093000Z");
    expect(ics).toContain("DTEND:20270114T120000Z");
    expect(ics).toContain("LOCATION:Hall\\, Springfield Primary School");
    // An ECT subscribes from their own page (/induction, the lead's: it calls ectCalendarAction): Erin's live places.
    const form = new FormData();
    form.set("intent", "calendar");
    form.set("do", "new");
    const reply = (await ectCalendarAction(form, r.erinUser.id)) as Response;
    const erinFeed = ((await reply.json()) as { feedUrl: string }).feedUrl
      .replace(/^.*\/calendar\//, "")
      .replace(/\.ics$/, "");
    expect(await ectFeedCount(t.db, r.erinUser.id)).toBe(1);
    expect(await feedCalendar(t.db, erinFeed, "http://localhost:3000")).toContain("UID:session-");
    // Someone with no ECT record gets no ECT calendar.
    expect(await ectCalendarAction(form, r.facilitator.id)).toBeNull();
    expect(await ectFeedCount(t.db, r.facilitator.id)).toBe(0);
    await t.db.execute(sql`UPDATE session_bookings SET live = false WHERE ect_id = ${r.erin.id}`);
    expect(await feedCalendar(t.db, erinFeed, "http://localhost:3000")).not.toContain("VEVENT");
  });

  it("a programme lead sets up a provider-led programme with the standard strands ticked and its own", async () => {
    const r = await programmeRegion(t.db);
    const form = new URLSearchParams({
      intent: "programme",
      name: "Vale provider-led ECF",
      kind: "provider_led",
      leadProvider: "Ambition Institute",
      deliveryPartner: "Vale Teaching School Hub",
      runner: `partnership:${r.vale.id}`,
      ownStrands: "Subject knowledge\nsubject knowledge\n\nSEND",
    });
    for (const strand of ["Behaviour", "Pedagogy", "Not a standard strand"]) form.append("strand", strand);
    const request = new Request("http://localhost:3000/programmes", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost:3000",
        Cookie: await sessionCookie(r.lead),
      },
      body: form.toString(),
    });
    const res = await callRoute(programmesAction, request);
    expect(res.status).toBe(302);
    const [made] = rowsOf<{ id: string; leadProvider: string; partnershipId: string }>(
      await t.db.execute(sql`
        SELECT id, lead_provider AS "leadProvider", partnership_id AS "partnershipId" FROM ect_programmes
         WHERE name = 'Vale provider-led ECF'`),
    );
    expect(made).toMatchObject({ leadProvider: "Ambition Institute", partnershipId: r.vale.id });
    expect(res.headers.get("Location")).toBe(`/programmes/${made?.id}`);
    const strands = rowsOf<{ name: string }>(
      await t.db.execute(sql`SELECT name FROM programme_strands WHERE programme_id = ${made?.id} ORDER BY position`),
    );
    expect(strands.map((s) => s.name)).toEqual(["Behaviour", "Pedagogy", "Subject knowledge", "SEND"]);
    // The lead's programmes page lists it among those they manage; a trust's HR has nobody to set one up for.
    const page = await callRoute(programmesLoader, getRequest("/programmes", await sessionCookie(r.lead)));
    const data = (await page.json()) as { programmes: { name: string; manages: boolean }[] };
    expect(data.programmes.filter((p) => p.manages).map((p) => p.name)).toEqual([
      "Vale ECT programme",
      "Vale provider-led ECF",
    ]);
    const hr = await callRoute(programmesLoader, getRequest("/programmes", await sessionCookie(r.hrA)));
    expect(await hr.json()).toMatchObject({ programmes: [], runners: [] });
  });
});
