import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSplit, formatFte, parseFte } from "../../app/vacancies/fte";
import { actualSalaryRange, allowancesPerYear, proRata } from "../../app/vacancies/pay";
import { formatHourly, formatPounds, formatSalaryRange } from "../../app/vocabulary/money";

describe("FTE", () => {
  it.each([
    ["1", 1000],
    ["1.0", 1000],
    ["0.6", 600],
    ["0.4", 400],
    [".5", 500],
    ["0.125", 125],
    [" 0.8 ", 800],
  ])("parses %s as %i thousandths", (text, expected) => expect(parseFte(text)).toBe(expected));

  it.each(["0", "0.0", "1.1", "2", "-0.5", "0.1234", "abc", "", "1e0", "0,6"])("refuses %j", (text) => {
    expect(parseFte(text)).toBeNull();
  });

  it("formats without trailing zeros", () => {
    expect(formatFte(600)).toBe("0.6");
    expect(formatFte(1000)).toBe("1");
    expect(formatFte(125)).toBe("0.125");
  });

  it("a 0.6/0.4 split of a full-time post adds up; 0.6/0.3 does not, and says by how much", () => {
    expect(checkSplit(1000, [600, 400])).toEqual({ ok: true });
    expect(checkSplit(1000, [600, 300])).toEqual({
      ok: false,
      message: "The schools' shares add up to 0.9 but the role is 1 FTE",
    });
    expect(checkSplit(800, [400, 400])).toEqual({ ok: true });
    expect(checkSplit(1000, [1000, 0]).ok).toBe(false);
  });

  it("any split into positive shares that sums to the total is accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 6 }), (shares) => {
        const total = shares.reduce((a, b) => a + b, 0);
        expect(checkSplit(total, shares).ok).toBe(true);
        expect(checkSplit(total + 1, shares).ok).toBe(false);
      }),
    );
  });
});

describe("salary maths", () => {
  it("pro-rates a 0.6 FTE main-scale M1 post (2025/26 rest of England: £32,916)", () => {
    expect(proRata(32916, 600)).toBe(19750);
    expect(actualSalaryRange({ minFte: 32916, maxFte: 45352, fteThousandths: 600 })).toEqual({
      min: 19750,
      max: 27211,
    });
  });

  it("full time pays the full-time salary", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (s) => {
        expect(proRata(s, 1000)).toBe(s);
      }),
    );
  });

  it("pro rata never exceeds the full-time figure and grows with FTE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 999 }), (salary, fte) => {
        expect(proRata(salary, fte)).toBeLessThanOrEqual(salary);
        expect(proRata(salary, fte + 1)).toBeGreaterThanOrEqual(proRata(salary, fte));
      }),
    );
  });

  it("the shares of a split post cost no more than the whole post, give or take rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 150_000 }), fc.integer({ min: 1, max: 999 }), (salary, a) => {
        const whole = proRata(salary, 1000);
        const parts = proRata(salary, a) + proRata(salary, 1000 - a);
        expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("TLR and SEN allowances are pro rata; recruitment and retention payments are not", () => {
    const allowances = [
      { kind: "tlr2" as const, amount: 3527 },
      { kind: "sen" as const, amount: 2787 },
      { kind: "recruitment" as const, amount: 2000 },
    ];
    expect(allowancesPerYear(allowances, 1000)).toBe(3527 + 2787 + 2000);
    expect(allowancesPerYear(allowances, 500)).toBe(1764 + 1394 + 2000);
    expect(allowancesPerYear([], 600)).toBe(0);
  });

  it("formats money the British way", () => {
    expect(formatPounds(32916)).toBe("£32,916");
    expect(formatSalaryRange(32916, 45352)).toBe("£32,916 to £45,352");
    expect(formatSalaryRange(40000, 40000)).toBe("£40,000");
    expect(formatHourly(1250)).toBe("£12.50 an hour");
  });
});
