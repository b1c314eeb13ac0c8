import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { badgeText, findingText } from "../../app/pay/explain";
import { payAreaOf } from "../../app/vocabulary/pay-areas";
import { DEFAULT_POLICY, policyForm, type PayPolicy } from "../../app/pay/policy";
import {
  assessOffer,
  assessOfferSummarised,
  comparedCount,
  EVIDENCE_COMPARABLES,
  type Comparable,
  type Offer,
  type OfferSchool,
} from "../../app/pay/rule";
import { payYearOf, statutoryBound, type ScaleFigure } from "../../app/pay/scales";
import { firstRow } from "../../db/rows";

/** Real figures from ../shared/data/pay-scales-england.csv (sources there), a few of them. */
const SCALES: ScaleFigure[] = [
  {
    year: "2024/25",
    area: "rest_of_england",
    range: "main",
    point: "min",
    annual: 31650,
    source: "Schools Week 2024-10-21",
  },
  {
    year: "2025/26",
    area: "rest_of_england",
    range: "main",
    point: "min",
    annual: 32916,
    source: "Schools Week 2025-07",
  },
  {
    year: "2025/26",
    area: "rest_of_england",
    range: "main",
    point: "max",
    annual: 45352,
    source: "Schools Week 2025-07",
  },
  { year: "2025/26", area: "inner_london", range: "main", point: "min", annual: 40317, source: "Schools Week 2025-07" },
  { year: "2025/26", area: "outer_london", range: "main", point: "min", annual: 37870, source: "Schools Week 2025-07" },
  { year: "2025/26", area: "fringe", range: "main", point: "min", annual: 34398, source: "Schools Week 2025-07" },
  { year: "2024/25", area: "rest_of_england", range: "tlr2", point: "min", annual: 3391, source: "NASUWT 2024-25" },
  {
    year: "2024/25",
    area: "rest_of_england",
    range: "leadership",
    point: "max",
    annual: 138265,
    source: "DfE 2024-09-11",
  },
];

const TRAFFORD: OfferSchool = { schoolId: "s-own", name: "Navigation Primary School", laCode: "358", maintained: true };
const offer = (o: Partial<Offer> = {}): Offer => ({
  vacancyId: "v-own",
  role: "classroom_teacher",
  phases: ["secondary"],
  payRange: "main",
  salaryMinFte: 32916,
  salaryMaxFte: 45352,
  entryLevel: false,
  allowances: [],
  startDate: "2026-01-05",
  assessedOn: "2025-12-01",
  ...o,
});
let n = 0;
const comparable = (salaryMaxFte: number, school = "s1", c: Partial<Comparable> = {}): Comparable => ({
  vacancyId: `c${n++}`,
  title: "Teacher of English",
  schoolId: school,
  schoolName: `School ${school}`,
  role: "classroom_teacher",
  phases: ["secondary"],
  payRange: "main",
  salaryMaxFte,
  salaryMinFte: 32916,
  entryLevel: false,
  publishedOn: "2025-10-01",
  distanceMetres: 3000,
  ...c,
});
const three = (a: number, b: number, c: number) => [comparable(a, "s1"), comparable(b, "s2"), comparable(c, "s2")];
const kinds = (o: Offer, cs: Comparable[] = [], schools = [TRAFFORD], policy: PayPolicy = DEFAULT_POLICY) =>
  assessOffer(o, schools, cs, SCALES, policy).findings.map((f) => f.kind);

describe("pay years", () => {
  it("turn on 1 September", () => {
    expect(payYearOf("2025-08-31")).toBe("2024/25");
    expect(payYearOf("2025-09-01")).toBe("2025/26");
    expect(payYearOf("2026-01-05")).toBe("2025/26");
  });

  it("fall back to the latest earlier year, never a later one", () => {
    expect(statutoryBound(SCALES, "2026/27", "rest_of_england", "main", "min")).toMatchObject({
      amount: 32916,
      year: "2025/26",
      exactYear: false,
    });
    expect(statutoryBound(SCALES, "2023/24", "rest_of_england", "main", "min")).toBeNull();
  });
});

