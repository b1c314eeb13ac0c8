import { Form } from "@remix-run/react";
import { ErrorSummary, Input, Select, TextArea } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { fairModeLabels, fairModes } from "../../vocabulary/pool";

type Option = { value: string; label: string };

export type FairValues = {
  name: string;
  description: string;
  mode: string;
  hostSchoolId: string;
  place: string;
  onlineUrl: string;
  date: string;
  startTime: string;
  endTime: string;
  poolRoundId: string;
};

/**
 * A fair's details: setting one up, or editing it. Times are London wall-clock times; the fair is at a host school
 * of the partnership (with a place in it) or online (with the link teachers join by).
 */
export function FairForm({
  reply,
  options,
  values,
  partnershipId,
  submitLabel,
}: {
  reply?: FormReply;
  options: { schools: Option[]; rounds: Option[] };
  values?: FairValues;
  /** When setting one up: the partnership it is for. */
  partnershipId?: string;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="fair" />
      <input type="hidden" name="intent" value="fair" />
      {partnershipId ? <input type="hidden" name="partnershipId" value={partnershipId} /> : null}
      <Input prefix="fair" name="name" label="Name" reply={reply} defaultValue={values?.name} autoComplete="off" />
      <TextArea
        prefix="fair"
        name="description"
        label="Description (optional)"
        hint="Who the fair is for, and what to bring"
        reply={reply}
        defaultValue={values?.description}
      />
      <Select
        prefix="fair"
        name="mode"
        label="In person or online"
        options={fairModes.map((m) => ({ value: m, label: fairModeLabels[m] }))}
        reply={reply}
        defaultValue={values?.mode ?? "in_person"}
      />
      <Select
        prefix="fair"
        name="hostSchoolId"
        label="Host school (in person)"
        options={options.schools}
        placeholder="Choose a school"
        reply={reply}
        defaultValue={values?.hostSchoolId}
      />
      <Input
        prefix="fair"
        name="place"
        label="Place at the school (in person, optional)"
        hint="For example: the main hall"
        reply={reply}
        defaultValue={values?.place}
      />
      <Input
        prefix="fair"
        name="onlineUrl"
        label="Meeting link (online)"
        hint="Shown only to registered teachers and the schools"
        reply={reply}
        defaultValue={values?.onlineUrl}
      />
      <Input prefix="fair" name="date" label="Date" type="date" reply={reply} defaultValue={values?.date} />
      <Input
        prefix="fair"
        name="startTime"
        label="Start time"
        hint="24-hour London time, for example 10:00"
        reply={reply}
        defaultValue={values?.startTime}
      />
      <Input
        prefix="fair"
        name="endTime"
        label="End time"
        hint="24-hour London time, for example 15:00"
        reply={reply}
        defaultValue={values?.endTime}
      />
      <Select
        prefix="fair"
        name="poolRoundId"
        label="Pool round teachers can join when they register (optional)"
        options={options.rounds}
        placeholder="No pool round"
        reply={reply}
        defaultValue={values?.poolRoundId}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
