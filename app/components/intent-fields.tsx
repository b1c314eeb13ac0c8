import type { ReactNode } from "react";
import { ErrorSummary as SharedErrorSummary, type ErrorItem } from "./error-summary";
import { FieldError, LabelledField } from "./forms";
import type { FormReply } from "./intent-forms.server";

/** The reply meant for this form, if the last submission was this form's. */
export function replyFor(
  reply: FormReply | undefined,
  intent: string,
  scope?: string,
  scopeField = "bookingId",
): FormReply | undefined {
  if (!reply || reply.intent !== intent) return undefined;
  if (scope !== undefined && reply.values[scopeField] !== scope) return undefined;
  return reply;
}

/**
 * The shared error summary (app/components/error-summary.tsx, ADR 0019) above an intent form: the message, or
 * each field's errors as links to their fields. A new answer from the server takes focus.
 */
export function ErrorSummary({ reply, prefix }: { reply?: FormReply; prefix: string }) {
  if (!reply) return null;
  const fields = Object.entries(reply.fieldErrors);
  const items: ErrorItem[] =
    fields.length === 0
      ? [{ message: reply.message }]
      : fields.map(([field, messages]) => ({ message: messages.join(". "), href: `#${prefix}-${field}` }));
  return <SharedErrorSummary id={`${prefix}-error-summary`} items={items} focusKey={reply} />;
}

type InputProps = {
  prefix: string;
  name: string;
  label: string;
  reply?: FormReply;
  hint?: ReactNode;
  type?: "text" | "date" | "number" | "email" | "month" | "tel";
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
};

/** A labelled input that shows what was typed and its error after a refused submission. */
export function Input({
  prefix,
  name,
  label,
  reply,
  hint,
  type = "text",
  defaultValue,
  required,
  autoComplete,
}: InputProps) {
  const id = `${prefix}-${name}`;
  const error = reply?.fieldErrors[name]?.join(". ");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={reply?.values[name] ?? defaultValue}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
          autoComplete={autoComplete}
        />
      )}
    </LabelledField>
  );
}

export function Select({
  prefix,
  name,
  label,
  reply,
  hint,
  options,
  defaultValue,
  placeholder,
}: Omit<InputProps, "type"> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `${prefix}-${name}`;
  const error = reply?.fieldErrors[name]?.join(". ");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          defaultValue={reply?.values[name] ?? defaultValue ?? ""}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        >
          {placeholder ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function TextArea({
  prefix,
  name,
  label,
  reply,
  hint,
  defaultValue,
  rows = 3,
}: Omit<InputProps, "type"> & { rows?: number }) {
  const id = `${prefix}-${name}`;
  const error = reply?.fieldErrors[name]?.join(". ");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          defaultValue={reply?.values[name] ?? defaultValue}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </LabelledField>
  );
}

/**
 * A fieldset of checkboxes (several choices) for an intent form, ticked as saved or, after a refused submission, as
 * sent. The first box takes the field's id, so the error summary's link lands on an input.
 */
export function Checkboxes({
  prefix,
  name,
  legend,
  options,
  reply,
  hint,
  checked = [],
}: {
  prefix: string;
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  reply?: FormReply;
  hint?: string;
  checked?: readonly string[];
}) {
  const id = `${prefix}-${name}`;
  const error = reply?.fieldErrors[name]?.join(". ");
  const ticked = reply ? (reply.lists?.[name] ?? []) : checked;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`field choices${error ? " field--error" : ""}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId} errors={error ? [error] : undefined} />
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={ticked.includes(o.value)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
