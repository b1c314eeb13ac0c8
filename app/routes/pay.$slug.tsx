import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { areaOffers, groupOffers } from "../pay/area.server";
import { loadScales, policyOf } from "../pay/assessment.server";
import {
  familyOptions,
  groupHref,
  isLeadView,
  LEAD,
  parseAreaFilters,
  selectGroups,
  type AreaFilterErrors,
} from "../pay/area-view";
import { DistributionChart } from "../pay/components/distribution-chart";
import { employerKinds } from "../pay/employers";
import { payAreaLabels } from "../vocabulary/pay-areas";
import { formatBasisPoints } from "../pay/policy";
import { findPartnership } from "../partnerships/queries.server";
import { TEACHER_PAY_RANGES } from "../pay/families";
import { payRangeLabels, phaseLabels, type PayRange, type Phase } from "../vocabulary/options";
import { formatPounds } from "../vocabulary/money";
import { countOf } from "../text/plural";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Teachers' pay in ${data.partnership.name} – Staffroom` : "Staffroom" },
  {
    name: "description",
    content: "Every teacher offer in the area, compared in the open: medians, the statutory ranges and offers flagged.",
  },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const partnership = await findPartnership(db(), (params.slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  const { filters, errors } = parseAreaFilters(new URL(request.url).searchParams, Object.keys(phaseLabels));
  const now = new Date();
  const policy = await policyOf(db(), partnership.id);
  const [all, scales] = await Promise.all([areaOffers(db(), partnership.id, policy, now), loadScales(db())]);
  const offers = filters.employer ? all.filter((o) => o.employerKind === filters.employer) : all;
  const groups = groupOffers(offers, scales, now);
  const hasErrors = Object.keys(errors).length > 0;
  // The contents list names every group; only the groups asked for are sent whole and drawn.
  const contents = groups.map((g) => ({
    id: groupId(g),
    name: groupName(g),
    offers: g.offers.length,
    flagged: g.flagged,
    href: groupHref(partnership.slug, g, filters.employer),
  }));
  return json(
    {
      partnership,
      policy,
      filters,
      errors,
      lead: isLeadView(filters),
      contents,
      groups: hasErrors ? [] : selectGroups(groups, filters),
      total: new Set(all.map((o) => o.vacancyId)).size,
    },
    { status: hasErrors ? 400 : 200 },
  );
}

type Grouped = { family: string; familyLabel: string; phase: string; payRange: string };
const groupId = (g: Grouped) => `${g.family}-${g.phase}-${g.payRange}`;
const groupName = (g: Grouped) =>
  `${g.familyLabel}, ${phaseLabels[g.phase as Phase] ?? g.phase}, ${payRangeLabels[g.payRange as PayRange] ?? g.payRange}`;

function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  error,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function AreaFiltersForm({
  filters,
  errors,
}: {
  filters: { family?: string; phase?: string; range?: string; employer?: string };
  errors: AreaFilterErrors;
}) {
  return (
    <Form method="get" className="filters panel" aria-label="Choose which offers to show">
      <FilterSelect
        id="pay-role"
        name="role"
        label="Role"
        value={filters.family}
        options={familyOptions}
        error={errors.family}
      />
      <FilterSelect
        id="pay-phase"
        name="phase"
        label="Phase"
        value={filters.phase}
        options={Object.entries(phaseLabels).map(([value, label]) => ({ value, label }))}
        error={errors.phase}
      />
      <FilterSelect
        id="pay-range"
        name="range"
        label="Pay range"
        value={filters.range}
        options={TEACHER_PAY_RANGES.map((value) => ({ value, label: payRangeLabels[value as PayRange] }))}
        error={errors.range}
      />
      <FilterSelect
        id="pay-employer"
        name="employer"
        label="Kind of employer"
        value={filters.employer}
        options={Object.entries(employerKinds).map(([value, label]) => ({ value, label }))}
        error={errors.employer}
      />
      <button type="submit" className="button">
        Show these offers
      </button>
    </Form>
  );
}

export default function AreaPay() {
  const { partnership, policy, groups, total, contents, filters, errors, lead } = useLoaderData<typeof loader>();
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
      <AreaFiltersForm filters={filters} errors={errors} />
      {contents.length > 0 ? (
        <nav aria-labelledby="pay-contents">
          <h2 id="pay-contents">Every group of offers</h2>
          <ul className="pay-contents">
            {contents.map((c) => (
              <li key={c.id}>
                <Link to={c.href} aria-current={groups.some((g) => groupId(g) === c.id) ? "true" : undefined}>
                  {c.name}
                </Link>{" "}
                ({countOf(c.offers, "offer", "offers")}
                {c.flagged > 0 ? `, ${c.flagged} flagged` : ""})
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2 id="pay-shown">
        {lead
          ? `Shown first: classroom teachers, ${LEAD.phases.join(" and ")}, main and upper ranges`
          : "The offers you chose"}
      </h2>
      {contents.length === 0 ? <p>No teacher offers have been published here in that time.</p> : null}
      {contents.length > 0 && groups.length === 0 && Object.keys(errors).length === 0 ? (
        <p>No offers match these choices. Choose another role, phase or range, or pick a group from the list above.</p>
      ) : null}
      {groups.map((g) => {
        const name = groupName(g);
        const id = groupId(g);
        return (
          <section key={id} aria-labelledby={id} className="pay-group">
            <h3 id={id}>{name}</h3>
            <p>
              {countOf(g.offers.length, "offer", "offers")}; median top of range{" "}
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
            <ScrollRegion label={`Pay by kind of employer: ${name}`}>
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
            </ScrollRegion>
            <details>
              <summary>Every offer ({g.offers.length})</summary>
              <ScrollRegion label={`Every offer: ${name}`}>
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
                          {o.employer} ({employerKinds[o.employerKind].replace(/ \(.*$/, "").toLowerCase()})
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
              </ScrollRegion>
            </details>
          </section>
        );
      })}
    </>
  );
}
