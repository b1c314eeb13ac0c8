/**
 * The CSV format HR staff import vacancies in: one row a vacancy, these columns in any order, a header row
 * naming them. Shown on the import page and offered as a downloadable template.
 */
export type Column = { name: string; required: boolean; help: string; example: string };

export const COLUMNS: readonly Column[] = [
  { name: "title", required: true, help: "Job title, 3–150 characters", example: "Teacher of Mathematics" },
  {
    name: "role",
    required: true,
    help: "classroom_teacher, head_of_department, head_of_year, senco, assistant_head, deputy_head, headteacher, teaching_assistant, hlta, cover_supervisor, support or other (the labels work too)",
    example: "classroom_teacher",
  },
  {
    name: "phases",
    required: true,
    help: "One or more of nursery, primary, middle, secondary, 16 plus, all-through, special; separate with ;",
    example: "secondary",
  },
  { name: "key_stages", required: false, help: "eyfs, ks1, ks2, ks3, ks4, ks5; separate with ;", example: "ks3;ks4" },
  {
    name: "subjects",
    required: false,
    help: "Subject names or common names (maths, MFL, D&T, ICT, RE…); separate with ;",
    example: "maths",
  },
  { name: "send_specialism", required: false, help: "yes or no", example: "no" },
  {
    name: "school_urns",
    required: true,
    help: "The URN of each school the role is at, among the schools you post for; separate with ;. A share at another employer's school is added on the form, where that employer confirms it",
    example: "990002;990006",
  },
  {
    name: "fte_shares",
    required: false,
    help: "For a role split between schools: each school's share of the FTE, in the same order; leave blank for a trust-wide role",
    example: "0.6;0.4",
  },
  {
    name: "working_pattern",
    required: false,
    help: "full_time (when blank), part_time, job_share or flexible",
    example: "full_time",
  },
  {
    name: "fte",
    required: false,
    help: "Full-time equivalent, more than 0 and at most 1 (1 when blank and full time)",
    example: "1",
  },
  {
    name: "contract_type",
    required: false,
    help: "permanent (when blank), fixed_term, maternity_cover or casual",
    example: "permanent",
  },
  { name: "fixed_term_months", required: false, help: "Length of a fixed-term contract in months, 1–36", example: "" },
  {
    name: "start",
    required: false,
    help: "A date (yyyy-mm-dd), two dates (yyyy-mm-dd to yyyy-mm-dd), asap, or blank for to be agreed",
    example: "2027-09-01",
  },
  {
    name: "pay_range",
    required: true,
    help: "main, upper, unqualified, leading_practitioner, leadership, support or hourly",
    example: "main",
  },
  { name: "pay_point_from", required: false, help: "First pay point offered, e.g. M1 or L8", example: "M1" },
  { name: "pay_point_to", required: false, help: "Last pay point offered, e.g. M6 or L12", example: "M6" },
  {
    name: "support_grade",
    required: false,
    help: "Support-staff grade or spine points, e.g. Grade 4 (SCP 7–11)",
    example: "",
  },
  {
    name: "salary_min",
    required: false,
    help: "Minimum full-time salary in whole pounds a year (not for hourly roles)",
    example: "32916",
  },
  {
    name: "salary_max",
    required: false,
    help: "Maximum full-time salary in whole pounds a year (not for hourly roles)",
    example: "45352",
  },
  { name: "hourly_rate", required: false, help: "For hourly (casual) roles: pounds an hour, e.g. 12.65", example: "" },
  {
    name: "allowances",
    required: false,
    help: "Allowances as kind:pounds, separated with ; (kinds: tlr1, tlr2, tlr3, sen, recruitment, retention)",
    example: "",
  },
  { name: "ect_suitable", required: false, help: "yes or no", example: "yes" },
  { name: "visa_sponsorship", required: false, help: "yes or no", example: "no" },
  { name: "visits_welcome", required: false, help: "yes or no", example: "yes" },
  {
    name: "about_role",
    required: false,
    help: "The advert: about the role, at least 20 characters (needed to publish)",
    example: "Teach mathematics across key stages 3 and 4 in a friendly department.",
  },
  { name: "about_school", required: false, help: "The advert: about the school", example: "" },
  { name: "skills_experience", required: false, help: "The advert: skills and experience", example: "" },
  { name: "what_we_offer", required: false, help: "The advert: what the school offers", example: "" },
  {
    name: "apply_url",
    required: false,
    help: "A link to apply (https://…); give this or apply_email",
    example: "https://example.org/jobs/maths",
  },
  { name: "apply_email", required: false, help: "An e-mail address to apply to; give this or apply_url", example: "" },
  { name: "contact_name", required: false, help: "Who to contact about the role", example: "" },
  { name: "contact_email", required: false, help: "Their e-mail address", example: "" },
  { name: "contact_phone", required: false, help: "Their phone number", example: "" },
  {
    name: "closes_at",
    required: false,
    help: "Closing date and time, UK time: yyyy-mm-dd hh:mm (needed to publish)",
    example: "2027-03-31 12:00",
  },
  {
    name: "publish_at",
    required: false,
    help: "When to publish, UK time: yyyy-mm-dd hh:mm; blank publishes at once (when publishing is asked for)",
    example: "",
  },
];

export const COLUMN_NAMES = COLUMNS.map((c) => c.name);
export const REQUIRED_COLUMNS = COLUMNS.filter((c) => c.required).map((c) => c.name);

/** Quotes a value for CSV when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template: the header and example rows (at the given school URNs when the user has some). */
export function templateCsv(urns: number[] = [], now = new Date()): string {
  const [first = 990001, second] = urns;
  // Four weeks ahead, so the examples stay valid whenever the template is downloaded.
  const closes = `${new Date(now.getTime() + 28 * 86400_000).toISOString().slice(0, 10)} 12:00`;
  const example = (overrides: Record<string, string>) =>
    COLUMNS.map((c) => csvCell(overrides[c.name] ?? c.example)).join(",");
  const rows = [
    COLUMN_NAMES.join(","),
    example({
      school_urns: second ? `${first};${second}` : String(first),
      fte_shares: second ? "0.6;0.4" : "",
      closes_at: closes,
    }),
    example({
      title: "Teaching Assistant",
      role: "teaching_assistant",
      phases: "primary",
      key_stages: "ks1",
      subjects: "",
      school_urns: String(first),
      fte_shares: "",
      working_pattern: "part_time",
      fte: "0.6",
      contract_type: "casual",
      start: "asap",
      pay_range: "hourly",
      pay_point_from: "",
      pay_point_to: "",
      salary_min: "",
      salary_max: "",
      hourly_rate: "12.65",
      ect_suitable: "no",
      about_role: "Support pupils in key stage 1 with reading and number work, three days a week.",
      apply_url: "",
      apply_email: "jobs@example.org",
      closes_at: closes,
    }),
  ];
  return `${rows.join("\r\n")}\r\n`;
}
