import { sql, type SQL } from "drizzle-orm";

/**
 * Who employs a school's staff, as SQL over a school row alias: its academy trust; for a maintained school (no trust)
 * its local authority; a school with neither employs its own staff. The key is an organisation id, or `school:<id>`
 * for a school that is its own employer, so two schools have the same employer exactly when their keys are equal.
 *
 * A local authority is matched on its DfE code (as app/access/scope.server.ts does); should two organisations carry
 * the same code, the one in the school's partnership wins.
 */

function localAuthorityOf(school: SQL): SQL {
  return sql`(SELECT emp_la.id FROM organisations emp_la
               WHERE emp_la.kind = 'local_authority' AND emp_la.la_code = ${school}.la_code AND ${school}.trust_id IS NULL
               ORDER BY (emp_la.partnership_id IS NOT DISTINCT FROM ${school}.partnership_id) DESC, emp_la.id
               LIMIT 1)`;
}

/** The employer's key for school row `alias`. */
export function schoolEmployerKey(alias: string): SQL {
  const s = sql.raw(alias);
  return sql`coalesce(${s}.trust_id, ${localAuthorityOf(s)}, 'school:' || ${s}.id)`;
}

/** The employer's name for school row `alias`: the trust's or authority's name, or the school's own. */
export function schoolEmployerName(alias: string): SQL {
  const s = sql.raw(alias);
  return sql`coalesce((SELECT emp_o.name FROM organisations emp_o WHERE emp_o.id = coalesce(${s}.trust_id, ${localAuthorityOf(s)})), ${s}.name)`;
}

/**
 * The key of a vacancy's employer of record (the lead employer), over vacancy row `alias`: the organisation that owns
 * it or, for a vacancy a school's own HR posted, that school's employer.
 */
export function leadEmployerKey(alias: string): SQL {
  const v = sql.raw(alias);
  return sql`coalesce(${v}.owner_organisation_id,
                      (SELECT ${schoolEmployerKey("emp_os")} FROM schools emp_os WHERE emp_os.id = ${v}.owner_school_id))`;
}

/** The partnership of a vacancy's owner, over vacancy row `alias`: other employers' schools must be in it. */
export function ownerPartnership(alias: string): SQL {
  const v = sql.raw(alias);
  return sql`coalesce((SELECT emp_o.partnership_id FROM organisations emp_o WHERE emp_o.id = ${v}.owner_organisation_id),
                      (SELECT emp_os.partnership_id FROM schools emp_os WHERE emp_os.id = ${v}.owner_school_id))`;
}
