import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "../../app/routes/fairs.new";
import { loader as listLoader } from "../../app/routes/fairs._index";
import { action as fairAction, loader as fairLoader } from "../../app/routes/fairs.$id._index";
import { action as manageAction, loader as manageLoader } from "../../app/routes/fairs.$id.manage";
import { action as mineAction, loader as mineLoader } from "../../app/routes/fairs.$id.mine";
import { action as schoolAction, loader as schoolLoader } from "../../app/routes/fairs.$id.schools.$schoolId";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { fairRegion, teachers } from "../support/fair-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

/** Every row the fair pages can write, so a refused form can be seen to have written nothing. */
async function snapshot(db: Executor) {
  const count = async (table: string) =>
    rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n;
  const tables = ["fairs", "fair_schools", "fair_roles", "fair_slots", "fair_registrations", "fair_bookings"];
  const more = ["fair_follow_ups", "emails", "pool_members"];
  return Object.fromEntries(await Promise.all([...tables, ...more].map(async (t) => [t, await count(t)] as const)));
}

/** Any loader or action: each takes the same arguments. */
type Route = (args: LoaderFunctionArgs) => unknown;

const fairForm = (values: Record<string, string> = {}) => ({
  intent: "fair",
  name: "Spring fair",
  mode: "in_person",
  place: "Hall",
  date: "2027-03-12",
  startTime: "10:00",
  endTime: "15:00",
  ...values,
});

