import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appointmentsByEmployer,
  cellText,
  figuresBy,
  figuresOf,
  median,
  medianText,
  type OutcomeRow,
} from "../../app/pool/outcomes/figures";

const row = (over: Partial<OutcomeRow> = {}): OutcomeRow => ({
  phase: "primary",
  subject: "primary",
  submittedOn: "2026-09-20",
  pooledOn: null,
  appointedOn: null,
  appointedSchoolId: null,
  employerKind: null,
  ...over,
});
const appointed = (pooledOn: string, appointedOn: string, employerKind = "academy") =>
  row({ pooledOn, appointedOn, appointedSchoolId: "s1", employerKind });

describe("pool outcome figures", () => {
  it("counts applicants, pooled and appointed, and the median days from pooled to appointed", () => {
    const rows = [
      row(),
      row({ pooledOn: "2026-10-01" }),
      appointed("2026-10-01", "2026-10-11"),
      appointed("2026-10-01", "2026-10-21"),
      appointed("2026-10-01", "2026-11-30", "la_maintained"),
    ];
    const f = figuresOf(rows);
    expect(f).toEqual({
      applicants: { count: 5 },
      pooled: { count: 4 },
      appointed: { count: 3 },
      medianDaysPooledToAppointed: { days: 20 },
    });
    expect(medianText(f.medianDaysPooledToAppointed)).toBe("20 days");
    expect(appointmentsByEmployer(rows)).toEqual([
      { kind: "academy", appointed: { suppressed: true } },
      { kind: "la_maintained", appointed: { suppressed: true } },
    ]);
  });

  it("suppresses any count under 3 and a median over fewer than 3 people", () => {
    const f = figuresOf([appointed("2026-10-01", "2026-10-03"), appointed("2026-10-01", "2026-10-05")]);
    expect(cellText(f.applicants)).toBe("fewer than 3");
    expect(cellText(f.appointed)).toBe("fewer than 3");
    expect(medianText(f.medianDaysPooledToAppointed)).toBe("not shown (fewer than 3 appointments)");
    expect(medianText(figuresOf([row()]).medianDaysPooledToAppointed)).toBe("no appointments yet");
    expect(cellText(figuresOf([]).applicants)).toBe("fewer than 3");
  });

  it("breaks down by phase and subject, crossing days of the clock change", () => {
    const rows = [
      appointed("2026-10-20", "2026-10-30"),
      appointed("2026-10-20", "2026-10-30"),
      appointed("2026-10-20", "2026-10-30"),
      row({ phase: "secondary", subject: "mathematics" }),
    ];
    const byPhase = figuresBy(rows, (r) => r.phase);
    expect(byPhase.map((g) => g.key)).toEqual(["primary", "secondary"]);
    expect(byPhase[0]!.figures.medianDaysPooledToAppointed).toEqual({ days: 10 });
    expect(byPhase[1]!.figures.applicants).toEqual({ suppressed: true });
  });

  it("median: the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it("property: no published cell is 1 or 2, and counts never exceed the rows", () => {
    const rowArb = fc.record({
      phase: fc.constantFrom("primary", "secondary", null),
      subject: fc.constantFrom("mathematics", null),
      submittedOn: fc.constant("2026-09-20"),
      pooledOn: fc.constantFrom("2026-10-01", null),
      appointedOn: fc.constantFrom("2026-11-01", null),
      appointedSchoolId: fc.constant(null),
      employerKind: fc.constantFrom("academy", "la_maintained", "other", null),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (rows) => {
        const groups = [figuresOf(rows), ...figuresBy(rows, (r) => r.phase).map((g) => g.figures)];
        for (const f of groups)
          for (const c of [f.applicants, f.pooled, f.appointed])
            if ("count" in c) {
              expect(c.count).toBeGreaterThanOrEqual(3);
              expect(c.count).toBeLessThanOrEqual(rows.length);
            }
        for (const e of appointmentsByEmployer(rows))
          if ("count" in e.appointed) expect(e.appointed.count).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});
