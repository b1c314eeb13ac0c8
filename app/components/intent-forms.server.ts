import { json } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import { FORM_FAILED } from "./error-summary";

import type { Refusal } from "../forms/outcome";

export type { Refusal };

/**
 * Pages with several small forms, each named by an `intent` field (placements, applications): what a refused form
 * gets back: which form: which form, the errors at each field, and what was typed, to show again. */
export type FormReply = {
  intent: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  /** Every value of a field sent more than once or ticked (checkboxes), to tick them again. */
  lists?: Record<string, string[]>;
};

/** The typed values of a form, text only (never a file), for showing them again beside their errors. */
function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData)
    if (typeof value === "string" && !(key in values)) values[key] = value.slice(0, 2000);
  return values;
}

function typedLists(formData: FormData): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [key, value] of formData) if (typeof value === "string") (lists[key] ??= []).push(value.slice(0, 200));
  return lists;
}

/** A refusal as a response: 404 is thrown (nothing to show), other statuses return the form's errors. */
export function refused(intent: string, outcome: Refusal, formData: FormData) {
  if (outcome.status === 404) throw notFound();
  // Marked as a failed form, so the page's title says "Error:" (ADR 0019).
  return json<FormReply & { [FORM_FAILED]: true }>(
    {
      [FORM_FAILED]: true,
      intent,
      message: outcome.message,
      fieldErrors: outcome.fieldErrors ?? {},
      values: typedValues(formData),
      lists: typedLists(formData),
    },
    { status: outcome.status },
  );
}

/** Field errors from a schema as a 400. */
export function invalidForm(intent: string, fieldErrors: Record<string, string[]>, formData: FormData) {
  return refused(intent, { ok: false, status: 400, message: "Check the form", fieldErrors }, formData);
}
