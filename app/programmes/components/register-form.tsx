import { Form } from "@remix-run/react";
import { ErrorSummary } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { attendanceMarkLabels, attendanceMarks } from "../../vocabulary/programmes";

type Line = { ectId: string; name: string; schoolName: string | null; mark: string | null; reason: string | null };

/**
 * The register as a phone shows it: one short group per ECT (name, three large choices, a reason for excused), one
 * column, one button at the end. Works without JavaScript; a refused save shows each problem at its ECT.
 */
export function RegisterForm({ lines, reply }: { lines: Line[]; reply?: FormReply }) {
  return (
    <Form method="post" noValidate>
      <ErrorSummary reply={reply} prefix="register" />
      <input type="hidden" name="intent" value="register" />
      {lines.map((line) => {
        const markKey = `mark-${line.ectId}`;
        const reasonKey = `reason-${line.ectId}`;
        const chosen = reply ? (reply.values[markKey] ?? "") : (line.mark ?? "");
        const markError = reply?.fieldErrors[markKey]?.join(". ");
        const reasonError = reply?.fieldErrors[reasonKey]?.join(". ");
        const reasonId = `register-${reasonKey}`;
        return (
          <div className="panel" key={line.ectId}>
            <fieldset
              className={`field choices choices--inline register-line${markError || reasonError ? " field--error" : ""}`}
              aria-describedby={markError ? `register-${markKey}-error` : undefined}
            >
              <legend>
                {line.name}
                {line.schoolName ? `, ${line.schoolName}` : ""}
              </legend>
              {markError ? (
                <span className="field-error" id={`register-${markKey}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {markError}
                </span>
              ) : null}
              {attendanceMarks.map((mark, i) => {
                const id = i === 0 ? `register-${markKey}` : `register-${markKey}-${mark}`;
                return (
                  <div className="choice" key={mark}>
                    <input id={id} type="radio" name={markKey} value={mark} defaultChecked={chosen === mark} />
                    <label htmlFor={id}>{attendanceMarkLabels[mark]}</label>
                  </div>
                );
              })}
              <div className={`field${reasonError ? " field--error" : ""}`}>
                <label htmlFor={reasonId}>
                  Reason<span className="visually-hidden"> for {line.name}</span> (needed when excused)
                </label>
                {reasonError ? (
                  <span className="field-error" id={`${reasonId}-error`}>
                    <span className="visually-hidden">Error: </span>
                    {reasonError}
                  </span>
                ) : null}
                <input
                  id={reasonId}
                  name={reasonKey}
                  type="text"
                  defaultValue={reply ? (reply.values[reasonKey] ?? "") : (line.reason ?? "")}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                  autoComplete="off"
                />
              </div>
            </fieldset>
          </div>
        );
      })}
      <button type="submit" className="button">
        Save the register
      </button>
    </Form>
  );
}
