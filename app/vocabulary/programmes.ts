/**
 * The words of shared ECT development programmes, as tuples that db/schema builds its enums and checks from (safe in
 * the browser). The facts behind them are the statutory induction guidance for England (2024).
 */

/** Provider-led (a DfE lead provider and its delivery partner) or school-led (the schools' own programme). */
export const programmeKinds = ["provider_led", "school_led"] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];
export const programmeKindLabels: Record<ProgrammeKind, string> = {
  provider_led: "Provider-led",
  school_led: "School-led",
};

/** The strands the early career framework's training is organised by; a programme may add its own. */
export const standardStrands = [
  "Behaviour",
  "Pedagogy",
  "Curriculum",
  "Assessment",
  "Professional behaviours",
  "Adaptive teaching",
] as const;

/** The three terms of an English school year, in order. */
export const terms = ["autumn", "spring", "summer"] as const;
export type Term = (typeof terms)[number];
export const termLabels: Record<Term, string> = { autumn: "Autumn", spring: "Spring", summer: "Summer" };

/** A register mark. Excused needs a reason and is left out of engagement. */
export const attendanceMarks = ["present", "absent", "excused"] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];
export const attendanceMarkLabels: Record<AttendanceMark, string> = {
  present: "Present",
  absent: "Absent",
  excused: "Excused",
};

/**
 * An early-career assignment to a host school: proposed; accepted once both the employing school and the host have
 * said yes; declined by either; withdrawn by whoever proposed it.
 */
export const assignmentStatuses = ["proposed", "accepted", "declined", "withdrawn"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** Induction is two school years, six terms, full-time equivalent (for those starting since September 2021). */
export const INDUCTION_TERMS_FTE = 6;

/** The timetable reduction an ECT is given for training and mentoring, by induction year. */
export const releasedTimeShare: Record<1 | 2, number> = { 1: 0.1, 2: 0.05 };

/** Engagement below this share of expected sessions is marked for the tutor's support; never a pass or fail. */
export const ENGAGEMENT_MARKER = 0.75;
