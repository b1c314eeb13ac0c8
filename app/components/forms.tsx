import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ReactNode } from "react";

/**
 * Conform's metadata for one field of any form. The components read its name, id, errors and initial value, never
 * the form's own type, so one field type serves every form (a step form passes its fields as they are).
 */
export type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

type FieldProps = {
  meta: Field;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "search" | "url" | "tel" | "date" | "datetime-local";
  autoComplete?: string;
};

/**
 * Label, hint and error around one control, with the control told which texts describe it. For forms that
 * conform does not drive (the search form, GET); conform's fields go through FieldShell.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  errorId = `${id}-error`,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  errorId?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId} errors={error ? [error] : undefined} />
      {children(describedBy)}
    </div>
  );
}

function FieldShell({
  meta,
  label,
  hint,
  children,
}: {
  meta: Field;
  label: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  return (
    <LabelledField
      id={meta.id}
      label={label}
      hint={hint}
      error={meta.errors?.length ? meta.errors.join(". ") : undefined}
      errorId={meta.errorId}
    >
      {children}
    </LabelledField>
  );
}

/** A labelled input whose error is announced at the field and tied to it with aria-describedby. */
export function TextField({ meta, label, hint, type = "text", autoComplete }: FieldProps) {
  const props = getInputProps(meta, { type: type === "date" || type === "datetime-local" ? "text" : type });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      {(describedBy) => <input {...props} type={type} autoComplete={autoComplete} aria-describedby={describedBy} />}
    </FieldShell>
  );
}

export function TextAreaField({ meta, label, hint }: Omit<FieldProps, "type" | "autoComplete">) {
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      {(describedBy) => <textarea {...getTextareaProps(meta)} aria-describedby={describedBy} rows={6} />}
    </FieldShell>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
}: Omit<FieldProps, "type" | "autoComplete"> & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      {(describedBy) => (
        <select {...getSelectProps(meta)} aria-describedby={describedBy}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {errors.join(". ")}
    </span>
  );
}
