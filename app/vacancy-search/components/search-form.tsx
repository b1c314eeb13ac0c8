import { Form } from "@remix-run/react";
import type { FacetCounts } from "../../../search/engine";
import { LabelledField as Field } from "../../components/forms";
import {
  availableSorts,
  defaultSort,
  FIELD_LABELS,
  FILTER_OPTIONS,
  OPTION_FIELDS,
  RADII_MILES,
  SORT_LABELS,
  type ParsedQuery,
  type SearchPageQuery,
} from "../query";

type Errors = ParsedQuery["errors"];

/** Options with the number of results each would give; zero-count options are left out unless chosen. */
function optionsWithCounts(
  values: Record<string, string>,
  counts: Record<string, number> | undefined,
  chosen: string | undefined,
) {
  return Object.entries(values)
    .filter(([value]) => (counts?.[value] ?? 0) > 0 || value === chosen)
    .map(([value, label]) => ({ value, label: `${label} (${(counts?.[value] ?? 0).toLocaleString("en-GB")})` }));
}

export function SearchForm({
  query,
  errors,
  facets,
  trustNames,
  locationHint,
}: {
  query: SearchPageQuery;
  errors: Errors;
  facets: FacetCounts | null;
  trustNames: Record<string, string>;
  /** Examples from the region being shown (app/places/examples.server.ts). */
  locationHint: string;
}) {
  const sorts = availableSorts(query);
  // The default follows the search (best match with words, nearest with a place), so it is its own choice:
  // a select stuck on "newest" from an empty page would otherwise override a search typed afterwards.
  const sort = query.sort && sorts.includes(query.sort) ? query.sort : "";
  const trustOptions = Object.entries(trustNames)
    .filter(([slug]) => (facets?.trust[slug] ?? 0) > 0 || slug === query.filters.trust)
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([slug, name]) => ({ value: slug, label: `${name} (${(facets?.trust[slug] ?? 0).toLocaleString("en-GB")})` }));
  const select = (field: (typeof OPTION_FIELDS)[number] | "trust", options: { value: string; label: string }[]) => (
    <Field id={field} label={FIELD_LABELS[field]} error={errors[field]} key={field}>
      {(describedBy) => (
        <select id={field} name={field} defaultValue={query.filters[field] ?? ""} aria-describedby={describedBy}>
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const moreFiltersSet =
    OPTION_FIELDS.some((f) => f !== "phase" && f !== "subject" && query.filters[f]) ||
    query.filters.trust ||
    query.filters.minSalary !== undefined ||
    query.filters.ect ||
    query.filters.visa ||
    query.filters.atLocalRate;
  return (
    <Form method="get" role="search" aria-label="Vacancies" className="search-form panel" preventScrollReset>
      <div className="filters">
        <Field id="q" label="Job title, subject or keywords" error={errors.q}>
          {(describedBy) => (
            <input id="q" name="q" type="search" defaultValue={query.q} aria-describedby={describedBy} />
          )}
        </Field>
        <Field id="location" label="Postcode, town or local authority" hint={locationHint} error={errors.location}>
          {(describedBy) => (
            <input
              id="location"
              name="location"
              type="text"
              autoComplete="postal-code"
              defaultValue={query.location}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field id="radius" label="Distance" error={errors.radiusMiles}>
          {(describedBy) => (
            <select id="radius" name="radius" defaultValue={String(query.radiusMiles)} aria-describedby={describedBy}>
              {RADII_MILES.map((m) => (
                <option key={m} value={m}>
                  Within {m} {m === 1 ? "mile" : "miles"}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="filters">
        {select("phase", optionsWithCounts(FILTER_OPTIONS.phase, facets?.phase, query.filters.phase))}
        {select("subject", optionsWithCounts(FILTER_OPTIONS.subject, facets?.subject, query.filters.subject))}
        <Field id="sort" label="Order" error={errors.sort}>
          {(describedBy) => (
            <select id="sort" name="sort" defaultValue={sort} aria-describedby={describedBy}>
              <option value="">
                {query.q || query.location
                  ? `${SORT_LABELS[defaultSort(query)]} (best for this search)`
                  : "Best match, or nearest first"}
              </option>
              {/* The default is the first choice already: listing it again would show "Best match" twice. */}
              {sorts
                .filter((s) => !(query.q || query.location) || s !== defaultSort(query))
                .map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <details className="more-filters" open={Boolean(moreFiltersSet) || Object.keys(errors).length > 0}>
        <summary>More filters</summary>
        <div className="filters">
          {select("role", optionsWithCounts(FILTER_OPTIONS.role, facets?.role, query.filters.role))}
          {select("keyStage", optionsWithCounts(FILTER_OPTIONS.keyStage, facets?.keyStage, query.filters.keyStage))}
          {select("contract", optionsWithCounts(FILTER_OPTIONS.contract, facets?.contract, query.filters.contract))}
          {select("pattern", optionsWithCounts(FILTER_OPTIONS.pattern, facets?.pattern, query.filters.pattern))}
          {select("payRange", optionsWithCounts(FILTER_OPTIONS.payRange, facets?.payRange, query.filters.payRange))}
          {select(
            "schoolType",
            optionsWithCounts(FILTER_OPTIONS.schoolType, facets?.schoolType, query.filters.schoolType),
          )}
          {select("trust", trustOptions)}
          <Field
            id="minSalary"
            label="Pays at least (£ a year, full-time)"
            hint="Roles whose top of range reaches this"
            error={errors.minSalary}
          >
            {(describedBy) => (
              <input
                id="minSalary"
                name="minSalary"
                type="text"
                inputMode="numeric"
                defaultValue={query.filters.minSalary ?? ""}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        </div>
        <div className="filters">
          {(["ect", "visa", "atLocalRate"] as const).map((flag) => (
            <div className={`field choice${errors[flag] ? " field--error" : ""}`} key={flag}>
              <input
                id={flag}
                name={flag}
                type="checkbox"
                value="yes"
                defaultChecked={Boolean(query.filters[flag])}
                aria-invalid={errors[flag] ? true : undefined}
                aria-describedby={errors[flag] ? `${flag}-error` : undefined}
              />
              <label htmlFor={flag}>
                {FIELD_LABELS[flag]} ({(facets?.[flag].true ?? 0).toLocaleString("en-GB")})
              </label>
              {errors[flag] ? (
                <span className="field-error" id={`${flag}-error`}>
                  {errors[flag]}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      </details>
      {query.view === "map" ? <input type="hidden" name="view" value="map" /> : null}
      <button type="submit" className="button">
        Search
      </button>
    </Form>
  );
}
