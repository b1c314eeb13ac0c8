import { addDays, format } from "date-fns";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { addMembership, createUser, valeRegion } from "./factories";

/**
 * Fixtures for the area view and early-career assignments: ECTs at several schools of valeRegion, with accounts and
 * tutors (tests/support/ect-fixtures.ts has one school's ECT records; programme-fixtures.ts a programme's sessions).
 */

export { programmeContext } from "./programme-fixtures";

/** A London calendar day `days` from today, as the date columns hold it. */
export const dayFromToday = (days: number) => format(addDays(new Date(), days), "yyyy-MM-dd");

let nextTrn = 2_000_000;

/** An ECT at `schoolId` from `startsOn`, open-ended; with an account when `userId` is given. */
export async function createEct(
  db: Database,
  values: { name: string; schoolId: string; userId?: string; email?: string; startsOn?: string },
) {
  const trn = String(nextTrn++);
  const email = values.email ?? `${values.name.toLowerCase().replace(/\W+/g, ".")}@ect.example`;
  const ect = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO ects (user_id, name, email, trn, induction_starts_on, appropriate_body)
        VALUES (${values.userId ?? null}, ${values.name}, ${email}, ${trn}, '2025-09-01', 'Vale Appropriate Body')
        RETURNING id`),
    ),
    "the ECT inserted",
  );
  await db.execute(sql`
    INSERT INTO ect_school_periods (ect_id, school_id, starts_on)
    VALUES (${ect.id}, ${values.schoolId}, ${values.startsOn ?? "2025-09-01"})`);
  return { id: ect.id, name: values.name, email };
}

/** valeRegion with induction tutors at Navigation (a1), Oldfield Brow (b1) and the foreign school, and two ECTs. */
export async function ectAreaRegion(db: Database) {
  const r = await valeRegion(db);
  const member = async (email: string, name: string, place: { school: { id: string } }) => {
    const user = await createUser(db, { email, name });
    await addMembership(db, user, "induction_tutor", place);
    return user;
  };
  const tutorA1 = await member("tutor@navigation.example", "Nia Navigation", { school: r.a1 });
  const tutorB1 = await member("tutor@oldfield.example", "Ola Oldfield", { school: r.b1 });
  const foreignTutor = await member("tutor@stockport.example", "Sid Stockport", { school: r.foreign });
  const ectUser = await createUser(db, { email: "efa@ect.example", name: "Efa Evans" });
  const efa = await createEct(db, { name: "Efa Evans", schoolId: r.a1.id, userId: ectUser.id, email: ectUser.email });
  const far = await createEct(db, { name: "Finn Far", schoolId: r.foreign.id });
  return { ...r, tutorA1, tutorB1, foreignTutor, ectUser, efa, far };
}
