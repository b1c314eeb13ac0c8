import { Form } from "@remix-run/react";
import { ErrorSummary, Input, Select } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";

type Option = { value: string; label: string };

export type SessionValues = {
  title: string;
  strandId: string | null;
  inductionYear: number;
  date: string;
  startTime: string;
  endTime: string;
  online: boolean;
  hostSchoolId: string | null;
  room: string | null;
  capacity: number;
  optional: boolean;
  facilitatorUserId: string | null;
};

/**
 * A session's details: adding one to a cohort, or editing (moving) one. Times are London wall-clock times; the
 * venue is a host school of the programme's partnership (with a room) or online.
 */
export function SessionForm({
  reply,
  options,
  values,
  submitLabel,
}: {
  reply?: FormReply;
  options: { strands: Option[]; facilitators: Option[]; schools: Option[] };
  values?: SessionValues;
  submitLabel: string;
}) {
  const venue = reply?.values.venue ?? (values ? (values.online ? "online" : "school") : "school");
  const venueError = reply?.fieldErrors.venue?.join(". ");
  const optional = reply ? reply.values.optional === "yes" : (values?.optional ?? false);
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="session" />
      <input type="hidden" name="intent" value="session" />
      <Input
        prefix="session"
        name="title"
        label="Title"
        reply={reply}
        defaultValue={values?.title}
        autoComplete="off"
      />
      <Select
        prefix="session"
        name="strandId"
        label="Strand"
        options={options.strands}
        placeholder="No strand"
        reply={reply}
        defaultValue={values?.strandId ?? ""}
      />
      <Select
        prefix="session"
        name="inductionYear"
        label="Induction year"
        options={[
          { value: "1", label: "Year 1" },
          { value: "2", label: "Year 2" },
        ]}
        reply={reply}
        defaultValue={String(values?.inductionYear ?? 1)}
        hint="Year 1 sessions fall in the cohort's first academic year, year 2 in the next"
      />
      <Input prefix="session" name="date" label="Date" type="date" reply={reply} defaultValue={values?.date} />
      <Input
        prefix="session"
        name="startTime"
        label="Start time"
        reply={reply}
        defaultValue={values?.startTime}
        hint="24-hour London time, for example 09:30"
      />
      <Input
        prefix="session"
        name="endTime"
        label="End time"
        reply={reply}
        defaultValue={values?.endTime}
        hint="24-hour London time, for example 12:00"
      />
      <fieldset
        className={`field choices choices--inline${venueError ? " field--error" : ""}`}
        aria-describedby={venueError ? "session-venue-error" : undefined}
      >
        <legend>Where</legend>
        {venueError ? (
          <span className="field-error" id="session-venue-error">
            <span className="visually-hidden">Error: </span>
            {venueError}
          </span>
        ) : null}
        <div className="choice">
          <input id="session-venue" type="radio" name="venue" value="school" defaultChecked={venue === "school"} />
          <label htmlFor="session-venue">At a host school</label>
        </div>
        <div className="choice">
          <input
            id="session-venue-online"
            type="radio"
            name="venue"
            value="online"
            defaultChecked={venue === "online"}
          />
          <label htmlFor="session-venue-online">Online</label>
        </div>
      </fieldset>
      <Select
        prefix="session"
        name="hostSchoolId"
        label="Host school (when at a school)"
        options={options.schools}
        placeholder="Choose a school"
        reply={reply}
        defaultValue={values?.hostSchoolId ?? ""}
      />
      <Input prefix="session" name="room" label="Room (optional)" reply={reply} defaultValue={values?.room ?? ""} />
      <Input
        prefix="session"
        name="capacity"
        label="Places"
        type="number"
        reply={reply}
        defaultValue={String(values?.capacity ?? 30)}
        hint="How many the room holds (online: how many may join), from 1 to 500"
      />
      <div className="field choice">
        <input id="session-optional" type="checkbox" name="optional" value="yes" defaultChecked={optional} />
        <label htmlFor="session-optional">
          Optional session (ECTs choose it); otherwise every enrolled ECT is booked on it
        </label>
      </div>
      <Select
        prefix="session"
        name="facilitatorUserId"
        label="Facilitator"
        options={options.facilitators}
        placeholder="Not named yet"
        reply={reply}
        defaultValue={values?.facilitatorUserId ?? ""}
        hint="Add facilitators on the programme's page"
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
