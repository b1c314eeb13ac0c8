import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "../../db/rows";

type ClientModule = typeof import("../../db/client");
const serverUrl = process.env.TEST_DATABASE_URL;
const mode = sql`SELECT current_setting('plan_cache_mode') AS mode`;
const modeOf = (result: unknown) => rowsOf<{ mode: string }>(result)[0]?.mode;

/** A fresh copy of db/client.ts, as the Remix server bundle holds beside the runtime's. */
async function anotherCopy(): Promise<ClientModule> {
  vi.resetModules();
  return import("../../db/client");
}

describe("a statement planned once", () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });

  it.skipIf(!serverUrl)(
    "on a server runs with a generic plan on a reserved connection, without a transaction, even from another copy of the module (skipped without TEST_DATABASE_URL)",
    async () => {
      const runtime = await anotherCopy();
      const bundle = await anotherCopy();
      expect(bundle.executePlannedOnce).not.toBe(runtime.executePlannedOnce);
      const connection = await runtime.openDatabase({ url: serverUrl, max: 2 });
      opened.push(connection);
      const transaction = vi.spyOn(connection.db, "transaction");

      expect(modeOf(await bundle.executePlannedOnce(connection.db, mode))).toBe("force_generic_plan");
      expect(transaction).not.toHaveBeenCalled();
      // The connection goes back with the app's own setting, on whichever connection the pool hands out next.
      const after = await Promise.all([connection.db.execute(mode), connection.db.execute(mode)]);
      expect(after.map(modeOf)).toEqual(["force_custom_plan", "force_custom_plan"]);
    },
  );

  it.skipIf(!serverUrl)(
    "on a server gives the connection back with its setting when the statement fails (skipped without TEST_DATABASE_URL)",
    async () => {
      const client = await anotherCopy();
      const connection = await client.openDatabase({ url: serverUrl, max: 1 });
      opened.push(connection);
      await expect(client.executePlannedOnce(connection.db, sql`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
      expect(modeOf(await connection.db.execute(mode))).toBe("force_custom_plan");
    },
  );

  it("inside a transaction, sets the plan for that statement alone", async () => {
    const client = await anotherCopy();
    const connection = await client.openDatabase({ url: serverUrl, max: 1 });
    opened.push(connection);
    await connection.db.transaction(async (tx) => {
      const before = modeOf(await tx.execute(mode));
      expect(modeOf(await client.executePlannedOnce(tx, mode))).toBe("force_generic_plan");
      expect(modeOf(await tx.execute(mode))).toBe(before);
    });
  });

  it("on the embedded database runs in a transaction of its own", async () => {
    const client = await anotherCopy();
    const connection = await client.openDatabase({ dataDir: "memory://" });
    opened.push(connection);
    expect(modeOf(await client.executePlannedOnce(connection.db, mode))).toBe("force_generic_plan");
    expect(modeOf(await connection.db.execute(mode))).toBe("auto");
  });
});
