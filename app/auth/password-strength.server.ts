import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { changePasswordSchema, resetPasswordSchema, signUpSchema } from "./schemas";

/** zxcvbn's score: 3 means about 10^8 guesses or more, beyond an offline list of common and breached passwords. */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/**
 * Why a new password is too easy to guess, or null when it is strong enough. Checked offline against
 * zxcvbn's common-password, name and word lists and keyboard patterns, and against the person's own details
 * (their e-mail address and name). Server-only: the dictionaries are large and never go to the browser.
 */
function weakPasswordMessage(password: string, userInputs: string[] = []): string | null {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  // zxcvbn's cost grows with length; 100 characters are plenty to judge and keep the check fast.
  const result = factory.check(password.slice(0, 100), userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  return "This password is too common or too easy to guess. Try three or four unrelated words.";
}

const refuseWeak =
  <T>(field: keyof T & string, inputsOf: (v: T) => string[]) =>
  (v: T, ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void }) => {
    const message = weakPasswordMessage(String(v[field]), inputsOf(v));
    if (message) ctx.addIssue({ code: "custom", path: [field], message });
  };

/** The account forms' schemas, plus the strength check (the browser checks length only). */
export const signUpServerSchema = signUpSchema.superRefine(refuseWeak("password", (v) => [v.email, v.name]));
export const resetPasswordServerSchema = resetPasswordSchema.superRefine(refuseWeak("password", () => []));
export const changePasswordServerSchema = changePasswordSchema.superRefine(refuseWeak("newPassword", () => []));