describe("pay areas", () => {
  it.each([
    ["304", "inner_london", true], // Brent: Inner London for pay, Outer London in DfE statistics
    ["316", "inner_london", true], // Newham
    ["302", "outer_london", true], // Barnet
    ["871", "fringe", true], // Slough
    ["936", "rest_of_england", false], // Surrey: not confirmed here, so the rest of England, uncertain
    ["919", "rest_of_england", false], // Hertfordshire: only some districts
    ["358", "rest_of_england", true], // Trafford
  ])("LA %s is %s (certain: %s)", (la, area, certain) => {
    expect(payAreaOf(la)).toMatchObject({ area, certain });
  });

  it("settles West Sussex by the school's district: Crawley is the fringe, Horsham is not, unknown is uncertain", () => {
    expect(payAreaOf("938", { code: "E07000226", name: "Crawley" })).toEqual({
      area: "fringe",
      certain: true,
      note: null,
    });
    expect(payAreaOf("938", { code: "E07000227", name: "Horsham" })).toEqual({
      area: "rest_of_england",
      certain: true,
      note: null,
    });
    expect(payAreaOf("938")).toMatchObject({
      area: "rest_of_england",
      certain: false,
      note: expect.stringContaining("district is not known"),
    });
  });

  it("names a known district where the county's fringe list could not be checked, and still says uncertain", () => {
    expect(payAreaOf("919", { code: "E07000098", name: "Hertsmere" })).toMatchObject({
      area: "rest_of_england",
      certain: false,
      note: expect.stringContaining("The school is in Hertsmere."),
    });
  });
});

