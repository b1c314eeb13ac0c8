import { describe, expect, it } from "vitest";
import { formatLondon, formatLondonDate, fromLondonLocal, toLondonLocal } from "../../app/vocabulary/london-time";

describe("London times", () => {
  it("reads a winter time as GMT and a summer time as BST", () => {
    expect(fromLondonLocal("2026-12-01T12:00")?.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(fromLondonLocal("2026-07-01T12:00")?.toISOString()).toBe("2026-07-01T11:00:00.000Z");
  });

  it("round-trips through the form value", () => {
    for (const local of ["2026-03-29T00:30", "2026-10-25T12:00", "2027-01-31T23:59", "2026-06-15T09:00"]) {
      const moment = fromLondonLocal(local);
      expect(moment).not.toBeNull();
      expect(toLondonLocal(moment)).toBe(local);
    }
  });

  it("refuses impossible dates and malformed values", () => {
    for (const bad of ["2026-02-31T12:00", "2026-13-01T12:00", "2026-01-01", "yesterday", "2026-01-01T25:00"]) {
      expect(fromLondonLocal(bad)).toBeNull();
    }
  });

  it("shows a closing moment in words, on London's clock", () => {
    expect(formatLondon("2026-07-01T11:00:00Z")).toBe("Wednesday 1 July 2026 at 12:00pm");
    expect(formatLondon("2026-12-01T17:30:00Z")).toBe("Tuesday 1 December 2026 at 5:30pm");
  });

  it("gives the same words for a moment again, whatever form it comes in and whatever came between", () => {
    const moment = "2027-03-28T00:30:00Z"; // the night the clocks go forward: still GMT
    expect(formatLondon(moment)).toBe("Sunday 28 March 2027 at 12:30am");
    for (let i = 0; i < 6_000; i++) formatLondonDate(new Date(Date.UTC(2027, 0, 1) + i * 3_600_000));
    expect(formatLondon(new Date(moment))).toBe("Sunday 28 March 2027 at 12:30am");
    expect(formatLondon("2027-03-28T01:30:00Z")).toBe("Sunday 28 March 2027 at 2:30am");
    expect(formatLondonDate("2027-03-28T23:30:00Z")).toBe("29 March 2027");
    expect(() => formatLondon("not a date")).toThrow(RangeError);
  });
});
