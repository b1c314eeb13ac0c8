/**
 * Salaries from pay points: HR chooses "M1 to M6" and the salaries fill in from the statutory figures of the
 * school's pay area and the offer's pay year (still editable: a school may pay above the points).
 */
import type { PayArea } from "../vocabulary/pay-areas";
import { statutoryBound, type ScaleFigure } from "./scales";

/** Every named point (M1, U3, L12, UQ2, LP5…) in one pay area, for a pay year or the latest earlier one held. */
export function pointSalaries(scales: ScaleFigure[], year: string, area: PayArea): Record<string, number> {
  const out: Record<string, number> = {};
  const points = new Map(
    scales
      .filter((f) => f.area === area && /^[A-Z]+\d+$/.test(f.point))
      .map((f) => [`${f.range}|${f.point}`, { range: f.range, point: f.point }]),
  );
  for (const { range, point } of points.values()) {
    const bound = statutoryBound(scales, year, area, range, point as "min");
    if (bound) out[point] = bound.amount;
  }
  return out;
}

/** Blank salary fields take the chosen points' figures; a salary HR typed is kept as typed. A copy is returned. */
export function fillSalaryFieldsFromPoints(form: FormData, salaries: Record<string, number>): FormData {
  const out = new FormData();
  for (const [key, value] of form) out.append(key, value);
  const fill = (pointField: string, salaryField: string) => {
    const point = String(form.get(pointField) ?? "");
    const typed = String(form.get(salaryField) ?? "").trim();
    if (typed !== "" || !Object.hasOwn(salaries, point)) return;
    out.set(salaryField, String(salaries[point]));
  };
  fill("payPointFrom", "salaryMinFte");
  fill("payPointTo", "salaryMaxFte");
  return out;
}
