import { describe, expect, it } from "vitest";
import { describeAlertRun } from "../../app/alerts/run-report";

describe("the 'send alerts now' message", () => {
  it("explains why a run just after saving sent nothing", () => {
    expect(describeAlertRun({ alerts: 1, emailed: 0, vacancies: 0, paused: 0 }, "daily")).toBe(
      "Ran 1 daily alert: nothing e-mailed, because no matching vacancy was published since it was saved or last run (an alert sends only new vacancies, each once).",
    );
  });

  it("counts in words that agree with the numbers", () => {
    expect(describeAlertRun({ alerts: 3, emailed: 1, vacancies: 1, paused: 1 }, "weekly")).toBe(
      "Ran 3 weekly alerts: 1 e-mail sent with 1 vacancy; 1 alert had nothing new. 1 alert was paused (see the mailbox).",
    );
    expect(describeAlertRun({ alerts: 2, emailed: 2, vacancies: 5, paused: 0 }, "daily")).toBe(
      "Ran 2 daily alerts: 2 e-mails sent with 5 vacancies.",
    );
  });

  it("says why there was nothing to run", () => {
    expect(describeAlertRun({ alerts: 0, emailed: 0, vacancies: 0, paused: 0 }, "daily")).toContain(
      "No daily alerts to run",
    );
  });
});
