import { dayField } from "../forms/fields";
import { z } from "../forms/zod";
import { fieldErrorsOf } from "../forms/outcome";

export { fieldErrorsOf };
import { keyStageLabels, phaseLabels } from "../vocabulary/options";
import { subjectOptions, subjectValues } from "../vocabulary/subjects";
import { academicYearOf, bookingLabels } from "./academic-year";
import type { DateWindow } from "./windows";
import { hostingInterests } from "../vocabulary/placements";

/** Placement phases: the vacancy phases a trainee trains for. */
const placementPhases = ["primary", "secondary", "special"] as const;
export const placementPhaseOptions = placementPhases.map((p) => ({ value: p, label: phaseLabels[p] }));
export const keyStageOptions = Object.entries(keyStageLabels).map(([value, label]) => ({ value, label }));

/** A primary trainee trains across the curriculum: the vocabulary's "primary" subject stands for that. */
export const traineeSubjectOptions = subjectOptions;
const traineeSubjects = subjectValues as [string, ...string[]];

export const routeOptions = [
  { value: "postgraduate_fee_funded", label: "Postgraduate (fee-funded)" },
  { value: "postgraduate_salaried", label: "Postgraduate (salaried)" },
  { value: "teacher_degree_apprenticeship", label: "Teacher degree apprenticeship" },
  { value: "undergraduate", label: "Undergraduate with QTS" },
] as const;

export const hostingInterestOptions: { value: (typeof hostingInterests)[number]; label: string }[] = [
  { value: "actively_looking", label: "Actively looking for trainees" },
  { value: "interested", label: "Interested" },
  { value: "not_this_year", label: "Not this year" },
];

/** A day a form may leave empty: an empty field is no answer, not a bad date. */
const optionalDay = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), day(label).optional());

const day = (label: string) => dayField(label);

const uuid = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .optional()
    .transform((v) => (v ? v : null));

/** The coordinator's reason to book beyond a trainee's travel limit, asked only once they are warned. */
const travelOverrideReason = z.string().trim().max(500, { error: "Keep the reason to 500 characters" }).optional();

