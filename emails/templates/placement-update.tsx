import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

export type PlacementUpdateProps = {
  name: string;
  /** What happened to the placement. */
  event: "requested" | "accepted" | "declined" | "cancelled";
  traineeName: string;
  schoolName: string;
  placementName: string;
  dates: string;
  reason?: string | null;
  mentorName?: string | null;
  url: string;
};

const headings: Record<PlacementUpdateProps["event"], string> = {
  requested: "A placement is waiting for you",
  accepted: "A placement is confirmed",
  declined: "A placement was declined",
  cancelled: "A placement was cancelled",
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
            : `was ${p.event}.`}
      </Text>
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
};

export const subject = (p: Pick<PlacementUpdateProps, "event" | "traineeName" | "schoolName">) =>
  `${subjects[p.event]}: ${p.traineeName} at ${p.schoolName}`;
