import { deliverEmail } from "../../emails/deliver.server";
import { SEND_EMAIL_QUEUE, type SendEmailJob } from "../../emails/outbox.server";
import { devMailboxTransport, resendTransport, type EmailTransport } from "../../emails/transport.server";
import { services } from "../services.server";
import type { Workers } from "./workers";

function emailTransport(): EmailTransport {
  const { config } = services();
  return config.resendApiKey ? resendTransport(config.resendApiKey, config.mailFrom) : devMailboxTransport;
}

/** Delivers the outbox's mails (emails/outbox.server.ts queues one job per mail). */
export const emailWorkers: Workers = {
  queues: [SEND_EMAIL_QUEUE],
  start: async (boss) => {
    const transport = emailTransport();
    await boss.work<SendEmailJob>(SEND_EMAIL_QUEUE, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await deliverEmail(services().connection.db, transport, job.data.emailId);
    });
  },
};
