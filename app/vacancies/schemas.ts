import { z } from "../forms/zod";
import { parseFte } from "./fte";
import { fromLondonLocal } from "../vocabulary/london-time";
import { allowanceKinds } from "../vocabulary/options";
import {
  applyMethodLabels,
  contractLabels,
  keyStageLabels,
  payRangeLabels,
  phaseLabels,
  roleLabels,
  startLabels,
  workingPatternLabels,
} from "../vocabulary/options";
import { subjectValues } from "../vocabulary/subjects";

/**
 * "2027-02-30" and "0000-00-00" match the pattern but name no day: the database would refuse them with an
 * error (a 500). Years outside 1900–2999 are typing slips, and JavaScript reads years below 100 as 19xx.
 */
function isCalendarDate(value: string): boolean {
  // The pattern has already matched; a missing part reads as 0, which no check below accepts.
  const [y = 0, m = 0, d = 0] = value.split("-").map(Number);
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Free text typed by people: trimmed, bounded, and with no control characters other than line breaks. */
const text = (max: number, message: string, missing = "Enter an answer") =>
  z
    .string({ error: missing })
    .trim()
    .max(max, message)
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), "Remove the unusual characters");
const optionalText = (max: number, message: string) =>
  text(max, message)
    .optional()
    .transform((v) => (v === "" ? undefined : v));
/** Optional free text that is stored as "" when left blank (conform sends blank fields as missing). */
const blankable = (max: number, message: string) =>
  text(max, message)
    .optional()
    .transform((v) => v ?? "");
const list = <T extends string>(values: readonly [T, ...T[]], message: string, min = 0, minMessage = "") =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(values, { error: message }))
      .min(min, minMessage)
      .max(20),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const pounds = (label: string) =>
  z.coerce
    .number({ error: `Enter the ${label} as a number of pounds` })
    .int(`Enter the ${label} in whole pounds`)
    .min(0, `The ${label} cannot be negative`)
    .max(500_000, `The ${label} looks too high: enter a yearly amount in pounds`);

export const fteField = z.string({ error: "Enter the FTE, for example 1 or 0.6" }).transform((v, ctx) => {
  const fte = parseFte(v);
  if (fte === null) {
    ctx.addIssue({ code: "custom", message: "Enter the FTE as a number more than 0 and at most 1, for example 0.6" });
    return z.NEVER;
  }
  return fte;
});

export const roleStep = z.object({
  title: text(150, "The title must be at most 150 characters", "Enter a job title").pipe(
    z.string().min(3, "Enter a job title of at least 3 characters"),
  ),
  role: z.enum(keysOf(roleLabels), { error: "Choose the kind of role" }),
  phases: list(keysOf(phaseLabels), "Choose phases from the list", 1, "Choose at least one phase"),
  keyStages: list(keysOf(keyStageLabels), "Choose key stages from the list"),
  subjects: list(subjectValues as [string, ...string[]], "Choose subjects from the list"),
  sendSpecialism: checkbox,
  ectSuitable: checkbox,
});

export const schoolShare = z.object({
  schoolId: z.uuid({ error: "Choose a school" }),
  share: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return null;
      const fte = parseFte(v);
      if (fte === null) {
        ctx.addIssue({ code: "custom", message: "Enter this school's share as a number more than 0 and at most 1" });
        return z.NEVER;
      }
      return fte;
    }),
});

