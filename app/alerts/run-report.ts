import { countOf } from "../text/plural";
import type { RunReport } from "./alerts.server";

/**
 * What "Send alerts now" did, in words that explain a quiet run: an alert sends only vacancies published since
 * it was saved or last ran, each once, so running one just after saving it rightly sends nothing.
 */
export function describeAlertRun(report: RunReport, frequency: "daily" | "weekly"): string {
  if (report.alerts === 0)
    return `No ${frequency} alerts to run: none is saved, or their owners have not confirmed their e-mail address yet.`;
  const ran = `Ran ${countOf(report.alerts, `${frequency} alert`, `${frequency} alerts`)}`;
  const paused =
    report.paused > 0 ? ` ${countOf(report.paused, "alert was", "alerts were")} paused (see the mailbox).` : "";
  const quiet = report.alerts - report.emailed - report.paused;
  if (report.emailed === 0)
    return `${ran}: nothing e-mailed, because no matching vacancy was published since ${report.alerts === 1 ? "it was" : "they were"} saved or last run (an alert sends only new vacancies, each once).${paused}`;
  return (
    `${ran}: ${countOf(report.emailed, "e-mail", "e-mails")} sent with ${countOf(report.vacancies, "vacancy", "vacancies")}` +
    (quiet > 0 ? `; ${countOf(quiet, "alert had", "alerts had")} nothing new.` : ".") +
    paused
  );
}
