import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To a teacher, the day before a job they saved closes, when they have not sent an application for it. */
export type SavedJobClosingProps = {
  name: string;
  vacancyTitle: string;
  employerName: string;
  /** The closing moment as London shows it. */
  closes: string;
  url: string;
  savedJobsUrl: string;
};

export function SavedJobClosing(p: SavedJobClosingProps) {
  return (
    <EmailLayout preview={subject(p)} heading="A job you saved closes soon">
      <Text>Hello {p.name},</Text>
      <Text>
        {p.vacancyTitle} at {p.employerName} closes on {p.closes}. You saved it, and have not sent an application yet.
      </Text>
      <Button href={p.url} style={buttonStyle}>
        See the job
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
      <Text>
        We send this once for each saved job. To stop, remove it from your saved jobs:{" "}
        <PastableLink href={p.savedJobsUrl} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<SavedJobClosingProps, "vacancyTitle">) => `Closing soon: ${p.vacancyTitle}`;
