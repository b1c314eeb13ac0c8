import { Button } from "@react-email/components";
import { EmailLayout, PastableLink, Text, buttonStyle } from "./layout";

/**
 * To a teacher who applied to a pool round, at each answer: received, on to the next step (book a slot), in the
 * pool, or not this time with the panel's feedback. Nobody is left without an answer.
 */
export type PoolUpdateProps = {
  name: string;
  roundName: string;
  event: "received" | "next_step" | "pooled" | "not_this_time";
  /** The step they move on to, in words ("Interview"). */
  step?: string | null;
  feedback?: string | null;
  /** Whether they consented to be shown to the partnership's schools. */
  shown?: boolean;
  url: string;
};

export function PoolUpdate(p: PoolUpdateProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>Hello {p.name},</Text>
      {p.event === "received" ? (
        <Text>
          Thank you for applying to {p.roundName}. The panel will review your application and you will hear from us at
          every step, whatever the answer.
        </Text>
      ) : null}
      {p.event === "next_step" ? (
        <Text>
          The panel for {p.roundName} would like you to go on to the next step: {p.step}. Choose a time that suits you
          from the slots offered.
        </Text>
      ) : null}
      {p.event === "pooled" ? (
        <>
          <Text>Good news: you are now in {p.roundName}.</Text>
          <Text>
            {p.shown
              ? "The partnership's schools taking part can now find your profile and invite you to visit or interview. You can hide it again at any time."
              : "Your profile is not yet shown to schools: give your consent on the pool page when you are ready, and schools can then find you."}
          </Text>
        </>
      ) : null}
      {p.event === "not_this_time" ? (
        <>
          <Text>
            Thank you for applying to {p.roundName}. The panel has decided not to offer you a place in the pool this
            time. Their feedback:
          </Text>
          <Text>{p.feedback}</Text>
        </>
      ) : null}
      <Button href={p.url} style={buttonStyle}>
        See your pool applications
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={p.url} />
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: Pick<PoolUpdateProps, "event" | "roundName">) =>
  ({
    received: `Application received: ${p.roundName}`,
    next_step: `Next step: ${p.roundName}`,
    pooled: `You are in the pool: ${p.roundName}`,
    not_this_time: `Your application to ${p.roundName}`,
  })[p.event];
