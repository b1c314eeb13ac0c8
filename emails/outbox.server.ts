import type { Executor } from "../db/client";
import type { Enqueue } from "../db/jobs";
import { emails } from "../db/schema";
import type { EmailProps, TemplateName } from "./catalogue";
import { renderEmail } from "./render.server";
import { firstRow } from "../db/rows";

export const SEND_EMAIL_QUEUE = "email.send";
export type SendEmailJob = { emailId: string };

/**
 * Renders a mail, stores it and queues its delivery on `executor`. Pass the transaction of the
 * change that causes the mail: if it rolls back, neither the mail nor its job exists.
 */
export async function queueEmail<T extends TemplateName>(
  executor: Executor,
  enqueue: Enqueue,
  to: string,
  template: T,
  props: EmailProps[T],
  options: { headers?: Record<string, string> } = {},
): Promise<string> {
  const rendered = await renderEmail(template, props);
  const row = firstRow(
    await executor
      .insert(emails)
      .values({
        to,
        template,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: options.headers ?? {},
      })
      .returning({ id: emails.id }),
    "the row inserted into emails",
  );
  await enqueue(executor, SEND_EMAIL_QUEUE, { emailId: row.id } satisfies SendEmailJob, {
    retryLimit: 8,
    retryDelay: 15,
    retryBackoff: true,
    // One delivery job per mail, even if the caller's code runs twice.
    singletonKey: row.id,
  });
  return row.id;
}
