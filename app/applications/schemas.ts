import { z } from "../forms/zod";
import { equalityQuestions, qtsStatuses, rightToWorkAnswers } from "../vocabulary/applications";
import { monthIndex } from "./profile";

export { fieldErrorsOf } from "../placements/schemas";

// PostgreSQL cannot store U+0000, and other control characters (but tabs and line breaks) are never typed: refused
// at the field rather than failing in the database.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNTYPABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const typable = { error: "Remove the unusual characters" };

const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `Use ${max} characters or fewer` })
    .refine((v) => !UNTYPABLE.test(v), typable);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use ${max} characters or fewer` })
    .refine((v) => !UNTYPABLE.test(v), typable)
    .optional()
    .transform((v) => v ?? "");

const month = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .refine((v) => monthIndex(v) !== null, { error: `Enter the ${label} as a year and month, for example 2024-09` });

/** A month no later than `today`'s: nobody started or left a job in the future. */
const notFuture = (v: string, today: string) => (monthIndex(v) ?? 0) <= (monthIndex(today) ?? 0);

export const aboutSchema = z
  .object({
    phone: z
      .string({ error: "Enter a phone number" })
      .trim()
      .regex(/^\+?[0-9 ()-]{10,20}$/, { error: "Enter a phone number, like 01632 960 001 or +44 7700 900 982" }),
    qtsStatus: z.enum(qtsStatuses, { error: "Say whether you have qualified teacher status" }),
    trn: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ""))
      .refine((v) => v === "" || /^[0-9]{7}$/.test(v), { error: "A teacher reference number (TRN) is 7 digits" })
      .optional()
      .transform((v) => (v ? v : null)),
    rightToWork: z.enum(rightToWorkAnswers, { error: "Say whether you have the right to work in the UK" }),
    interviewSupport: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.qtsStatus === "awarded" && !v.trn)
      ctx.addIssue({ code: "custom", path: ["trn"], message: "Enter your TRN: everyone with QTS has one" });
  });

export const statementSchema = z.object({
  personalStatement: text("your personal statement", 8000),
});

export const qualificationSchema = (thisYear: number) =>
  z.object({
    title: text("the qualification, for example BA (Hons) History or PGCE Secondary Mathematics"),
    institution: text("where you studied"),
    grade: optionalText(100),
    year: z.coerce
      .number({ error: "Enter the year it was awarded, for example 2019" })
      .int({ error: "Enter a year, for example 2019" })
      .min(1950, { error: "Enter a year from 1950" })
      .max(thisYear + 1, { error: `Enter a year up to ${thisYear + 1}` }),
  });

export const jobSchema = (today: string) =>
  z
    .object({
      employer: text("the employer"),
      jobTitle: text("your job title"),
      startedOn: month("month you started").refine((v) => notFuture(v, today), {
        error: "The start month cannot be in the future",
      }),
      current: z.literal("yes").optional(),
      endedOn: z.string().trim().optional(),
      reasonForLeaving: optionalText(500),
    })
    .superRefine((v, ctx) => {
      if (v.current === "yes") return;
      if (!v.endedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["endedOn"],
          message: "Enter the month you left, or tick that you work here now",
        });
        return;
      }
      const end = monthIndex(v.endedOn);
      if (end === null)
        ctx.addIssue({
          code: "custom",
          path: ["endedOn"],
          message: "Enter the month you left as a year and month, for example 2024-07",
        });
      else if (!notFuture(v.endedOn, today))
        ctx.addIssue({ code: "custom", path: ["endedOn"], message: "The month you left cannot be in the future" });
      else if (end < (monthIndex(v.startedOn) ?? 0))
        ctx.addIssue({
          code: "custom",
          path: ["endedOn"],
          message: "The month you left must be after the month you started",
        });
    })
    .transform(({ current, endedOn, ...job }) => ({ ...job, endedOn: current === "yes" ? null : (endedOn ?? null) }));

export const refereeSchema = z
  .object({
    name: text("the referee's name"),
    jobTitle: text("their job title"),
    organisation: text("their organisation"),
    email: z.string({ error: "Enter their e-mail address" }).trim().toLowerCase().email().max(254),
    phone: optionalText(30),
    relationship: text("how they know you, for example headteacher at my current school", 200),
    currentEmployer: z.enum(["yes", "no"], { error: "Say whether they are from your current or most recent employer" }),
    contactBeforeInterview: z.enum(["yes", "no"], { error: "Say whether they may be contacted before interview" }),
  })
  .transform((r) => ({
    ...r,
    currentEmployer: r.currentEmployer === "yes",
    contactBeforeInterview: r.contactBeforeInterview === "yes",
  }));

export const gapSchema = z.object({
  gapFrom: month("first month of the gap"),
  gapTo: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || monthIndex(v) !== null, { error: "Check the gap's months" }),
  explanation: text("what you were doing, for example travelling, caring for a relative, or studying", 1000),
});

export const removeSchema = z.object({
  kind: z.enum(["qualification", "job", "referee"]),
  entryId: z.string().uuid({ error: "That entry is not yours or no longer exists" }),
});

const equalityFields = Object.fromEntries(
  Object.entries(equalityQuestions).map(([key, q]) => [
    key,
    z
      .enum(q.options as unknown as [string, ...string[]], { error: "Choose one of the options" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
  ]),
);
export const equalitySchema = z.object(equalityFields);

export const supportingStatementSchema = z.object({
  supportingStatement: optionalText(8000),
});

export const withdrawSchema = z.object({ reason: optionalText(500) });

export const messageSchema = z.object({ body: text("a message", 4000) });
export const noteSchema = z.object({ body: text("a note", 4000) });