export const whereStep = z
  .object({
    locationKind: z.enum(["one", "split", "central"], { error: "Choose where the role is based" }),
    schools: z.array(schoolShare).min(1, "Choose at least one school").max(50),
    workingPattern: z.enum(keysOf(workingPatternLabels), { error: "Choose a working pattern" }),
    fte: fteField,
    hoursPerWeek: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number({ error: "Enter hours as a number" })
        .min(1, "Enter at least 1 hour")
        .max(60, "Enter at most 60 hours a week")
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    const ids = v.schools.map((s) => s.schoolId);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", path: ["schools"], message: "Each school can be chosen once" });
    if (v.locationKind === "one" && v.schools.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["schools"],
        message: "Choose exactly one school, or say the role is shared",
      });
    }
    if (v.locationKind === "split") {
      if (v.schools.length < 2)
        ctx.addIssue({ code: "custom", path: ["schools"], message: "A shared role needs at least two schools" });
      v.schools.forEach((s, i) => {
        if (s.share === null)
          ctx.addIssue({
            code: "custom",
            path: ["schools", i, "share"],
            message: "Enter this school's share of the FTE",
          });
      });
      const sum = v.schools.reduce((a, s) => a + (s.share ?? 0), 0);
      if (v.schools.every((s) => s.share !== null) && sum !== v.fte) {
        ctx.addIssue({
          code: "custom",
          path: ["schools"],
          message: `The schools' shares add up to ${(sum / 1000).toString()} but the role is ${(v.fte / 1000).toString()} FTE`,
        });
      }
    }
    if (v.workingPattern === "full_time" && v.fte !== 1000) {
      ctx.addIssue({ code: "custom", path: ["fte"], message: "A full-time role is 1 FTE: choose part time for less" });
    }
  });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as day, month and year")
  .refine(
    (v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v),
    "Enter a real date, for example 1 September 2027",
  );

export const payStep = z
  .object({
    contractType: z.enum(keysOf(contractLabels), { error: "Choose a contract type" }),
    fixedTermMonths: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number({ error: "Enter the length in months" })
        .int("Enter whole months")
        .min(1, "At least 1 month")
        .max(36, "At most 36 months")
        .optional(),
    ),
    startKind: z.enum(keysOf(startLabels), { error: "Choose when the role starts" }),
    startDate: isoDate.optional().or(z.literal("").transform(() => undefined)),
    startDateTo: isoDate.optional().or(z.literal("").transform(() => undefined)),
    payRange: z.enum(keysOf(payRangeLabels), { error: "Choose a pay range" }),
    payPointFrom: optionalText(10, "Choose a pay point"),
    payPointTo: optionalText(10, "Choose a pay point"),
    supportGrade: optionalText(60, "The grade must be at most 60 characters"),
    salaryMinFte: z.preprocess((v) => (v === "" ? undefined : v), pounds("minimum salary").optional()),
    salaryMaxFte: z.preprocess((v) => (v === "" ? undefined : v), pounds("maximum salary").optional()),
    hourlyRatePounds: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce.number({ error: "Enter the hourly rate in pounds, for example 12.50" }).min(0.01).max(500).optional(),
    ),
    allowances: z.preprocess(
      // The form offers three allowance rows; rows left blank are not allowances.
      (v) => (Array.isArray(v) ? v.filter((a) => a && (a.kind || a.amount)) : v === undefined ? [] : v),
      z
        .array(
          z.object({
            kind: z.enum(allowanceKinds, { error: "Choose the allowance" }),
            amount: pounds("allowance"),
          }),
        )
        .max(6),
    ),
    visaSponsorship: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.contractType === "fixed_term" && v.fixedTermMonths === undefined) {
      ctx.addIssue({ code: "custom", path: ["fixedTermMonths"], message: "Enter how many months the contract lasts" });
    }
    if ((v.startKind === "date" || v.startKind === "range") && !v.startDate) {
      ctx.addIssue({ code: "custom", path: ["startDate"], message: "Enter the start date" });
    }
    if (v.startKind === "range" && (!v.startDateTo || (v.startDate && v.startDateTo < v.startDate))) {
      ctx.addIssue({
        code: "custom",
        path: ["startDateTo"],
        message: "Enter a latest start date on or after the first",
      });
    }
    if (v.payRange === "hourly") {
      if (v.hourlyRatePounds === undefined)
        ctx.addIssue({ code: "custom", path: ["hourlyRatePounds"], message: "Enter the hourly rate" });
      return;
    }
    if (v.salaryMinFte === undefined)
      ctx.addIssue({ code: "custom", path: ["salaryMinFte"], message: "Enter the minimum full-time salary" });
    if (v.salaryMaxFte === undefined)
      ctx.addIssue({ code: "custom", path: ["salaryMaxFte"], message: "Enter the maximum full-time salary" });
    if (v.salaryMinFte !== undefined && v.salaryMaxFte !== undefined && v.salaryMinFte > v.salaryMaxFte) {
      ctx.addIssue({ code: "custom", path: ["salaryMaxFte"], message: "The maximum must be at least the minimum" });
    }
    if (v.salaryMinFte !== undefined && v.salaryMinFte < 5_000) {
      ctx.addIssue({
        code: "custom",
        path: ["salaryMinFte"],
        message: "Enter a full-time yearly salary in pounds, for example 32916",
      });
    }
  });

