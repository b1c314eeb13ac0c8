import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { z } from "../forms/zod";
import { contractTypes, phaseLabels } from "../vocabulary/options";
import { fairModes, followUpKinds } from "../vocabulary/pool";

/**
 * What the fair pages' forms may send, checked before any rule that needs the database (those are in
 * fairs.server.ts, bookings.server.ts and follow-ups.server.ts, and answer at the same fields).
 */

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `Keep the ${label} to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE });

/** An answer a form may leave empty: empty text is no answer (""). */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the ${label} to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE })
    .optional()
    .transform((v) => v ?? "");

const emptyIsMissing = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = (message: string) => z.preprocess(emptyIsMissing, idField(message).optional());

const time = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `Enter the ${label} as a 24-hour time, for example 09:30` });

const ticked = z
  .string()
  .optional()
  .transform((v) => v === "yes");

/** A fair's details, its times typed on a London clock. */
export const fairSchema = z
  .object({
    name: text("fair's name", 200),
    description: optionalText("description", 4000),
    mode: z.enum(fairModes, { error: "Choose in person or online" }),
    hostSchoolId: optionalId("Choose the host school"),
    place: optionalText("place", 300),
    onlineUrl: z.preprocess(
      emptyIsMissing,
      z
        .url({ protocol: /^https?$/, error: "Enter the meeting link as a web address starting https://" })
        .max(500, { error: "Keep the link to 500 characters" })
        .optional(),
    ),
    date: dayField("date of the fair", "2027-03-12"),
    startTime: time("start time"),
    endTime: time("end time"),
    poolRoundId: optionalId("Choose one of the partnership's pool rounds"),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The fair must end after it starts" });
    if (v.mode === "in_person" && !v.hostSchoolId)
      ctx.addIssue({ code: "custom", path: ["hostSchoolId"], message: "Choose the host school, or choose online" });
    if (v.mode === "online" && !v.onlineUrl)
      ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "Enter the link teachers join the fair by" });
  });
export type FairInput = z.output<typeof fairSchema>;

export const fairSchoolSchema = z.object({
  schoolId: idField("Choose a school of the partnership"),
  stand: optionalText("stand", 200),
});

const phases = Object.keys(phaseLabels) as [keyof typeof phaseLabels, ...(keyof typeof phaseLabels)[]];

/** A role a school expects to fill. */
export const fairRoleSchema = z.object({
  title: text("role's title", 200),
  phase: z.preprocess(emptyIsMissing, z.enum(phases, { error: "Choose a phase from the list" }).optional()),
  subject: optionalText("subject", 120),
  contract: z.preprocess(
    emptyIsMissing,
    z.enum(contractTypes, { error: "Choose a contract from the list" }).optional(),
  ),
  notes: optionalText("notes", 2000),
  vacancyId: optionalId("Choose one of the school's published vacancies"),
});
export type FairRoleInput = z.output<typeof fairRoleSchema>;

/** A run of back-to-back meetings a school offers. */
export const slotRunSchema = z
  .object({
    startTime: time("time of the first meeting"),
    endTime: time("time the meetings end"),
    minutes: z.coerce
      .number({ error: "Enter the minutes each meeting lasts" })
      .int({ error: "Enter a whole number of minutes" })
      .min(5, { error: "A meeting lasts at least 5 minutes" })
      .max(120, { error: "A meeting lasts at most 120 minutes" }),
    capacity: z.coerce
      .number({ error: "Enter how many teachers each meeting takes" })
      .int({ error: "Enter a whole number of teachers" })
      .min(1, { error: "A meeting takes at least 1 teacher" })
      .max(20, { error: "A meeting takes at most 20 teachers" }),
    withWhom: optionalText("who the teachers meet", 200),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The meetings must end after they start" });
  });
export type SlotRunInput = z.output<typeof slotRunSchema>;

export const registrationSchema = z.object({
  interests: optionalText("interests", 1000),
  joinPool: ticked,
});
export type RegistrationInput = z.output<typeof registrationSchema>;

export const idSchema = (name: string, message: string) => z.object({ [name]: idField(message) });

export const followUpSchema = z
  .object({
    registrationId: idField("Choose a teacher your school met"),
    kind: z.enum(followUpKinds, { error: "Choose an invitation to join the pool or to apply" }),
    vacancyId: optionalId("Choose one of your school's published vacancies"),
    message: optionalText("message", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "application_invitation" && !v.vacancyId)
      ctx.addIssue({ code: "custom", path: ["vacancyId"], message: "Choose the vacancy to invite them to apply for" });
  });
export type FollowUpInput = z.output<typeof followUpSchema>;
