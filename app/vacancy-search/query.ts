/**
 * The search page's query, as its URL holds it: parsed and checked here (shared by the page and job alerts),
 * written back in one canonical order so links, alerts and the back button agree.
 */
import { z } from "../forms/zod";
import { SORTS, type SearchFilters, type SortOrder } from "../../search/engine";
import { schoolTypeLabels } from "../vocabulary/school-types";
import {
  contractLabels,
  keyStageLabels,
  payRangeLabels,
  phaseLabels,
  roleLabels,
  workingPatternLabels,
} from "../vocabulary/options";
import { subjectLabel, subjectValues } from "../vocabulary/subjects";
import { currentValue, OPTION_RENAMES, type Mapped } from "./option-history";
import { stripControlCharacters } from "../text/control-characters";
import { countOf } from "../text/plural";

export const RADII_MILES = [1, 3, 5, 10, 15, 25, 50] as const;
export const DEFAULT_RADIUS_MILES = 10;
const MAX_TEXT = 100;
export const MAX_PAGE = 500;

/** The option filters, with their values and labels: the page's selects and the URL's vocabulary. */
export const FILTER_OPTIONS = {
  role: roleLabels,
  phase: phaseLabels,
  keyStage: keyStageLabels,
  subject: Object.fromEntries(subjectValues.map((v) => [v, subjectLabel(v)])),
  contract: contractLabels,
  pattern: workingPatternLabels,
  payRange: payRangeLabels,
  schoolType: schoolTypeLabels,
} as const satisfies Record<string, Record<string, string>>;
export type OptionField = keyof typeof FILTER_OPTIONS;
export type FilterField = OptionField | "trust" | "minSalary" | "ect" | "visa" | "atLocalRate";
export const OPTION_FIELDS = Object.keys(FILTER_OPTIONS) as OptionField[];

export const FIELD_LABELS: Record<FilterField, string> = {
  role: "Role",
  phase: "Phase",
  keyStage: "Key stage",
  subject: "Subject",
  contract: "Contract",
  pattern: "Working pattern",
  payRange: "Pay range",
  schoolType: "Kind of school",
  trust: "Trust",
  minSalary: "Minimum salary",
  ect: "Suitable for early career teachers",
  visa: "Visa sponsorship",
  atLocalRate: "Pays at or above the local rate",
};

export const SORT_LABELS: Record<SortOrder, string> = {
  relevance: "Best match",
  distance: "Nearest first",
  closing: "Closing soonest",
  newest: "Newest",
  salary: "Highest salary",
};

export type SearchPageQuery = {
  q: string;
  location: string;
  radiusMiles: number;
  filters: SearchFilters;
  /** The order asked for in the URL; null means the default for the query. */
  sort: SortOrder | null;
  page: number;
  view: "list" | "map";
};

export type ParsedQuery = {
  query: SearchPageQuery;
  /** A message per field whose value could not be used. */
  errors: Partial<Record<keyof SearchPageQuery | FilterField, string>>;
  /** Old option values that were read as their new ones. */
  mapped: Mapped[];
};

const clean = (v: string) => stripControlCharacters(v, " ").replace(/\s+/g, " ").trim();
const YES = new Set(["yes", "true", "1", "on"]);
const salary = z.coerce.number().int().min(0).max(250_000);
const page = z.coerce.number().int().min(1).max(MAX_PAGE);

