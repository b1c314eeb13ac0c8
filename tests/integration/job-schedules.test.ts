import parser from "cron-parser";
import { afterAll, describe, expect, it } from "vitest";
import { ALERT_QUEUES } from "../../app/alerts/workers.server";
import { REFERENCE_REMINDERS_QUEUE, RETENTION_QUEUE, SAVED_CLOSING_QUEUE } from "../../app/applications/workers.server";
import { CLEANUP_QUEUE } from "../../app/auth/workers.server";
import { FAIR_REMINDERS_QUEUE } from "../../app/fairs/workers.server";
import { QUEUES, startWorkers } from "../../app/jobs/queues.server";
import { FOLD_PAGE_WRITES_QUEUE } from "../../app/kept-pages/workers.server";
import { POOL_RETENTION_QUEUE } from "../../app/pool/workers.server";
import { SESSION_REMINDERS_QUEUE } from "../../app/programmes/workers.server";
import { PAY_REASSESS_QUEUE } from "../../app/pay/workers.server";
import { PLACEMENT_HOLDS_QUEUE } from "../../app/placements/workers.server";
import { services } from "../../app/services.server";
import { VACANCY_TRANSITIONS_QUEUE } from "../../app/vacancies/transition-queue.server";
import { SEARCH_SYNC_QUEUE } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";

/** When a schedule next runs after `from`, as pg-boss reads its cron and time zone (cron-parser, pg-boss's own). */
function nextRun(schedule: { cron: string; timezone?: string | null }, from: string): string {
  return parser
    .parseExpression(schedule.cron, { currentDate: new Date(from), tz: schedule.timezone ?? "UTC" })
    .next()
    .toDate()
    .toISOString();
}

describe("the job schedules a started server keeps", () => {
  useTestDatabase();
  afterAll(async () => {
    for (const queue of QUEUES) await services().boss.offWork(queue);
  });

  it("alerts at 7am London time (daily, and Mondays for weekly), pay re-checked at 2:30 at night, all in London time", async () => {
    const boss = services().boss;
    await startWorkers(boss);
    const schedules = new Map((await boss.getSchedules()).map((s) => [s.name, s]));

    const daily = schedules.get(ALERT_QUEUES.daily)!;
    // 7am in winter (GMT) is 07:00 UTC; in summer (BST) it is 06:00 UTC.
    expect(nextRun(daily, "2026-12-02T08:00:00Z")).toBe("2026-12-03T07:00:00.000Z");
    expect(nextRun(daily, "2026-06-30T08:00:00Z")).toBe("2026-07-01T06:00:00.000Z");

    const weekly = schedules.get(ALERT_QUEUES.weekly)!;
    // From a Wednesday, the next Monday at 7am.
    expect(nextRun(weekly, "2026-12-02T08:00:00Z")).toBe("2026-12-07T07:00:00.000Z");

    const pay = schedules.get(PAY_REASSESS_QUEUE)!;
    expect(nextRun(pay, "2026-12-02T08:00:00Z")).toBe("2026-12-03T02:30:00.000Z");
    expect(nextRun(pay, "2026-06-30T08:00:00Z")).toBe("2026-07-01T01:30:00.000Z");

    // The clean-up of expired sessions and tokens runs every hour, at 17 minutes past.
    expect(nextRun(schedules.get(CLEANUP_QUEUE)!, "2026-12-02T08:20:00Z")).toBe("2026-12-02T09:17:00.000Z");
    // Places held from a waiting list are checked for their confirm-by time every five minutes.
    expect(nextRun(schedules.get(PLACEMENT_HOLDS_QUEUE)!, "2026-12-02T08:21:00Z")).toBe("2026-12-02T08:25:00.000Z");
    // Referees who have not answered are looked for every hour, at 23 minutes past.
    expect(nextRun(schedules.get(REFERENCE_REMINDERS_QUEUE)!, "2026-12-02T08:30:00Z")).toBe("2026-12-02T09:23:00.000Z");
    // Retention anonymises finished applications every night at 3:40, London time.
    expect(nextRun(schedules.get(RETENTION_QUEUE)!, "2026-12-02T08:00:00Z")).toBe("2026-12-03T03:40:00.000Z");
    expect(nextRun(schedules.get(RETENTION_QUEUE)!, "2026-06-30T08:00:00Z")).toBe("2026-07-01T02:40:00.000Z");
    // Saved jobs closing tomorrow are reminded at 8am London time.
    expect(nextRun(schedules.get(SAVED_CLOSING_QUEUE)!, "2026-12-02T09:00:00Z")).toBe("2026-12-03T08:00:00.000Z");
    expect(nextRun(schedules.get(SAVED_CLOSING_QUEUE)!, "2026-06-30T09:00:00Z")).toBe("2026-07-01T07:00:00.000Z");
    // Programme session reminders are looked for every quarter hour.
    expect(schedules.get(SESSION_REMINDERS_QUEUE)!.cron).toBe("*/15 * * * *");
    // So are fair reminders (due at 8am London time the day before).
    expect(schedules.get(FAIR_REMINDERS_QUEUE)!.cron).toBe("*/15 * * * *");
    // Pool members past their retention day are removed at 2:30am London time.
    expect(nextRun(schedules.get(POOL_RETENTION_QUEUE)!, "2026-12-02T08:00:00Z")).toBe("2026-12-03T02:30:00.000Z");
    // Search sync and scheduled publishing and closing every minute.
    expect(schedules.get(SEARCH_SYNC_QUEUE)!.cron).toBe("* * * * *");
    expect(schedules.get(VACANCY_TRANSITIONS_QUEUE)!.cron).toBe("* * * * *");
    // The log of writes that kept pages are kept by is folded every minute (ADR 0041).
    expect(schedules.get(FOLD_PAGE_WRITES_QUEUE)!.cron).toBe("* * * * *");
    // Nothing else is scheduled.
    expect([...schedules.keys()].sort()).toEqual(
      [
        FOLD_PAGE_WRITES_QUEUE,
        ALERT_QUEUES.daily,
        ALERT_QUEUES.weekly,
        PAY_REASSESS_QUEUE,
        PLACEMENT_HOLDS_QUEUE,
        CLEANUP_QUEUE,
        SEARCH_SYNC_QUEUE,
        VACANCY_TRANSITIONS_QUEUE,
        REFERENCE_REMINDERS_QUEUE,
        RETENTION_QUEUE,
        SAVED_CLOSING_QUEUE,
        SESSION_REMINDERS_QUEUE,
        FAIR_REMINDERS_QUEUE,
        POOL_RETENTION_QUEUE,
      ].sort(),
    );
  });
});
