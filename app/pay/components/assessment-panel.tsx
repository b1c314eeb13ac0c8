import { Link } from "@remix-run/react";
import { formatMiles } from "../../vocabulary/distance";
import { formatPounds } from "../../vocabulary/money";
import { badgeText, findingText } from "../explain";
import { comparedCount, type Badge, type Comparable, type Finding, type PayBasis } from "../rule";
import { countOf } from "../../text/plural";
import { ScrollRegion } from "../../components/scroll-region";

export type AssessmentView = {
  findings: Finding[];
  badge: Badge;
  flagged: boolean;
  payYear: string;
  justification?: string | null;
  assessedAt?: string;
};

/** The comparables an assessment used, the nearest named (published offers are public), the rest counted. */
function ComparablesTable({
  comparables,
  count,
  basis,
}: {
  comparables: Comparable[];
  count: number;
  basis: PayBasis;
}) {
  if (comparables.length === 0) return null;
  const named = comparables.filter((c) => c.title && c.schoolName).sort((a, b) => a.distanceMetres - b.distanceMetres);
  const rest = count - named.length;
  return (
    <ScrollRegion label={"Offers compared"}>
      <table>
        <caption>
          The {countOf(count, "offer", "offers")} compared with
          {rest > 0 ? `: the nearest ${named.length} (and ${rest} more further away)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Vacancy</th>
            <th scope="col">
              {basis === "starting_salary" ? "Starting salary (full-time)" : "Top of range (full-time)"}
            </th>
            <th scope="col">Distance</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {named.map((c) => (
            <tr key={c.vacancyId}>
              <td>{c.schoolName}</td>
              <td>
                <Link to={`/vacancies/${c.vacancyId}`}>{c.title}</Link>
              </td>
              <td>
                {basis === "starting_salary" && c.salaryMinFte !== null
                  ? formatPounds(c.salaryMinFte)
                  : formatPounds(c.salaryMaxFte)}
              </td>
              <td>{formatMiles(c.distanceMetres)}</td>
              <td>{c.publishedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** HR's view of a pay assessment: every finding with its explanation, and the offers it compared with. */
export function AssessmentPanel({ view, heading }: { view: AssessmentView; heading: string }) {
  const withComparables = view.findings.find((f) => "comparables" in f && f.comparables.length > 0) as
    (Finding & { comparables: Comparable[]; found?: number }) | undefined;
  const badge = badgeText(view.badge);
  const earlierFigures = view.findings.find((f) => f.kind === "figures_from_earlier_year");
  const basis = withComparables && "basis" in withComparables ? withComparables.basis : "top_of_range";
  return (
    <section
      className={`panel pay-assessment${view.flagged ? " pay-assessment--flagged" : ""}`}
      aria-labelledby="pay-assessment-title"
    >
      <h2 id="pay-assessment-title">{heading}</h2>
      <p>
        Pay year {view.payYear}
        {earlierFigures?.kind === "figures_from_earlier_year"
          ? ` (its statutory figures are not published yet: the latest published year, ${earlierFigures.figuresYear}, was used)`
          : ""}
        .{" "}
        {badge ? (
          <>
            Teachers will see: <span className="pay-badge">{badge}</span>
          </>
        ) : (
          "Teachers will see no pay badge: there is not enough to say."
        )}
      </p>
      <ul className="findings">
        {view.findings.map((f, i) => {
          const text = findingText(f);
          return (
            <li key={i} className={`finding finding--${text.severity}`}>
              <strong>{text.title}</strong>
              <p>{text.detail}</p>
            </li>
          );
        })}
      </ul>
      {withComparables ? (
        <ComparablesTable
          comparables={withComparables.comparables}
          count={comparedCount(withComparables)}
          basis={basis}
        />
      ) : null}
      {view.justification ? (
        <p>
          <strong>Justification given when published:</strong> {view.justification}
        </p>
      ) : null}
    </section>
  );
}
