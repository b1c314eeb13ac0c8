import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle } from "./layout";

export type EmailChangedProps = { name: string; newEmail: string; signInUrl: string };

/** Sent to the old address: if the change was not the owner's, this is how they hear that someone has the password. */
export function EmailChanged({ name, newEmail, signInUrl }: EmailChangedProps) {
  return (
    <EmailLayout preview="Your Staffroom e-mail address was changed" heading="Your e-mail address was changed">
      <Text>Hello {name},</Text>
      <Text>
        The e-mail address of your Staffroom account is now{" "}
        <span style={{ wordBreak: "break-all", overflowWrap: "anywhere" }}>{newEmail}</span>. We will send nothing more
        to this address.
      </Text>
      <Text>
        If you did not make this change, someone else knows your password. Sign in with the new address and your
        password straight away, then change your password and your address back on your account page.
      </Text>
      <Button href={signInUrl} style={buttonStyle}>
        Sign in
      </Button>
    </EmailLayout>
  );
}

export const subject = () => "Your Staffroom e-mail address was changed";
