import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { areaOffers, groupOffers } from "../pay/area.server";
import { loadScales, policyOf } from "../pay/assessment.server";
import { DistributionChart } from "../pay/components/distribution-chart";
import { employerKinds } from "../pay/employers";
import { payAreaLabels } from "../vocabulary/pay-areas";
import { formatBasisPoints } from "../pay/policy";
import { findPartnership } from "../partnerships/queries.server";
import { payRangeLabels, phaseLabels, type PayRange, type Phase } from "../vocabulary/options";
import { formatPounds } from "../vocabulary/money";
import { countOf } from "../text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Teachers' pay in ${data.partnership.name} – Staffroom` : "Staffroom" },
  {
    name: "description",
    content: "Every teacher offer in the area, compared in the open: medians, the statutory ranges and offers flagged.",
  },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const partnership = await findPartnership(db(), (params.slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  const now = new Date();
  const policy = await policyOf(db(), partnership.id);
  const [offers, scales] = await Promise.all([areaOffers(db(), partnership.id, policy, now), loadScales(db())]);
  const groups = groupOffers(offers, scales, now);
  return json({ partnership, policy, groups, total: new Set(offers.map((o) => o.vacancyId)).size });
}

export default function AreaPay() {
  const { partnership, policy, groups, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Teachers' pay in {partnership.name}</h1>
      <p className="lead">
        Every teacher offer the area's schools published in the last {policy.lookbackMonths} months (
        {countOf(total, "vacancy", "vacancies")}), by role, phase and pay range: the top of each advertised range,
        full-time equivalent, against the statutory range.
      </p>
      <p>
        An offer is flagged when it starts below the statutory minimum (the national scale, for academies) or its top is
        more than {formatBasisPoints(policy.toleranceBasisPoints)} below the median of comparable offers at schools
        within {countOf(policy.radiusMiles, "mile", "miles")}.{" "}
        <a href={`/pay/${partnership.slug}/offers.csv`} download>
          Download every offer as CSV
        </a>
        .
      </p>
      {groups.length === 0 ? <p>No teacher offers have been published here in that time.</p> : null}
      {groups.map((g) => {
        const name = `${g.familyLabel}, ${phaseLabels[g.phase as Phase] ?? g.phase}, ${payRangeLabels[g.payRange as PayRange] ?? g.payRange}`;
        const id = `${g.family}-${g.phase}-${g.payRange}`;
        return (
          <section key={id} aria-labelledby={id} className="pay-group">
            <h2 id={id}>{name}</h2>
            <p>
              {g.offers.length} {g.offers.length === 1 ? "offer" : "offers"}; median top of range{" "}
              <strong>{formatPounds(g.median)}</strong>; {g.flagged} flagged.{" "}
              {g.statutory.min !== null && g.statutory.max !== null
                ? `Statutory range ${formatPounds(g.statutory.min)} to ${formatPounds(g.statutory.max)} (${payAreaLabels[g.statutory.area]}, ${g.statutory.year}${g.statutory.exactYear ? "" : ", the latest year held"}).`
                : "No statutory range is held for this pay range."}
            </p>
            <DistributionChart
              title={`Spread of offers: ${name}`}
              offers={g.offers.map((o) => ({
                id: `${o.vacancyId}-${o.phase}`,
                label: o.schoolName,
                salaryMaxFte: o.salaryMaxFte,
                employerKind: o.employerKind,
                flagged: o.flagged,
              }))}
              statutory={g.statutory}
              median={g.median}
            />
            <table>
              <caption>By kind of employer</caption>
              <thead>
                <tr>
                  <th scope="col">Employer</th>
                  <th scope="col">Offers</th>
                  <th scope="col">Median top of range</th>
                </tr>
              </thead>
              <tbody>
                {g.byEmployer.map((e) => (
                  <tr key={e.kind}>
                    <td>{employerKinds[e.kind]}</td>
                    <td>{e.count}</td>
                    <td>{e.median === null ? "–" : formatPounds(e.median)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <details>
              <summary>Every offer ({g.offers.length})</summary>
              <table>
                <caption className="visually-hidden">Every offer: {name}</caption>
                <thead>
                  <tr>
                    <th scope="col">School</th>
                    <th scope="col">Employer</th>
                    <th scope="col">Vacancy</th>
                    <th scope="col">Range (full-time)</th>
                    <th scope="col">Flagged</th>
                  </tr>
                </thead>
                <tbody>
                  {g.offers.map((o) => (
                    <tr key={`${o.vacancyId}-${o.phase}`}>
                      <td>{o.schoolName}</td>
                      <td>
                        {o.employer} ({employerKinds[o.employerKind].split(" (")[0].toLowerCase()})
                      </td>
                      <td>
                        {o.status === "published" ? (
                          <Link to={`/vacancies/${o.vacancyId}`}>{o.title}</Link>
                        ) : (
                          `${o.title} (closed)`
                        )}
                      </td>
                      <td>
                        {formatPounds(o.salaryMinFte)} to {formatPounds(o.salaryMaxFte)}
                      </td>
                      <td>{o.flagged ? "Yes" : "No"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        );
      })}
    </>
  );
}