export const bookingSchema = z.object({
  traineeId: uuid("Choose the trainee"),
  offerId: uuid("Choose an offer"),
  label: z.enum(bookingLabels, { error: "Choose which placement this is" }),
  startsOn: day("first day"),
  endsOn: day("last day"),
  travelOverrideReason,
  /** A checkbox: "yes" when a full offer should put the trainee on its waiting list instead of refusing. */
  waitlist: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

/** Asking for an agreement: the other side (a school for a provider, a provider for a school) and the year. */
export const agreementRequestSchema = (partnerField: "schoolId" | "providerId", years: readonly number[]) =>
  z
    .object({
      schoolId: z.string().trim().optional(),
      providerId: z.string().trim().optional(),
      academicYear: z.coerce
        .number({ error: "Choose the academic year" })
        .int({ error: "Choose the academic year" })
        .refine((y) => years.includes(y), { error: "Choose one of the academic years shown" }),
    })
    .superRefine((v, ctx) => {
      if (!z.uuid().safeParse(v[partnerField]).success)
        ctx.addIssue({
          code: "custom",
          path: [partnerField],
          message: partnerField === "schoolId" ? "Choose a school" : "Choose an ITT provider",
        });
    });

export const agreementDecisionSchema = z.object({
  agreementId: uuid("Choose an agreement"),
  action: z.enum(["accept", "withdraw"], { error: "Choose to accept or withdraw" }),
  reason: z.string().trim().max(500, { error: "Keep the reason to 500 characters" }).optional(),
});

/** A closure or INSET day a school marks, or one it takes back. */
export const closureSchema = z.object({
  day: day("closed day"),
  kind: z.enum(["closure", "inset"], { error: "Choose closure or INSET day" }),
  remove: z.literal("yes").optional(),
});

export const holdSchema = z.object({
  entryId: uuid("Choose a waiting list place"),
  answer: z.enum(["confirm", "decline"], { error: "Choose to confirm or decline" }),
  travelOverrideReason,
});

export const actSchema = z.object({
  bookingId: uuid("Choose a placement"),
  action: z.enum(["confirm", "accept", "decline", "cancel", "complete"], { error: "Choose what to do" }),
  reason: z.string().trim().max(500, { error: "Keep the reason to 500 characters" }).optional(),
  mentorUserId: z.string().trim().max(40).optional(),
});

export const offerSchema = z
  .object({
    phase: z.enum(placementPhases, { error: "Choose the phase" }),
    subjects: z
      .array(z.enum(subjectValues as [string, ...string[]], { error: "Choose subjects from the list" }))
      .max(5, {
        error: "Choose at most 5 subjects",
      }),
    keyStage: z
      .enum(Object.keys(keyStageLabels) as [string, ...string[]], { error: "Choose a key stage from the list" })
      .optional(),
    send: z.boolean().default(false),
    yearGroups: optionalText(100, "Year groups"),
    startsOn: day("first day of the window"),
    endsOn: day("last day of the window"),
    // An optional second window (spring after autumn, say): plain fields, so the form needs no script to add it.
    secondStartsOn: optionalDay("first day of the second window"),
    secondEndsOn: optionalDay("last day of the second window"),
    places: z.coerce
      .number({ error: "Enter the number of places" })
      .int({ error: "Enter a whole number of places" })
      .min(1, { error: "Offer at least 1 place" })
      .max(50, { error: "Offer at most 50 places" }),
    mentorIds: z.array(z.uuid({ error: "Choose mentors from the list" })).max(10),
    notes: optionalText(2000, "Notes"),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The window must end on or after its first day" });
    if (v.secondStartsOn && !v.secondEndsOn)
      ctx.addIssue({
        code: "custom",
        path: ["secondEndsOn"],
        message: "Enter the second window's last day, or neither",
      });
    if (v.secondEndsOn && !v.secondStartsOn)
      ctx.addIssue({
        code: "custom",
        path: ["secondStartsOn"],
        message: "Enter the second window's first day, or neither",
      });
    if (v.secondStartsOn && v.secondEndsOn) {
      if (v.secondEndsOn < v.secondStartsOn)
        ctx.addIssue({
          code: "custom",
          path: ["secondEndsOn"],
          message: "The second window must end on or after its first day",
        });
      if (v.secondStartsOn <= v.endsOn)
        ctx.addIssue({
          code: "custom",
          path: ["secondStartsOn"],
          message: "The second window must start after the first window ends",
        });
      // An offer belongs to one academic year (agreements and hosting are per year), so both windows must too.
      else if (academicYearOf(v.secondEndsOn) !== academicYearOf(v.startsOn))
        ctx.addIssue({
          code: "custom",
          path: ["secondEndsOn"],
          message: "Both windows must be in the same academic year (September to August)",
        });
    }
    if (v.phase === "secondary" && v.subjects.length === 0 && !v.keyStage)
      ctx.addIssue({ code: "custom", path: ["subjects"], message: "Choose at least one subject, or a key stage" });
  });

export const traineeSchema = z
  .object({
    name: z.string({ error: "Enter the trainee's name" }).trim().min(2, { error: "Enter the trainee's name" }).max(120),
    email: z
      .string({ error: "Enter the trainee's e-mail address" })
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ error: "Enter an e-mail address like name@example.com" })),
    route: z.enum(routeOptions.map((r) => r.value) as [string, ...string[]], { error: "Choose the route" }),
    subject: z.enum(traineeSubjects, { error: "Choose the subject" }),
    phase: z.enum(placementPhases, { error: "Choose the phase" }),
    programmeStartsOn: day("programme's first day"),
    programmeEndsOn: day("programme's last day"),
    targetDays: z.coerce
      .number({ error: "Enter the days in school the programme needs" })
      .int()
      .min(20, { error: "At least 20 days" })
      .max(200, { error: "At most 200 days" }),
    homeArea: z
      .string({ error: "Enter a postcode or outcode" })
      .trim()
      .min(2, { error: "Enter a postcode or outcode, for example M33" })
      .max(10, { error: "Enter a postcode or outcode, for example M33" }),
    maxTravelMiles: z
      .union([z.literal(""), z.coerce.number().int().min(1).max(100)], {
        error: "Enter a whole number of miles from 1 to 100, or leave it empty",
      })
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
  })
  .superRefine((v, ctx) => {
    if (v.programmeEndsOn <= v.programmeStartsOn)
      ctx.addIssue({ code: "custom", path: ["programmeEndsOn"], message: "The programme must end after it starts" });
  });

export const hostingSchema = z
  .object({
    interest: z.enum(hostingInterests, { error: "Choose your school's interest" }),
    reasons: optionalText(1000, "Reasons"),
  })
  .superRefine((v, ctx) => {
    if (v.interest === "not_this_year" && !v.reasons)
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "Say why, so providers can plan" });
  });

export const offerSearchSchema = z.object({
  subject: z.enum(traineeSubjects).optional().catch(undefined),
  phase: z.enum(placementPhases).optional().catch(undefined),
  keyStage: z
    .enum(Object.keys(keyStageLabels) as [string, ...string[]])
    .optional()
    .catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  near: z.string().trim().max(80).optional().catch(undefined),
  miles: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type OfferSearch = z.infer<typeof offerSearchSchema>;

/** The windows an offer's form asked for, earliest first. */
export function windowsOfOffer(v: {
  startsOn: string;
  endsOn: string;
  secondStartsOn?: string;
  secondEndsOn?: string;
}): DateWindow[] {
  const windows = [{ startsOn: v.startsOn, endsOn: v.endsOn }];
  if (v.secondStartsOn && v.secondEndsOn) windows.push({ startsOn: v.secondStartsOn, endsOn: v.secondEndsOn });
  return windows;
}
