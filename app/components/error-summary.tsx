import type { FormMetadata } from "@conform-to/react";
import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** One problem in the summary: its message and, when it belongs to a field, a link to that field's control. */
export type ErrorItem = { message: string; href?: string };

/**
 * Marks an action's JSON as a failed form submission, so the document title says "Error:" (see
 * app/components/document-title.tsx). Every action that refuses a form returns data with this key.
 */
export const FORM_FAILED = "formFailed";
export type FailedForm = { [FORM_FAILED]: true };

export function isFailedForm(data: unknown): data is FailedForm {
  return typeof data === "object" && data !== null && (data as Record<string, unknown>)[FORM_FAILED] === true;
}

/**
 * Conform's errors as summary items, in the order the schema reports them. A field's link points at its control's
 * id (`<form id>-<name>`); choice groups give that id to their first option, so the link lands on an input.
 */
function errorItemsOf(form: Pick<FormMetadata<Record<string, unknown>, string[]>, "id" | "allErrors">) {
  const items: ErrorItem[] = [];
  for (const [name, messages] of Object.entries(form.allErrors ?? {})) {
    if (!messages?.length) continue;
    const href = name ? `#${form.id}-${name}` : undefined;
    items.push({ message: messages.join(". "), href });
  }
  return items;
}

/**
 * GOV.UK's error summary: at the top of the form, focused when it appears so a screen reader reads it and a
 * keyboard user starts from it. It is shown once the form has been submitted (a server answer, `focusKey`, or a
 * submission the browser-side validation stopped), not while a field is checked on leaving it. Without JavaScript
 * the server renders it with `autofocus` on the page that answers the POST. With JavaScript it is focused after
 * each failed submission: conform first moves focus to the first invalid field (in a layout effect, or in its
 * submit handler when it validates in the browser), and this passive effect runs later. Fixing fields one by one
 * shortens the list without moving focus.
 */
export function ErrorSummary({
  id,
  items,
  formId,
  focusKey,
}: {
  id: string;
  items: ErrorItem[];
  formId?: string;
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [submits, setSubmits] = useState(0);
  // The server's answer stays on screen while the page stays: following one of the summary's links changes only the
  // fragment, after which the router no longer hands the page that answer (focusKey becomes undefined).
  const location = useLocation();
  const page = location.pathname + location.search;
  const [answered, setAnswered] = useState<{ page: string; key: unknown }>({ page, key: focusKey });
  if (focusKey != null && (answered.key !== focusKey || answered.page !== page)) setAnswered({ page, key: focusKey });
  const answeredHere = answered.key != null && answered.page === page;
  const shown = items.length > 0 && (submits > 0 || focusKey != null || answeredHere);
  useEffect(() => {
    const form = formId ? document.getElementById(formId) : null;
    // Conform checks a field on leaving it by a submission of its own (submitter named "__intent__"): not a try.
    // Counted after this event: this native listener runs before conform's React handler, which reports the
    // errors and focuses the first invalid field; the summary must take focus after that.
    // A try counts only when the browser-side check stopped it: conform then moves focus to the first invalid field.
    // A submission that goes to the server leaves focus where it was, and its answer arrives as `focusKey`; counting
    // it would pull focus to the summary of the last answer while the page is being replaced.
    const onSubmit = (event: Event) => {
      if ((event as SubmitEvent).submitter?.getAttribute("name") === "__intent__") return;
      const before = document.activeElement;
      setTimeout(() => {
        const after = document.activeElement;
        if (after !== before && form?.contains(after)) setSubmits((n) => n + 1);
      }, 0);
    };
    form?.addEventListener("submit", onSubmit);
    return () => form?.removeEventListener("submit", onSubmit);
  }, [formId]);
  // The ref is set only while the summary is shown.
  // After the parent's effects too: conform focuses the first invalid field from the form's own effect, which runs
  // after this child's, so the summary takes focus on the next task.
  // Only a new answer or a new try moves focus: following one of the summary's own links changes the URL's fragment,
  // and the router then hands the page a different (or no) action result, which must not pull focus back here.
  const focused = useRef<{ focusKey: unknown; submits: number }>({ focusKey: undefined, submits: 0 });
  // What focus was given for is recorded when it is given: an effect cleaned up before its timer fired (React's
  // StrictMode mounts, cleans up and mounts again in development) has not given it.
  useEffect(() => {
    const last = focused.current;
    const newAnswer = focusKey != null && focusKey !== last.focusKey;
    const newTry = submits !== last.submits;
    if (!newAnswer && !newTry) return;
    const timer = setTimeout(() => {
      focused.current = { focusKey: focusKey ?? last.focusKey, submits };
      ref.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [focusKey, submits]);
  // A submission stopped in the browser has no action data for <ErrorTitle />: the title says "Error:" from here.
  useEffect(() => {
    if (!shown || document.title.startsWith("Error: ")) return;
    document.title = `Error: ${document.title}`;
    return () => {
      if (document.title.startsWith("Error: ")) document.title = document.title.slice("Error: ".length);
    };
  }, [shown]);
  if (!shown) return null;
  return (
    <div
      className="error-summary"
      id={id}
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      role="alert"
      // Server-rendered as `autofocus`: a browser without JavaScript lands here on the page that answers the POST.
      autoFocus
    >
      <h2 id={`${id}-title`}>There is a problem</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.href ?? ""}:${item.message}`}>
            {item.href ? <a href={item.href}>{item.message}</a> : item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The summary of a conform form: field errors linked to their controls, form errors unlinked. */
export function FormErrorSummary({
  form,
  focusKey,
}: {
  form: Pick<FormMetadata<Record<string, unknown>, string[]>, "id" | "allErrors" | "errorId">;
  focusKey: unknown;
}) {
  return <ErrorSummary id={form.errorId} items={errorItemsOf(form)} formId={form.id} focusKey={focusKey} />;
}
