import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type InvitationProps = {
  inviterName: string;
  roleLabel: string;
  placeName: string;
  url: string;
  expiresInDays: number;
};

export function Invitation({ inviterName, roleLabel, placeName, url, expiresInDays }: InvitationProps) {
  return (
    <EmailLayout preview={`You are invited to join ${placeName} on Staffroom`} heading="You are invited to Staffroom">
      <Text>
        {inviterName} has invited you to join {placeName} on Staffroom as {roleLabel}.
      </Text>
      <Button href={url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Accept the invitation
      </Button>
      <Text>Or paste this link into your browser: {url}</Text>
      <Text>
        Sign in, or create an account with this e-mail address, to accept. The invitation expires in {expiresInDays}{" "}
        days.
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: { placeName: string }) => `You are invited to join ${p.placeName} on Staffroom`;
