import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/**
 * To an ECT booked on a training session, and to their induction tutor, as soon as the session's time or place
 * changes or it is cancelled: what changed, in words.
 */
export type ProgrammeSessionChangeProps = {
  name: string;
  event: "changed" | "cancelled";
  sessionTitle: string;
  programmeName: string;
  /** When and where the session is (after the change), as London shows it. */
  when: string;
  where: string;
  /** One line per change ("Time: now … (was …)"); empty for a cancellation. */
  changes: string[];
  reason?: string | null;
  /** For a tutor: the ECTs of theirs who were booked. */
  ects?: string[] | null;
  url: string;
};

export function ProgrammeSessionChange(p: ProgrammeSessionChangeProps) {
  const whose = p.ects && p.ects.length > 0 ? ` (booked for ${p.ects.join(", ")})` : "";
  return (
    <EmailLayout
      preview={subject(p)}
      heading={p.event === "cancelled" ? "A training session is cancelled" : "A training session has changed"}
    >
      <Text>Hello {p.name},</Text>
      {p.event === "cancelled" ? (
        <Text>
          {p.sessionTitle} ({p.programmeName}) on {p.when}
          {whose} is cancelled. Nobody needs to attend, and the time is free again.
        </Text>
      ) : (
        <>
          <Text>
            {p.sessionTitle} ({p.programmeName}){whose} has changed:
          </Text>
          {p.changes.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          <Text>
            It is now on {p.when}, at {p.where}.
          </Text>
        </>
      )}
      {p.reason ? <Text>Reason given: {p.reason}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See the timetable
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<ProgrammeSessionChangeProps, "event" | "sessionTitle">) =>
  `${p.event === "cancelled" ? "Session cancelled" : "Session changed"}: ${p.sessionTitle}`;
