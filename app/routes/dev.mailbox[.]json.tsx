import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { listMail, requireDevMailbox } from "../mailbox/queries.server";

const query = z.object({ to: z.string().trim().max(254).optional().catch(undefined) });

/** The dev mailbox as JSON, newest first: what end-to-end tests read. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireDevMailbox(context);
  const { to } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const mails = await listMail(db(), { to: to || undefined });
  return json({ mails }, { headers: { "Cache-Control": "no-store" } });
}
