import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db, enqueue, services } from "../services.server";
import { runDueAlerts } from "../alerts/alerts.server";
import { describeAlertRun } from "../alerts/run-report";
import { redirectWithFlash } from "../components/actions.server";
import { requireDevMailbox } from "../mailbox/queries.server";

export const loader = ({ context }: LoaderFunctionArgs) => {
  requireDevMailbox(context);
  return redirect("/dev/mailbox");
};

/**
 * Development only (like the dev mailbox it sits beside): runs the daily or weekly job alerts now, rather
 * than at 7 in the morning, so their e-mails can be seen in the dev mailbox. Absent when real e-mail is set up.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  requireDevMailbox(context);
  const frequency = (await request.formData()).get("frequency") === "weekly" ? "weekly" : "daily";
  const { config, search } = services();
  const report = await runDueAlerts(db(), search, frequency, {
    enqueue: enqueue(),
    appUrl: config.appUrl,
    secret: config.sessionSecret,
  });
  return redirectWithFlash(request, "/dev/mailbox", {
    kind: "success",
    message: describeAlertRun(report, frequency),
  });
}
