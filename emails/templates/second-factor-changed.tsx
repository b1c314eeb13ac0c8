import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle } from "./layout";

export type SecondFactorChange = "turned-on" | "replaced" | "turned-off" | "new-recovery-codes" | "recovery-code-used";

export type SecondFactorChangedProps = { name: string; change: SecondFactorChange; accountUrl: string };

const what: Record<SecondFactorChange, string> = {
  "turned-on": "Two-step sign-in is now on for your Staffroom account: signing in asks for a code from your app.",
  replaced: "The authenticator app for your Staffroom account was replaced: codes from the old one no longer work.",
  "turned-off": "Two-step sign-in was turned off for your Staffroom account: signing in asks only for your password.",
  "new-recovery-codes": "New recovery codes were made for your Staffroom account: the old ones no longer work.",
  "recovery-code-used": "Someone signed in to your Staffroom account with one of your recovery codes.",
};

/** A change to how the account signs in, told to its address, so an owner hears of a change they did not make. */
export function SecondFactorChanged({ name, change, accountUrl }: SecondFactorChangedProps) {
  return (
    <EmailLayout preview={what[change]} heading="Your two-step sign-in changed">
      <Text>Hello {name},</Text>
      <Text>{what[change]}</Text>
      <Text>
        If this was you, there is nothing to do. If it was not, someone else knows your password: change it now and
        check your two-step sign-in on your account page.
      </Text>
      <Button href={accountUrl} style={buttonStyle}>
        Go to your account
      </Button>
    </EmailLayout>
  );
}

export const subject = () => "Your Staffroom two-step sign-in changed";
