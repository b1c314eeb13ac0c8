import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type VerifyEmailProps = { name: string; url: string; expiresInHours: number };

export function VerifyEmail({ name, url, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your e-mail address for Staffroom" heading="Confirm your e-mail address">
      <Text>Hello {name},</Text>
      <Text>Confirm that this is your e-mail address to finish setting up your Staffroom account.</Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Confirm my e-mail address
      </Button>
      <Text>Or paste this link into your browser: {url}</Text>
      <Text>The link works once and expires in {expiresInHours} hours.</Text>
    </EmailLayout>
  );
}

export const subject = () => "Confirm your e-mail address for Staffroom";
