import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../../forms/fields";
import { z } from "../../forms/zod";
import { contractTypes, phaseLabels, workingPatterns } from "../../vocabulary/options";
import { invitationKinds } from "../../vocabulary/pool";
import { subjectValues } from "../../vocabulary/subjects";

/** The pool's forms (issue 17): HR's search (a GET form) and conversation actions; the member's answer. */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const phases = Object.keys(phaseLabels) as [string, ...string[]];

export const searchSchema = z.object({
  school: optional(idField("Choose one of your schools")),
  subject: optional(z.enum(subjectValues as [string, ...string[]], { error: "Choose a subject from the list" })),
  phase: optional(z.enum(phases, { error: "Choose a phase from the list" })),
  miles: optional(
    z.coerce
      .number({ error: "Enter the distance in miles, for example 10" })
      .int({ error: "Enter a whole number of miles" })
      .min(1, { error: "Enter a distance of at least 1 mile" })
      .max(100, { error: "Enter a distance of at most 100 miles" }),
  ),
  startBy: optional(dayField("date they must be available by", "2027-09-01")),
  contract: optional(z.enum(contractTypes, { error: "Choose a contract from the list" })),
  workingPattern: optional(z.enum(workingPatterns, { error: "Choose a working pattern from the list" })),
  page: optional(z.coerce.number({ error: "No such page" }).int({ error: "No such page" }).min(1).max(10_000)),
});

const message = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the message to ${max} characters` })
    .refine(typable, { error: UNTYPABLE_MESSAGE });

export const matchActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("shortlist"), school: idField("Choose one of your schools") }),
  z.object({
    intent: z.literal("invite"),
    school: idField("Choose one of your schools"),
    kind: z.enum(invitationKinds, { error: "Choose a visit or an interview" }),
    at: z
      .string({ error: "Enter the date and time" })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Enter the date and time, for example 2027-01-14T10:00" }),
    message: message(2000).default(""),
  }),
  z.object({
    intent: z.literal("offer"),
    school: idField("Choose one of your schools"),
    roleTitle: z
      .string({ error: "Enter the role" })
      .trim()
      .min(1, { error: "Enter the role, for example Year 3 class teacher" })
      .max(200, { error: "Keep the role to 200 characters" })
      .refine(typable, { error: UNTYPABLE_MESSAGE }),
    message: message(2000).default(""),
    vacancyId: optional(idField("Choose one of your school's vacancies")),
  }),
]);
export type MatchActionInput = z.infer<typeof matchActionSchema>;

export const answerSchema = z.object({
  intent: z.enum(["accept", "decline"], { error: "Choose accept or decline" }),
  matchId: idField("Choose an offer"),
});

/** After this many days a vacancy shared with a pool must be open to everyone. */
const SHARE_DAYS_MAX = 14;

export const poolShareSchema = z.object({
  roundId: idField("Choose a pool round"),
  days: z.coerce
    .number({ error: `Enter a number of days from 1 to ${SHARE_DAYS_MAX}` })
    .int({ error: "Enter a whole number of days" })
    .min(1, { error: "Share it for at least 1 day" })
    .max(SHARE_DAYS_MAX, {
      error: `Share it for at most ${SHARE_DAYS_MAX} days: after that everyone must be able to see it`,
    }),
});
