import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** A mentor named for an ECT: the mentor hears who they mentor, the ECT who mentors them. */
export type EctMentorAssignedProps = {
  /** Who the mail is to, and so how it is worded. */
  to: "mentor" | "ect";
  name: string;
  ectName: string;
  mentorName: string;
  schoolName: string;
  /** "1 December 2026". */
  from: string;
  tutorName: string;
  url: string;
};

export function EctMentorAssigned(p: EctMentorAssignedProps) {
  return (
    <EmailLayout preview={subject(p)} heading={p.to === "mentor" ? "You have a new mentee" : "You have a mentor"}>
      <Text>Hello {p.name},</Text>
      <Text>
        {p.to === "mentor"
          ? `${p.tutorName}, induction tutor at ${p.schoolName}, has named you as the mentor of ${p.ectName}, an early career teacher, from ${p.from}. Their timetable of training sessions and their attendance are on their record.`
          : `${p.tutorName}, your induction tutor at ${p.schoolName}, has named ${p.mentorName} as your mentor from ${p.from}.`}
      </Text>
      <Button href={p.url} style={buttonStyle}>
        {p.to === "mentor" ? "See their record" : "See your induction"}
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<EctMentorAssignedProps, "to" | "ectName" | "mentorName" | "schoolName">) =>
  p.to === "mentor"
    ? `You are mentoring ${p.ectName} at ${p.schoolName}`
    : `${p.mentorName} is your mentor at ${p.schoolName}`;
