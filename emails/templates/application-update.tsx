import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To an applicant, at each step of their application they should hear about (never in silence). */
export type ApplicationUpdateProps = {
  name: string;
  event: "submitted" | "withdrawn" | "shortlisted" | "interviewing" | "offered" | "unsuccessful" | "message";
  vacancyTitle: string;
  employerName: string;
  /** The employer's words: the message sent, or what they say to an unsuccessful applicant. */
  message?: string | null;
  url: string;
};

const headings: Record<ApplicationUpdateProps["event"], string> = {
  submitted: "Your application has been sent",
  withdrawn: "Your application is withdrawn",
  shortlisted: "You have been shortlisted",
  interviewing: "You are invited to interview",
  offered: "You have been offered the job",
  unsuccessful: "An update on your application",
  message: "A message about your application",
};

const bodies: Record<ApplicationUpdateProps["event"], (p: ApplicationUpdateProps) => string> = {
  submitted: (p) =>
    `${p.employerName} has your application for ${p.vacancyTitle}. This is your receipt: you can follow the application, and withdraw it, from your applications page.`,
  withdrawn: (p) =>
    `Your application for ${p.vacancyTitle} at ${p.employerName} is withdrawn. Nothing more will happen with it.`,
  shortlisted: (p) =>
    `${p.employerName} has shortlisted your application for ${p.vacancyTitle}. They may now ask your referees for references.`,
  interviewing: (p) =>
    `${p.employerName} would like to interview you for ${p.vacancyTitle}. They will be in touch with the details.`,
  offered: (p) =>
    `${p.employerName} is offering you the job of ${p.vacancyTitle}. You can accept or decline the offer from your application.`,
  unsuccessful: (p) =>
    `Thank you for applying for ${p.vacancyTitle} at ${p.employerName}. On this occasion your application has not been successful.`,
  message: (p) => `${p.employerName} has sent you a message about your application for ${p.vacancyTitle}.`,
};

export function ApplicationUpdate(p: ApplicationUpdateProps) {
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event]}>
      <Text>Hello {p.name},</Text>
      <Text>{bodies[p.event](p)}</Text>
      {p.message ? (
        <Text>
          {p.event === "message" ? "Their message:" : "From the employer:"} {p.message}
        </Text>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        See your application
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<ApplicationUpdateProps, "event" | "vacancyTitle">) =>
  `${headings[p.event]}: ${p.vacancyTitle}`;
