import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { z } from "../forms/zod";
import { contractTypes, phaseLabels, workingPatterns } from "../vocabulary/options";
import { bookableSteps, poolRoles, SCORE_MAX, SCORE_MIN, yearGroups } from "../vocabulary/pool";
import { subjects } from "../vocabulary/subjects";

export { fieldErrorsOf } from "../forms/outcome";

/**
 * What the pool's forms may send, checked before any rule that needs the database (those are in rounds.server.ts,
 * apply.server.ts, screening.server.ts and slots.server.ts, and answer at the same fields).
 */

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `Keep it to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep it to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE })
    .optional()
    .transform((v) => v ?? "");

const phases = Object.keys(phaseLabels) as [keyof typeof phaseLabels, ...(keyof typeof phaseLabels)[]];
const subjectValues = subjects.map((s) => s.value) as [string, ...string[]];

/** The values of a checkbox group (FormData.getAll), each one of `allowed`. */
const ticked = <T extends string>(allowed: readonly T[], message: string) =>
  z.array(z.enum(allowed as unknown as [T, ...T[]], { error: message })).max(allowed.length);

/** One line per criterion: what the panel scores. */
export function criteriaLines(raw: string): string[] {
  const seen = new Set<string>();
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

export const roundSchema = z
  .object({
    name: text("the round's name, for example Demo Vale primary ECT pool 2027", 200),
    description: optionalText(4000),
    phase: z.enum(phases, { error: "Choose the phase the round recruits for" }),
    roles: ticked(poolRoles, "Choose who the round is for").min(1, { error: "Choose who the round is for" }),
    subjects: ticked(subjectValues, "Choose subjects from the list"),
    opensOn: dayField("opening date"),
    alwaysOpen: z.literal("yes").optional(),
    closesOn: z.string().trim().optional(),
    steps: ticked(bookableSteps, "Choose the steps from the list"),
    criteria: z
      .string({ error: "Enter what the panel scores, one criterion a line" })
      .trim()
      .max(4000, { error: "Keep the criteria to 4000 characters" })
      .refine(typable, { error: UNTYPABLE_MESSAGE })
      .transform(criteriaLines)
      .refine((c) => c.length >= 1, { error: "Enter what the panel scores, one criterion a line" })
      .refine((c) => c.length <= 12, { error: "Use at most 12 criteria" })
      .refine((c) => c.every((l) => l.length <= 200), { error: "Keep each criterion to 200 characters" }),
  })
  .superRefine((v, ctx) => {
    if (v.alwaysOpen === "yes") return;
    const closes = dayField("closing date").safeParse(v.closesOn ?? "");
    if (!closes.success)
      ctx.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: closes.error.issues[0]?.message ?? "Enter the closing date",
      });
    else if (closes.data < v.opensOn)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "The closing date must be on or after the opening" });
  })
  .transform(({ alwaysOpen, closesOn, steps, ...round }) => ({
    ...round,
    closesOn: alwaysOpen === "yes" ? null : (closesOn ?? null),
    // Application review always comes first; the others keep the order the steps run in.
    steps: ["application_review", ...bookableSteps.filter((s) => steps.includes(s))],
  }));
export type RoundInput = z.output<typeof roundSchema>;

export const schoolsSchema = z.object({ schoolId: z.array(idField("Choose schools from the list")).max(500) });
export const panelSchema = z.object({
  email: z
    .string({ error: "Enter the e-mail address of their Staffroom account" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter an e-mail address, like head@school.example" }).max(254)),
});
export const removePanelSchema = z.object({ userId: z.string().trim().min(1).max(100) });

/** A run of interview or observation slots on one day, London times. */
export const slotRunSchema = z
  .object({
    step: z.enum(bookableSteps, { error: "Choose interview or observed lesson" }),
    day: dayField("date"),
    from: z.string({ error: "Enter the first slot's start" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      error: "Enter a time like 09:00",
    }),
    until: z.string({ error: "Enter when the last slot ends" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      error: "Enter a time like 15:30",
    }),
    minutes: z.coerce
      .number({ error: "Enter how long each slot lasts, in minutes" })
      .int({ error: "Enter whole minutes" })
      .min(10, { error: "A slot lasts at least 10 minutes" })
      .max(240, { error: "A slot lasts at most 240 minutes" }),
    capacity: z.coerce
      .number({ error: "Enter how many candidates each slot takes" })
      .int({ error: "Enter a whole number" })
      .min(1, { error: "Each slot takes at least 1 candidate" })
      .max(50, { error: "Each slot takes at most 50 candidates" }),
    schoolId: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      idField("Choose a school of the round, or online").optional(),
    ),
    place: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.until <= v.from) ctx.addIssue({ code: "custom", path: ["until"], message: "End after the first start" });
  });
export type SlotRunInput = z.output<typeof slotRunSchema>;

/** The teacher's application to a round: preferences, statement, and whom to hide from. */
export const poolApplicationSchema = z.object({
  subjects: ticked(subjectValues, "Choose subjects from the list"),
  phases: ticked(phases, "Choose phases from the list").min(1, { error: "Choose at least one phase" }),
  yearGroups: ticked(yearGroups, "Choose year groups from the list"),
  contracts: ticked(contractTypes, "Choose contracts from the list").min(1, {
    error: "Choose at least one kind of contract",
  }),
  workingPatterns: ticked(workingPatterns, "Choose working patterns from the list").min(1, {
    error: "Choose at least one working pattern",
  }),
  postcode: z
    .string({ error: "Enter the postcode you travel from" })
    .trim()
    .min(1, { error: "Enter the postcode you travel from" })
    .max(10, { error: "Enter a postcode, like DV1 2AB" })
    .refine(typable, { error: UNTYPABLE_MESSAGE }),
  travelMiles: z.coerce
    .number({ error: "Enter how far you will travel, in miles" })
    .int({ error: "Enter whole miles" })
    .min(1, { error: "Enter at least 1 mile" })
    .max(100, { error: "Enter at most 100 miles" }),
  availableFrom: dayField("date you can start", "2027-09-01"),
  supportingStatement: optionalText(8000),
  hideSchool: z.array(idField("Choose schools from the list")).max(200),
  hideOrganisation: z.array(idField("Choose trusts or councils from the list")).max(200),
});
export type PoolApplicationInput = z.output<typeof poolApplicationSchema>;

/**
 * A form's fields for a schema: each of `lists` (checkbox groups, repeated fields) as every value sent, the rest as
 * their one value. A file in place of text is no answer.
 */
export function formFields(formData: FormData, lists: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !(key in fields)) fields[key] = value;
  for (const key of lists) fields[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
  return fields;
}
export const applicationLists = [
  "subjects",
  "phases",
  "yearGroups",
  "contracts",
  "workingPatterns",
  "hideSchool",
  "hideOrganisation",
] as const;
export const roundLists = ["roles", "subjects", "steps"] as const;

export const scoreSchema = (criteria: readonly string[]) =>
  z.object({
    scores: z
      .array(
        z.coerce
          .number({ error: `Score each criterion from ${SCORE_MIN} to ${SCORE_MAX}` })
          .int({ error: `Score each criterion from ${SCORE_MIN} to ${SCORE_MAX}` })
          .min(SCORE_MIN, { error: `Score each criterion from ${SCORE_MIN} to ${SCORE_MAX}` })
          .max(SCORE_MAX, { error: `Score each criterion from ${SCORE_MIN} to ${SCORE_MAX}` }),
      )
      .length(criteria.length, { error: "Score every criterion" }),
    note: optionalText(4000),
  });

export const feedbackSchema = z.object({
  feedback: text("feedback for the candidate: what went well and what would make them stronger", 4000),
});

export const bookingSchema = z.object({ slotId: idField("Choose a slot from the list") });
export const cancelBookingSchema = z.object({ bookingId: idField("That booking is not yours") });
export const withdrawSchema = z.object({ reason: optionalText(500) });
