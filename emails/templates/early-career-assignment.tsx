import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/**
 * An early-career assignment: planned time for an ECT at another school. Sent to every party but the one who acted:
 * proposed, accepted by one school (still waiting for the other), agreed by both, declined or withdrawn.
 */
export type EarlyCareerAssignmentProps = {
  name: string;
  event: "proposed" | "accepted" | "agreed" | "declined" | "withdrawn";
  ectName: string;
  employingSchoolName: string;
  hostSchoolName: string;
  /** "4 January 2027 to 26 March 2027". */
  dates: string;
  purpose: string;
  /** The person who acted. */
  by: string;
  /** The schools whose answer is still awaited. */
  waitingFor: string[];
  reason?: string | null;
  url: string;
};

const headings: Record<EarlyCareerAssignmentProps["event"], string> = {
  proposed: "An early-career assignment is proposed",
  accepted: "An early-career assignment was accepted by one school",
  agreed: "An early-career assignment is agreed",
  declined: "An early-career assignment was declined",
  withdrawn: "An early-career assignment was withdrawn",
};

function summary(p: EarlyCareerAssignmentProps): string {
  const plan = `${p.ectName} (employed by ${p.employingSchoolName}) at ${p.hostSchoolName}, ${p.dates}`;
  switch (p.event) {
    case "proposed":
      return `${p.by} proposes an assignment: ${plan}.`;
    case "accepted":
      return `${p.by} accepted the assignment of ${plan}.`;
    case "agreed":
      return `Both schools have accepted: ${plan}. ${p.ectName} stays employed by ${p.employingSchoolName}.`;
    case "declined":
      return `${p.by} declined the assignment of ${plan}.`;
    case "withdrawn":
      return `${p.by} withdrew the assignment of ${plan}.`;
  }
}

export function EarlyCareerAssignment(p: EarlyCareerAssignmentProps) {
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event]}>
      <Text>Hello {p.name},</Text>
      <Text>{summary(p)}</Text>
      <Text>What it is for: {p.purpose}</Text>
      {p.waitingFor.length > 0 ? <Text>Still waiting for an answer from: {p.waitingFor.join(" and ")}.</Text> : null}
      {p.reason ? <Text>Reason given: {p.reason}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See the assignment
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

const subjects: Record<EarlyCareerAssignmentProps["event"], string> = {
  proposed: "Assignment proposed",
  accepted: "Assignment accepted by one school",
  agreed: "Assignment agreed",
  declined: "Assignment declined",
  withdrawn: "Assignment withdrawn",
};

export const subject = (p: Pick<EarlyCareerAssignmentProps, "event" | "ectName" | "hostSchoolName">) =>
  `${subjects[p.event]}: ${p.ectName} at ${p.hostSchoolName}`;
