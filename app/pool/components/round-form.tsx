import { Form } from "@remix-run/react";
import { Checkboxes, ErrorSummary, Input, Select, TextArea } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { phaseOptions } from "../../vocabulary/options";
import { bookableSteps, defaultCriteria, poolRoleLabels, poolRoles, screeningStepLabels } from "../../vocabulary/pool";
import { subjectOptions } from "../../vocabulary/subjects";

export type RoundValues = {
  name: string;
  description: string;
  phase: string;
  roles: string[];
  subjects: string[];
  opensOn: string;
  closesOn: string | null;
  steps: string[];
  criteria: string[];
};

/** Opening a round, or changing one: the same fields. Without JavaScript every part works. */
export function RoundForm({
  reply,
  round,
  runners,
  submitLabel,
}: {
  reply?: FormReply;
  round?: RoundValues;
  runners?: { value: string; label: string }[];
  submitLabel: string;
}) {
  const alwaysOpen = reply ? reply.values.alwaysOpen === "yes" : round ? round.closesOn === null : false;
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="round" />
      <input type="hidden" name="intent" value="round" />
      {runners ? (
        <Select prefix="round" name="partnership" label="Partnership" options={runners} reply={reply} />
      ) : null}
      <Input
        prefix="round"
        name="name"
        label="Name"
        reply={reply}
        defaultValue={round?.name}
        hint="For example Demo Vale primary ECT pool 2027"
        autoComplete="off"
      />
      <TextArea
        prefix="round"
        name="description"
        label="About the round (optional)"
        reply={reply}
        defaultValue={round?.description}
        hint="What teachers can expect: the schools, the timetable, how the panel decides"
      />
      <Select
        prefix="round"
        name="phase"
        label="Phase"
        options={phaseOptions}
        reply={reply}
        defaultValue={round?.phase}
      />
      <Checkboxes
        prefix="round"
        name="roles"
        legend="Who the round is for"
        options={poolRoles.map((r) => ({ value: r, label: poolRoleLabels[r] }))}
        reply={reply}
        checked={round?.roles ?? ["ect"]}
      />
      <Checkboxes
        prefix="round"
        name="subjects"
        legend="Subjects (leave all unticked for any subject)"
        options={subjectOptions}
        reply={reply}
        checked={round?.subjects ?? []}
      />
      <Input prefix="round" name="opensOn" type="date" label="Opens on" reply={reply} defaultValue={round?.opensOn} />
      <div className="field choices">
        <div className="choice">
          <input id="round-alwaysOpen" type="checkbox" name="alwaysOpen" value="yes" defaultChecked={alwaysOpen} />
          <label htmlFor="round-alwaysOpen">Always open (no closing date), for example for experienced teachers</label>
        </div>
      </div>
      <Input
        prefix="round"
        name="closesOn"
        type="date"
        label="Closes on"
        hint="Leave empty for an always-open round"
        reply={reply}
        defaultValue={round?.closesOn ?? undefined}
      />
      <Checkboxes
        prefix="round"
        name="steps"
        legend="Screening steps after the application review"
        hint="Every round starts with a review of the application; candidates book a slot for each step ticked"
        options={bookableSteps.map((s) => ({ value: s, label: screeningStepLabels[s] }))}
        reply={reply}
        checked={round?.steps ?? [...bookableSteps]}
      />
      <TextArea
        prefix="round"
        name="criteria"
        label="What the panel scores, one criterion a line"
        reply={reply}
        rows={5}
        defaultValue={(round?.criteria ?? defaultCriteria).join("\n")}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
