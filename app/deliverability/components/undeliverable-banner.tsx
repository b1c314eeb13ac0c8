import { Form, Link } from "@remix-run/react";

export type UndeliverableNotice = { email: string; reason: "bounced" | "complained"; reportedOn: string };

/**
 * Told on every page until fixed: mail to the user's address bounced, or their mail program reported our mail as
 * spam, so only sign-in and account mail is still sent. Two ways out: another address, or "it works now".
 */
export function UndeliverableBanner({ notice }: { notice: UndeliverableNotice }) {
  return (
    <section className="panel panel--warning" aria-labelledby="undeliverable-title">
      <p id="undeliverable-title">
        <strong>We cannot send e-mail to {notice.email}.</strong>{" "}
        {notice.reason === "bounced"
          ? `On ${notice.reportedOn} mail to it came back as undeliverable.`
          : `On ${notice.reportedOn} your mail program reported one of our e-mails as spam.`}{" "}
        Until this is fixed we send it only sign-in and account e-mails: job alerts, invitations and placement news are
        held back.
      </p>
      <div className="button-row">
        <Link to="/account#change-email">Change your e-mail address</Link>
        <Form method="post" action="/account">
          <input type="hidden" name="intent" value="address-works" />
          <button type="submit" className="button button--secondary">
            {notice.reason === "bounced" ? "The address works now: send my e-mail again" : "Send my e-mail again"}
          </button>
        </Form>
      </div>
    </section>
  );
}
