import { describe, expect, it } from "vitest";
import type { Executor } from "../../db/client";
import { writtenOnce } from "../../db/written-once";

const handle = () => ({}) as Executor;

describe("a statement written once per database handle", () => {
  it("writes it on a handle's first use only, and afresh for another handle (a transaction)", () => {
    let written = 0;
    const statement = writtenOnce((db) => ({ db, n: ++written }));
    const db = handle();
    const first = statement(db);
    expect(statement(db)).toBe(first);
    expect(written).toBe(1);
    const tx = handle();
    expect(statement(tx)).toEqual({ db: tx, n: 2 });
    expect(statement(db)).toBe(first);
    expect(written).toBe(2);
  });
});
