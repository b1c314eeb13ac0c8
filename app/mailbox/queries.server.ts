import { desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { services } from "../services.server";
import { emails } from "../../db/schema";
import { isLoopbackAddress } from "../config.server";
import { notFound } from "../auth/guards.server";

/**
 * The dev mailbox holds every reset link, so it answers only while mail is not really sent (no
 * RESEND_API_KEY), only on a server listening on loopback (config.devMailbox), and only to a request from
 * this machine. Behind a proxy on this machine the client address is the forwarded one (trust proxy).
 */
export function devMailboxOpen(context: { clientIp: string }): boolean {
  return services().config.devMailbox && isLoopbackAddress(context.clientIp);
}

export function requireDevMailbox(context: { clientIp: string }): void {
  if (!devMailboxOpen(context)) throw notFound();
}

export async function listMail(db: Executor, options: { to?: string; limit?: number } = {}) {
  return db
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      text: emails.text,
      html: emails.html,
      headers: emails.headers,
      status: emails.status,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(options.to ? eq(emails.to, options.to.trim().toLowerCase()) : undefined)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(options.limit ?? 50);
}

export async function getMail(db: Executor, id: string) {
  const [mail] = await db.select().from(emails).where(eq(emails.id, id));
  return mail ?? null;
}
