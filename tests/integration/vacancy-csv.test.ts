import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { COLUMN_NAMES } from "../../app/vacancies/csv-import/columns";
import { findImport, processImport, VACANCY_IMPORT_QUEUE } from "../../app/vacancies/csv-import/import.server";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { firstRow, rowsOf } from "../../db/rows";
import { services } from "../../app/services.server";
import { vacancies, vacancyEvents, vacancyImports } from "../../db/schema";
import * as importPage from "../../app/routes/hr.vacancies.import._index";
import * as progressPage from "../../app/routes/hr.vacancies.import.$id";
import * as templateRoute from "../../app/routes/hr.vacancies.import.template[.]csv";
import { useTestDatabase } from "../support/database";
import { callRoute, cookiePair, getRequest } from "../support/requests";
import { schoolElsewhere, twoTrustRegion, type TwoTrustRegion } from "../support/vacancy-fixtures";

const ORIGIN = "http://localhost:3000";
const future = (days: number) => `${new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10)} 12:00`;

function csvOf(rows: Record<string, string>[]): string {
  const columns = COLUMN_NAMES.filter((c) => rows.some((r) => c in r));
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? "")).join(","))].join("\n");
}

const good = (r: TwoTrustRegion, overrides: Record<string, string> = {}): Record<string, string> => ({
  title: "Teacher of Mathematics",
  role: "classroom_teacher",
  phases: "secondary",
  key_stages: "ks3;ks4",
  subjects: "maths",
  school_urns: String(r.a1.urn),
  fte_shares: "",
  working_pattern: "full_time",
  fte: "1",
  contract_type: "permanent",
  pay_range: "main",
  pay_point_from: "M1",
  pay_point_to: "M6",
  salary_min: "32916",
  salary_max: "45352",
  about_role: "Teach mathematics across key stages 3 and 4 in a friendly department.",
  apply_url: "https://example.org/apply",
  closes_at: future(20),
  ...overrides,
});

