import { describe, expect, it } from "vitest";
import { describeChange, sessionClock, sessionWhen, venueText } from "../../app/programmes/session-text";
import { ownStrandNames, registerMarksOf } from "../../app/programmes/schemas";

const school = { online: false, room: "Hall", schoolName: "Northbrook Academy", schoolTown: "Sale" };
const online = { online: true, room: null, schoolName: null, schoolTown: null };

describe("how a session reads", () => {
  it("shows London time on either side of the clocks changing", () => {
    // 09:30 UTC is 09:30 in January (GMT) and 10:30 in April (BST).
    expect(sessionWhen("2027-01-14T09:30:00Z", "2027-01-14T12:00:00Z")).toBe(
      "Thursday 14 January 2027, 9:30am to 12:00pm",
    );
    expect(sessionWhen("2027-04-15T09:30:00Z", "2027-04-15T12:00:00Z")).toBe(
      "Thursday 15 April 2027, 10:30am to 1:00pm",
    );
    expect(sessionClock("2027-04-15T09:30:00Z", "2027-04-15T12:00:00Z")).toEqual({
      date: "2027-04-15",
      startTime: "10:30",
      endTime: "13:00",
    });
    // Half an hour before midnight UTC in summer is already the next day in London.
    expect(sessionClock("2027-06-30T23:30:00Z", "2027-07-01T00:30:00Z").date).toBe("2027-07-01");
  });

  it("names the place, leaving out what is not known", () => {
    expect(venueText(school)).toBe("Hall, Northbrook Academy, Sale");
    expect(venueText({ ...school, room: null, schoolTown: null })).toBe("Northbrook Academy");
    expect(venueText(online)).toBe("Online");
  });

  it("says what changed: the time, the place, both, or nothing", () => {
    const before = { startsAt: "2027-01-14T09:30:00Z", endsAt: "2027-01-14T12:00:00Z", venue: online };
    expect(describeChange(before, before)).toEqual([]);
    expect(describeChange(before, { ...before, venue: school })).toEqual([
      "Place: now Hall, Northbrook Academy, Sale (was Online)",
    ]);
    expect(describeChange(before, { ...before, endsAt: "2027-01-14T12:30:00Z" })).toEqual([
      "Time: now Thursday 14 January 2027, 9:30am to 12:30pm (was Thursday 14 January 2027, 9:30am to 12:00pm)",
    ]);
    // The same moment written differently is no change.
    expect(describeChange(before, { ...before, startsAt: new Date("2027-01-14T09:30:00Z") })).toEqual([]);
  });
});

describe("the programme forms' lists", () => {
  it("own strands: one a line, trimmed, without blanks or repeats in any case", () => {
    expect(ownStrandNames(" Subject knowledge \r\n\nsubject KNOWLEDGE\nSEND\n")).toEqual(["Subject knowledge", "SEND"]);
    expect(ownStrandNames(null)).toEqual([]);
  });

  it("register marks: unmarked lines are skipped, anything but the three marks is refused at that ECT", () => {
    const a = "11111111-1111-4111-8111-111111111111";
    const b = "22222222-2222-4222-8222-222222222222";
    const form = new FormData();
    form.set(`mark-${a}`, "excused");
    form.set(`reason-${a}`, "  Hospital  ");
    form.set(`mark-${b}`, "late");
    form.set("mark-not-an-id", "present");
    form.set(`reason-${b}`, "ignored without a valid mark");
    const { marks, fieldErrors } = registerMarksOf(form);
    expect(marks).toEqual([{ ectId: a, mark: "excused", reason: "Hospital" }]);
    expect(fieldErrors).toEqual({ [`mark-${b}`]: ["Choose present, absent or excused"] });
    const empty = new FormData();
    empty.set(`mark-${a}`, "");
    expect(registerMarksOf(empty)).toEqual({ marks: [], fieldErrors: {} });
  });
});
