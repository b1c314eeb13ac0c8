import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { emails } from "../db/schema";
import type { EmailTransport } from "./transport.server";

/** Delivers one stored mail. Idempotent: a mail already sent is not sent again. */
export async function deliverEmail(
  db: Database,
  transport: EmailTransport,
  emailId: string,
): Promise<"sent" | "skipped"> {
  const [mail] = await db.select().from(emails).where(eq(emails.id, emailId));
  if (!mail || mail.status === "sent") return "skipped";
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
