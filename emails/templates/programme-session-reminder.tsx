import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To an ECT booked on a training session, at 08:00 two days before it (London time). */
export type ProgrammeSessionReminderProps = {
  name: string;
  sessionTitle: string;
  programmeName: string;
  when: string;
  where: string;
  facilitatorName?: string | null;
  url: string;
};

export function ProgrammeSessionReminder(p: ProgrammeSessionReminderProps) {
  return (
    <EmailLayout preview={subject(p)} heading="Your training session is coming up">
      <Text>Hello {p.name},</Text>
      <Text>
        {p.sessionTitle} ({p.programmeName}) is on {p.when}, at {p.where}
        {p.facilitatorName ? `, run by ${p.facilitatorName}` : ""}.
      </Text>
      <Text>If you cannot come, tell your induction tutor, so the facilitator can mark you excused.</Text>
      <Button href={p.url} style={buttonStyle}>
        See the timetable
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<ProgrammeSessionReminderProps, "sessionTitle">) => `Reminder: ${p.sessionTitle}`;
