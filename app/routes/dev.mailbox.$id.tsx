import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { getMail, requireDevMailbox } from "../mailbox/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mail.subject ?? "Mail"} – Dev mailbox` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  requireDevMailbox(context);
  const mail = await getMail(db(), params.id ?? "");
  if (!mail) throw notFound();
  return json({
    mail: {
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers,
      createdAt: mail.createdAt,
    },
  });
}

/** Links in the text are made clickable so a developer can follow a verification link. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s)]+)/g);
  return (
    <div className="mail-body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}

export default function MailView() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/mailbox">Back to the dev mailbox</Link>
      </p>
      <h1>{mail.subject}</h1>
      <h2>Headers</h2>
      {/* Every header the mail is sent with, so what a mail program sees (List-Unsubscribe, say) can be checked. */}
      <dl className="summary mail-headers">
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Subject</dt>
        <dd>{mail.subject}</dd>
        <dt>Date</dt>
        <dd>{new Date(mail.createdAt).toLocaleString("en-GB", { timeZone: "Europe/London" })}</dd>
        {Object.entries(mail.headers).map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>Text version</h2>
      <Linkified text={mail.text} />
    </>
  );
}
