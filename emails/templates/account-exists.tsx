import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle, PastableLink } from "./layout";

export type AccountExistsProps = { name: string; signInUrl: string; resetUrl: string };

/** Sent instead of a second account, so sign-up never reveals which addresses are registered. */
export function AccountExists({ name, signInUrl, resetUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="You already have a Staffroom account" heading="You already have an account">
      <Text>Hello {name},</Text>
      <Text>Someone tried to create a Staffroom account with this e-mail address, which already has one.</Text>
      <Button href={signInUrl} style={buttonStyle}>
        Sign in
      </Button>
      <Text>
        Forgotten your password? Choose a new one: <PastableLink href={resetUrl} />
      </Text>
    </EmailLayout>
  );
}

export const subject = () => "You already have a Staffroom account";