describe("the rule: scenarios", () => {
  it.each<[string, Partial<Offer>, OfferSchool[], Comparable[], string[]]>([
    ["at the minimum is fine", { salaryMinFte: 32916 }, [TRAFFORD], three(45352, 45352, 45352), ["at_local_rate"]],
    [
      "£1 under the minimum at a maintained school",
      { salaryMinFte: 32915 },
      [TRAFFORD],
      three(45352, 45352, 45352),
      ["below_statutory_minimum", "at_local_rate"],
    ],
    [
      "the same at an academy",
      { salaryMinFte: 32915 },
      [{ ...TRAFFORD, maintained: false }],
      three(45352, 45352, 45352),
      ["below_national_scale", "at_local_rate"],
    ],
    [
      "starting 31 August 2025: the 2024/25 minimum applies",
      { salaryMinFte: 32000, startDate: "2025-08-31" },
      [TRAFFORD],
      [],
      ["not_enough_local_offers"],
    ],
    [
      "starting 1 September 2025: the 2025/26 minimum applies",
      { salaryMinFte: 32000, startDate: "2025-09-01" },
      [TRAFFORD],
      [],
      ["below_statutory_minimum", "not_enough_local_offers"],
    ],
    [
      "exactly at the 3% tolerance is not undercutting",
      { salaryMaxFte: 38800 },
      [TRAFFORD],
      three(40000, 40000, 40000),
      ["at_local_rate"],
    ],
    [
      "£1 beyond the tolerance is",
      { salaryMaxFte: 38799 },
      [TRAFFORD],
      three(40000, 40000, 40000),
      ["undercuts_neighbours"],
    ],
    [
      "exactly 3 comparables from 2 schools are enough",
      { salaryMaxFte: 30000, salaryMinFte: 33000 },
      [TRAFFORD],
      three(40000, 41000, 42000),
      ["undercuts_neighbours"],
    ],
    ["2 comparables are not", {}, [TRAFFORD], three(40000, 41000, 42000).slice(0, 2), ["not_enough_local_offers"]],
    [
      "3 comparables from one school are not",
      {},
      [TRAFFORD],
      [comparable(40000), comparable(41000), comparable(42000)],
      ["not_enough_local_offers"],
    ],
    [
      "comparables only from the offer's own school do not count",
      {},
      [TRAFFORD],
      [comparable(50000, "s-own"), comparable(50000, "s-own"), comparable(50000, "s-own")],
      ["not_enough_local_offers"],
    ],
    [
      "more than 10% above the local rate is shown",
      { salaryMaxFte: 50001 },
      [TRAFFORD],
      three(45455, 45455, 45455),
      ["outbids_neighbours"],
    ],
    [
      "a support role is not compared",
      { role: "teaching_assistant", payRange: "support" },
      [TRAFFORD],
      [],
      ["not_assessed"],
    ],
    [
      "an hourly rate is not compared",
      { payRange: "hourly", salaryMinFte: null, salaryMaxFte: null },
      [TRAFFORD],
      [],
      ["not_assessed"],
    ],
    [
      "a TLR below its minimum",
      { allowances: [{ kind: "tlr2", amount: 3000 }] },
      [TRAFFORD],
      [],
      ["allowance_below_minimum", "not_enough_local_offers"],
    ],
    [
      "no leadership minimum held: said, not passed",
      { role: "deputy_head", payRange: "leadership", salaryMinFte: 60000, salaryMaxFte: 70000 },
      [TRAFFORD],
      [],
      ["no_statutory_figure", "not_enough_local_offers"],
    ],
    [
      "a Surrey school's pay area is uncertain",
      {},
      [{ ...TRAFFORD, laCode: "936" }],
      [],
      ["pay_area_uncertain", "not_enough_local_offers"],
    ],
    [
      "a Crawley school is in the fringe: £1 under the fringe minimum",
      { salaryMinFte: 34397 },
      [{ ...TRAFFORD, laCode: "938", districtCode: "E07000226", districtName: "Crawley" }],
      [],
      ["below_statutory_minimum", "not_enough_local_offers"],
    ],
    [
      "a Horsham school is not: the same offer is above the rest of England's",
      { salaryMinFte: 34397 },
      [{ ...TRAFFORD, laCode: "938", districtCode: "E07000227", districtName: "Horsham" }],
      [],
      ["not_enough_local_offers"],
    ],
  ])("%s", (_name, o, schools, comparables, expected) => {
    expect(kinds(offer(o), comparables, schools)).toEqual(expected);
  });

  it("a role shared between Inner and Outer London is below the minimum only where it is", () => {
    const inner = { schoolId: "camden", name: "A Camden school", laCode: "202", maintained: true };
    const outer = { schoolId: "barnet", name: "A Barnet school", laCode: "302", maintained: true };
    const result = assessOffer(
      offer({ salaryMinFte: 38000, salaryMaxFte: 50000 }),
      [inner, outer],
      [],
      SCALES,
      DEFAULT_POLICY,
    );
    const below = result.findings.filter((f) => f.kind === "below_statutory_minimum");
    expect(below).toEqual([
      expect.objectContaining({
        schoolName: "A Camden school",
        payArea: "inner_london",
        minimum: 40317,
        shortfall: 2317,
      }),
    ]);
    // A maintained school below the statutory minimum is badged as that, not in the academies' wording.
    expect(result.badge).toEqual({ kind: "below_statutory_minimum" });
    expect(badgeText(result.badge)).toBe("Below the statutory minimum");
    expect(result.flagged).toBe(true);
  });

  it("an academy below the national scale is badged in its own wording", () => {
    const result = assessOffer(
      offer({ salaryMinFte: 32000 }),
      [{ ...TRAFFORD, maintained: false }],
      [],
      SCALES,
      DEFAULT_POLICY,
    );
    expect(badgeText(result.badge)).toBe("Below the national scale");
  });

  it("leaves out comparables of another pay range, phase, family, age or distance", () => {
    const unlike = [
      comparable(60000, "s3", { payRange: "upper" }),
      comparable(60000, "s3", { phases: ["primary"] }),
      comparable(60000, "s3", { role: "head_of_department" }),
      comparable(60000, "s3", { publishedOn: "2024-11-30" }),
      comparable(60000, "s3", { distanceMetres: 10 * 1609.344 + 1 }),
    ];
    const result = assessOffer(offer(), [TRAFFORD], [...three(40000, 40000, 40000), ...unlike], SCALES, DEFAULT_POLICY);
    expect(result.benchmark).toBe(40000);
  });

  /** An offer of £36,000 against three neighbours at two schools (median £41,000). */
  const undercutByThree = () =>
    assessOffer(offer({ salaryMaxFte: 36000 }), [TRAFFORD], three(40000, 42000, 41000), SCALES, DEFAULT_POLICY);

  it("explains an undercut with the benchmark, the gap and the comparables used, named", () => {
    const result = undercutByThree();
    const undercut = firstRow(result.findings, "the undercut finding");
    expect(undercut).toMatchObject({
      kind: "undercuts_neighbours",
      benchmark: 41000,
      offered: 36000,
      gapPounds: 5000,
      gapBasisPoints: 1220,
    });
    expect(findingText(undercut).title).toBe("Undercuts neighbouring schools by 12.2% (£5,000)");
    expect(badgeText(result.badge)).toBe("Pays 12.2% below nearby schools");
    expect(undercut?.kind === "undercuts_neighbours" && undercut?.comparables.map((c) => c.salaryMaxFte)).toEqual([
      42000, 41000, 40000,
    ]);
  });

  it("keeps the nearest 25 comparables as evidence and counts every one it compared with", () => {
    // 40 comparables at 40 schools, further away as they pay more; one too far to count.
    const many = Array.from({ length: 40 }, (_, i) =>
      comparable(40000 + i * 100, `s${i}`, { distanceMetres: 500 + i * 300 }),
    );
    const far = comparable(30000, "s-far", { distanceMetres: 10 * 1609.344 + 1 });
    const result = assessOffer(
      offer({ salaryMaxFte: 36000 }),
      [TRAFFORD],
      [far, ...many].reverse(),
      SCALES,
      DEFAULT_POLICY,
    );
    const undercut = firstRow(result.findings, "the undercut finding");
    if (undercut.kind !== "undercuts_neighbours") throw new Error(`expected an undercut, got ${undercut.kind}`);
    expect(EVIDENCE_COMPARABLES).toBe(25);
    expect(undercut).toMatchObject({ found: 40, schools: 40, benchmark: 41950 });
    // The nearest 25, not the best or worst paid: shown by pay, highest first.
    expect(undercut.comparables.map((c) => c.schoolId).sort()).toEqual(
      many
        .slice(0, 25)
        .map((c) => c.schoolId)
        .sort(),
    );
    expect(undercut.comparables.map((c) => c.salaryMaxFte)).toEqual(
      many
        .slice(0, 25)
        .map((c) => c.salaryMaxFte)
        .reverse(),
    );
    expect(comparedCount(undercut)).toBe(40);
    expect(findingText(undercut).detail).toContain("the median top of range of 40 comparable offers");
  });

  it("reads the count of an assessment kept before evidence was cut to the nearest: every comparable was kept", () => {
    const { found, schools, ...older } = firstRow(undercutByThree().findings, "the undercut finding") as {
      found?: number;
      schools?: number;
    };
    expect([found, schools]).toEqual([3, 2]);
    const kept = older as Parameters<typeof findingText>[0];
    expect(comparedCount(kept as { comparables: Comparable[] })).toBe(3);
    expect(findingText(kept).detail).toContain("the median top of range of 3 comparable offers");
  });

  it("gives the same assessment from a summary and the nearest as from every comparable", () => {
    const cs = Array.from({ length: 30 }, (_, i) =>
      comparable(38000 + ((i * 7919) % 13) * 500, `s${i % 11}`, { distanceMetres: 200 + ((i * 104729) % 9000) }),
    );
    const o = offer({ salaryMaxFte: 41000 });
    const full = assessOffer(o, [TRAFFORD], cs, SCALES, DEFAULT_POLICY);
    const nearest = [...cs].sort((a, b) => a.distanceMetres - b.distanceMetres || (a.vacancyId < b.vacancyId ? -1 : 1));
    const pays = cs.map((c) => c.salaryMaxFte).sort((a, b) => a - b);
    const summary = {
      found: 30,
      schools: 11,
      benchmark: (pays[14]! + pays[15]!) / 2,
      nearest: nearest.slice(0, EVIDENCE_COMPARABLES),
    };
    expect(assessOfferSummarised(o, [TRAFFORD], summary, SCALES, DEFAULT_POLICY)).toEqual(full);
    // Without the nearest (the nightly pass's first look), the same outcome with no evidence.
    const outcome = assessOfferSummarised(o, [TRAFFORD], { ...summary, nearest: undefined }, SCALES, DEFAULT_POLICY);
    expect([outcome.badge, outcome.benchmark, outcome.flagged]).toEqual([full.badge, full.benchmark, full.flagged]);
    expect(outcome.findings.flatMap((f) => ("comparables" in f ? f.comparables : []))).toEqual([]);
  });

  it("says there is not enough data, never a silent pass, and shows no badge", () => {
    const result = assessOffer(offer(), [TRAFFORD], [], SCALES, DEFAULT_POLICY);
    expect(findingText(firstRow(result.findings, "a finding")).title).toBe("Not enough local offers to compare");
    expect(badgeText(result.badge)).toBeNull();
    expect(result.flagged).toBe(false);
  });

  it("follows the partnership's policy: a wider tolerance, fewer comparables", () => {
    const loose = { ...DEFAULT_POLICY, toleranceBasisPoints: 1500, minComparables: 1, minSchools: 1 };
    expect(kinds(offer({ salaryMaxFte: 36000 }), [comparable(41000)], [TRAFFORD], loose)).toEqual(["at_local_rate"]);
  });
});

