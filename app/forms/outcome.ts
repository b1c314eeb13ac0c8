import type { z } from "./zod";

/**
 * What a capability's rule decided: done (with what it made), or refused with the HTTP status and the words a person
 * should see, at the form and at each field. One shape for every capability, so routes turn any refusal into the
 * same 400/404/409 page (app/components/intent-forms.server.ts).
 */
export type FieldErrors = Record<string, string[]>;

export type Refusal = { ok: false; status: 400 | 404 | 409; message: string; fieldErrors?: FieldErrors };

export type Outcome<T = object> = ({ ok: true } & T) | Refusal;

export const refuse = (status: Refusal["status"], message: string, fieldErrors?: FieldErrors): Refusal => ({
  ok: false,
  status,
  message,
  fieldErrors,
});

/** Zod's issues as {field: [messages]}, the shape the forms show at each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    const messages = (out[key] ??= []);
    // A list field (scores, ticked boxes) can fail the same way at each entry: say it once.
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return out;
}