/** Reads a query string. Unknown parameters are ignored; bad values are reported, never guessed at. */
export function parseSearchQuery(params: URLSearchParams, renames = OPTION_RENAMES): ParsedQuery {
  const errors: ParsedQuery["errors"] = {};
  const mapped: Mapped[] = [];
  const get = (name: string) => clean(params.get(name) ?? "");
  const filters: SearchFilters = {};

  for (const field of OPTION_FIELDS) {
    const raw = get(field);
    if (!raw) continue;
    const { value, mapped: wasMapped } = currentValue(field, raw, renames);
    // Own properties only: `in` would accept "toString", "constructor" or "__proto__" as an option.
    if (!Object.hasOwn(FILTER_OPTIONS[field], value)) {
      errors[field] =
        `“${raw.slice(0, 40)}” is not one of the ${FIELD_LABELS[field].toLowerCase()} choices. Choose one from the list.`;
      continue;
    }
    if (wasMapped) mapped.push({ field, from: raw, to: value });
    filters[field] = value;
  }
  const trust = get("trust");
  if (trust) {
    if (/^[a-z0-9][a-z0-9-]{0,79}$/.test(trust)) filters.trust = trust;
    else errors.trust = "That is not a trust Staffroom knows. Choose one from the list.";
  }
  const minSalary = get("minSalary").replace(/[£,\s]/g, "");
  if (minSalary) {
    const parsed = salary.safeParse(minSalary);
    if (parsed.success) filters.minSalary = parsed.data;
    else errors.minSalary = "Enter a salary in whole pounds a year, like 35000";
  }
  for (const flag of ["ect", "visa", "atLocalRate"] as const) {
    const raw = get(flag).toLowerCase();
    if (!raw) continue;
    if (YES.has(raw)) filters[flag] = true;
    else errors[flag] = "Tick the box, or leave it empty";
  }

  let q = get("q");
  if (q.length > MAX_TEXT) {
    errors.q = `Use ${MAX_TEXT} characters or fewer`;
    q = q.slice(0, MAX_TEXT);
  }
  const location = get("location");
  if (location.length > 80) errors.location = "Enter a postcode, town or local authority (80 characters or fewer)";

  let radiusMiles = DEFAULT_RADIUS_MILES;
  const radius = get("radius");
  if (radius) {
    if ((RADII_MILES as readonly number[]).includes(Number(radius))) radiusMiles = Number(radius);
    else errors.radiusMiles = `Choose a distance from the list (${RADII_MILES.join(", ")} miles)`;
  }

  let sort: SortOrder | null = null;
  const sortRaw = get("sort");
  if (sortRaw) {
    if ((SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as SortOrder;
    else errors.sort = "Choose an order from the list";
  }

  let pageNumber = 1;
  const pageRaw = get("page");
  if (pageRaw) {
    const parsed = page.safeParse(pageRaw);
    if (parsed.success) pageNumber = parsed.data;
    else errors.page = `Pages run from 1 to ${MAX_PAGE}`;
  }
  const view = get("view") === "map" ? "map" : "list";
  return { query: { q, location, radiusMiles, filters, sort, page: pageNumber, view }, errors, mapped };
}

/** The order results come in when none is asked for: best match with words, nearest with a place, else newest. */
export function defaultSort(query: Pick<SearchPageQuery, "q" | "location">): SortOrder {
  if (query.q) return "relevance";
  if (query.location) return "distance";
  return "newest";
}

/** The sorts that make sense for this query, for the sort select. */
export function availableSorts(query: Pick<SearchPageQuery, "q" | "location">): SortOrder[] {
  return SORTS.filter((s) => (s !== "relevance" || query.q) && (s !== "distance" || query.location));
}

/**
 * The canonical query string: only what differs from the defaults, in a fixed order. `changes` replaces or
 * (with undefined) removes parts, for links like "page 2" or "without this filter".
 */
export function searchQueryString(query: SearchPageQuery, changes: Partial<SearchPageQuery> = {}): string {
  const q = { ...query, ...changes, filters: { ...query.filters, ...changes.filters } };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.location) {
    params.set("location", q.location);
    if (q.radiusMiles !== DEFAULT_RADIUS_MILES) params.set("radius", String(q.radiusMiles));
  }
  for (const field of [...OPTION_FIELDS, "trust"] as const) {
    const value = q.filters[field];
    if (value) params.set(field, value);
  }
  if (q.filters.minSalary !== undefined) params.set("minSalary", String(q.filters.minSalary));
  if (q.filters.ect) params.set("ect", "yes");
  if (q.filters.visa) params.set("visa", "yes");
  if (q.filters.atLocalRate) params.set("atLocalRate", "yes");
  if (q.sort && q.sort !== defaultSort(q)) params.set("sort", q.sort);
  if (q.view === "map") params.set("view", "map");
  if (q.page > 1) params.set("page", String(q.page));
  return params.toString();
}

/** The filters that are set, as removable labels ("Phase: Primary"). */
export function activeFilterLabels(
  filters: SearchFilters,
  trustNames: Record<string, string> = {},
): { field: FilterField; label: string }[] {
  const out: { field: FilterField; label: string }[] = [];
  for (const field of OPTION_FIELDS) {
    const value = filters[field];
    if (value)
      out.push({
        field,
        label: `${FIELD_LABELS[field]}: ${Object.hasOwn(FILTER_OPTIONS[field], value) ? (FILTER_OPTIONS[field] as Record<string, string>)[value] : value}`,
      });
  }
  if (filters.trust) out.push({ field: "trust", label: `Trust: ${trustNames[filters.trust] ?? filters.trust}` });
  if (filters.minSalary !== undefined)
    out.push({ field: "minSalary", label: `Pays at least £${filters.minSalary.toLocaleString("en-GB")}` });
  if (filters.ect) out.push({ field: "ect", label: "Suitable for ECTs" });
  if (filters.visa) out.push({ field: "visa", label: "Visa sponsorship" });
  if (filters.atLocalRate) out.push({ field: "atLocalRate", label: "Pays at or above the local rate" });
  return out;
}

/** A short human name for a search, for alerts: "maths within 5 miles of M33 6AA · Phase: Secondary". */
export function describeSearch(query: SearchPageQuery, trustNames: Record<string, string> = {}): string {
  const what = query.q ? `“${query.q}”` : "All vacancies";
  const where = query.location ? ` within ${countOf(query.radiusMiles, "mile", "miles")} of ${query.location}` : "";
  const filters = activeFilterLabels(query.filters, trustNames).map((f) => f.label);
  return [`${what}${where}`, ...filters].join(" · ");
}
