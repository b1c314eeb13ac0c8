import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To a referee: a request for a reference, or its one reminder (with a new link: only a hash of each is kept). */
export type ReferenceRequestProps = {
  refereeName: string;
  applicantName: string;
  vacancyTitle: string;
  employerName: string;
  url: string;
  /** The last day the link works, as London shows it. */
  expiresOn: string;
  reminder: boolean;
};

export function ReferenceRequest(p: ReferenceRequestProps) {
  return (
    <EmailLayout preview={subject(p)} heading={p.reminder ? "A reminder: a reference request" : "A reference request"}>
      <Text>Hello {p.refereeName},</Text>
      <Text>
        {p.applicantName} has applied for {p.vacancyTitle} at {p.employerName} and named you as a referee.{" "}
        {p.employerName} asks you for a reference: a short form of factual questions, with no account to create.
      </Text>
      {p.reminder ? (
        <Text>We have not had your answers yet. This link replaces the one in our first e-mail.</Text>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        Give a reference
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
      <Text>
        The link works once, until {p.expiresOn}. Your answers go to the employer only; the applicant does not see them.
        If you do not know {p.applicantName}, you can ignore this e-mail.
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<ReferenceRequestProps, "applicantName" | "vacancyTitle" | "reminder">) =>
  `${p.reminder ? "Reminder: r" : "R"}eference for ${p.applicantName}: ${p.vacancyTitle}`;
