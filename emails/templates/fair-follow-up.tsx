import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To a teacher a school met at a recruitment fair: an invitation to join the pool, or to apply for a vacancy. */
export type FairFollowUpProps = {
  name: string;
  fairName: string;
  schoolName: string;
  kind: "pool_invitation" | "application_invitation";
  poolRoundName?: string | null;
  vacancyTitle?: string | null;
  /** What the school wrote, if anything. */
  message?: string | null;
  /** The pool round's apply page, or the vacancy. */
  url: string;
};

export function FairFollowUp(p: FairFollowUpProps) {
  const invitation =
    p.kind === "pool_invitation"
      ? `${p.schoolName} would like you to apply to join ${p.poolRoundName ?? "the partnership's teacher pool"}.`
      : `${p.schoolName} would like you to apply for their vacancy: ${p.vacancyTitle ?? "see the link below"}.`;
  return (
    <EmailLayout preview={subject(p)} heading="An invitation after the fair">
      <Text>Hello {p.name},</Text>
      <Text>
        Thank you for meeting {p.schoolName} at {p.fairName}.
      </Text>
      <Text>{invitation}</Text>
      {p.message ? <Text>They wrote: {p.message}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        {p.kind === "pool_invitation" ? "Apply to join the pool" : "See the vacancy"}
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<FairFollowUpProps, "schoolName" | "kind">) =>
  p.kind === "pool_invitation"
    ? `${p.schoolName} invites you to join the teacher pool`
    : `${p.schoolName} invites you to apply`;
