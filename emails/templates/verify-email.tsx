import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle, PastableLink } from "./layout";

export type VerifyEmailProps = { name: string; url: string; expiresInHours: number };

export function VerifyEmail({ name, url, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your e-mail address for Staffroom" heading="Confirm your e-mail address">
      <Text>Hello {name},</Text>
      <Text>Confirm that this is your e-mail address to finish setting up your Staffroom account.</Text>
      <Button href={url} style={buttonStyle}>
        Confirm my e-mail address
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={url} />
      </Text>
      <Text>The link works once and expires in {expiresInHours} hours.</Text>
    </EmailLayout>
  );
}

export const subject = () => "Confirm your e-mail address for Staffroom";
