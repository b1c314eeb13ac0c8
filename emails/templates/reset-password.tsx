import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle, PastableLink } from "./layout";

export type ResetPasswordProps = { name: string; url: string; expiresInMinutes: number };

export function ResetPassword({ name, url, expiresInMinutes }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Reset your Staffroom password" heading="Reset your password">
      <Text>Hello {name},</Text>
      <Text>Someone asked to reset the password for this Staffroom account. If it was you, choose a new one:</Text>
      <Button href={url} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={url} />
      </Text>
      <Text>
        The link works once and expires in {expiresInMinutes} minutes. If you did not ask, your password is unchanged
        and you need do nothing.
      </Text>
    </EmailLayout>
  );
}

export const subject = () => "Reset your Staffroom password";
