import { describe, expect, it } from "vitest";
import {
  clashesWith,
  fairIsOpen,
  londonSpan,
  overlaps,
  reminderDueAt,
  reminderIsDue,
  slotRun,
} from "../../app/fairs/rules";

const at = (iso: string) => new Date(iso);
const span = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
const fair = span("2027-03-12T10:00:00Z", "2027-03-12T15:00:00Z");

describe("a school's run of meeting slots", () => {
  it("makes back-to-back meetings, as many as fit whole", () => {
    const run = slotRun(fair, span("2027-03-12T10:00:00Z", "2027-03-12T11:10:00Z"), 15);
    expect(run.ok && run.slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual([
      "10:00",
      "10:15",
      "10:30",
      "10:45",
    ]);
    expect(run.ok && run.slots.at(-1)?.endsAt.toISOString().slice(11, 16)).toBe("11:00");
  });

  it("stays within the fair's hours, and refuses a run too short for one meeting or too long a list", () => {
    expect(slotRun(fair, span("2027-03-12T09:45:00Z", "2027-03-12T11:00:00Z"), 15)).toMatchObject({
      ok: false,
      field: "startTime",
    });
    expect(slotRun(fair, span("2027-03-12T14:00:00Z", "2027-03-12T15:01:00Z"), 15)).toMatchObject({
      ok: false,
      field: "endTime",
    });
    expect(slotRun(fair, span("2027-03-12T14:00:00Z", "2027-03-12T15:00:00Z"), 15)).toMatchObject({ ok: true });
    expect(slotRun(fair, span("2027-03-12T10:00:00Z", "2027-03-12T10:10:00Z"), 15)).toMatchObject({
      ok: false,
      field: "minutes",
    });
    const wide = span("2027-03-12T00:00:00Z", "2027-03-12T23:59:00Z");
    expect(slotRun(wide, wide, 5)).toMatchObject({ ok: false, field: "minutes" });
  });
});

describe("clashes", () => {
  const booked = [
    { id: "a", ...span("2027-03-12T10:00:00Z", "2027-03-12T10:15:00Z") },
    { id: "b", ...span("2027-03-12T11:00:00Z", "2027-03-12T11:30:00Z") },
  ];
  it("meetings that touch do not clash; ones that overlap do", () => {
    expect(overlaps(booked[0]!, span("2027-03-12T10:15:00Z", "2027-03-12T10:30:00Z"))).toBe(false);
    expect(clashesWith(span("2027-03-12T10:10:00Z", "2027-03-12T11:05:00Z"), booked).map((b) => b.id)).toEqual([
      "a",
      "b",
    ]);
    expect(clashesWith(span("2027-03-12T11:10:00Z", "2027-03-12T11:20:00Z"), booked).map((b) => b.id)).toEqual(["b"]);
    expect(clashesWith(span("2027-03-12T12:00:00Z", "2027-03-12T12:15:00Z"), booked)).toEqual([]);
  });
});

describe("London times", () => {
  it("reads a summer day as BST and refuses the hour the clocks skip", () => {
    expect(londonSpan("2027-06-10", "09:00", "12:00")).toEqual({
      ok: true,
      span: span("2027-06-10T08:00:00Z", "2027-06-10T11:00:00Z"),
    });
    expect(londonSpan("2027-03-28", "01:30", "03:00")).toMatchObject({
      ok: false,
      fieldErrors: { startTime: [expect.stringMatching(/does not exist/)] },
    });
    expect(londonSpan("2027-03-12", "11:00", "10:00")).toMatchObject({
      ok: false,
      fieldErrors: { endTime: expect.any(Array) },
    });
  });

  it("registration closes at the start; reminders are due at 08:00 London the day before", () => {
    expect(fairIsOpen(fair, at("2027-03-12T09:59:00Z"))).toBe(true);
    expect(fairIsOpen(fair, at("2027-03-12T10:00:00Z"))).toBe(false);
    expect(reminderDueAt(fair.startsAt).toISOString()).toBe("2027-03-11T08:00:00.000Z");
    // The day before a June fair is BST: 08:00 London is 07:00 UTC.
    expect(reminderDueAt(at("2027-06-10T08:00:00Z")).toISOString()).toBe("2027-06-09T07:00:00.000Z");
    expect(reminderIsDue(fair.startsAt, at("2027-03-11T07:59:00Z"))).toBe(false);
    expect(reminderIsDue(fair.startsAt, at("2027-03-11T08:00:00Z"))).toBe(true);
    expect(reminderIsDue(fair.startsAt, at("2027-03-12T10:00:00Z"))).toBe(false);
  });
});
