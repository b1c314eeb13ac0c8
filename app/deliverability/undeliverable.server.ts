import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { undeliverableAddresses } from "../../db/schema";
import type { DeliveryEvent } from "./resend-webhook.server";

/** Marks the event's addresses undeliverable; a later report replaces an earlier one (the newest reason shows). */
export async function recordDeliveryEvent(db: Executor, event: DeliveryEvent): Promise<number> {
  if (event.kind !== "undeliverable") return 0;
  const reportedAt = new Date();
  for (const email of event.addresses) {
    const values = { reason: event.reason, detail: event.detail, providerEmailId: event.providerEmailId, reportedAt };
    await db
      .insert(undeliverableAddresses)
      .values({ email, ...values })
      .onConflictDoUpdate({ target: undeliverableAddresses.email, set: values });
  }
  return event.addresses.length;
}

export type AddressProblem = { reason: "bounced" | "complained"; reportedAt: Date };

/** Why mail to this address is held back, or null when it is not. */
export async function addressProblem(db: Executor, email: string): Promise<AddressProblem | null> {
  const [row] = await db
    .select({ reason: undeliverableAddresses.reason, reportedAt: undeliverableAddresses.reportedAt })
    .from(undeliverableAddresses)
    .where(eq(undeliverableAddresses.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** The owner says the address works again (a full mailbox emptied, a spam filter fixed): send to it again. */
export async function markAddressWorking(db: Executor, email: string): Promise<void> {
  await db.delete(undeliverableAddresses).where(eq(undeliverableAddresses.email, email.trim().toLowerCase()));
}