describe("fair pages", () => {
  const t = useTestDatabase();

  it("another partnership's fair, a school not taking part, and a teacher not registered: 404 on every path", async () => {
    const r = await fairRegion(t.db);
    const [amy] = await teachers(t.db, 1);
    const fair = { id: r.fairId };
    const paths: [string, Route, Route, Record<string, string>, Record<string, string>][] = [
      [`/fairs/${r.fairId}/manage`, manageLoader, manageAction, fair, fairForm({ hostSchoolId: r.a1.id })],
      [
        `/fairs/${r.fairId}/schools/${r.a1.id}`,
        schoolLoader,
        schoolAction,
        { ...fair, schoolId: r.a1.id },
        { intent: "role", title: "Teacher" },
      ],
      [
        `/fairs/${r.fairId}/schools/${r.la1.id}`,
        schoolLoader,
        schoolAction,
        { ...fair, schoolId: r.la1.id },
        { intent: "role", title: "Teacher" },
      ],
      [`/fairs/${r.fairId}/mine`, mineLoader, mineAction, fair, { intent: "book", slotId: r.slotAt(r.a1, "10:00") }],
    ];
    const before = await snapshot(t.db);
    for (const stranger of [r.foreignAdmin, r.foreignHr, r.hrLa, amy!]) {
      const cookie = await sessionCookie(stranger);
      for (const [path, loader, action, params, form] of paths) {
        expect((await callRoute(loader, getRequest(path, cookie), params)).status, `${stranger.email} ${path}`).toBe(
          404,
        );
        expect(
          (await callRoute(action, formRequest(path, form, cookie), params)).status,
          `${stranger.email} ${path}`,
        ).toBe(404);
      }
    }
    // HR of b1 reach b1's page only; the admin runs the fair but is no school's HR.
    const hrB = await sessionCookie(r.hrB);
    expect((await callRoute(schoolLoader, getRequest("/", hrB), { id: r.fairId, schoolId: r.b1.id })).status).toBe(200);
    expect((await callRoute(schoolLoader, getRequest("/", hrB), { id: r.fairId, schoolId: r.a1.id })).status).toBe(404);
    const admin = await sessionCookie(r.admin);
    expect((await callRoute(manageLoader, getRequest("/", admin), fair)).status).toBe(200);
    expect((await callRoute(schoolLoader, getRequest("/", admin), { id: r.fairId, schoolId: r.a1.id })).status).toBe(
      404,
    );
    // The foreign admin cannot set up a fair for the Vale, nor manage it by its foreign id.
    expect(
      (
        await callRoute(
          newLoader,
          getRequest(`/fairs/new?partnership=${r.vale.id}`, await sessionCookie(r.foreignAdmin)),
        )
      ).status,
    ).toBe(404);
    expect((await callRoute(manageLoader, getRequest("/", admin), { id: r.foreignFairId })).status).toBe(404);
    // The public page needs no sign-in; an id that is no fair is not found.
    expect((await callRoute(fairLoader, getRequest(`/fairs/${r.fairId}`), fair)).status).toBe(200);
    expect((await callRoute(fairLoader, getRequest("/fairs/x"), { id: "x" })).status).toBe(404);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("bad input on every form is a 400 at its field and writes nothing", async () => {
    const r = await fairRegion(t.db);
    const [amy] = await teachers(t.db, 1);
    const admin = await sessionCookie(r.admin);
    const hrA = await sessionCookie(r.hrA);
    const teacher = await sessionCookie(amy!);
    const fair = { id: r.fairId };
    const school = { ...fair, schoolId: r.a1.id };
    const schoolPath = `/fairs/${r.fairId}/schools/${r.a1.id}`;
    const cases: [Route, string, string, Record<string, string>, Record<string, string>, string][] = [
      [newAction, admin, "/fairs/new", {}, fairForm({ partnershipId: r.vale.id, name: "" }), "name"],
      [newAction, admin, "/fairs/new", {}, fairForm({ partnershipId: r.vale.id }), "hostSchoolId"],
      [
        newAction,
        admin,
        "/fairs/new",
        {},
        fairForm({ partnershipId: r.other.id, hostSchoolId: r.a1.id }),
        "partnershipId",
      ],
      [newAction, admin, "/fairs/new", {}, fairForm({ partnershipId: r.vale.id, mode: "online" }), "onlineUrl"],
      [
        newAction,
        admin,
        "/fairs/new",
        {},
        fairForm({ partnershipId: r.vale.id, mode: "online", onlineUrl: "javascript:alert(1)" }),
        "onlineUrl",
      ],
      [manageAction, admin, "/m", fair, fairForm({ hostSchoolId: r.a1.id, endTime: "09:00" }), "endTime"],
      [manageAction, admin, "/m", fair, fairForm({ hostSchoolId: r.a1.id, date: "2027-02-30" }), "date"],
      [manageAction, admin, "/m", fair, fairForm({ hostSchoolId: r.a1.id, name: "Fair\u0000" }), "name"],
      [manageAction, admin, "/m", fair, { intent: "school", schoolId: r.foreign.id }, "schoolId"],
      [manageAction, admin, "/m", fair, { intent: "school", schoolId: "a1" }, "schoolId"],
      [schoolAction, hrA, schoolPath, school, { intent: "role", title: "" }, "title"],
      [schoolAction, hrA, schoolPath, school, { intent: "role", title: "T", phase: "kindergarten" }, "phase"],
      [
        schoolAction,
        hrA,
        schoolPath,
        school,
        { intent: "slots", startTime: "10:00", endTime: "11:00", minutes: "3", capacity: "1" },
        "minutes",
      ],
      [
        schoolAction,
        hrA,
        schoolPath,
        school,
        { intent: "slots", startTime: "10:00", endTime: "11:00", minutes: "15", capacity: "21" },
        "capacity",
      ],
      [
        schoolAction,
        hrA,
        schoolPath,
        school,
        { intent: "slots", startTime: "08:00", endTime: "11:00", minutes: "15", capacity: "1" },
        "startTime",
      ],
      [
        schoolAction,
        hrA,
        schoolPath,
        school,
        { intent: "follow-up", registrationId: "x", kind: "pool_invitation" },
        "registrationId",
      ],
      [
        fairAction,
        teacher,
        `/fairs/${r.fairId}`,
        fair,
        { intent: "register", interests: "x".repeat(1001) },
        "interests",
      ],
    ];
    const before = await snapshot(t.db);
    for (const [action, cookie, path, params, form, field] of cases) {
      const response = await callRoute(action, formRequest(path, form, cookie), params);
      expect(response.status, JSON.stringify(form)).toBe(400);
      const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors), JSON.stringify(form)).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("a teacher registers (joining the pool), books two schools, is told of a clash, and HR see them", async () => {
    const r = await fairRegion(t.db);
    const [amy] = await teachers(t.db, 1);
    const cookie = await sessionCookie(amy!);
    const fair = { id: r.fairId };
    const public0 = await (await callRoute(fairLoader, getRequest(`/fairs/${r.fairId}`, cookie), fair)).json();
    expect(public0).toMatchObject({ signedIn: true, registration: null, open: true });
    const registered = await callRoute(
      fairAction,
      formRequest(`/fairs/${r.fairId}`, { intent: "register", interests: "KS1 phonics", joinPool: "yes" }, cookie),
      fair,
    );
    expect(registered.status).toBe(302);
    expect(registered.headers.get("Location")).toBe(`/pool/rounds/${r.round.id}/apply`);
    const mine = `/fairs/${r.fairId}/mine`;
    const book = (slotId: string) => callRoute(mineAction, formRequest(mine, { intent: "book", slotId }, cookie), fair);
    expect((await book(r.slotAt(r.a1, "10:00"))).status).toBe(302);
    expect((await book(r.slotAt(r.b1, "10:30"))).status).toBe(302);
    const clash = await book(r.slotAt(r.b1, "10:00"));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({
      intent: "book",
      message: "You already have a meeting with Oldfield Brow Primary School: one meeting with each school",
    });
    const page = (await (await callRoute(mineLoader, getRequest(mine, cookie), fair)).json()) as {
      meetings: { schoolName: string }[];
      slots: { schoolId: string }[];
    };
    expect(page.meetings.map((m) => m.schoolName)).toEqual([
      "Navigation Primary School",
      "Oldfield Brow Primary School",
    ]);
    expect(page.slots).toEqual([]);
    const hr = (await (
      await callRoute(schoolLoader, getRequest("/", await sessionCookie(r.schoolHr)), {
        id: r.fairId,
        schoolId: r.a1.id,
      })
    ).json()) as { timetable: { teachers: { name: string; interests: string }[] }[] };
    expect(hr.timetable[0]?.teachers).toMatchObject([{ name: "Teacher t0", interests: "KS1 phonics" }]);
    // The list shows the fair, by partnership, to anyone.
    const list = (await (await callRoute(listLoader, getRequest("/fairs"))).json()) as { upcoming: { name: string }[] };
    expect(list.upcoming.map((f) => f.name)).toEqual(["Other fair", "Vale spring recruitment fair"]);
  });
});
