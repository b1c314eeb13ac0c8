import { Button } from "@react-email/components";
import { EmailLayout, Link, Text, buttonStyle } from "./layout";

export type AlertNeedsAttentionProps = { summary: string; problem: string; manageUrl: string; unsubscribeUrl: string };

/** Said once, when a saved search can no longer run as it was saved: the alert waits until it is fixed. */
export function AlertNeedsAttention({ summary, problem, manageUrl, unsubscribeUrl }: AlertNeedsAttentionProps) {
  return (
    <EmailLayout preview={`Your job alert needs a change: ${summary}`} heading="Your job alert needs a change">
      <Text>
        Your alert for {summary} cannot run as it was saved: {problem}
      </Text>
      <Text>
        We have paused it rather than send you vacancies you did not ask for. Save the search again to start it once
        more.
      </Text>
      <Button href={manageUrl} style={buttonStyle}>
        Look at your alerts
      </Button>
      <Text>
        <Link href={unsubscribeUrl}>Unsubscribe from this alert</Link>.
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: { summary: string }) => `Your job alert needs a change: ${p.summary}`;
