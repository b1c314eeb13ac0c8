import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { emails, undeliverableAddresses } from "../db/schema";
import { isSecurityMail } from "./catalogue";
import type { EmailTransport } from "./transport.server";

/**
 * Delivers one stored mail. Idempotent: a mail already sent is not sent again. A mail to an address that bounced or
 * complained is held back (`suppressed`) unless it is security mail, which the owner needs to get their account back.
 */
export async function deliverEmail(
  db: Database,
  transport: EmailTransport,
  emailId: string,
): Promise<"sent" | "skipped" | "suppressed"> {
  const [mail] = await db.select().from(emails).where(eq(emails.id, emailId));
  if (!mail || mail.status === "sent" || mail.status === "suppressed") return "skipped";
  if (!isSecurityMail(mail.template)) {
    const [undeliverable] = await db
      .select({ reason: undeliverableAddresses.reason })
      .from(undeliverableAddresses)
      .where(eq(undeliverableAddresses.email, mail.to.trim().toLowerCase()));
    if (undeliverable) {
      await db
        .update(emails)
        .set({
          status: "suppressed",
          error: `not sent: the address ${undeliverable.reason}`,
          transport: transport.name,
        })
        .where(eq(emails.id, emailId));
      return "suppressed";
    }
  }
  try {
    const result = await transport.deliver(mail);
    await db
      .update(emails)
      .set({
        status: "sent",
        sentAt: new Date(),
        transport: result.transport,
        providerId: result.providerId,
        error: null,
      })
      .where(eq(emails.id, emailId));
    return "sent";
  } catch (error) {
    await db
      .update(emails)
      .set({ error: error instanceof Error ? error.message : String(error), transport: transport.name })
      .where(eq(emails.id, emailId));
    throw error;
  }
}