function upload(
  cookie: string,
  file: { name: string; type?: string; body: BlobPart },
  fields: Record<string, string> = {},
): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([file.body], file.name, { type: file.type ?? "text/csv" }));
  return new Request(`${ORIGIN}/hr/vacancies/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

describe("CSV import of vacancies", () => {
  const t = useTestDatabase();

  async function signedIn() {
    const r = await twoTrustRegion(t.db);
    const cookieA = cookiePair(await startSession(r.hrA.id, { verified: true }));
    const cookieB = cookiePair(await startSession(r.hrB.id, { verified: true }));
    return { r, cookieA, cookieB };
  }

  /** Uploads through the route, then runs the queued job as the worker would. */
  async function importFile(cookie: string, csv: string, fields: Record<string, string> = {}) {
    const response = await callRoute(importPage.action, upload(cookie, { name: "roles.csv", body: csv }, fields));
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    await processImport(t.db, services().enqueue, id);
    const job = firstRow(
      await t.db.select().from(vacancyImports).where(eq(vacancyImports.id, id)),
      "a row from vacancyImports",
    );
    return job;
  }

  const count = async () => (await t.db.select({ id: vacancies.id }).from(vacancies)).length;

  it("imports a valid 3-row file as 3 drafts at the right schools, each with a 'created' event naming the file", async () => {
    const { r, cookieA } = await signedIn();
    const csv = csvOf([
      good(r),
      good(r, {
        title: "Teacher of English (shared)",
        subjects: "English",
        school_urns: `${r.a1.urn};${r.a2.urn}`,
        fte_shares: "0.6;0.4",
      }),
      good(r, {
        title: "Cover Supervisor",
        role: "cover supervisor",
        subjects: "",
        pay_range: "hourly",
        salary_min: "",
        salary_max: "",
        pay_point_from: "",
        pay_point_to: "",
        hourly_rate: "12.65",
        contract_type: "casual",
        working_pattern: "part_time",
        fte: "0.6",
      }),
    ]);
    const job = await importFile(cookieA, csv);
    expect(job).toMatchObject({ status: "done", totalRows: 3, processedRows: 3, importedCount: 3, errors: [] });
    const rows = await t.db.select().from(vacancies).orderBy(vacancies.title);
    expect(rows.map((v) => [v.title, v.status, v.ownerOrganisationId, v.fte, v.hourlyRatePence])).toEqual([
      ["Cover Supervisor", "draft", r.trustA.id, "0.600", 1265],
      ["Teacher of English (shared)", "draft", r.trustA.id, "1.000", null],
      ["Teacher of Mathematics", "draft", r.trustA.id, "1.000", null],
    ]);
    const shares = rowsOf<{ title: string; urn: number; share: string | null }>(
      await t.db
        .execute(sql`SELECT v.title, s.urn, vs.fte_share AS share FROM vacancy_schools vs JOIN vacancies v ON v.id = vs.vacancy_id
                               JOIN schools s ON s.id = vs.school_id ORDER BY v.title, vs.position`),
    );
    expect(shares.map((s) => [s.title, Number(s.urn), s.share])).toEqual([
      ["Cover Supervisor", r.a1.urn, null],
      ["Teacher of English (shared)", r.a1.urn, "0.600"],
      ["Teacher of English (shared)", r.a2.urn, "0.400"],
      ["Teacher of Mathematics", r.a1.urn, null],
    ]);
    const events = await t.db.select().from(vacancyEvents);
    expect(events.map((e) => [e.action, e.note, e.userId])).toEqual(
      Array(3).fill(["created", "Imported from roles.csv", r.hrA.id]),
    );
  });

  it("publishes the complete rows when asked, scheduling one with a publish date, and leaves incomplete ones as drafts", async () => {
    const { r, cookieA } = await signedIn();
    const csv = csvOf([
      good(r),
      good(r, { title: "Later role", publish_at: future(3) }),
      good(r, { title: "Unfinished", about_role: "", apply_url: "", closes_at: "" }),
    ]);
    const job = await importFile(cookieA, csv, { publish: "on" });
    expect(job.status).toBe("done");
    const rows = await t.db.select().from(vacancies).orderBy(vacancies.title);
    expect(rows.map((v) => [v.title, v.status, v.publishedAt !== null])).toEqual([
      ["Later role", "scheduled", false],
      ["Teacher of Mathematics", "published", true],
      ["Unfinished", "draft", false],
    ]);
  });

  it("keeps a row whose pay is flagged as a draft with a note naming the finding, and publishes the rest", async () => {
    const { r, cookieA } = await signedIn();
    await ensurePayScales(t.db);
    const csv = csvOf([
      good(r, { title: "Fairly paid" }),
      // Starts £916 below the main range's statutory minimum: flagged whatever the neighbours pay.
      good(r, { title: "Underpaid", pay_point_from: "", salary_min: "32000" }),
    ]);
    const job = await importFile(cookieA, csv, { publish: "on" });
    expect(job.status).toBe("done");
    expect(job.importedCount).toBe(2);
    const rows = await t.db.select().from(vacancies).orderBy(vacancies.title);
    expect(rows.map((v) => [v.title, v.status])).toEqual([
      ["Fairly paid", "published"],
      ["Underpaid", "draft"],
    ]);
    const underpaid = rows.find((v) => v.title === "Underpaid")!;
    // Not published, so no assessment is kept yet: publishing from its page assesses it again, with a justification.
    expect(underpaid.payAssessmentId).toBeNull();
    expect(job.errors).toEqual([
      {
        row: 3,
        field: "pay",
        message: expect.stringMatching(
          /^Imported as a draft, not published: below the (statutory minimum|national scale)\./,
        ),
      },
    ]);
    const events = await t.db.select().from(vacancyEvents).where(eq(vacancyEvents.vacancyId, underpaid.id));
    expect(events.map((e) => e.note)).toContain(
      "Left as a draft: its pay is flagged, and publishing it needs a justification",
    );
  });

  it.each([
    ["a bad URN", { school_urns: "123456" }, "school_urns", "URN 123456 is not a school you post vacancies for"],
    [
      "an FTE split that does not add up",
      { school_urns: "A1;A2", fte_shares: "0.6;0.3" },
      "fte_shares",
      "The schools' shares add up to 0.9 but the role is 1 FTE",
    ],
    [
      "a minimum salary above the maximum",
      { salary_min: "50000", salary_max: "40000" },
      "salary_max",
      "The maximum must be at least the minimum",
    ],
    [
      "a closing date in the past",
      { closes_at: "2024-01-31 12:00" },
      "closes_at",
      "The closing date and time must be in the future",
    ],
  ])("imports nothing when one row has %s, and reports its row and column", async (_name, bad, field, message) => {
    const { r, cookieA } = await signedIn();
    const fix = (v: string) => v.replace("A1", String(r.a1.urn)).replace("A2", String(r.a2.urn));
    const badRow = Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, fix(v)]));
    const job = await importFile(cookieA, csvOf([good(r), good(r), good(r, badRow), good(r)]));
    expect(job.status).toBe("failed");
    expect(job.processedRows).toBe(4);
    expect(job.errors).toEqual([{ row: 4, field, message }]);
    expect(await count()).toBe(0);
  });

  it("refuses a school of another trust, as a row error: a share there is set on the form, where they confirm it", async () => {
    const { r, cookieA } = await signedIn();
    // Another partnership's school is no school of theirs at all.
    const foreign = await schoolElsewhere(t.db);
    const job = await importFile(
      cookieA,
      csvOf([
        good(r),
        good(r, { school_urns: `${r.a1.urn};${r.b1.urn}`, fte_shares: "0.6;0.4" }),
        good(r, { school_urns: String(foreign.urn) }),
      ]),
    );
    expect(job.errors).toEqual([
      {
        row: 3,
        field: "school_urns",
        message: `URN ${r.b1.urn} is Trust B High, a school of Trust B: a role shared with another employer's school cannot be imported, because Trust B's HR must confirm its share first. Import the row without that school, then add it on the role's "Schools and hours" step`,
      },
      { row: 4, field: "school_urns", message: `URN ${foreign.urn} is not a school you post vacancies for` },
    ]);
    expect(await count()).toBe(0);
  });

  it("shows progress to its owner until done; another user gets a 404", async () => {
    const { r, cookieA, cookieB } = await signedIn();
    const response = await callRoute(
      importPage.action,
      upload(cookieA, { name: "C:\\fakepath\\jobs.csv", body: csvOf([good(r), good(r)]) }),
    );
    const path = response.headers.get("Location")!;
    const id = path.split("/").pop()!;
    const view = async (cookie: string) => callRoute(progressPage.loader, getRequest(path, cookie), { id });
    const queued = await view(cookieA);
    expect(queued.status).toBe(200);
    expect(await queued.json()).toMatchObject({
      status: "queued",
      fileName: "jobs.csv",
      totalRows: 2,
      processedRows: 0,
    });
    expect((await view(cookieB)).status).toBe(404);
    expect(
      (await callRoute(progressPage.loader, getRequest("/hr/vacancies/import/x", cookieA), { id: "not-a-uuid" }))
        .status,
    ).toBe(404);

    // The job was queued in the same transaction as the import row.
    const jobs = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${VACANCY_IMPORT_QUEUE} AND data->>'importId' = ${id}`,
      ),
    );
    expect(jobs[0]?.n).toBe(1);
    await processImport(t.db, services().enqueue, id);
    await processImport(t.db, services().enqueue, id); // a second delivery changes nothing
    expect(await (await view(cookieA)).json()).toMatchObject({ status: "done", processedRows: 2, importedCount: 2 });
    expect(await count()).toBe(2);
    expect(await findImport(t.db, r.hrB.id, id)).toBeNull();
  });

  it("a job redelivered after a crash mid-import finishes the import, once", async () => {
    const { r, cookieA } = await signedIn();
    const response = await callRoute(
      importPage.action,
      upload(cookieA, { name: "crash.csv", body: csvOf([good(r), good(r)]) }),
    );
    const id = response.headers.get("Location")!.split("/").pop()!;
    // The first delivery died after marking the import: its insert transaction never committed.
    await t.db.update(vacancyImports).set({ status: "importing" }).where(eq(vacancyImports.id, id));
    await processImport(t.db, services().enqueue, id);
    expect(await findImport(t.db, r.hrA.id, id)).toMatchObject({ status: "done", importedCount: 2 });
    await processImport(t.db, services().enqueue, id);
    expect(await count()).toBe(2);
  });

  it("the queued job runs on the worker and the import reaches done", async () => {
    const { r, cookieA } = await signedIn();
    const { startWorkers } = await import("../../app/jobs/queues.server");
    await startWorkers(services().boss);
    const response = await callRoute(
      importPage.action,
      upload(cookieA, { name: "worker.csv", body: csvOf([good(r)]) }),
    );
    const id = response.headers.get("Location")!.split("/").pop()!;
    let status = "";
    for (let i = 0; i < 60 && status !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await findImport(t.db, r.hrA.id, id))!.status;
    }
    expect(status).toBe("done");
    await services().boss.offWork(VACANCY_IMPORT_QUEUE);
  }, 30_000);

  describe("hostile files answer a field error, never a 500, and import nothing", () => {
    const cases: [string, { name: string; type?: string; body: BlobPart }, RegExp][] = [
      ["an empty file", { name: "empty.csv", body: "" }, /empty/],
      [
        "binary junk",
        { name: "junk.csv", body: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256) },
        /not a CSV text file/,
      ],
      [
        "a PNG named .csv",
        {
          name: "image.csv",
          type: "image/png",
          body: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        },
        /must be a CSV file/,
      ],
      [
        "a spreadsheet",
        {
          name: "roles.xlsx",
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          body: "PK\u0003\u0004",
        },
        /must be a CSV file/,
      ],
      [
        "wrong headers",
        { name: "people.csv", body: "name,email\nAda,ada@example.org\n" },
        /Unknown columns: "name", "email"/,
      ],
      ["a header only", { name: "header.csv", body: "title,role,phases,school_urns,pay_range\n" }, /no vacancies/],
      [
        "10,000 rows",
        {
          name: "big.csv",
          body: `title,role,phases,school_urns,pay_range\n${"Teacher,classroom_teacher,primary,1,main\n".repeat(10_000)}`,
        },
        /more than 2,000 vacancies/,
      ],
      [
        "an unclosed quote",
        {
          name: "quote.csv",
          body: 'title,role,phases,school_urns,pay_range\n"Teacher,classroom_teacher,primary,1,main\n',
        },
        /could not be read as CSV/,
      ],
      ["more than 2 MB", { name: "huge.csv", body: "a".repeat(2 * 1024 * 1024 + 10) }, /at most 2 MB/],
    ];
    it.each(cases)("%s", async (_name, file, message) => {
      const { cookieA } = await signedIn();
      const response = await callRoute(importPage.action, upload(cookieA, file));
      expect([400, 413]).toContain(response.status);
      const body = (await response.json()) as { fieldErrors: { file?: string[] } };
      expect(body.fieldErrors.file?.join(" ")).toMatch(message);
      expect(await t.db.select().from(vacancyImports)).toEqual([]);
    });

    it("a form without a file, and a request that is not multipart", async () => {
      const { cookieA } = await signedIn();
      const form = new FormData();
      form.append("publish", "on");
      const none = await callRoute(
        importPage.action,
        new Request(`${ORIGIN}/hr/vacancies/import`, {
          method: "POST",
          headers: { Cookie: cookieA, Origin: ORIGIN },
          body: form,
        }),
      );
      expect(none.status).toBe(400);
      expect(await none.json()).toEqual({ formFailed: true, fieldErrors: { file: ["Choose a CSV file to upload"] } });
      const urlencoded = new Request(`${ORIGIN}/hr/vacancies/import`, {
        method: "POST",
        headers: { Cookie: cookieA, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: "file=x",
      });
      expect((await callRoute(importPage.action, urlencoded)).status).toBe(400);
    });

    it("rows with 50 columns, unicode and control characters are row errors", async () => {
      const { r, cookieA } = await signedIn();
      const header = "title,role,phases,school_urns,pay_range,salary_min,salary_max";
      const csv = [
        header,
        `Professeur·e de français 🇫🇷,classroom_teacher,secondary,${r.a1.urn},main,32916,45352`,
        `${Array.from({ length: 50 }, () => "x").join(",")}`,
        `"Bell\u0007",classroom_teacher,secondary,${r.a1.urn},main,32916,45352`,
      ].join("\n");
      const job = await importFile(cookieA, csv);
      expect(job.status).toBe("failed");
      expect(job.errors.filter((e) => e.row === 2)).toEqual([]);
      expect(job.errors.some((e) => e.row === 3 && /43 more values/.test(e.message))).toBe(true);
      expect(job.errors).toContainEqual({ row: 4, field: "title", message: "Remove the unusual characters" });
      expect(await count()).toBe(0);
    });
  });

  it("offers a template at the user's own schools, and the page lists the columns", async () => {
    const { r, cookieA } = await signedIn();
    const response = await callRoute(templateRoute.loader, getRequest("/hr/vacancies/import/template.csv", cookieA));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(COLUMN_NAMES.join(","));
    expect(text).toContain(`${r.a1.urn};${r.a2.urn},0.6;0.4`);
    const job = await importFile(cookieA, text);
    expect(job).toMatchObject({ status: "done", importedCount: 2 });
  });
});
