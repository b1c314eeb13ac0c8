/**
 * The search document of a vacancy: what both engines index, derived from PostgreSQL (the source of truth)
 * by search/documents.server.ts. Applicants' personal data never appears here: only the advert and its schools.
 */
import type { FacetName, SearchFilters } from "./engine";

export type DocumentSchool = {
  schoolId: string;
  urn: number;
  name: string;
  town: string | null;
  postcode: string | null;
  laName: string;
  lat: number | null;
  lng: number | null;
  /** The school's religious character ("Roman Catholic", "Church of England"), for faith schools only. */
  religiousCharacter?: string | null;
  /** Thousandths of FTE at this school; null for a trust-wide role not split by school. */
  fteShare: number | null;
};

export type VacancyDocument = {
  vacancyId: string;
  title: string;
  role: string;
  phases: string[];
  keyStages: string[];
  subjects: string[];
  contractType: string;
  workingPattern: string;
  payRange: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  hourlyRatePence: number | null;
  /** Thousandths. */
  fteThousandths: number;
  ectSuitable: boolean;
  /** Kinds of allowance the post carries (tlr1, tlr2, sen…); absent in documents made before search used them. */
  allowances?: string[];
  visaSponsorship: boolean;
  /** academy, la_maintained, special, faith: the union over the vacancy's schools. */
  schoolTypes: string[];
  /** Slugs of the trusts involved (the schools' trusts and a trust that owns the post). */
  trusts: string[];
  trustNames: string[];
  ownerName: string;
  /**
   * The other employers whose schools take a share of the role (docs/decisions/0022), in the order of their schools;
   * absent when there are none (and in documents made before roles could be shared across employers).
   */
  sharedWith?: string[];
  /** ISO moments. */
  publishedAt: string;
  closesAt: string;
  aboutRole: string;
  skillsExperience: string;
  schools: DocumentSchool[];
  /** The pay badge of the vacancy's current assessment (app/pay); absent in documents made before it existed. */
  payBadge?: {
    kind:
      | "below_statutory_minimum"
      | "below_national_scale"
      | "below_nearby"
      | "about_local_rate"
      | "at_or_above_local_rate"
      | "none";
    basisPoints: number | null;
  };
};

/**
 * Every filterable value of a document as "facet:value" keys. The Postgres engine filters and counts on these;
 * the Meilisearch engine has an attribute per facet holding the same values.
 */
export function facetKeys(d: VacancyDocument): string[] {
  const keys = [
    `role:${d.role}`,
    ...d.phases.map((p) => `phase:${p}`),
    ...d.keyStages.map((k) => `keyStage:${k}`),
    ...d.subjects.map((s) => `subject:${s}`),
    `contract:${d.contractType}`,
    `pattern:${d.workingPattern}`,
    `payRange:${d.payRange}`,
    ...d.schoolTypes.map((t) => `schoolType:${t}`),
    ...d.trusts.map((t) => `trust:${t}`),
    ...(d.ectSuitable ? ["ect:true"] : []),
    ...(d.visaSponsorship ? ["visa:true"] : []),
    ...(d.payBadge?.kind === "at_or_above_local_rate" ? ["atLocalRate:true"] : []),
  ];
  return [...new Set(keys)];
}

/** Facets that belong to a vacancy's schools rather than the vacancy itself. */
const LOCATION_FACETS: readonly FacetName[] = ["schoolType", "trust"];

/** Keys split into the vacancy's own and its schools', each sorted: how the Postgres engine numbers them. */
export function splitKeys(keys: string[]): { vacancy: string[]; location: string[] } {
  const isLocation = (k: string) => LOCATION_FACETS.includes(k.slice(0, k.indexOf(":")) as FacetName);
  return { vacancy: keys.filter((k) => !isLocation(k)).sort(), location: keys.filter(isLocation).sort() };
}

/** The keys a set of filters requires (all of them); minSalary is a range, not a key. */
export function requiredKeys(filters: SearchFilters): string[] {
  const keys: string[] = [];
  const add = (facet: FacetName, value: string | boolean | undefined) => {
    if (value === undefined || value === false || value === "") return;
    keys.push(`${facet}:${value === true ? "true" : value}`);
  };
  add("role", filters.role);
  add("phase", filters.phase);
  add("keyStage", filters.keyStage);
  add("subject", filters.subject);
  add("contract", filters.contract);
  add("pattern", filters.pattern);
  add("payRange", filters.payRange);
  add("schoolType", filters.schoolType);
  add("trust", filters.trust);
  add("ect", filters.ect);
  add("visa", filters.visa);
  add("atLocalRate", filters.atLocalRate);
  return keys;
}

/** The schools of a vacancy with a location, nearest first from a point, with their distances. */
export function schoolsByDistance(
  d: VacancyDocument,
  from: { lat: number; lng: number } | null,
  distance: (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => number,
): (DocumentSchool & { metres: number | null })[] {
  const withMetres = d.schools.map((s) => ({
    ...s,
    metres: from && s.lat !== null && s.lng !== null ? distance(from, { lat: s.lat, lng: s.lng }) : null,
  }));
  if (!from) return withMetres;
  return withMetres.sort((x, y) => (x.metres ?? Infinity) - (y.metres ?? Infinity));
}
