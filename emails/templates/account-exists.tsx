import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type AccountExistsProps = { name: string; signInUrl: string; resetUrl: string };

/** Sent instead of a second account, so sign-up never reveals which addresses are registered. */
export function AccountExists({ name, signInUrl, resetUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="You already have a Staffroom account" heading="You already have an account">
      <Text>Hello {name},</Text>
      <Text>Someone tried to create a Staffroom account with this e-mail address, which already has one.</Text>
      <Button href={signInUrl} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Sign in
      </Button>
      <Text>Forgotten your password? Choose a new one: {resetUrl}</Text>
    </EmailLayout>
  );
}

export const subject = () => "You already have a Staffroom account";
