import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findManagedVacancy } from "../../app/vacancies/records.server";
import { firstRow, rowsOf } from "../../db/rows";
import { seedDemoRegion } from "../../db/seed/demo";
import { PAY_2025_26 } from "../../db/seed/vacancies";
import { useTestDatabase } from "../support/database";
import { hashPassword } from "../../app/auth/password.server";

type Row = {
  id: string;
  status: string;
  role: string;
  payRange: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  hourlyRatePence: number | null;
  fte: string;
  schools: number;
  shareSum: string | null;
  shares: number;
  closesAt: Date | null;
};

describe("demo vacancies", () => {
  const t = useTestDatabase();

  async function seeded(): Promise<Row[]> {
    await seedDemoRegion(t.db, { hashPassword });
    return rowsOf<Row>(
      await t.db.execute(sql`
        SELECT v.id, v.status, v.role, v.pay_range AS "payRange", v.salary_min_fte AS "salaryMinFte", v.salary_max_fte AS "salaryMaxFte",
               v.hourly_rate_pence AS "hourlyRatePence", v.fte, v.closes_at AS "closesAt",
               count(vs.school_id)::int AS schools, sum(vs.fte_share)::text AS "shareSum", count(vs.fte_share)::int AS shares
          FROM vacancies v JOIN vacancy_schools vs ON vs.vacancy_id = v.id
         GROUP BY v.id`),
    );
  }

  it("seeds 302 vacancies in every state, across roles, pay ranges and contracts", async () => {
    const rows = await seeded();
    // 300 generated, and the two roles shared across employers.
    expect(rows).toHaveLength(302);
    const count = (f: (r: Row) => boolean) => rows.filter(f).length;
    expect(count((r) => r.status === "published")).toBeGreaterThan(180);
    for (const status of ["draft", "scheduled", "closed"]) expect(count((r) => r.status === status)).toBeGreaterThan(5);
    for (const range of ["main", "upper", "unqualified", "leadership", "support", "hourly"])
      expect(count((r) => r.payRange === range)).toBeGreaterThan(0);
    expect(count((r) => Number(r.fte) < 1)).toBeGreaterThan(20);
    expect(count((r) => r.shares >= 2)).toBeGreaterThan(3);
    expect(count((r) => r.schools >= 3 && r.shares === 0)).toBeGreaterThan(0);
    const contracts = rowsOf<{ c: string }>(
      await t.db.execute(sql`SELECT DISTINCT contract_type::text AS c FROM vacancies`),
    )
      .map((r) => r.c)
      .sort();
    expect(contracts).toEqual(["casual", "fixed_term", "maternity_cover", "permanent"]);
  });

  it("every live vacancy has schools, pay and a future closing moment; shares add up to the FTE", async () => {
    const rows = await seeded();
    const now = Date.now();
    for (const r of rows.filter((x) => x.status === "published")) {
      expect(r.schools).toBeGreaterThan(0);
      expect(new Date(r.closesAt!).getTime()).toBeGreaterThan(now);
      if (r.payRange === "hourly") expect(r.hourlyRatePence).toBeGreaterThan(1000);
      else expect(r.salaryMinFte).toBeLessThanOrEqual(r.salaryMaxFte!);
    }
    for (const r of rows.filter((x) => x.shares > 0)) expect(Number(r.shareSum)).toBeCloseTo(Number(r.fte), 3);
  });

  it("teachers' pay sits on the real 2025/26 scales for its range", async () => {
    const rows = await seeded();
    for (const r of rows) {
      if (r.payRange === "main") {
        expect(PAY_2025_26.main).toContain(r.salaryMinFte);
        expect(PAY_2025_26.main).toContain(r.salaryMaxFte);
      }
      if (r.payRange === "upper") expect([r.salaryMinFte, r.salaryMaxFte]).toEqual([47472, 51048]);
      if (r.payRange === "unqualified") expect([r.salaryMinFte, r.salaryMaxFte]).toEqual([22601, 35259]);
      if (r.payRange === "leadership") {
        expect(r.salaryMinFte).toBeGreaterThanOrEqual(PAY_2025_26.leadership.min);
        expect(r.salaryMaxFte).toBeLessThanOrEqual(PAY_2025_26.leadership.max);
      }
    }
  });

  it("Northbrook's HR manage Northbrook's vacancies and not Riverside's", async () => {
    await seeded();
    const hr = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users WHERE email = 'hr@northbrook.example'`)),
      "a row from users",
    );
    const owned = rowsOf<{ id: string; trust: string }>(
      await t.db.execute(
        sql`SELECT v.id, o.slug AS trust FROM vacancies v JOIN organisations o ON o.id = v.owner_organisation_id`,
      ),
    );
    const mine = owned.find((v) => v.trust === "northbrook-learning-trust")!;
    const theirs = owned.find((v) => v.trust === "riverside-schools-trust")!;
    expect(await findManagedVacancy(t.db, hr.id, mine.id)).not.toBeNull();
    expect(await findManagedVacancy(t.db, hr.id, theirs.id)).toBeNull();
  });

  it("two roles shared across employers: one published with Riverside's share confirmed, one waiting for it", async () => {
    await seeded();
    const shared = rowsOf<{
      title: string;
      status: string;
      owner: string;
      state: string;
      employerName: string;
      decidedBy: string | null;
      shares: string;
    }>(
      await t.db.execute(sql`
        SELECT v.title, v.status, o.slug AS owner, c.state, c.employer_name AS "employerName", u.email AS "decidedBy",
               (SELECT string_agg(s.name || ' ' || vs.fte_share::text, ', ' ORDER BY vs.position)
                  FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id WHERE vs.vacancy_id = v.id) AS shares
          FROM vacancy_share_confirmations c JOIN vacancies v ON v.id = c.vacancy_id
          JOIN organisations o ON o.id = v.owner_organisation_id LEFT JOIN users u ON u.id = c.decided_by
         ORDER BY v.title`),
    );
    expect(shared).toEqual([
      {
        title: "Teacher of Computing (shared with Eastmere Academy)",
        status: "draft",
        owner: "northbrook-learning-trust",
        state: "awaiting",
        employerName: "Riverside Schools Trust",
        decidedBy: null,
        shares: "Kingsmead Secondary Academy 0.500, Eastmere Academy 0.500",
      },
      {
        title: "Teacher of Music (shared with Riverside Academy)",
        status: "published",
        owner: "northbrook-learning-trust",
        state: "confirmed",
        employerName: "Riverside Schools Trust",
        decidedBy: "hr@riverside.example",
        shares: "Northbrook Academy 0.600, Riverside Academy 0.400",
      },
    ]);
  });
});
