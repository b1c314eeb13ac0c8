import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAlert, listAlerts, runDueAlerts } from "../../app/alerts/alerts.server";
import { unsubscribeToken } from "../../app/alerts/unsubscribe-token.server";
import { action as changeAction } from "../../app/routes/alerts.$id";
import { action as createAction } from "../../app/routes/alerts._index";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "../../app/routes/alerts.unsubscribe.$token";
import { firstRow, rowsOf } from "../../db/rows";
import { services } from "../../app/services.server";
import { emails, jobAlerts, places } from "../../db/schema";
import { reindex } from "../../search/reindex.server";
import { drainSearchSync } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { createUser, sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { SALE, searchRegion } from "../support/search-fixtures";

const t = useTestDatabase({ env: { APP_URL: "https://staffroom.example" } });
const DAY = 86_400_000;

async function setUp() {
  const f = await searchRegion(t.db);
  await t.db.insert(places).values({
    key: "M33 7",
    kind: "sector",
    lat: SALE.lat,
    lng: SALE.lng,
    laCode: "358",
    laName: "Trafford",
    source: "test",
  });
  await reindex(t.db, services().search);
  const teacher = await createUser(t.db, { email: "pat@example.com", emailVerifiedAt: new Date() });
  return { f, teacher };
}

const run = (
  frequency: "daily" | "weekly",
  now = new Date(),
  renames?: Parameters<typeof runDueAlerts>[3]["renames"],
) =>
  runDueAlerts(t.db, services().search, frequency, {
    enqueue: services().enqueue,
    appUrl: services().config.appUrl,
    secret: services().config.sessionSecret,
    now,
    renames,
  });

/** A new live maths role at Holy Family (1 mile from Sale), published now. */
async function publishMathsRole(f: Awaited<ReturnType<typeof searchRegion>>, title: string) {
  const { id } = firstRow(
    rowsOf<{ id: string }>(
      await t.db.execute(sql`
      INSERT INTO vacancies (owner_school_id, status, title, role, phases, subjects, pay_range, salary_min_fte, salary_max_fte,
                             about_role, apply_method, apply_url, published_at, closes_at)
      VALUES (${f.schools.s1.id}, 'published', ${title}, 'classroom_teacher', '{secondary}', '{mathematics}', 'main', 32916, 45352,
              'Teach mathematics.', 'external_link', 'https://example.org', now(), now() + interval '20 days') RETURNING id`),
    ),
    "the row inserted into vacancies",
  );
  await t.db.execute(sql`INSERT INTO vacancy_schools (vacancy_id, school_id) VALUES (${id}, ${f.schools.s1.id})`);
  await drainSearchSync(t.db, services().search);
  return id;
}

const mailsTo = (to: string) => t.db.select().from(emails).where(eq(emails.to, to)).orderBy(emails.createdAt);

describe("job alerts", () => {
  it("e-mails each new matching vacancy once, with a one-click unsubscribe header", async () => {
    const { f, teacher } = await setUp();
    const created = await createAlert(t.db, teacher, "q=maths&location=M33+7&radius=5", "daily");
    expect(created).toMatchObject({ ok: true, existing: false });
    // Existing matches are not news: nothing is sent for them.
    expect(await run("daily")).toMatchObject({ alerts: 1, emailed: 0 });

    const id = await publishMathsRole(f, "Teacher of Mathematics (maternity cover)");
    expect(await run("daily", new Date(Date.now() + DAY))).toMatchObject({ alerts: 1, emailed: 1, vacancies: 1 });
    const mail = firstRow(await mailsTo("pat@example.com"), "a mail to pat@example.com");
    expect(mail.subject).toBe("1 new vacancy: “maths” within 5 miles of M33 7");
    expect(mail.text).toContain("Teacher of Mathematics (maternity cover)");
    expect(mail.text).toContain(`https://staffroom.example/vacancies/${id}?from=M33%207`);
    expect(mail.text).toContain("Holy Family Catholic Primary School (1.0 miles)");
    const token = unsubscribeToken(created.ok ? created.alertId : "", services().config.sessionSecret);
    expect(mail.headers).toEqual({
      "List-Unsubscribe": `<https://staffroom.example/alerts/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    // The next run, and a run repeated after a crash, send nothing more.
    expect(await run("daily", new Date(Date.now() + 2 * DAY))).toMatchObject({ emailed: 0 });
    expect(await run("daily", new Date(Date.now() + 2 * DAY))).toMatchObject({ emailed: 0 });
    expect(await mailsTo("pat@example.com")).toHaveLength(1);
  });

  it("does not send a vacancy outside the alert's radius or filters, nor to a weekly alert on the daily run", async () => {
    const { f, teacher } = await setUp();
    await createAlert(t.db, teacher, "q=maths&location=M33+7&radius=1", "daily");
    await createAlert(t.db, teacher, "q=maths", "weekly");
    await t.db.execute(sql`UPDATE schools SET lat = 53.486611, lng = -2.03833 WHERE id = ${f.schools.s1.id}`); // Holy Family moved 20 km away
    await publishMathsRole(f, "Teacher of Maths, Stalybridge");
    expect(await run("daily")).toMatchObject({ alerts: 1, emailed: 0 });
    expect(await run("weekly")).toMatchObject({ alerts: 1, emailed: 1 });
  });

  it("maps a renamed option to its new name, says so once, and keeps the alert working", async () => {
    const { f, teacher } = await setUp();
    await t.db.insert(jobAlerts).values({
      userId: teacher.id,
      search: "subject=maths-and-stats",
      summary: "Maths and stats",
      frequency: "daily",
    });
    const renames = { subject: [{ from: "maths-and-stats", to: "mathematics", since: "2026-11-30", why: "test" }] };
    await publishMathsRole(f, "Teacher of Mathematics");
    expect(await run("daily", new Date(), renames)).toMatchObject({ emailed: 1, paused: 0 });
    const mail = firstRow(await mailsTo("pat@example.com"), "a mail to pat@example.com");
    expect(mail.text).toContain("“maths-and-stats” is now “mathematics”");
    const alert = firstRow(await listAlerts(t.db, teacher.id), "the teacher's alert");
    expect(alert.search).toBe("subject=mathematics");
  });

  it("pauses an alert whose saved choice no longer exists, tells the teacher once, and sends nothing else", async () => {
    const { teacher } = await setUp();
    await t.db.insert(jobAlerts).values({
      userId: teacher.id,
      search: "subject=underwater-basket-weaving",
      summary: "Basket weaving",
      frequency: "daily",
    });
    expect(await run("daily")).toMatchObject({ paused: 1, emailed: 0 });
    expect(await run("daily")).toMatchObject({ alerts: 0 });
    const mails = await mailsTo("pat@example.com");
    expect(mails.map((m) => m.subject)).toEqual(["Your job alert needs a change: Basket weaving"]);
    expect(mails[0]?.text).toContain("is not one of the subject choices");
    const alert = firstRow(await listAlerts(t.db, teacher.id), "the teacher's alert");
    expect(alert.problem).toContain("The list of choices has changed");
  });

  it("unsubscribes only on POST (the page's button or a mail program's one click), never on GET or HEAD", async () => {
    const { teacher } = await setUp();
    const created = await createAlert(t.db, teacher, "q=maths", "daily");
    const alertId = created.ok ? created.alertId : "";
    const token = unsubscribeToken(alertId, services().config.sessionSecret);
    // A mail scanner opening the link (GET, HEAD) changes nothing: the page only offers the button.
    for (const method of ["GET", "HEAD"]) {
      const request = new Request(`http://localhost/alerts/unsubscribe/${token}`, { method });
      const response = await callRoute(unsubscribeLoader, request, { token });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ summary: "“maths”", subscribed: true, resubscribed: false });
    }
    expect((await listAlerts(t.db, teacher.id))[0]?.unsubscribedAt).toBeNull();
    // The page's button, twice (idempotent).
    for (let i = 0; i < 2; i++) {
      const pressed = await callRoute(
        unsubscribeAction,
        formRequest(`/alerts/unsubscribe/${token}`, { intent: "unsubscribe" }),
        { token },
      );
      expect(pressed.status).toBe(303);
      expect(pressed.headers.get("Location")).toBe(`/alerts/unsubscribe/${token}`);
    }
    const page = await callRoute(unsubscribeLoader, getRequest(`/alerts/unsubscribe/${token}`), { token });
    expect(await page.json()).toEqual({ summary: "“maths”", subscribed: false, resubscribed: false });
    expect(await run("daily")).toMatchObject({ alerts: 0 });
    await callRoute(unsubscribeAction, formRequest(`/alerts/unsubscribe/${token}`, { intent: "resubscribe" }), {
      token,
    });
    // A mail program's one-click POST (RFC 8058), and then "start it again" from the page.
    const oneClick = await callRoute(
      unsubscribeAction,
      formRequest(`/alerts/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }),
      { token },
    );
    expect(oneClick.status).toBe(303);
    expect(firstRow(await listAlerts(t.db, teacher.id), "the alert").unsubscribedAt).not.toBeNull();
    const again = await callRoute(
      unsubscribeAction,
      formRequest(`/alerts/unsubscribe/${token}`, { intent: "resubscribe" }),
      { token },
    );
    expect(again.headers.get("Location")).toBe(`/alerts/unsubscribe/${token}?resubscribed`);
    expect((await listAlerts(t.db, teacher.id))[0]?.unsubscribedAt).toBeNull();
    const forged = `${alertId}.${"A".repeat(43)}`;
    expect(
      (await callRoute(unsubscribeLoader, getRequest(`/alerts/unsubscribe/${forged}`), { token: forged })).status,
    ).toBe(404);
    expect(
      (await callRoute(unsubscribeLoader, getRequest("/alerts/unsubscribe/nonsense"), { token: "nonsense" })).status,
    ).toBe(404);
  });

  it("needs a confirmed e-mail, refuses a broken search, keeps one alert per search, and stops at the limit", async () => {
    const { teacher } = await setUp();
    const unverified = await createUser(t.db, { email: "new@example.com" });
    expect(await createAlert(t.db, unverified, "q=maths", "daily")).toMatchObject({ ok: false, field: "form" });
    expect(await createAlert(t.db, teacher, "phase=nope", "daily")).toMatchObject({ ok: false, field: "search" });
    expect(await createAlert(t.db, teacher, "location=Atlantis", "daily")).toMatchObject({
      ok: false,
      field: "search",
    });
    const first = await createAlert(t.db, teacher, "q=maths&sort=newest&page=3", "daily");
    const same = await createAlert(t.db, teacher, "q=maths", "weekly");
    expect(same).toMatchObject({ ok: true, existing: true, alertId: first.ok ? first.alertId : "" });
    expect((await listAlerts(t.db, teacher.id)).map((a) => [a.search, a.frequency])).toEqual([["q=maths", "weekly"]]);
    for (let i = 1; i < 20; i++)
      expect(await createAlert(t.db, teacher, `q=role${i}`, "daily")).toMatchObject({ ok: true });
    expect(await createAlert(t.db, teacher, "q=one-too-many", "daily")).toMatchObject({
      ok: false,
      message: expect.stringContaining("20 alerts"),
    });
  });

  it("through the pages: a bad frequency is a 400, another user's alert is a 404", async () => {
    const { teacher } = await setUp();
    const cookie = await sessionCookie(teacher);
    const bad = await callRoute(
      createAction,
      formRequest("/alerts", { search: "q=maths", frequency: "hourly" }, cookie),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "Choose every day or every week", field: "frequency" });
    const ok = await callRoute(createAction, formRequest("/alerts", { search: "q=maths", frequency: "daily" }, cookie));
    expect(ok.status).toBe(302);
    const alert = firstRow(await listAlerts(t.db, teacher.id), "the teacher's alert");
    const other = await createUser(t.db, { email: "other@example.com", emailVerifiedAt: new Date() });
    const otherCookie = await sessionCookie(other);
    const theirs = await callRoute(
      changeAction,
      formRequest(`/alerts/${alert.id}`, { intent: "delete" }, otherCookie),
      { id: alert.id },
    );
    expect(theirs.status).toBe(404);
    const junk = await callRoute(changeAction, formRequest(`/alerts/${alert.id}`, { intent: "explode" }, cookie), {
      id: alert.id,
    });
    expect(junk.status).toBe(400);
    expect(await listAlerts(t.db, teacher.id)).toHaveLength(1);
    const mine = await callRoute(
      changeAction,
      formRequest(`/alerts/${alert.id}`, { intent: "frequency", frequency: "weekly" }, cookie),
      { id: alert.id },
    );
    expect(mine.status).toBe(302);
    expect((await listAlerts(t.db, teacher.id))[0]?.frequency).toBe("weekly");
  });
});
