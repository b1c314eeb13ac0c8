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
