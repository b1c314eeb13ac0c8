import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/**
 * The day before a recruitment fair (08:00 London time): to each registered teacher, their meetings; to each
 * taking-part school's HR, who is meeting the school and when.
 */
export type FairReminderProps = {
  name: string;
  audience: "teacher" | "school";
  fairName: string;
  /** The fair's day and hours, and where it is, as London shows them. */
  when: string;
  where: string;
  onlineUrl?: string | null;
  /** For a school's HR: which school's timetable this is. */
  schoolName?: string | null;
  /** One line a meeting: its time, and the school (for a teacher) or the teacher and their interests (for HR). */
  meetings: { when: string; who: string }[];
  url: string;
};

export function FairReminder(p: FairReminderProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`${p.fairName} is tomorrow`}>
      <Text>Hello {p.name},</Text>
      <Text>
        {p.fairName}: {p.when}. {p.where}.
      </Text>
      {p.onlineUrl ? <Text>Join the meetings at {p.onlineUrl}</Text> : null}
      <Text>{p.audience === "school" ? `${p.schoolName ?? "Your school"}'s meetings:` : "Your meetings:"}</Text>
      {p.meetings.map((m, i) => (
        <Text key={i}>
          {m.when}: {m.who}
        </Text>
      ))}
      <Button href={p.url} style={buttonStyle}>
        See the timetable
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<FairReminderProps, "fairName" | "audience" | "schoolName">) =>
  p.audience === "school"
    ? `Tomorrow: ${p.schoolName ?? "your school"}'s timetable for ${p.fairName}`
    : `Tomorrow: your timetable for ${p.fairName}`;
