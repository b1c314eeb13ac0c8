/** The choices a vacancy offers, with the labels people read. Values are stored; labels may change. */

type Option<V extends string> = { value: V; label: string };
const options = <V extends string>(entries: Record<V, string>): Option<V>[] =>
  (Object.entries(entries) as [V, string][]).map(([value, label]) => ({ value, label }));

export const roleLabels = {
  classroom_teacher: "Classroom teacher",
  head_of_department: "Head of department or subject",
  head_of_year: "Head of year or phase",
  senco: "SENCO",
  assistant_head: "Assistant headteacher",
  deputy_head: "Deputy headteacher",
  headteacher: "Headteacher",
  teaching_assistant: "Teaching assistant",
  hlta: "Higher level teaching assistant (HLTA)",
  cover_supervisor: "Cover supervisor",
  support: "Support staff",
  other: "Other",
} as const;
export type VacancyRole = keyof typeof roleLabels;
export const roleOptions = options(roleLabels);
export const phaseLabels = {
  nursery: "Nursery",
  primary: "Primary",
  middle: "Middle",
  secondary: "Secondary",
  sixteen_plus: "16 plus",
  all_through: "All-through",
  special: "Special",
} as const;
export type Phase = keyof typeof phaseLabels;
export const phaseOptions = options(phaseLabels);

export const keyStageLabels = {
  eyfs: "Early years (EYFS)",
  ks1: "Key stage 1",
  ks2: "Key stage 2",
  ks3: "Key stage 3",
  ks4: "Key stage 4",
  ks5: "Key stage 5",
} as const;
export type KeyStage = keyof typeof keyStageLabels;
export const keyStageOptions = options(keyStageLabels);

export const contractTypes = ["permanent", "fixed_term", "maternity_cover", "casual"] as const;
export type ContractType = (typeof contractTypes)[number];
export const contractLabels: Record<ContractType, string> = {
  permanent: "Permanent",
  fixed_term: "Fixed term",
  maternity_cover: "Maternity or parental leave cover",
  casual: "Casual",
};
export const contractOptions = options(contractLabels);

export const workingPatterns = ["full_time", "part_time", "job_share", "flexible"] as const;
export type WorkingPattern = (typeof workingPatterns)[number];
export const workingPatternLabels: Record<WorkingPattern, string> = {
  full_time: "Full time",
  part_time: "Part time",
  job_share: "Job share",
  flexible: "Flexible",
};
export const workingPatternOptions = options(workingPatternLabels);

export const payRanges = [
  "main",
  "upper",
  "unqualified",
  "leading_practitioner",
  "leadership",
  "support",
  "hourly",
] as const;
export type PayRange = (typeof payRanges)[number];
export const payRangeLabels: Record<PayRange, string> = {
  main: "Main pay range",
  upper: "Upper pay range",
  unqualified: "Unqualified teacher pay range",
  leading_practitioner: "Leading practitioner pay range",
  leadership: "Leadership pay range",
  support: "Support staff grade or spine",
  hourly: "Hourly rate (casual)",
};
export const payRangeOptions = options(payRangeLabels);

/** Pay points each teachers' range offers, in order, for the "from" and "to" choices. */
export const payPoints: Partial<Record<PayRange, string[]>> = {
  main: ["M1", "M2", "M3", "M4", "M5", "M6"],
  upper: ["U1", "U2", "U3"],
  unqualified: ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"],
  leadership: Array.from({ length: 43 }, (_, i) => `L${i + 1}`),
};

export const startKinds = ["date", "range", "asap", "to_be_agreed"] as const;
export type StartKind = (typeof startKinds)[number];
export const startLabels: Record<StartKind, string> = {
  date: "On a date",
  range: "Between two dates",
  asap: "As soon as possible",
  to_be_agreed: "To be agreed",
};
export const startOptions = options(startLabels);

export const applyMethods = ["staffroom", "external_link", "email"] as const;
export type ApplyMethod = (typeof applyMethods)[number];
export const applyMethodLabels: Record<ApplyMethod, string> = {
  staffroom: "In Staffroom",
  external_link: "On another website",
  email: "By e-mail",
};
export const applyMethodOptions = options(applyMethodLabels);

/** Allowances a teaching post can carry on top of salary. */
export const allowanceKinds = ["tlr1", "tlr2", "tlr3", "sen", "recruitment", "retention"] as const;
export type AllowanceKind = (typeof allowanceKinds)[number];
export type Allowance = { kind: AllowanceKind; amount: number };

export const allowanceLabels: Record<AllowanceKind, string> = {
  tlr1: "TLR1",
  tlr2: "TLR2",
  tlr3: "TLR3",
  sen: "SEN allowance",
  recruitment: "Recruitment payment",
  retention: "Retention payment",
};
