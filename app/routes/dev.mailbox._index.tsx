import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { listMail, requireDevMailbox } from "../mailbox/queries.server";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction = () => [{ title: "Dev mailbox – Staffroom" }];

const query = z.object({ to: z.string().trim().max(254).optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireDevMailbox(context);
  const { to } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const mails = await listMail(db(), { to: to || undefined });
  return json({
    to: to ?? "",
    mails: mails.map(({ id, to, subject, status, createdAt }) => ({ id, to, subject, status, createdAt })),
  });
}

export default function Mailbox() {
  const { to, mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dev mailbox</h1>
      <p>
        Staffroom is not configured to send real e-mail (no <code>RESEND_API_KEY</code>), so every mail it would send is
        kept here instead. This page does not exist when real e-mail is configured.
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="to">Recipient</label>
          <input id="to" name="to" type="search" defaultValue={to} />
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      <h2>Job alerts</h2>
      <p>Alerts go out at 7am (daily ones every day, weekly ones on Mondays). Send them now instead:</p>
      <div className="button-row">
        {(["daily", "weekly"] as const).map((frequency) => (
          <Form method="post" action="/dev/alerts" key={frequency}>
            <input type="hidden" name="frequency" value={frequency} />
            <button type="submit" className="button button--secondary">
              Send {frequency} alerts now
            </button>
          </Form>
        ))}
      </div>
      <h2>Mail</h2>
      {mails.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ScrollRegion label={"Mails, newest first"}>
          <table>
            <caption>Newest first</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{new Date(m.createdAt).toLocaleString("en-GB", { timeZone: "Europe/London" })}</td>
                  <td>{m.to}</td>
                  <td>
                    <Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
