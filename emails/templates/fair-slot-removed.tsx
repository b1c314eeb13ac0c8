import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** To a teacher whose booked meeting a school has withdrawn (a slot removed, or the school no longer taking part). */
export type FairSlotRemovedProps = {
  name: string;
  fairName: string;
  schoolName: string;
  /** The cancelled meeting's time, as London shows it. */
  when: string;
  url: string;
};

export function FairSlotRemoved(p: FairSlotRemovedProps) {
  return (
    <EmailLayout preview={subject(p)} heading="A meeting you booked is cancelled">
      <Text>Hello {p.name},</Text>
      <Text>
        {p.schoolName} can no longer meet you at {p.fairName} at {p.when}. We are sorry for the change.
      </Text>
      <Text>You can book another time with them, or with another school, while places are left.</Text>
      <Button href={p.url} style={buttonStyle}>
        See your timetable
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<FairSlotRemovedProps, "schoolName" | "fairName">) =>
  `Cancelled: your meeting with ${p.schoolName} at ${p.fairName}`;
