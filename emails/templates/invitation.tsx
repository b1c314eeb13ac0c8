import { Button } from "@react-email/components";
import { EmailLayout, Text, buttonStyle, PastableLink } from "./layout";

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
      <Button href={url} style={buttonStyle}>
        Accept the invitation
      </Button>
      <Text>
        Or paste this link into your browser: <PastableLink href={url} />
      </Text>
      <Text>
        Sign in, or create an account with this e-mail address, to accept. The invitation expires in {expiresInDays}{" "}
        days.
      </Text>
    </EmailLayout>
  );
}

export const subject = (p: { placeName: string }) => `You are invited to join ${p.placeName} on Staffroom`;
