import { FieldError, type Field } from "./forms";

type Option = { value: string; label: string };

function initialList(meta: Field): string[] {
  const v = meta.initialValue;
  if (Array.isArray(v)) return v.map(String);
  return typeof v === "string" && v ? [v] : [];
}

/**
 * A fieldset of checkboxes (several choices) or radios (one), with its error tied to the legend and shown above the
 * options. The first option takes the field's id, so the error summary's link lands on an input (GOV.UK's pattern).
 */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  options,
  type,
  inline,
}: {
  meta: Field;
  legend: string;
  hint?: string;
  options: readonly Option[];
  type: "checkbox" | "radio";
  inline?: boolean;
}) {
  const chosen = initialList(meta);
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  const optionId = (i: number, value: string) => (i === 0 ? meta.id : `${meta.id}-${value}`);
  return (
    <fieldset
      className={`field choices${inline ? " choices--inline" : ""}${meta.errors ? " field--error" : ""}`}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
      {options.map((o, i) => (
        <div className="choice" key={o.value}>
          <input
            type={type}
            id={optionId(i, o.value)}
            name={meta.name}
            value={o.value}
            defaultChecked={chosen.includes(o.value)}
            aria-invalid={meta.errors ? true : undefined}
          />
          <label htmlFor={optionId(i, o.value)}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One yes/no checkbox. */
export function Checkbox({ meta, label, hint }: { meta: Field; label: string; hint?: string }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className={`field choice${meta.errors ? " field--error" : ""}`}>
      <FieldError id={meta.errorId} errors={meta.errors} />
      <input
        type="checkbox"
        id={meta.id}
        name={meta.name}
        defaultChecked={meta.initialValue === "on"}
        aria-invalid={meta.errors ? true : undefined}
        aria-describedby={[hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined}
      />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
