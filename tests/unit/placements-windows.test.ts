import { describe, expect, it } from "vitest";
import { offerSchema, windowsOfOffer } from "../../app/placements/schemas";
import { formatWindows, windowErrors } from "../../app/placements/windows";

const autumn = { startsOn: "2026-09-14", endsOn: "2026-12-18" };
const spring = { startsOn: "2027-01-04", endsOn: "2027-03-26" };

describe("an offer's date windows", () => {
  it("accepts days inside either window, and keeps the one-window message as it was", () => {
    expect(windowErrors([autumn, spring], "2026-09-14", "2026-10-23")).toEqual({});
    expect(windowErrors([autumn, spring], "2027-01-04", "2027-03-26")).toEqual({});
    expect(windowErrors([autumn], "2026-09-07", "2026-10-02")).toEqual({
      startsOn: ["The first day must be inside the offer's window, 14 Sep 2026 to 18 Dec 2026"],
    });
  });

  it("refuses days in the gap at the field they fall on, naming every window", () => {
    expect(windowErrors([autumn, spring], "2026-12-21", "2027-01-15")).toEqual({
      startsOn: [
        "The first day must be inside one of the offer's windows, 14 Sep 2026 to 18 Dec 2026 or 4 Jan 2027 to 26 Mar 2027",
      ],
    });
    expect(windowErrors([autumn, spring], "2027-03-01", "2027-04-09").endsOn).toEqual([
      expect.stringMatching(/^The last day must be inside one of the offer's windows/),
    ]);
  });

  it("refuses a placement that starts in one window and ends in the next, over the gap", () => {
    expect(windowErrors([autumn, spring], "2026-11-02", "2027-02-12")).toEqual({
      endsOn: [
        "The placement must end in the window it starts in: 14 Sep 2026 to 18 Dec 2026 or 4 Jan 2027 to 26 Mar 2027",
      ],
    });
  });

  it("reads as each window in turn", () => {
    expect(formatWindows([autumn])).toBe("14 Sep 2026 to 18 Dec 2026");
    expect(formatWindows([autumn, spring])).toBe("14 Sep 2026 to 18 Dec 2026 or 4 Jan 2027 to 26 Mar 2027");
  });
});

describe("the offer form's second window", () => {
  const base = { phase: "primary", places: "2", subjects: [], mentorIds: [], send: false, ...autumn };
  const errorsOf = (fields: Record<string, unknown>) => {
    const parsed = offerSchema.safeParse({ ...base, ...fields });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("is optional: empty fields leave one window", () => {
    const parsed = offerSchema.parse({ ...base, secondStartsOn: "", secondEndsOn: " " });
    expect(windowsOfOffer(parsed)).toEqual([autumn]);
  });

  it("adds a later window in the same academic year", () => {
    const parsed = offerSchema.parse({ ...base, secondStartsOn: spring.startsOn, secondEndsOn: spring.endsOn });
    expect(windowsOfOffer(parsed)).toEqual([autumn, spring]);
  });

  it("refuses half a window, an overlap with the first, a reversed window and another academic year", () => {
    expect(errorsOf({ secondStartsOn: "2027-01-04" })).toEqual({
      secondEndsOn: "Enter the second window's last day, or neither",
    });
    expect(errorsOf({ secondEndsOn: "2027-01-04" })).toEqual({
      secondStartsOn: "Enter the second window's first day, or neither",
    });
    expect(errorsOf({ secondStartsOn: "2026-12-01", secondEndsOn: "2027-01-29" })).toEqual({
      secondStartsOn: "The second window must start after the first window ends",
    });
    expect(errorsOf({ secondStartsOn: "2027-03-01", secondEndsOn: "2027-02-01" })).toEqual({
      secondEndsOn: "The second window must end on or after its first day",
    });
    expect(errorsOf({ secondStartsOn: "2027-06-01", secondEndsOn: "2027-09-24" })).toEqual({
      secondEndsOn: "Both windows must be in the same academic year (September to August)",
    });
    expect(errorsOf({ secondStartsOn: "2027-02-30", secondEndsOn: "2027-03-26" })).toEqual({
      secondStartsOn: "Enter a real first day of the second window",
    });
  });
});
