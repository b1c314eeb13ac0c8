import { Link } from "@remix-run/react";
import { formatFte } from "../fte";
import { formatLondon } from "../../vocabulary/london-time";
import { contractLabels, type ContractType } from "../../vocabulary/options";
import { formatHourly, formatSalaryRange } from "../../vocabulary/money";
import { proRata } from "../pay";
import type { LiveVacancySummary } from "../public.server";

function payLine(v: LiveVacancySummary): string {
  if (v.payRange === "hourly") return v.hourlyRatePence === null ? "Pay not given" : formatHourly(v.hourlyRatePence);
  if (v.salaryMinFte === null || v.salaryMaxFte === null) return "Pay not given";
  const fte = Math.round(Number(v.fte) * 1000);
  const range = `${formatSalaryRange(v.salaryMinFte, v.salaryMaxFte)} a year (full-time equivalent)`;
  return fte < 1000
    ? `${range}; ${formatSalaryRange(proRata(v.salaryMinFte, fte), proRata(v.salaryMaxFte, fte))} actual at ${formatFte(fte)} FTE`
    : range;
}

/** Live vacancies as a list: on school and trust pages. */
export function LiveVacancyList({
  vacancies,
  emptyText,
  headingLevel = 2,
}: {
  vacancies: LiveVacancySummary[];
  emptyText: string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h3" : "h4";
  if (vacancies.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className="vacancy-list">
      {vacancies.map((v) => (
        <li key={v.id}>
          <H>
            <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
          </H>
          <p className="pay-line">{payLine(v)}</p>
          <p className="small">
            {contractLabels[v.contractType as ContractType] ?? v.contractType}
            {v.schoolNames && v.schoolNames.length > 1
              ? ` · shared: ${v.schoolNames.join(", ")}${v.fteShare ? ` (${formatFte(Math.round(Number(v.fteShare) * 1000))} FTE here)` : ""}`
              : ""}
            {" · "}closes {formatLondon(v.closesAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
