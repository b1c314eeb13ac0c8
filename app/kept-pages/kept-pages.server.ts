import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { z } from "../forms/zod";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { SESSION_IDLE } from "../auth/lucia.server";
import type { Visit } from "./keep";

/** A few thousand pages and 32 MB a process at most: a vacancy page is 20–40 kB. */
const KEPT_PAGES = 4_000;
const KEPT_BYTES = 32 * 1024 * 1024;

/** A page as it went out, cut at its nonce so that each visitor's copy carries a fresh one. */
export type KeptPage = {
  generation: string;
  until: number;
  headers: [string, string][];
  /** The body in the pieces between the nonce's appearances. */
  pieces: Buffer[];
  onVisit?: (visit: Visit) => void;
};

const stampRow = z.object({ stamp: z.string() });
const readerRow = z.object({
  stamp: z.string().nullable(),
  session: z.string().nullable(),
  until: z.number().nullable(),
});

/** What a signed-in page kept for its reader is kept under: the generation and its session as it stood. */
export type ReaderStamp = { generation: string; until: number };

/** The number of watched writes ever committed, under the epoch of the last time the tables were emptied. */
const STAMP = sql`g.epoch || ':' || (g.folded + (SELECT count(*) FROM page_writes))`;
const GENERATION = sql`SELECT ${STAMP} AS stamp FROM page_generation g`;

/**
 * Pages shown to visitors who are not signed in, kept in memory for as long as nothing they show can have changed
 * (ADR 0041). A page depends on the database and on the moment: it is kept with the pages' generation read before it
 * was made (db/schema/pages.ts: every committed transaction that wrote a table such pages read raises it, in that
 * transaction) and with the moment its loader said it stops being true by time alone (a countdown's next step, a
 * closing time). A later visit to the same address is answered from memory when the generation read first is the
 * same and that moment has not come; otherwise the page is made again, and kept. The generation is read before the
 * page is made, so a write that commits meanwhile gives later visits another: a kept page is never older than its
 * generation.
 */
export class KeptPages {
  private kept = new LRUCache<string, KeptPage>({
    max: KEPT_PAGES,
    maxSize: KEPT_BYTES,
    sizeCalculation: (page) => 512 + page.pieces.reduce((n, p) => n + p.length, 0),
  });

  constructor(private db: () => Executor) {}

  /** The generation now; null when its row is missing (emptied by hand, until a table is emptied): nothing is kept. */
  async generation(): Promise<string | null> {
    const [row] = parseRows(await this.db().execute(GENERATION), stampRow, "the pages' generation");
    return row?.stamp ?? null;
  }

  /**
   * The generation with the state of this session (ADR 0043), read in one statement: null when the session is gone,
   * has not given its second factor, or the row is missing. A page kept under it holds only while the session's row is
   * unchanged, and only until Lucia would slide the session's expiry forward (half its idle time left) or its absolute
   * expiry comes: after that, a page is made, and the visit's reading of the session does what it always did.
   */
  async readerStamp(sessionId: string): Promise<ReaderStamp | null> {
    const halfIdle = `${SESSION_IDLE.milliseconds() / 2} milliseconds`;
    const [row] = parseRows(
      await this.db().execute(sql`
        SELECT ${STAMP} AS stamp,
               md5(s::text) AS session,
               (extract(epoch FROM least(s.expires_at - ${halfIdle}::interval, s.absolute_expires_at)) * 1000)::float8
                 AS until
          FROM page_generation g
          LEFT JOIN sessions s ON s.id = ${sessionId} AND s.second_factor_verified_at IS NOT NULL`),
      readerRow,
      "the pages' generation and a session",
    );
    if (!row?.stamp || !row.session || row.until === null) return null;
    return { generation: `${row.stamp}:${row.session}`, until: row.until };
  }

  /** The page kept for this address, if it still holds at this stamp and moment. */
  find(key: string, generation: string, now: number): KeptPage | undefined {
    const page = this.kept.get(key);
    if (!page) return undefined;
    if (page.generation === generation && now < page.until) return page;
    this.kept.delete(key);
    return undefined;
  }

  keep(key: string, page: KeptPage): void {
    this.kept.set(key, page);
  }

  /** Pages being made now, by address, with the stamp each is made under: at most one at a time for each. */
  private making = new Map<string, { generation: string; page: Promise<KeptPage | undefined> }>();

  /**
   * The page a visit is making now for this address under this stamp, if one is: a visit arriving meanwhile waits for
   * it rather than making the same page again (after a write, every visitor of a popular page arrives at once). It is
   * the page this visit would make (same address, same stamp), or undefined when it was not kept (an error, a cookie
   * set): then the visit makes its own.
   */
  beingMade(key: string, generation: string): Promise<KeptPage | undefined> | undefined {
    const making = this.making.get(key);
    return making?.generation === generation ? making.page : undefined;
  }

  /** Says this visit makes the page for this address under this stamp; call what it returns with the page kept, or none. */
  startMaking(key: string, generation: string): (page: KeptPage | undefined) => void {
    let settle!: (page: KeptPage | undefined) => void;
    const entry = { generation, page: new Promise<KeptPage | undefined>((resolve) => (settle = resolve)) };
    this.making.set(key, entry);
    return (page) => {
      settle(page);
      if (this.making.get(key) === entry) this.making.delete(key);
    };
  }

  get size(): number {
    return this.kept.size;
  }
}

/** The body as pieces between the nonce's appearances (none: one piece). */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** The kept body with this visitor's nonce where the first visitor's was. */
export function joinWithNonce(pieces: Buffer[], nonce: string): Buffer {
  if (pieces.length === 1) return pieces[0]!;
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(needle);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

/**
 * Takes page_writes' rows into page_generation's `folded`, in one statement (so in one transaction): the generation
 * stays the same, and its count stays a count of a few rows. Writes committed meanwhile are not seen by the delete
 * and stay for the next fold.
 */
export async function foldPageWrites(db: Executor): Promise<void> {
  await db.execute(sql`WITH gone AS (DELETE FROM page_writes RETURNING 1)
                       UPDATE page_generation SET folded = folded + (SELECT count(*) FROM gone)`);
}
