import { Resend } from "resend";

export type OutgoingEmail = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};
export type DeliveryResult = { transport: string; providerId: string | null };

export interface EmailTransport {
  readonly name: string;
  deliver(mail: OutgoingEmail): Promise<DeliveryResult>;
}

/** Keeps the mail where it is: the emails table is the dev mailbox, readable at /dev/mailbox. */
export const devMailboxTransport: EmailTransport = {
  name: "dev-mailbox",
  deliver: async () => ({ transport: "dev-mailbox", providerId: null }),
};

export function resendTransport(apiKey: string, from: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    async deliver(mail) {
      const { data, error } = await resend.emails.send(
        {
          from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers && Object.keys(mail.headers).length > 0 ? mail.headers : undefined,
        },
        // A retried job must not send the same mail twice.
        { idempotencyKey: `staffroom-email-${mail.id}` },
      );
      if (error) throw new Error(`Resend refused the mail: ${error.name}: ${error.message}`);
      return { transport: "resend", providerId: data?.id ?? null };
    },
  };
}
