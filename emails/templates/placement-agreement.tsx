import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/** A provider–school placement agreement for an academic year: asked for by one side, answered by the other. */
export type PlacementAgreementProps = {
  name: string;
  event: "requested" | "accepted" | "withdrawn";
  providerName: string;
  schoolName: string;
  /** "2026/27". */
  year: string;
  /** Who asked, accepted or withdrew: the provider or the school, by name. */
  by: string;
  reason?: string | null;
  url: string;
};

const headings: Record<PlacementAgreementProps["event"], string> = {
  requested: "A placement agreement is waiting for you",
  accepted: "A placement agreement is in place",
  withdrawn: "A placement agreement was withdrawn",
};

export function PlacementAgreement(p: PlacementAgreementProps) {
  return (
    <EmailLayout preview={subject(p)} heading={headings[p.event]}>
      <Text>Hello {p.name},</Text>
      <Text>
        {p.event === "requested"
          ? `${p.by} asks to work together on trainee placements in ${p.year}: ${p.providerName} and ${p.schoolName}. Accept it, or withdraw it with a reason.`
          : p.event === "accepted"
            ? `${p.by} accepted: ${p.providerName} and ${p.schoolName} work together on trainee placements in ${p.year}, so placements there can be booked.`
            : `${p.by} withdrew the placement agreement between ${p.providerName} and ${p.schoolName} for ${p.year}.`}
      </Text>
      {p.reason ? <Text>Reason given: {p.reason}</Text> : null}
      <Button href={p.url} style={buttonStyle}>
        See the agreement
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

const subjects: Record<PlacementAgreementProps["event"], string> = {
  requested: "Placement agreement request",
  accepted: "Placement agreement accepted",
  withdrawn: "Placement agreement withdrawn",
};

export const subject = (p: Pick<PlacementAgreementProps, "event" | "providerName" | "schoolName" | "year">) =>
  `${subjects[p.event]}: ${p.providerName} and ${p.schoolName}, ${p.year}`;
