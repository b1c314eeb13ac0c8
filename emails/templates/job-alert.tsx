import { Button, Heading, Section } from "@react-email/components";
import { EmailLayout, Link, Text, buttonStyle } from "./layout";

export type JobAlertVacancy = { title: string; url: string; schools: string; pay: string; closes: string };

export type JobAlertProps = {
  summary: string;
  frequency: "daily" | "weekly";
  vacancies: JobAlertVacancy[];
  /** Matches beyond those listed. */
  more: number;
  searchUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
  /** Choices in the saved search that have new names, said once when the alert is updated. */
  renamed: string[];
};

export function JobAlert({
  summary,
  frequency,
  vacancies,
  more,
  searchUrl,
  manageUrl,
  unsubscribeUrl,
  renamed,
}: JobAlertProps) {
  const count = vacancies.length + more;
  return (
    <EmailLayout
      preview={`${count} new ${count === 1 ? "vacancy" : "vacancies"}: ${summary}`}
      heading={`New vacancies for your ${frequency} alert`}
    >
      <Text>
        {count} new {count === 1 ? "vacancy matches" : "vacancies match"} your search: {summary}.
      </Text>
      {renamed.length > 0 ? (
        <Text>We have updated your alert because some choices have new names: {renamed.join("; ")}.</Text>
      ) : null}
      {vacancies.map((v) => (
        <Section key={v.url} style={{ borderTop: "1px solid #b1b4b6", paddingTop: "8px" }}>
          <Heading as="h2" style={{ fontSize: "19px", lineHeight: "25px", margin: "8px 0 4px" }}>
            <Link href={v.url}>{v.title}</Link>
          </Heading>
          <Text style={{ margin: "4px 0" }}>{v.schools}</Text>
          <Text style={{ margin: "4px 0" }}>{v.pay}</Text>
          <Text style={{ margin: "4px 0" }}>Closes {v.closes}</Text>
        </Section>
      ))}
      {more > 0 ? (
        <Text>
          And {more} more. <Link href={searchUrl}>See them all</Link>.
        </Text>
      ) : null}
      <Button href={searchUrl} style={buttonStyle}>
        See every match
      </Button>
      <Text>
        <Link href={manageUrl}>Change or delete your alerts</Link>.{" "}
        <Link href={unsubscribeUrl}>Unsubscribe from this alert</Link> (no sign-in needed).
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: { vacancies: unknown[]; more: number; summary: string }) => {
  const count = p.vacancies.length + p.more;
  return `${count} new ${count === 1 ? "vacancy" : "vacancies"}: ${p.summary}`;
};
