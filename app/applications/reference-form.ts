import { z } from "../forms/zod";
import { fieldErrorsOf } from "./schemas";
import type { ReferenceAnswers } from "../vocabulary/applications";

/** The structured reference (KCSIE part 3): facts a referee can stand behind, not a testimonial. Shared by page and server. */
export const referenceQuestions: Record<keyof ReferenceAnswers, string> = {
  relationship: "How do you know the applicant, and for how long?",
  confirmedRole: "What is (or was) their job with you, and the dates they held it?",
  concernsAboutChildren: "Do you have any concerns about the applicant working with children?",
  concernsDetail: "If so, tell us about them",
  disciplinary: "Has the applicant been the subject of any disciplinary action or allegation relating to children?",
  disciplinaryDetail: "If so, give the details, including any that were found unsubstantiated",
  wouldReemploy: "Would you employ the applicant again?",
  comments: "Anything else the employer should know (optional)",
  signedName: "Your full name, as your signature",
};

/**
 * Typed text, bounded, with no control characters but line breaks (as app/vacancies/schemas.ts): they break logs and
 * layouts, and PostgreSQL cannot store a NUL at all.
 */
const typed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use ${max} characters or fewer` })
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), "Remove the unusual characters");
const text = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).pipe(typed(max));
const optional = (max: number) =>
  typed(max)
    .optional()
    .transform((v) => v ?? "");

const referenceAnswersSchema = z.object({
  relationship: text("Say how you know the applicant", 1000),
  confirmedRole: text("Say what their job is or was, with its dates", 1000),
  concernsAboutChildren: z.enum(["no", "yes"], {
    error: "Say whether you have concerns about them working with children",
  }),
  concernsDetail: optional(4000),
  disciplinary: z.enum(["no", "yes"], { error: "Say whether there has been any disciplinary action or allegation" }),
  disciplinaryDetail: optional(4000),
  wouldReemploy: z.enum(["yes", "no", "unsure"], { error: "Say whether you would employ them again" }),
  comments: optional(4000),
  signedName: text("Enter your full name", 200),
}) satisfies z.ZodType<ReferenceAnswers, unknown>;

/** A "yes" without its detail tells the employer nothing it can act on: checked even when other fields fail. */
function missingDetails(input: Record<string, unknown>): Record<string, string[]> {
  const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";
  const errors: Record<string, string[]> = {};
  if (input.concernsAboutChildren === "yes" && blank(input.concernsDetail))
    errors.concernsDetail = ["Tell us about your concerns"];
  if (input.disciplinary === "yes" && blank(input.disciplinaryDetail)) errors.disciplinaryDetail = ["Give the details"];
  return errors;
}

/** The referee's form, checked whole: every field's error at once. */
export function parseReference(
  input: Record<string, unknown>,
): { ok: true; answers: ReferenceAnswers } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = referenceAnswersSchema.safeParse(input);
  const fieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...missingDetails(input) };
  if (parsed.success && Object.keys(fieldErrors).length === 0) return { ok: true, answers: parsed.data };
  return { ok: false, fieldErrors };
}

export const answerLabels = {
  no: "No",
  yes: "Yes",
  unsure: "Not sure",
} as const;
