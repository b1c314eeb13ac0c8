import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

export type PlacementUpdateProps = {
  name: string;
  /** What happened to the placement. */
  event: "requested" | "accepted" | "declined" | "cancelled" | "held" | "lapsed";
  traineeName: string;
  schoolName: string;
  placementName: string;
  dates: string;
  reason?: string | null;
  mentorName?: string | null;
  /** For a place held from the waiting list: when the hold ends unless confirmed. */
  confirmBy?: string | null;
  url: string;
};

const headings: Record<PlacementUpdateProps["event"], string> = {
  requested: "A placement is waiting for you",
  accepted: "A placement is confirmed",
  declined: "A placement was declined",
  cancelled: "A placement was cancelled",
  held: "A place is held for you",
  lapsed: "A held place has gone to the next trainee",
};

export function PlacementUpdate(p: PlacementUpdateProps) {
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event]}>
      <Text>Hello {p.name},</Text>
      <Text>
        {p.placementName} for {p.traineeName} at {p.schoolName}, {p.dates}:{" "}
        {p.event === "requested"
          ? "is waiting for a decision."
          : p.event === "accepted"
            ? `is accepted by the school${p.mentorName ? `, with ${p.mentorName} as mentor` : ""}.`
            : p.event === "held"
              ? "a place has come free and is held for the trainee, who was first on the waiting list."
              : p.event === "lapsed"
                ? "the place held from the waiting list was not confirmed in time, so it is offered to the next trainee."
                : `was ${p.event}.`}
      </Text>
      {p.event === "held" && p.confirmBy ? (
        <Text>
          Confirm it or decline it by {p.confirmBy}. If nobody answers by then, it is offered to the next trainee on the
          waiting list.
        </Text>
      ) : null}
      {p.reason ? <Text>Reason given: {p.reason}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See the placement
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

const subjects: Record<PlacementUpdateProps["event"], string> = {
  requested: "Placement request",
  accepted: "Placement confirmed",
  declined: "Placement declined",
  cancelled: "Placement cancelled",
  held: "Placement place held",
  lapsed: "Held placement place lapsed",
};

export const subject = (p: Pick<PlacementUpdateProps, "event" | "traineeName" | "schoolName">) =>
  `${subjects[p.event]}: ${p.traineeName} at ${p.schoolName}`;
