/** What a search result shows, from its search document: pure, so the page and the alert e-mail agree. */
import { schoolsByDistance, type VacancyDocument } from "../../search/document";
import { distanceMetres, formatMiles } from "../vocabulary/distance";
import { formatFte } from "../vacancies/fte";
import { formatLondon } from "../vocabulary/london-time";
import { contractLabels, workingPatternLabels, type ContractType, type WorkingPattern } from "../vocabulary/options";
import { formatHourly, formatSalaryRange } from "../vocabulary/money";
import { proRata } from "../vacancies/pay";
import { badgeText, storedBadge } from "../pay/explain";
import { employedByText } from "../vacancies/shares";

export type ResultView = {
  id: string;
  title: string;
  schools: { name: string; urn: number; town: string | null; distance: string | null; share: string | null }[];
  pay: string;
  actualPay: string | null;
  contract: string;
  closes: string;
  closesAt: string;
  ect: boolean;
  visa: boolean;
  ownerName: string;
  /** "Employed by X", or "Employed by X, shared with Y and Z" for a role shared across employers. */
  employedBy: string;
  /** The plain pay badge ("Pays at or above the local rate"), or null when there is not enough to say. */
  payBadge: { text: string; kind: string } | null;
  /** The nearest school's point, for the map. */
  point: { lat: number; lng: number } | null;
};

function payHeadline(
  d: Pick<VacancyDocument, "payRange" | "hourlyRatePence" | "salaryMinFte" | "salaryMaxFte" | "fteThousandths">,
) {
  if (d.payRange === "hourly")
    return { pay: d.hourlyRatePence === null ? "Pay not stated" : formatHourly(d.hourlyRatePence), actualPay: null };
  if (d.salaryMinFte === null || d.salaryMaxFte === null) return { pay: "Pay not stated", actualPay: null };
  const pay = `${formatSalaryRange(d.salaryMinFte, d.salaryMaxFte)} a year (full-time equivalent)`;
  const actualPay =
    d.fteThousandths < 1000
      ? `${formatSalaryRange(proRata(d.salaryMinFte, d.fteThousandths), proRata(d.salaryMaxFte, d.fteThousandths))} actual pay at ${formatFte(d.fteThousandths)} FTE`
      : null;
  return { pay, actualPay };
}

export function resultView(d: VacancyDocument, from: { lat: number; lng: number } | null): ResultView {
  const schools = schoolsByDistance(d, from, distanceMetres);
  const nearest = schools.find((s) => s.lat !== null && s.lng !== null);
  const pattern = workingPatternLabels[d.workingPattern as WorkingPattern] ?? d.workingPattern;
  return {
    id: d.vacancyId,
    title: d.title,
    schools: schools.map((s) => ({
      name: s.name,
      urn: s.urn,
      town: s.town,
      distance: s.metres === null ? null : formatMiles(s.metres),
      share: s.fteShare === null || d.schools.length === 1 ? null : `${formatFte(s.fteShare)} FTE`,
    })),
    ...payHeadline(d),
    contract: `${contractLabels[d.contractType as ContractType] ?? d.contractType}, ${pattern.toLowerCase()}`,
    closes: formatLondon(d.closesAt),
    closesAt: d.closesAt,
    ect: d.ectSuitable,
    visa: d.visaSponsorship,
    ownerName: d.ownerName,
    employedBy: employedByText(d.ownerName, d.sharedWith ?? []),
    payBadge: payBadgeOf(d),
    point: nearest ? { lat: nearest.lat!, lng: nearest.lng! } : null,
  };
}

function payBadgeOf(d: VacancyDocument): ResultView["payBadge"] {
  if (!d.payBadge) return null;
  const badge = storedBadge({ badge: d.payBadge.kind, badgeBasisPoints: d.payBadge.basisPoints });
  const text = badgeText(badge);
  return text ? { text, kind: badge.kind } : null;
}
