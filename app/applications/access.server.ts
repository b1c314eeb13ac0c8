import { sql, type SQL } from "drizzle-orm";
import { hrSchoolIds, managedBy } from "../vacancies/access.server";

/**
 * Who reads a vacancy's applications (the employer's side): HR who manage the vacancy (its trust's or school's HR,
 * or a trust-wide role's trust), and HR of every school the role is placed at, whichever employer that school has
 * (a shared role's schools see who applied). Every query for an application on the employer's side puts this in its
 * WHERE clause, over the vacancy alias `alias`; nothing else decides it.
 */
export function readsApplicationsOf(userId: string, alias = "v"): SQL {
  const v = sql.raw(alias);
  return sql`(${managedBy(userId, alias)}
              OR EXISTS (SELECT 1 FROM vacancy_schools vs_r
                          WHERE vs_r.vacancy_id = ${v}.id AND vs_r.school_id = ANY(ARRAY(${hrSchoolIds(userId)}))))`;
}

/** An id as the database stores them; anything else cannot name an application and is a 404 without a query. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
