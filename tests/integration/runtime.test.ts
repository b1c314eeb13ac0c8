import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { firstRow, rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";

describe("database runtime", () => {
  const t = useTestDatabase();

  it("has the extensions the schema relies on", async () => {
    const rows = rowsOf<{ extname: string }>(
      await t.db.execute(sql`SELECT extname FROM pg_extension ORDER BY extname`),
    );
    const names = rows.map((r) => r.extname);
    for (const ext of ["btree_gist", "cube", "earthdistance", "pg_trgm"]) expect(names).toContain(ext);
  });

  it("measures distance with earthdistance between two real points", async () => {
    // Manchester Piccadilly to Stockport station: about 9.3 km.
    const row = firstRow(
      rowsOf<{ m: number }>(
        await t.db.execute(
          sql`SELECT earth_distance(ll_to_earth(53.4774, -2.2309), ll_to_earth(53.4053, -2.1632)) AS m`,
        ),
      ),
      "the distance",
    );
    expect(row.m).toBeGreaterThan(9000);
    expect(row.m).toBeLessThan(9800);
  });
});
