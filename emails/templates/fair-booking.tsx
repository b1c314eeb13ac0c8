import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To a teacher who has just booked a meeting with a school at a recruitment fair. */
export type FairBookingProps = {
  name: string;
  fairName: string;
  schoolName: string;
  /** The meeting's time, as London shows it. */
  when: string;
  withWhom?: string | null;
  url: string;
};

export function FairBooking(p: FairBookingProps) {
  return (
    <EmailLayout preview={subject(p)} heading="Your meeting is booked">
      <Text>Hello {p.name},</Text>
      <Text>
        You are meeting {p.schoolName}
        {p.withWhom ? ` (${p.withWhom})` : ""} at {p.fairName}: {p.when}.
      </Text>
      <Text>If you cannot come, cancel the meeting on your timetable, so someone else can take it.</Text>
      <Button href={p.url} style={buttonStyle}>
        See your timetable
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<FairBookingProps, "schoolName" | "fairName">) =>
  `Booked: meeting ${p.schoolName} at ${p.fairName}`;
