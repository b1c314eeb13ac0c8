import { Form } from "@remix-run/react";
import { ErrorSummary, Input, Select } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { formatLondonSpan } from "../../vocabulary/london-time";
import { screeningStepLabels, type BookableStep } from "../../vocabulary/pool";
import type { SlotRow } from "../slots.server";

/** A run of interview or observation slots on one day. */
export function SlotRunForm({
  reply,
  steps,
  schools,
}: {
  reply?: FormReply;
  steps: BookableStep[];
  schools: { id: string; name: string }[];
}) {
  if (steps.length === 0) return <p>This round has no interview or observed lesson step, so it needs no slots.</p>;
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="slots" />
      <input type="hidden" name="intent" value="slots" />
      <Select
        prefix="slots"
        name="step"
        label="For"
        options={steps.map((s) => ({ value: s, label: screeningStepLabels[s] }))}
        reply={reply}
      />
      <Input prefix="slots" name="day" type="date" label="Date" reply={reply} />
      <Input
        prefix="slots"
        name="from"
        label="First slot starts (24-hour clock)"
        hint="For example 09:00"
        reply={reply}
      />
      <Input prefix="slots" name="until" label="Last slot ends by" hint="For example 12:30" reply={reply} />
      <Input prefix="slots" name="minutes" type="number" label="Minutes each" defaultValue="30" reply={reply} />
      <Input prefix="slots" name="capacity" type="number" label="Candidates per slot" defaultValue="1" reply={reply} />
      <Select
        prefix="slots"
        name="schoolId"
        label="Host school"
        options={schools.map((s) => ({ value: s.id, label: s.name }))}
        placeholder="Online (give the link below)"
        reply={reply}
      />
      <Input prefix="slots" name="place" label="Room, or the online link" reply={reply} />
      <button type="submit" className="button">
        Add the slots
      </button>
    </Form>
  );
}

/** The round's slots still to come; removable while nobody has booked them. */
export function SlotTable({ slots, removable }: { slots: SlotRow[]; removable: boolean }) {
  if (slots.length === 0) return <p>No slots to come.</p>;
  return (
    <table>
      <caption className="visually-hidden">Slots to come</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">For</th>
          <th scope="col">Where</th>
          <th scope="col">Booked</th>
          {removable ? <th scope="col">Remove</th> : null}
        </tr>
      </thead>
      <tbody>
        {slots.map((s) => (
          <tr key={s.id}>
            <td>{formatLondonSpan(s.startsAt, s.endsAt)}</td>
            <td>{screeningStepLabels[s.step]}</td>
            <td>{[s.schoolName, s.place].filter(Boolean).join(", ") || "Online"}</td>
            <td>
              {s.booked} of {s.capacity}
              {s.candidates.length > 0 ? `: ${s.candidates.join(", ")}` : ""}
            </td>
            {removable ? (
              <td>
                {s.booked === 0 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-slot" />
                    <input type="hidden" name="slotId" value={s.id} />
                    <button type="submit" className="button button--secondary">
                      Remove<span className="visually-hidden"> the slot {formatLondonSpan(s.startsAt, s.endsAt)}</span>
                    </button>
                  </Form>
                ) : (
                  "Booked"
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
