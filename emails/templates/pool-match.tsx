import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/**
 * A school's conversation with a regional pool member (issue 17). To the member: a school shortlisted them, invites
 * them to visit or interview, or offers them a post. To the school's HR: the member accepted or declined, or was
 * appointed elsewhere (the conversation is closed).
 */
export type PoolMatchProps = {
  name: string;
  event: "shortlisted" | "invited" | "offered" | "accepted" | "declined" | "closed";
  schoolName: string;
  roundName: string;
  /** The member's name, in mail to the school. */
  memberName?: string;
  /** "Interview on 14 January 2027 at 10:00", for an invitation. */
  invitation?: string | null;
  roleTitle?: string | null;
  message?: string | null;
  url: string;
};

const headings: Record<PoolMatchProps["event"], string> = {
  shortlisted: "A school is interested in you",
  invited: "A school invites you",
  offered: "A school offers you a post",
  accepted: "Your offer was accepted",
  declined: "Your offer was declined",
  closed: "A pool member has been appointed elsewhere",
};

function summary(p: PoolMatchProps): string {
  switch (p.event) {
    case "shortlisted":
      return `${p.schoolName} has shortlisted you from the ${p.roundName}.`;
    case "invited":
      return `${p.schoolName} invites you: ${p.invitation ?? "to visit"}.`;
    case "offered":
      return `${p.schoolName} offers you the post of ${p.roleTitle ?? "teacher"}.`;
    case "accepted":
      return `${p.memberName} accepted your offer of ${p.roleTitle ?? "a post"} at ${p.schoolName}.`;
    case "declined":
      return `${p.memberName} declined your offer of ${p.roleTitle ?? "a post"} at ${p.schoolName}.`;
    case "closed":
      return `${p.memberName} has accepted a post at another school, so your conversation with them at ${p.schoolName} is closed.`;
  }
}

export function PoolMatch(p: PoolMatchProps) {
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event]}>
      <Text>Hello {p.name},</Text>
      <Text>{summary(p)}</Text>
      {p.message ? <Text>Their message: {p.message}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See it in Staffroom
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

const subjects: Record<PoolMatchProps["event"], string> = {
  shortlisted: "Shortlisted",
  invited: "Invitation",
  offered: "Offer",
  accepted: "Offer accepted",
  declined: "Offer declined",
  closed: "Appointed elsewhere",
};

export const subject = (p: Pick<PoolMatchProps, "event" | "schoolName" | "memberName">) =>
  p.memberName && ["accepted", "declined", "closed"].includes(p.event)
    ? `${subjects[p.event]}: ${p.memberName}, ${p.schoolName}`
    : `${subjects[p.event]}: ${p.schoolName}`;
