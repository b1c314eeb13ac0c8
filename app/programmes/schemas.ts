import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { z } from "../forms/zod";
import { attendanceMarks, programmeKinds, standardStrands, terms } from "../vocabulary/programmes";

export { fieldErrorsOf } from "../placements/schemas";

/**
 * What the programme pages' forms may send, checked before any rule that needs the database (those are in
 * programmes.server.ts and register.server.ts, and answer at the same fields).
 */

export { isUuid } from "../forms/fields";

const uuid = idField;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `Keep the ${label} to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE });

/** An answer a form may leave empty: empty text is no answer. */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the ${label} to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE })
    .optional()
    .transform((v) => (v ? v : null));

const optionalId = (message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), uuid(message).optional());

export const programmeSchema = z
  .object({
    name: text("programme's name", 200),
    kind: z.enum(programmeKinds, { error: "Choose provider-led or school-led" }),
    leadProvider: optionalText("lead provider", 200),
    deliveryPartner: optionalText("delivery partner", 200),
    /** "partnership:<id>" or "organisation:<id>": who runs the programme. */
    runner: z
      .string({ error: "Choose who runs the programme" })
      .regex(/^(partnership|organisation):[0-9a-f-]{36}$/i, { error: "Choose who runs the programme" }),
    ownStrands: optionalText("own strands", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "provider_led") return;
    if (!v.leadProvider)
      ctx.addIssue({
        code: "custom",
        path: ["leadProvider"],
        message: "Name the lead provider of a provider-led programme",
      });
    if (!v.deliveryPartner)
      ctx.addIssue({
        code: "custom",
        path: ["deliveryPartner"],
        message: "Name the delivery partner of a provider-led programme",
      });
  });

/** The standard strands ticked on the programme form (checkboxes named `strand`). */
export function tickedStrands(formData: FormData): string[] {
  const allowed = new Set<string>(standardStrands);
  return formData.getAll("strand").filter((s): s is string => typeof s === "string" && allowed.has(s));
}

/** The programme's own strands, one a line, without blanks or repeats (case-insensitive). */
export function ownStrandNames(lines: string | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of (lines ?? "").split(/\r?\n/)) {
    const name = line.trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export const strandSchema = z.object({ name: text("strand's name", 100) });

export const facilitatorSchema = z.object({
  email: z
    .string({ error: "Enter the facilitator's e-mail address" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter an e-mail address like name@example.com" })),
});

export const cohortSchema = z.object({
  academicYear: z.coerce
    .number({ error: "Choose the academic year" })
    .int({ error: "Choose the academic year" })
    .min(2021, { error: "Choose an academic year from 2021/22" })
    .max(2100, { error: "Choose the academic year" }),
  startTerm: z.enum(terms, { error: "Choose the term the cohort starts" }),
  name: optionalText("cohort's name", 120),
});

const time = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `Enter the ${label} as a 24-hour time, for example 09:30` });

const day = dayField("day of the session", "2027-01-14");

/** A session's details, as typed on a London clock. */
export const sessionSchema = z
  .object({
    title: text("session's title", 200),
    strandId: optionalId("Choose one of the programme's strands"),
    inductionYear: z.coerce
      .number({ error: "Choose year 1 or year 2" })
      .refine((v) => v === 1 || v === 2, { error: "Choose year 1 or year 2" })
      .transform((v): 1 | 2 => (v === 2 ? 2 : 1)),
    date: day,
    startTime: time("start time"),
    endTime: time("end time"),
    venue: z.enum(["school", "online"], { error: "Choose a host school or online" }),
    hostSchoolId: optionalId("Choose the host school"),
    room: optionalText("room", 120),
    capacity: z.coerce
      .number({ error: "Enter how many people the room holds" })
      .int({ error: "Enter a whole number of places" })
      .min(1, { error: "A session holds at least 1 place" })
      .max(500, { error: "A session holds at most 500 places" }),
    optional: z
      .string()
      .optional()
      .transform((v) => v === "yes"),
    facilitatorUserId: optionalId("Choose one of the programme's facilitators"),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The session must end after it starts" });
    if (v.venue === "school" && !v.hostSchoolId)
      ctx.addIssue({ code: "custom", path: ["hostSchoolId"], message: "Choose the host school, or choose online" });
  });

export type SessionInput = z.output<typeof sessionSchema>;

export const cancelSchema = z.object({
  reason: z
    .string({ error: "Say why the session is cancelled" })
    .trim()
    .min(5, { error: "Say why the session is cancelled, in at least 5 characters" })
    .max(500, { error: "Keep the reason to 500 characters" })
    .refine(typable, { error: UNTYPABLE_MESSAGE }),
});

export type RegisterMark = { ectId: string; mark: (typeof attendanceMarks)[number]; reason: string | null };

/**
 * The register form: for each ECT a `mark-<ectId>` radio and a `reason-<ectId>` text. Unmarked ECTs are left as they
 * are; anything that is not one of the marks is refused at that ECT's field.
 */
export function registerMarksOf(formData: FormData): { marks: RegisterMark[]; fieldErrors: Record<string, string[]> } {
  const marks: RegisterMark[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    const m = key.match(/^mark-([0-9a-f-]{36})$/i);
    if (!m || typeof value !== "string" || value === "") continue;
    const ectId = (m[1] ?? "").toLowerCase();
    if (!(attendanceMarks as readonly string[]).includes(value)) {
      fieldErrors[key] = ["Choose present, absent or excused"];
      continue;
    }
    const reason = formData.get(`reason-${ectId}`);
    const trimmed = typeof reason === "string" ? reason.trim().slice(0, 501) : "";
    marks.push({ ectId, mark: value as RegisterMark["mark"], reason: trimmed || null });
  }
  return { marks, fieldErrors };
}
