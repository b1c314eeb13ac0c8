import { Form } from "@remix-run/react";
import { LabelledField } from "../../components/forms";
import { ErrorSummary, TextArea } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { answerLabels, referenceQuestions } from "../reference-form";

const prefix = "reference";

/** Yes/no (or not sure) as radios: the first radio takes the field's id, which the error summary links to. */
function Choice({
  name,
  options,
  reply,
}: {
  name: "concernsAboutChildren" | "disciplinary" | "wouldReemploy";
  options: (keyof typeof answerLabels)[];
  reply?: FormReply;
}) {
  const error = reply?.fieldErrors[name]?.join(". ");
  const errorId = `${prefix}-${name}-error`;
  return (
    <fieldset className={`field${error ? " field--error" : ""}`} aria-describedby={error ? errorId : undefined}>
      <legend>{referenceQuestions[name]}</legend>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
      {options.map((value, i) => (
        <div className="choice" key={value}>
          <input
            type="radio"
            id={i === 0 ? `${prefix}-${name}` : `${prefix}-${name}-${value}`}
            name={name}
            value={value}
            defaultChecked={reply?.values[name] === value}
          />
          <label htmlFor={i === 0 ? `${prefix}-${name}` : `${prefix}-${name}-${value}`}>{answerLabels[value]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The referee's structured form: plain HTML that works without JavaScript; a refusal shows each field's error. */
export function ReferenceForm({ reply }: { reply?: FormReply }) {
  return (
    <Form method="post" className="form" noValidate>
      <ErrorSummary reply={reply} prefix={prefix} />
      <TextArea prefix={prefix} name="relationship" label={referenceQuestions.relationship} reply={reply} />
      <TextArea prefix={prefix} name="confirmedRole" label={referenceQuestions.confirmedRole} reply={reply} />
      <Choice name="concernsAboutChildren" options={["no", "yes"]} reply={reply} />
      <TextArea prefix={prefix} name="concernsDetail" label={referenceQuestions.concernsDetail} reply={reply} />
      <Choice name="disciplinary" options={["no", "yes"]} reply={reply} />
      <TextArea prefix={prefix} name="disciplinaryDetail" label={referenceQuestions.disciplinaryDetail} reply={reply} />
      <Choice name="wouldReemploy" options={["yes", "no", "unsure"]} reply={reply} />
      <TextArea prefix={prefix} name="comments" label={referenceQuestions.comments} reply={reply} rows={5} />
      <LabelledField
        id={`${prefix}-signedName`}
        label={referenceQuestions.signedName}
        hint="By typing your name you confirm that what you have said is true to the best of your knowledge."
        error={reply?.fieldErrors.signedName?.join(". ")}
      >
        {(describedBy) => (
          <input
            id={`${prefix}-signedName`}
            name="signedName"
            type="text"
            autoComplete="name"
            defaultValue={reply?.values.signedName}
            aria-describedby={describedBy}
            aria-invalid={reply?.fieldErrors.signedName ? true : undefined}
          />
        )}
      </LabelledField>
      <button type="submit" className="button">
        Send the reference
      </button>
    </Form>
  );
}