describe("like with like: entry-level offers", () => {
  const ect = (o: Partial<Offer> = {}) => offer({ entryLevel: true, salaryMinFte: 32916, salaryMaxFte: 36413, ...o });
  const entry = (min: number, school: string, c: Partial<Comparable> = {}) =>
    comparable(36413, school, { entryLevel: true, salaryMinFte: min, ...c });

  it("an ECT post on M1–M3 is not compared with experienced posts advertised to M6", () => {
    // Three main-range posts up to M6 (£45,352) nearby: against them an M1–M3 post would look 19.7% below.
    const experienced = three(45352, 45352, 45352);
    const result = assessOffer(ect(), [TRAFFORD], experienced, SCALES, DEFAULT_POLICY);
    expect(result.findings.map((f) => f.kind)).toEqual(["not_enough_local_offers"]);
    expect(result.badge).toEqual({ kind: "none" });
  });

  it("is compared with other entry-level posts on its starting salary", () => {
    const result = assessOffer(
      ect({ salaryMinFte: 32916 }),
      [TRAFFORD],
      [entry(32916, "s1"), entry(32916, "s2"), entry(34823, "s2")],
      SCALES,
      DEFAULT_POLICY,
    );
    expect(result.findings[0]).toMatchObject({ kind: "at_local_rate", basis: "starting_salary", benchmark: 32916 });
    expect(result.badge).toEqual({ kind: "at_or_above_local_rate" });
    expect(findingText(firstRow(result.findings, "a finding")).detail).toContain(
      "median starting salary of 3 comparable entry-level",
    );
  });

  it("an entry-level post starting well below other entry-level posts undercuts them", () => {
    const result = assessOffer(
      ect({ salaryMinFte: 33000, salaryMaxFte: 45352 }),
      [TRAFFORD],
      [entry(36000, "s1"), entry(36000, "s2"), entry(36000, "s3")],
      SCALES,
      DEFAULT_POLICY,
    );
    // Its top of range (£45,352) is far above theirs (£36,413): only where it starts counts.
    expect(result.findings[0]).toMatchObject({
      kind: "undercuts_neighbours",
      basis: "starting_salary",
      offered: 33000,
    });
    expect(findingText(firstRow(result.findings, "a finding")).detail).toContain(
      "entry-level post is never measured against",
    );
  });

  it("an experienced post is not compared with entry-level posts", () => {
    const result = assessOffer(
      offer({ salaryMaxFte: 40000 }),
      [TRAFFORD],
      [
        entry(30000, "s1", { salaryMaxFte: 30000 }),
        entry(30000, "s2", { salaryMaxFte: 30000 }),
        ...three(40000, 40000, 40000),
      ],
      SCALES,
      DEFAULT_POLICY,
    );
    expect(result.findings[0]).toMatchObject({ kind: "at_local_rate", basis: "top_of_range", benchmark: 40000 });
  });

  it("entry-level comparables without a starting salary are not counted", () => {
    const noMinimum = [
      entry(0, "s1", { salaryMinFte: null }),
      entry(0, "s2", { salaryMinFte: null }),
      entry(0, "s3", { salaryMinFte: null }),
    ];
    expect(kinds(ect(), noMinimum)).toEqual(["not_enough_local_offers"]);
  });
});

