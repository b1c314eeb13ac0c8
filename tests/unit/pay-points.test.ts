import { describe, expect, it } from "vitest";
import { fillSalaryFieldsFromPoints, pointSalaries } from "../../app/pay/pay-points";
import type { ScaleFigure } from "../../app/pay/scales";

const figure = (
  year: string,
  area: ScaleFigure["area"],
  range: string,
  point: string,
  annual: number,
): ScaleFigure => ({
  year,
  area,
  range,
  point,
  annual,
  source: "test",
});

const SCALES = [
  figure("2025/26", "rest_of_england", "main", "M1", 32916),
  figure("2025/26", "rest_of_england", "main", "M6", 45352),
  figure("2025/26", "rest_of_england", "main", "min", 32916),
  figure("2025/26", "inner_london", "main", "M1", 40317),
  figure("2024/25", "rest_of_england", "upper", "U1", 46525),
];

describe("salaries from pay points", () => {
  it("reads each named point for the pay area and year, falling back to the latest earlier year", () => {
    expect(pointSalaries(SCALES, "2025/26", "rest_of_england")).toEqual({ M1: 32916, M6: 45352, U1: 46525 });
    expect(pointSalaries(SCALES, "2026/27", "inner_london")).toEqual({ M1: 40317 });
  });

  it("fills blank salary fields and keeps what HR typed", () => {
    const salaries = { M1: 32916, M6: 45352 };
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };
    const filled = fillSalaryFieldsFromPoints(
      form({ payPointFrom: "M1", payPointTo: "M6", salaryMinFte: "", salaryMaxFte: " " }),
      salaries,
    );
    expect([filled.get("salaryMinFte"), filled.get("salaryMaxFte")]).toEqual(["32916", "45352"]);
    const typed = fillSalaryFieldsFromPoints(
      form({ payPointFrom: "M1", payPointTo: "M6", salaryMinFte: "34000" }),
      salaries,
    );
    expect([typed.get("salaryMinFte"), typed.get("salaryMaxFte")]).toEqual(["34000", "45352"]);
    const unknown = fillSalaryFieldsFromPoints(form({ payPointFrom: "__proto__", salaryMinFte: "" }), salaries);
    expect(unknown.get("salaryMinFte")).toBe("");
  });
});
