import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { z } from "../forms/zod";

/** Form schemas of ECT records, mentors and enrolment: shared by the pages and their actions. */

const day = (label: string) => dayField(label, "2026-09-01");

const id = idField;

/** A teacher reference number is seven digits; people copy it with spaces ("12 34 567"), which are dropped. */
const trnField = z
  .string({ error: "Enter the teacher reference number (TRN)" })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "Enter the teacher reference number (TRN)" })
      .regex(/^[0-9]{7}$/, { error: "A teacher reference number (TRN) is 7 digits, for example 1234567" })
      .refine((v) => v !== "0000000", { error: "Enter the ECT's real TRN: 0000000 is not one" }),
  );

export const registerEctSchema = z
  .object({
    schoolId: id("Choose the school the ECT works at"),
    name: z
      .string({ error: "Enter the ECT's full name" })
      .trim()
      .min(1, { error: "Enter the ECT's full name" })
      .max(200, { error: "Keep the name to 200 characters" })
      .refine(typable, { error: UNTYPABLE_MESSAGE }),
    email: z
      .string({ error: "Enter the ECT's e-mail address" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter an e-mail address like name@example.com" }).max(254)),
    trn: trnField,
    inductionStartsOn: day("induction start date"),
    ftePercent: z.coerce
      .number({ error: "Enter the working pattern as a percentage of full time" })
      .int({ error: "Enter a whole percentage, for example 60" })
      .min(10, { error: "The working pattern must be at least 10% of full time" })
      .max(100, { error: "The working pattern is at most 100% (full time)" }),
    appropriateBody: z
      .string({ error: "Enter the appropriate body agreed for the ECT's induction" })
      .trim()
      .min(2, { error: "Enter the appropriate body agreed for the ECT's induction" })
      .max(200, { error: "Keep the appropriate body to 200 characters" })
      .refine(typable, { error: UNTYPABLE_MESSAGE }),
  })
  .superRefine((v, ctx) => {
    // Statutory induction started from September 2021 under the two-year rules; earlier dates are a typing slip.
    if (v.inductionStartsOn < "2021-09-01")
      ctx.addIssue({
        code: "custom",
        path: ["inductionStartsOn"],
        message: "Two-year induction started on or after 1 September 2021: check the year",
      });
  });

export const leaveSchema = z.object({ leavesOn: day("date they leave") });

export const mentorSchema = z.object({
  mentorUserId: id("Choose a mentor"),
  startsOn: day("date the mentoring starts"),
});

export const enrolSchema = z.object({ cohortId: id("Choose a cohort") });

export const sessionChoiceSchema = z.object({ sessionId: id("Choose a session") });

export const contactHoursSchema = z.object({
  schoolId: id("Choose the school"),
  weeklyContactHours: z.coerce
    .number({ error: "Enter the standard weekly contact hours, for example 22.5" })
    .gt(0, { error: "Enter the standard weekly contact hours, more than 0" })
    .max(40, { error: "Standard weekly contact hours are at most 40" }),
});

export const ectDetailsSchema = z.object({
  ftePercent: registerEctSchema.shape.ftePercent,
  appropriateBody: registerEctSchema.shape.appropriateBody,
});
