/**
 * What the area pay page shows: by default what most readers want (classroom teachers, primary and secondary, main
 * and upper ranges); any other group when asked for in the URL (role, phase, range, kind of employer), with a
 * contents list of every group. Only the asked-for groups are rendered: the whole area was 35 charts on one page.
 */
import { ROLE_FAMILIES, roleFamilies, TEACHER_PAY_RANGES, type RoleFamily } from "./families";
import { employerKinds, type EmployerKind } from "./employers";

export type AreaFilters = { family?: RoleFamily; phase?: string; range?: string; employer?: EmployerKind };
export type AreaFilterErrors = Partial<Record<keyof AreaFilters, string>>;

/** The default selection, when the URL asks for nothing. */
export const LEAD = {
  family: "classroom_teacher",
  phases: ["primary", "secondary"],
  ranges: ["main", "upper"],
} as const;

const own = (o: object, key: string) => Object.hasOwn(o, key);

/** The filters from the URL: unknown values are errors at their field, never silently widened. */
export function parseAreaFilters(params: URLSearchParams, phases: readonly string[]) {
  const filters: AreaFilters = {};
  const errors: AreaFilterErrors = {};
  const family = params.get("role") ?? "";
  if (family) {
    if (own(roleFamilies, family)) filters.family = family as RoleFamily;
    else errors.family = "Choose a role from the list";
  }
  const phase = params.get("phase") ?? "";
  if (phase) {
    if (phases.includes(phase)) filters.phase = phase;
    else errors.phase = "Choose a phase from the list";
  }
  const range = params.get("range") ?? "";
  if (range) {
    if ((TEACHER_PAY_RANGES as readonly string[]).includes(range)) filters.range = range;
    else errors.range = "Choose a pay range from the list";
  }
  const employer = params.get("employer") ?? "";
  if (employer) {
    if (own(employerKinds, employer)) filters.employer = employer as EmployerKind;
    else errors.employer = "Choose a kind of employer from the list";
  }
  return { filters, errors };
}

export const isLeadView = (f: AreaFilters) => !f.family && !f.phase && !f.range;

type Grouped = { family: RoleFamily; phase: string; payRange: string };

/** The groups to draw: the lead selection by default, else those matching every filter given. */
export function selectGroups<G extends Grouped>(groups: G[], f: AreaFilters): G[] {
  if (isLeadView(f))
    return groups.filter(
      (g) =>
        g.family === LEAD.family &&
        (LEAD.phases as readonly string[]).includes(g.phase) &&
        (LEAD.ranges as readonly string[]).includes(g.payRange),
    );
  return groups.filter(
    (g) =>
      (!f.family || g.family === f.family) && (!f.phase || g.phase === f.phase) && (!f.range || g.payRange === f.range),
  );
}

/** The URL of one group (and the employer filter kept), for the contents list. */
export function groupHref(slug: string, g: Grouped, employer?: EmployerKind): string {
  const params = new URLSearchParams({ role: g.family, phase: g.phase, range: g.payRange });
  if (employer) params.set("employer", employer);
  return `/pay/${slug}?${params.toString()}`;
}

export const familyOptions = ROLE_FAMILIES.map((f) => ({ value: f, label: roleFamilies[f].label }));