describe("badges say only what is true", () => {
  it("a little below the local rate, inside the tolerance, is 'about', not 'at or above'", () => {
    const result = assessOffer(
      offer({ salaryMaxFte: 39000 }),
      [TRAFFORD],
      three(40000, 40000, 40000),
      SCALES,
      DEFAULT_POLICY,
    );
    expect(result.badge).toEqual({ kind: "about_local_rate" });
    expect(badgeText(result.badge)).toBe("Pays about the local rate");
    expect(findingText(firstRow(result.findings, "a finding")).title).toBe("About the local rate");
  });

  it("at the local rate exactly is 'at or above'", () => {
    const result = assessOffer(
      offer({ salaryMaxFte: 40000 }),
      [TRAFFORD],
      three(40000, 40000, 40000),
      SCALES,
      DEFAULT_POLICY,
    );
    expect(badgeText(result.badge)).toBe("Pays at or above the local rate");
  });

  it("a gap just over the tolerance never reads as the tolerance itself", () => {
    // 3.003% below £100,000: over a 3% tolerance.
    const result = assessOffer(
      offer({ role: "classroom_teacher", salaryMinFte: 40000, salaryMaxFte: 96997 }),
      [TRAFFORD],
      three(100000, 100000, 100000),
      SCALES,
      DEFAULT_POLICY,
    );
    expect(result.findings[0]?.kind).toBe("undercuts_neighbours");
    expect(badgeText(result.badge)).toBe("Pays 3.1% below nearby schools");
  });

  it.each([
    ["zero", 0],
    ["not a number", Number.NaN],
    ["infinite", Number.POSITIVE_INFINITY],
  ])("no badge and no percentage from a %s benchmark", (_name, pounds) => {
    const broken = [comparable(pounds, "s1"), comparable(pounds, "s2"), comparable(pounds, "s3")];
    const result = assessOffer(offer(), [TRAFFORD], broken, SCALES, DEFAULT_POLICY);
    expect(result.badge).toEqual({ kind: "none" });
    expect(result.benchmark).toBeNull();
    expect(result.findings.map((f) => f.kind)).toEqual(["not_enough_local_offers"]);
  });

  it("a headteacher post is checked against the headteacher range minimum, not leadership L1", () => {
    const scales: ScaleFigure[] = [
      ...SCALES,
      { year: "2025/26", area: "rest_of_england", range: "leadership", point: "min", annual: 51773, source: "L1" },
      { year: "2025/26", area: "rest_of_england", range: "headteacher", point: "min", annual: 58569, source: "HT min" },
    ];
    const head = offer({ role: "headteacher", payRange: "leadership", salaryMinFte: 55000, salaryMaxFte: 65000 });
    const result = assessOffer(head, [TRAFFORD], [], scales, DEFAULT_POLICY);
    expect(result.findings[0]).toMatchObject({ kind: "below_statutory_minimum", range: "headteacher", minimum: 58569 });
    expect(findingText(firstRow(result.findings, "a finding")).detail).toContain(
      "headteacher pay range starts at £58,569",
    );
    const deputy = offer({ role: "deputy_head", payRange: "leadership", salaryMinFte: 55000, salaryMaxFte: 65000 });
    expect(kinds(deputy, [], [TRAFFORD]).includes("below_statutory_minimum")).toBe(false);
  });

  it("says plainly when the offer's pay year has no published figures and which year was used", () => {
    const result = assessOffer(offer({ startDate: "2026-09-01" }), [TRAFFORD], [], SCALES, DEFAULT_POLICY);
    expect(result.year).toBe("2026/27");
    expect(result.findings[0]).toEqual({ kind: "figures_from_earlier_year", year: "2026/27", figuresYear: "2025/26" });
    expect(findingText(firstRow(result.findings, "a finding")).detail).toContain(
      "the latest published year, 2025/26, was used",
    );
  });
});

