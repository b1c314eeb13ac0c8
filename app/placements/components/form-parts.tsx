import type { ReactNode } from "react";
import { LabelledField } from "../../components/forms";
import type { FormReply } from "../form.server";

/** The reply meant for this form, if the last submission was this form's. */
export function replyFor(reply: FormReply | undefined, intent: string, scope?: string): FormReply | undefined {
  if (!reply || reply.intent !== intent) return undefined;
  if (scope !== undefined && reply.values.bookingId !== scope) return undefined;
  return reply;
}

/** The error summary above a form: the message and each field's errors as links to their fields. */
export function ErrorSummary({ reply, prefix }: { reply?: FormReply; prefix: string }) {
  if (!reply) return null;
  const fields = Object.entries(reply.fieldErrors);
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>There is a problem</h2>
      <ul>
        {fields.length === 0 ? <li>{reply.message}</li> : null}
        {fields.map(([field, messages]) => (
          <li key={field}>
            <a href={`#${prefix}-${field}`}>{messages.join(". ")}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type InputProps = {
  prefix: string;
  name: string;
  label: string;
  reply?: FormReply;
  hint?: ReactNode;
  type?: "text" | "date" | "number" | "email";
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

export function TextArea({ prefix, name, label, reply, hint }: Omit<InputProps, "type">) {
  const id = `${prefix}-${name}`;
  const error = reply?.fieldErrors[name]?.join(". ");
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={3}
          defaultValue={reply?.values[name]}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </LabelledField>
  );
}
