import type { Database } from "../../db/client";
import { places } from "../../db/schema";
import { startPoolApplication } from "../../app/pool/apply-start.server";
import { savePoolApplication, submitPoolApplication } from "../../app/pool/apply.server";
import { addPanelMember, createRound, setRoundSchools } from "../../app/pool/rounds.server";
import type { PoolApplicationInput, RoundInput } from "../../app/pool/schemas";
import { completeProfile } from "./application-fixtures";
import { createUser, valeRegion } from "./factories";

/** A round as the admin's form would make it: open from yesterday to a month on, every step. */
const roundInput = (values: Partial<RoundInput> = {}): RoundInput => ({
  name: "Vale primary ECT pool 2027",
  description: "",
  phase: "primary",
  roles: ["ect"],
  subjects: [],
  opensOn: "2026-01-01",
  closesOn: "2099-12-31",
  steps: ["application_review", "interview", "observed_lesson"],
  criteria: ["Subject knowledge", "Safeguarding"],
  ...values,
});

const preferences = (values: Partial<PoolApplicationInput> = {}): PoolApplicationInput => ({
  subjects: ["mathematics"],
  phases: ["primary"],
  yearGroups: ["5", "6"],
  contracts: ["permanent"],
  workingPatterns: ["full_time"],
  postcode: "M33 7XX",
  travelMiles: 10,
  availableFrom: "2027-09-01",
  supportingStatement: "",
  hideSchool: [],
  hideOrganisation: [],
  ...values,
});

export const context = { appUrl: "http://localhost:3000", enqueue: async () => {} };

/**
 * The vale region (tests/support/factories.ts) with a round run by its admin: trust A's two schools and the LA's
 * school take part, HR of trust A and the LA sit on the panel; a postcode near Sale resolves.
 */
export async function poolRegion(db: Database) {
  const r = await valeRegion(db);
  await db
    .insert(places)
    .values({ key: "M33 7XX", kind: "postcode", lat: 53.4237, lng: -2.3233, source: "test" })
    .onConflictDoNothing();
  const created = await createRound(db, r.admin.id, r.vale.id, roundInput());
  if (!created.ok) throw new Error(created.message);
  const round = { id: created.roundId };
  await setRoundSchools(db, r.admin.id, round.id, [r.a1.id, r.a2.id, r.la1.id]);
  await addPanelMember(db, r.admin.id, round.id, "hr@a.example");
  await addPanelMember(db, r.admin.id, round.id, "hr@trafford.example");
  return { ...r, round };
}

/** A teacher with a complete profile who has applied to the round (sent, at application review). */
export async function applicant(
  db: Database,
  roundId: string,
  name: string,
  options: { consent?: boolean; prefs?: Partial<PoolApplicationInput> } = {},
) {
  const user = await createUser(db, { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@teachers.example` });
  await completeProfile(db, user.id);
  const started = await startPoolApplication(db, user.id, roundId);
  if (!started.ok) throw new Error(started.message);
  const saved = await savePoolApplication(db, user.id, started.memberId, preferences(options.prefs));
  if (!saved.ok) throw new Error(saved.message);
  const sent = await submitPoolApplication(db, context, user.id, started.memberId, options.consent ?? true);
  if (!sent.ok) throw new Error(sent.message);
  return { user, memberId: started.memberId };
}