export const advertStep = z.object({
  aboutRole: text(10_000, "About the role must be at most 10,000 characters", "Describe the role").pipe(
    z.string().min(20, "Describe the role in at least 20 characters"),
  ),
  aboutSchool: blankable(10_000, "About the school must be at most 10,000 characters"),
  skillsExperience: blankable(10_000, "Skills and experience must be at most 10,000 characters"),
  whatWeOffer: blankable(10_000, "What the school offers must be at most 10,000 characters"),
  visitsWelcome: checkbox,
});

/** A date and a time typed in the school's clock (Europe/London). */
const localDateTime = z
  .string({ error: "Enter a date and time" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time")
  .refine(
    (v) =>
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) || (isCalendarDate(v.slice(0, 10)) && fromLondonLocal(v) !== null),
    "Enter a real date and time",
  );

export const applyStep = z
  .object({
    applyMethod: z.enum(["staffroom", "external_link", "email"] as const, { error: "Choose how to apply" }),
    anonymiseUntilShortlisted: checkbox,
    applyUrl: optionalText(2000, "The link is too long").pipe(
      z.url({ protocol: /^https?$/, error: "Enter a link starting https://" }).optional(),
    ),
    applyEmail: optionalText(254, "The address is too long").pipe(
      z.email({ error: "Enter an e-mail address like jobs@school.org.uk" }).optional(),
    ),
    contactName: optionalText(100, "At most 100 characters"),
    contactEmail: optionalText(254, "The address is too long").pipe(
      z.email({ error: "Enter an e-mail address like hr@school.org.uk" }).optional(),
    ),
    contactPhone: optionalText(30, "At most 30 characters").pipe(
      z
        .string()
        .regex(/^[0-9 +()-]{6,30}$/, "Enter a phone number")
        .optional(),
    ),
    publishOn: z.enum(["now", "later"], { error: "Choose when to publish" }),
    publishAt: localDateTime.optional().or(z.literal("").transform(() => undefined)),
    closesAt: localDateTime,
  })
  .superRefine((v, ctx) => {
    if (v.applyMethod === "external_link" && !v.applyUrl)
      ctx.addIssue({ code: "custom", path: ["applyUrl"], message: "Enter the link to apply" });
    if (v.applyMethod === "email" && !v.applyEmail)
      ctx.addIssue({ code: "custom", path: ["applyEmail"], message: "Enter the e-mail address to apply to" });
    if (v.publishOn === "later" && !v.publishAt)
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Enter when to publish" });
  });

export const closeSchema = z.object({
  reason: z.enum(["filled_staffroom", "filled_elsewhere", "withdrawn"], { error: "Choose why the vacancy is closing" }),
  /** What applicants still waiting hear (they are told; nobody is left in silence). */
  messageToApplicants: z
    .string()
    .trim()
    .max(2000, "Use 2,000 characters or fewer")
    .optional()
    .transform((v) => v ?? ""),
});

export const extendSchema = z.object({
  closesAt: localDateTime,
  note: text(500, "At most 500 characters", "Say why the closing date is changing").pipe(
    z.string().min(3, "Say why the closing date is changing"),
  ),
});

export const applyMethodsShown = applyMethodLabels;

/** A school's HR answering for its share of another employer's role (docs/decisions/0022). */
export const shareAnswerSchema = z
  .object({
    schoolId: z.uuid({ error: "Open the share from its page and answer again" }),
    asked: z.iso.datetime({ error: "Open the share from its page and answer again" }),
    decision: z.enum(["confirm", "decline"], { error: "Choose whether your school takes this share" }),
    reason: optionalText(1000, "The reason must be at most 1,000 characters"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why your school declines the share" });
  });
