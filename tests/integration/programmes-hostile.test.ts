import { describe, it } from "vitest";
import { action as ectAction } from "../../app/routes/ects.$id";
import { action as ectsAction } from "../../app/routes/ects._index";
import { action as inductionAction } from "../../app/routes/induction";
import { action as programmeAction } from "../../app/routes/programmes.$id._index";
import { action as programmesAction } from "../../app/routes/programmes._index";
import { action as assignmentsAction } from "../../app/routes/programmes.assignments";
import { action as sessionAction } from "../../app/routes/programmes.sessions.$sessionId._index";
import { action as registerAction } from "../../app/routes/programmes.sessions.$sessionId.register";
import { createSession } from "../../app/programmes/programmes.server";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { programmeRegion, sessionInput } from "../support/programme-fixtures";
import { walkHostileForms, type HostileForm } from "../support/hostile-forms";

const TABLES = [
  "ect_programmes",
  "programme_strands",
  "programme_facilitators",
  "programme_cohorts",
  "programme_sessions",
  "ects",
  "ect_school_periods",
  "ect_mentor_periods",
  "cohort_enrolments",
  "session_bookings",
  "session_attendance",
  "school_ect_settings",
  "early_career_assignments",
  "calendar_feeds",
  "emails",
];

describe("hostile input on every ECT programme form: 4xx with a message, never a 500, nothing written", () => {
  const t = useTestDatabase();

  it("every field of every form, filled with each hostile value", async () => {
    const r = await programmeRegion(t.db);
    const made = await createSession(
      t.db,
      r.lead.id,
      r.programme.id,
      r.cohort.id,
      sessionInput({ hostSchoolId: r.a1.id }),
    );
    if (!made.ok) throw new Error(made.message);
    const session = made.sessionId;
    const [lead, tutor, facilitator, ect] = await Promise.all([
      sessionCookie(r.lead),
      sessionCookie(r.tutor),
      sessionCookie(r.facilitator),
      sessionCookie(r.erinUser),
    ]);
    const marks = [`mark-${r.erin.id}`, `reason-${r.erin.id}`, `mark-${r.sam.id}`, `reason-${r.sam.id}`];
    const forms: HostileForm[] = [
      {
        name: "register an ECT",
        action: ectsAction,
        path: "/ects",
        params: {},
        cookie: tutor,
        intent: "register",
        fields: ["schoolId", "name", "email", "trn", "inductionStartsOn", "ftePercent", "appropriateBody"],
      },
      {
        name: "contact hours",
        action: ectsAction,
        path: "/ects",
        params: {},
        cookie: tutor,
        intent: "contact-hours",
        fields: ["schoolId", "weeklyContactHours"],
      },
      ...["mentor", "end-mentor", "leave", "enrol", "withdraw", "details", "book", "cancel-booking"].map((intent) => ({
        name: `the ECT's record: ${intent}`,
        action: ectAction,
        path: `/ects/${r.erin.id}`,
        params: { id: r.erin.id },
        cookie: tutor,
        intent,
        fields: ["mentorUserId", "startsOn", "leavesOn", "cohortId", "ftePercent", "appropriateBody", "sessionId"],
      })),
      ...["assignment-propose", "assignment-decide", "assignment-withdraw"].map((intent) => ({
        name: `assignments: ${intent}`,
        action: assignmentsAction,
        path: "/programmes/assignments",
        params: {},
        cookie: tutor,
        intent,
        fields: ["assignmentId", "ectId", "hostSchoolId", "purpose", "startsOn", "endsOn", "action", "reason"],
      })),
      {
        name: "the ECT's choice",
        action: inductionAction,
        path: "/induction",
        params: {},
        cookie: ect,
        intent: "book",
        fields: ["sessionId"],
      },
      {
        name: "set up a programme",
        action: programmesAction,
        path: "/programmes",
        params: {},
        cookie: lead,
        intent: "programme",
        fields: ["name", "runner", "kind", "leadProvider", "deliveryPartner", "strand"],
      },
      ...["strand", "facilitator", "cohort", "session"].map((intent) => ({
        ...(intent === "strand" ? { text: true as const } : {}),
        name: `the programme: ${intent}`,
        action: programmeAction,
        path: `/programmes/${r.programme.id}`,
        params: { id: r.programme.id },
        cookie: lead,
        intent,
        fields: [
          "name",
          "email",
          "academicYear",
          "startTerm",
          "cohortId",
          "title",
          "strandId",
          "inductionYear",
          "date",
          "startTime",
          "endTime",
          "venue",
          "hostSchoolId",
          "capacity",
          "facilitatorUserId",
        ],
      })),
      ...["session", "cancel"].map((intent) => ({
        ...(intent === "cancel" ? { text: true as const } : {}),
        name: `a session: ${intent}`,
        action: sessionAction,
        path: `/programmes/sessions/${session}`,
        params: { sessionId: session },
        cookie: lead,
        intent,
        fields: [
          "title",
          "strandId",
          "inductionYear",
          "date",
          "startTime",
          "endTime",
          "venue",
          "hostSchoolId",
          "capacity",
          "facilitatorUserId",
          "reason",
        ],
      })),
      {
        name: "the register",
        action: registerAction,
        path: `/programmes/sessions/${session}/register`,
        params: { sessionId: session },
        cookie: facilitator,
        intent: "register",
        fields: marks,
      },
    ];
    await walkHostileForms(t.db, TABLES, forms);
  });
});
