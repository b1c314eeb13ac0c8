import type { Allowance, AllowanceKind } from "../vocabulary/options";
import { FULL_TIME } from "./fte";

/** The actual annual pay of a part-time post: the full-time-equivalent salary times the FTE, to the pound. */
export function proRata(fullTimeSalary: number, fteThousandths: number): number {
  return Math.round((fullTimeSalary * fteThousandths) / FULL_TIME);
}

/** TLRs and the SEN allowance are paid pro rata like salary; recruitment and retention payments are fixed sums. */
function isProRataAllowance(kind: AllowanceKind): boolean {
  return kind !== "recruitment" && kind !== "retention";
}

export function allowancesPerYear(allowances: Allowance[], fteThousandths: number): number {
  return allowances.reduce(
    (sum, a) => sum + (isProRataAllowance(a.kind) ? proRata(a.amount, fteThousandths) : a.amount),
    0,
  );
}

export type SalaryOffer = { minFte: number; maxFte: number; fteThousandths: number };

/** What the post actually pays per year, before allowances. */
export function actualSalaryRange(offer: SalaryOffer): { min: number; max: number } {
  return { min: proRata(offer.minFte, offer.fteThousandths), max: proRata(offer.maxFte, offer.fteThousandths) };
}
