import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { changeAlert, type AlertChange } from "../alerts/alerts.server";
import { notFound, requireUser } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";

const changeForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("frequency"), frequency: z.enum(["daily", "weekly"]) }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("resubscribe") }),
]);

const done: Record<AlertChange["kind"], string> = {
  frequency: "Alert changed.",
  delete: "Alert deleted.",
  unsubscribe: "Unsubscribed.",
  resubscribe: "Alert started again.",
};

export const loader = () => redirect("/alerts");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const parsed = changeForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("That is not a change an alert can have", { status: 400 });
  const change: AlertChange =
    parsed.data.intent === "frequency"
      ? { kind: "frequency", frequency: parsed.data.frequency }
      : { kind: parsed.data.intent };
  // Another user's alert, or one already deleted, does not exist here.
  if (!(await changeAlert(db(), user.id, params.id ?? "", change))) throw notFound();
  return redirectWithFlash(request, "/alerts", { kind: "success", message: done[change.kind] });
}
