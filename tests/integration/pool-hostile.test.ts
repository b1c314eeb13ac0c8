import { describe, it } from "vitest";
import { action as fairAction } from "../../app/routes/fairs.$id._index";
import { action as fairManageAction } from "../../app/routes/fairs.$id.manage";
import { action as fairMineAction } from "../../app/routes/fairs.$id.mine";
import { action as fairSchoolAction } from "../../app/routes/fairs.$id.schools.$schoolId";
import { action as newFairAction } from "../../app/routes/fairs.new";
import { action as manageAction } from "../../app/routes/pool.manage._index";
import { action as roundAction } from "../../app/routes/pool.manage.$roundId";
import { action as mineAction } from "../../app/routes/pool.mine";
import { action as applyAction } from "../../app/routes/pool.rounds.$roundId.apply";
import { action as screeningAction } from "../../app/routes/pool.rounds.$roundId.screening._index";
import { action as candidateAction } from "../../app/routes/pool.rounds.$roundId.screening.$memberId";
import { addFairSchool, createFair } from "../../app/fairs/fairs.server";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { fairInput } from "../support/fair-fixtures";
import { applicant, poolRegion } from "../support/pool-round-fixtures";
import { walkHostileForms, type HostileForm } from "../support/hostile-forms";

const TABLES = [
  "pool_rounds",
  "pool_round_schools",
  "pool_round_panel",
  "pool_members",
  "pool_hidden_from",
  "pool_scores",
  "pool_events",
  "pool_slots",
  "pool_slot_bookings",
  "pool_outcomes",
  "fairs",
  "fair_schools",
  "fair_roles",
  "fair_registrations",
  "fair_slots",
  "fair_bookings",
  "fair_follow_ups",
  "emails",
];

describe("hostile input on every pool and fair form: 4xx with a message, never a 500, nothing written", () => {
  const t = useTestDatabase();

  it("every field of every form, filled with each hostile value", async () => {
    const r = await poolRegion(t.db);
    const candidate = await applicant(t.db, r.round.id, "Hal Hostile");
    const fair = await createFair(t.db, r.admin.id, r.vale.id, fairInput({ hostSchoolId: r.a1.id }));
    if (!fair.ok) throw new Error(fair.message);
    await addFairSchool(t.db, r.admin.id, fair.fairId, { schoolId: r.a1.id, stand: "" });
    const [admin, panel, teacher, schoolHr] = await Promise.all([
      sessionCookie(r.admin),
      sessionCookie(r.hrA),
      sessionCookie(candidate.user),
      sessionCookie(r.schoolHr),
    ]);
    const roundPath = `/pool/manage/${r.round.id}`;
    const roundParams = { roundId: r.round.id };
    const candidatePath = `/pool/rounds/${r.round.id}/screening/${candidate.memberId}`;
    const candidateParams = { roundId: r.round.id, memberId: candidate.memberId };
    const fairParams = { id: fair.fairId };
    const roundFields = ["partnership", "name", "description", "phase", "roles", "subjects", "opensOn", "closesOn"];
    const slotFields = ["step", "day", "from", "until", "minutes", "capacity", "schoolId", "place"];
    const forms: HostileForm[] = [
      {
        name: "open a round",
        action: manageAction,
        path: "/pool/manage",
        params: {},
        cookie: admin,
        intent: "round",
        fields: [...roundFields, "steps", "criteria"],
      },
      ...["round", "schools", "panel", "slots", "remove-slot"].map((intent) => ({
        name: `the round: ${intent}`,
        action: roundAction,
        path: roundPath,
        params: roundParams,
        cookie: admin,
        intent,
        fields: [...roundFields, "schoolId", "email", "userId", "slotId", ...slotFields],
      })),
      {
        name: "the panel's slots",
        action: screeningAction,
        path: `/pool/rounds/${r.round.id}/screening`,
        params: roundParams,
        cookie: panel,
        intent: "slots",
        fields: slotFields,
      },
      ...["score", "move-on"].map((intent) => ({
        name: `a candidate: ${intent}`,
        action: candidateAction,
        path: candidatePath,
        params: candidateParams,
        cookie: panel,
        intent,
        fields: ["step", "score-0", "score-1", "note"],
      })),
      {
        name: "a candidate: not this time",
        action: candidateAction,
        path: candidatePath,
        params: candidateParams,
        cookie: panel,
        intent: "not-this-time",
        fields: ["step", "feedback"],
      },
      {
        name: "the teacher's preferences",
        action: applyAction,
        path: `/pool/rounds/${r.round.id}/apply`,
        params: roundParams,
        cookie: teacher,
        intent: "preferences",
        fields: [
          "phases",
          "subjects",
          "yearGroups",
          "contracts",
          "workingPatterns",
          "postcode",
          "travelMiles",
          "availableFrom",
          "supportingStatement",
          "hideSchool",
          "hideOrganisation",
        ],
      },
      ...["book", "cancel-booking", "consent"].map((intent) => ({
        name: `the teacher's pool page: ${intent}`,
        action: mineAction,
        path: "/pool/mine",
        params: {},
        cookie: teacher,
        intent,
        fields: ["memberId", "slotId", "bookingId", "shown"],
      })),
      {
        name: "the teacher's pool page: withdraw",
        action: mineAction,
        path: "/pool/mine",
        params: {},
        cookie: teacher,
        intent: "withdraw",
        fields: ["memberId", "reason"],
      },
      {
        name: "set up a fair",
        action: newFairAction,
        path: `/fairs/new?partnership=${r.vale.id}`,
        params: {},
        cookie: admin,
        intent: "fair",
        fields: ["name", "mode", "hostSchoolId", "onlineUrl", "date", "startTime", "endTime", "poolRoundId"],
      },
      ...["fair", "school", "remove-school"].map((intent) => ({
        name: `manage a fair: ${intent}`,
        action: fairManageAction,
        path: `/fairs/${fair.fairId}/manage`,
        params: fairParams,
        cookie: admin,
        intent,
        fields: ["name", "mode", "hostSchoolId", "onlineUrl", "date", "startTime", "endTime", "schoolId"],
      })),
      ...["role", "remove-role", "slots", "remove-slot", "follow-up"].map((intent) => ({
        name: `a school at the fair: ${intent}`,
        action: fairSchoolAction,
        path: `/fairs/${fair.fairId}/schools/${r.a1.id}`,
        params: { id: fair.fairId, schoolId: r.a1.id },
        cookie: schoolHr,
        intent,
        fields: [
          "title",
          "phase",
          "contract",
          "vacancyId",
          "roleId",
          "startTime",
          "endTime",
          "minutes",
          "capacity",
          "slotId",
          "registrationId",
          "kind",
        ],
      })),
      ...["book", "cancel-booking"].map((intent) => ({
        name: `the teacher's fair timetable: ${intent}`,
        action: fairMineAction,
        path: `/fairs/${fair.fairId}/mine`,
        params: fairParams,
        cookie: teacher,
        intent,
        fields: ["slotId", "bookingId"],
      })),
      {
        name: "register for a fair",
        action: fairAction,
        path: `/fairs/${fair.fairId}`,
        params: fairParams,
        cookie: teacher,
        intent: "register",
        fields: ["interests", "joinPool"],
        text: true,
      },
    ];
    await walkHostileForms(t.db, TABLES, forms);
  });
});
