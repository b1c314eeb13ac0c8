import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** A role shared across employers (docs/decisions/0022): asking a school's HR for their share, and their answer. */
export type VacancyShareProps = {
  name: string;
  /**
   * requested and changed go to the HR of a school that takes a share; confirmed and declined to the HR of the
   * employer of record; closed to the sharing schools' HR when the role closes early.
   */
  event: "requested" | "changed" | "confirmed" | "declined" | "closed";
  title: string;
  /** The employer of record, who employs the post holder and sets the pay. */
  leadEmployer: string;
  /** "Riverside Academy (0.4 FTE)": the shares this mail is about. */
  shares: string[];
  /** Who answered, for confirmed and declined. */
  partnerEmployer?: string | null;
  decidedBy?: string | null;
  /** Why the share was declined, or why the role closed. */
  reason?: string | null;
  /** After a confirmation: whether every share is now confirmed. */
  allConfirmed?: boolean;
  url: string;
};

const headings: Record<VacancyShareProps["event"], (p: VacancyShareProps) => string> = {
  requested: () => "Please confirm your school's share of a role",
  changed: () => "A shared role changed: please confirm again",
  confirmed: (p) => `${p.partnerEmployer ?? "The other employer"} confirmed its share`,
  declined: (p) => `${p.partnerEmployer ?? "The other employer"} declined its share`,
  closed: () => "A role shared with your school has closed",
};

const buttons: Record<VacancyShareProps["event"], string> = {
  requested: "Confirm or decline the share",
  changed: "Confirm or decline the share",
  confirmed: "See the vacancy",
  declined: "See the vacancy",
  closed: "See the vacancy",
};

export function VacancyShare(p: VacancyShareProps) {
  const shares = p.shares.join(", ");
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event](p)} title={subject(p)}>
      <Text>Hello {p.name},</Text>
      {p.event === "requested" ? (
        <>
          <Text>
            {p.leadEmployer} is posting “{p.title}” as a role shared with your school: {shares}.
          </Text>
          <Text>
            {p.leadEmployer} employs the person appointed and sets the pay. The role cannot be published until you
            confirm your school's share, or decline it with a reason.
          </Text>
        </>
      ) : null}
      {p.event === "changed" ? (
        <Text>
          {p.leadEmployer} changed the schools or the split of “{p.title}”, so your earlier answer no longer counts.
          Your school's share is now: {shares}.
        </Text>
      ) : null}
      {p.event === "confirmed" ? (
        <Text>
          {p.decidedBy ?? "Their HR"} confirmed the share at {shares} of “{p.title}”.{" "}
          {p.allConfirmed ? "Every share is confirmed: you can publish the role." : "Other shares are still waiting."}
        </Text>
      ) : null}
      {p.event === "declined" ? (
        <>
          <Text>
            {p.decidedBy ?? "Their HR"} declined the share at {shares} of “{p.title}”. Change the schools or the split
            to publish the role; the other employers are then asked again.
          </Text>
          {p.reason ? <Text>Reason given: {p.reason}</Text> : null}
        </>
      ) : null}
      {p.event === "closed" ? (
        <Text>
          {p.leadEmployer} closed “{p.title}”, which was shared with your school ({shares})
          {p.reason ? `: ${p.reason}` : ""}.
        </Text>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        {buttons[p.event]}
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

const subjects: Record<VacancyShareProps["event"], string> = {
  requested: "Please confirm a shared role",
  changed: "Please confirm a shared role again",
  confirmed: "Share confirmed",
  declined: "Share declined",
  closed: "Shared role closed",
};

export const subject = (p: Pick<VacancyShareProps, "event" | "title">) => `${subjects[p.event]}: ${p.title}`;