describe("the rule: properties", () => {
  const salary = fc.integer({ min: 20_000, max: 90_000 });
  const comparables = fc
    .array(fc.record({ max: salary, school: fc.constantFrom("s1", "s2", "s3", "s4") }), { maxLength: 12 })
    .map((cs) => cs.map((c) => comparable(c.max, c.school)));
  const undercuts = (o: Offer, cs: Comparable[]) =>
    assessOffer(o, [TRAFFORD], cs, SCALES, DEFAULT_POLICY).findings.some((f) => f.kind === "undercuts_neighbours");
  const belowMinimum = (o: Offer, cs: Comparable[]) =>
    assessOffer(o, [TRAFFORD], cs, SCALES, DEFAULT_POLICY).findings.some((f) => f.kind === "below_statutory_minimum");

  it("raising an offer never creates an undercut or below-minimum flag", () => {
    fc.assert(
      fc.property(salary, salary, fc.nat(20_000), comparables, (a, b, raise, cs) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const before = offer({ salaryMinFte: min, salaryMaxFte: max });
        const after = offer({ salaryMinFte: min + raise, salaryMaxFte: max + raise });
        if (!undercuts(before, cs)) expect(undercuts(after, cs)).toBe(false);
        if (!belowMinimum(before, cs)) expect(belowMinimum(after, cs)).toBe(false);
      }),
    );
  });

  it("'at or above' is never shown for an offer below the benchmark, nor a badge without a benchmark", () => {
    fc.assert(
      fc.property(salary, fc.boolean(), comparables, (max, entryLevel, cs) => {
        const o = offer({ salaryMinFte: Math.min(max, 32916), salaryMaxFte: max, entryLevel });
        const level = cs.map((c) => ({ ...c, entryLevel, salaryMinFte: c.salaryMaxFte - 5000 }));
        const a = assessOffer(o, [TRAFFORD], level, SCALES, DEFAULT_POLICY);
        if (a.badge.kind === "at_or_above_local_rate") {
          const offered = entryLevel ? o.salaryMinFte! : max;
          expect(offered).toBeGreaterThanOrEqual(a.benchmark!);
        }
        if (["below_nearby", "about_local_rate", "at_or_above_local_rate"].includes(a.badge.kind))
          expect(Number.isFinite(a.benchmark) && a.benchmark! > 0).toBe(true);
      }),
    );
  });

  it("adding a higher-paying comparable never removes an undercut flag", () => {
    fc.assert(
      fc.property(salary, comparables, fc.nat(30_000), fc.constantFrom("s1", "s2", "s5"), (max, cs, above, school) => {
        const o = offer({ salaryMaxFte: max });
        if (!undercuts(o, cs)) return;
        const highest = Math.max(...cs.map((c) => c.salaryMaxFte));
        expect(undercuts(o, [...cs, comparable(highest + above, school)])).toBe(true);
      }),
    );
  });

  it("does not depend on the order of the comparables", () => {
    fc.assert(
      fc.property(salary, comparables, fc.array(fc.nat()), (max, cs, keys) => {
        const shuffled = cs
          .map((c, i) => ({ c, k: keys[i % Math.max(1, keys.length)] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.c);
        const a = assessOffer(offer({ salaryMaxFte: max }), [TRAFFORD], cs, SCALES, DEFAULT_POLICY);
        const b = assessOffer(offer({ salaryMaxFte: max }), [TRAFFORD], shuffled, SCALES, DEFAULT_POLICY);
        expect({ ...b, findings: b.findings.map((f) => ({ ...f, comparables: undefined })) }).toEqual({
          ...a,
          findings: a.findings.map((f) => ({ ...f, comparables: undefined })),
        });
        expect(b.badge).toEqual(a.badge);
      }),
    );
  });
});

describe("the policy form", () => {
  it("reads percentages into basis points and refuses nonsense at the field", () => {
    expect(
      policyForm.parse({
        radiusMiles: "10",
        lookbackMonths: "12",
        minComparables: "3",
        minSchools: "2",
        tolerance: "2.5",
        premium: "10",
        onFlag: "block",
      }),
    ).toMatchObject({ tolerance: 250, premium: 1000 });
    const bad = policyForm.safeParse({
      radiusMiles: "0",
      lookbackMonths: "x",
      minComparables: "3",
      minSchools: "5",
      tolerance: "-1",
      premium: "10.123",
      onFlag: "maybe",
    });
    expect(bad.success).toBe(false);
    const fields = bad.success ? [] : bad.error.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["radiusMiles", "lookbackMonths", "tolerance", "premium", "onFlag"]));
  });
});
