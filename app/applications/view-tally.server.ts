import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { londonToday } from "../vocabulary/london-time";

/** Past this many vacancy-days waiting (a database down for long), further views are dropped, not held. */
const MOST_WAITING = 50_000;

/**
 * Vacancy page views, tallied in memory and written as one statement a second (ADR 0042). A view per visit was one
 * upsert per visit: under load, the commit of a number nobody reads that second was most of a kept page's cost. A
 * number only, nothing about who looked. A process that dies unannounced loses at most its last second's views; a
 * shutdown writes them first (stopRuntime).
 */
export class ViewTally {
  private waiting = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<number> | undefined;
  dropped = 0;

  constructor(private readonly db: () => Executor) {}

  /** One more view of a vacancy's page, on the day in England it was made. */
  count(vacancyId: string, now = new Date()): void {
    const key = `${vacancyId}\n${londonToday(now)}`;
    const n = this.waiting.get(key);
    if (n === undefined && this.waiting.size >= MOST_WAITING) {
      this.dropped++;
      return;
    }
    this.waiting.set(key, (n ?? 0) + 1);
  }

  /** Views counted and not yet written. */
  get pending(): number {
    let total = 0;
    for (const n of this.waiting.values()) total += n;
    return total;
  }

  /**
   * Writes what is waiting, in one statement; returns how many views it held. A vacancy deleted meanwhile is skipped
   * (its figures went with it). When the write fails, the views wait for the next one.
   */
  async write(): Promise<number> {
    // One write at a time: a second caller waits for the first, then writes what arrived since.
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.waiting.size === 0) return 0;
    const batch = this.waiting;
    this.waiting = new Map();
    this.writing = writeViews(this.db(), batch);
    try {
      return await this.writing;
    } catch (error) {
      for (const [key, n] of batch) {
        if (this.waiting.has(key) || this.waiting.size < MOST_WAITING) {
          this.waiting.set(key, (this.waiting.get(key) ?? 0) + n);
        } else this.dropped += n;
      }
      throw error;
    } finally {
      this.writing = undefined;
    }
  }

  /** Writes every `everyMs`; a failed write is reported and retried at the next. */
  start(everyMs: number, onError: (error: Error) => void): void {
    this.stopTimer();
    this.timer = setInterval(() => void this.write().catch(onError), everyMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is waiting. */
  async stop(): Promise<void> {
    this.stopTimer();
    await this.write();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

async function writeViews(db: Executor, batch: Map<string, number>): Promise<number> {
  const rows = [...batch].map(([key, views]) => {
    const [vacancyId, day] = key.split("\n") as [string, string];
    return { vacancyId, day, views };
  });
  // Rows in one order in every process: two processes' writes lock them in that order, so never wait in a circle.
  await db.execute(sql`
    INSERT INTO vacancy_view_days (vacancy_id, day, views)
    SELECT t."vacancyId", t.day, t.views
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t("vacancyId" text, day date, views int)
      JOIN vacancies v ON v.id = t."vacancyId"
     ORDER BY t."vacancyId", t.day
    ON CONFLICT (vacancy_id, day) DO UPDATE SET views = vacancy_view_days.views + excluded.views`);
  return rows.reduce((sum, r) => sum + r.views, 0);
}
