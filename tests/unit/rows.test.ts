import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstRow, pairInserted, parseRows } from "../../db/rows";

const membership = z.object({ id: z.string(), role: z.string(), held: z.boolean() });

describe("checked raw rows", () => {
  it("returns rows of the expected shape as the driver gave them, from either driver's result", () => {
    const row = { id: "a", role: "hr", held: true };
    expect(parseRows([row], membership, "memberships")).toEqual([row]);
    expect(parseRows({ rows: [row] }, membership, "memberships")[0]).toBe(row);
  });

  it("throws in tests on a wrong-shaped row, naming the query, the row and the field", () => {
    // A renamed column: the query now returns `roleName`, so `role` is missing.
    const renamed = [{ id: "a", held: true, roleName: "hr" }];
    expect(() => parseRows(renamed, membership, "a user's memberships")).toThrow(
      /Row 0 of a user's memberships does not have the expected shape: role: /,
    );
    // A changed type: the driver returned the boolean as text.
    expect(() => parseRows([{ id: "a", role: "hr", held: "t" }], membership, "scope")).toThrow(/held: /);
  });

  it("skips the check in production, where the rows go through untouched", () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const wrong = [{ id: 1 }];
      expect(parseRows(wrong, membership, "memberships")).toBe(wrong);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it("skips it with ROW_CHECKS=off, as the benchmarks run, and checks again without it", () => {
    const wrong = [{ id: 1 }];
    process.env.ROW_CHECKS = "off";
    try {
      expect(parseRows(wrong, membership, "memberships")).toBe(wrong);
    } finally {
      delete process.env.ROW_CHECKS;
    }
    expect(() => parseRows(wrong, membership, "memberships")).toThrow(/memberships/);
  });
});

describe("rows that must be there", () => {
  it("firstRow names what was expected when a query returned nothing", () => {
    expect(firstRow([{ id: "x" }], "the new alert")).toEqual({ id: "x" });
    expect(() => firstRow([], "the new alert")).toThrow("Expected the new alert, but the query returned no rows");
  });

  it("pairInserted pairs inputs with returned rows, and refuses a count that differs", () => {
    expect(pairInserted(["a", "b"], [{ id: 1 }, { id: 2 }])).toEqual([
      ["a", { id: 1 }],
      ["b", { id: 2 }],
    ]);
    expect(() => pairInserted(["a", "b"], [{ id: 1 }])).toThrow("Inserted 2 rows but 1 came back");
  });
});
