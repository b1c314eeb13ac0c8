import { Form } from "@remix-run/react";
import { academicYearLabel } from "../academic-year";
import type { FormReply } from "../../components/intent-forms.server";
import { ErrorSummary, replyFor, Select, TextArea } from "../../components/intent-fields";

type AgreementRow = {
  id: string;
  providerName: string;
  schoolName: string;
  academicYear: number;
  status: "requested" | "accepted" | "withdrawn";
  requestedBySide: "provider" | "school";
  withdrawnReason: string | null;
};

const statusText = (a: AgreementRow, side: "provider" | "school") =>
  a.status === "accepted"
    ? "In place"
    : a.status === "withdrawn"
      ? `Withdrawn${a.withdrawnReason ? `: ${a.withdrawnReason}` : ""}`
      : a.requestedBySide === side
        ? `Asked by you, waiting for the ${side === "provider" ? "school" : "provider"}`
        : "Waiting for you to accept";

/**
 * A provider's or a school's placement agreements: each with its state and the answers open to this side (the side
 * that did not ask accepts; either side withdraws with a reason), and a form asking a partner for a new one.
 */
export function AgreementsPanel({
  side,
  agreements,
  partners,
  years,
  reply,
}: {
  side: "provider" | "school";
  agreements: AgreementRow[];
  partners: { id: string; name: string }[];
  years: number[];
  reply?: FormReply;
}) {
  const other = (a: AgreementRow) => (side === "provider" ? a.schoolName : a.providerName);
  const field = side === "provider" ? "schoolId" : "providerId";
  const request = replyFor(reply, "agreement-request");
  return (
    <section aria-labelledby="agreements" className="agreements">
      <h2 id="agreements">Placement agreements</h2>
      <p>
        {side === "provider"
          ? "Placements can be booked only at schools you have an agreement with for that academic year."
          : "Providers can book placements here only with an agreement for that academic year."}
      </p>
      {agreements.length === 0 ? <p>No agreements yet.</p> : null}
      <ul className="inbox">
        {agreements.map((a) => {
          const r = replyFor(reply, "agreement-decide", a.id, "agreementId");
          const prefix = `agreement-${a.id.slice(0, 8)}`;
          const canAccept = a.status === "requested" && a.requestedBySide !== side;
          return (
            <li key={a.id} className="panel">
              <h3>
                {other(a)}, {academicYearLabel(a.academicYear)}
              </h3>
              <p>{statusText(a, side)}</p>
              {a.status === "withdrawn" ? null : (
                <>
                  <ErrorSummary reply={r} prefix={prefix} />
                  {canAccept ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="agreement-decide" />
                      <input type="hidden" name="agreementId" value={a.id} />
                      <button type="submit" className="button" name="action" value="accept">
                        Accept the agreement with {other(a)}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="agreement-decide" />
                    <input type="hidden" name="agreementId" value={a.id} />
                    <TextArea
                      prefix={prefix}
                      name="reason"
                      label={`Reason for withdrawing the agreement with ${other(a)}`}
                      reply={r}
                    />
                    <button type="submit" className="button button--secondary" name="action" value="withdraw">
                      Withdraw the agreement with {other(a)}
                    </button>
                  </Form>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <h3>Ask for an agreement</h3>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={request} prefix="agreement" />
        <input type="hidden" name="intent" value="agreement-request" />
        <Select
          prefix="agreement"
          name={field}
          label={side === "provider" ? "School" : "ITT provider"}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={side === "provider" ? "Choose a school" : "Choose a provider"}
          reply={request}
        />
        <Select
          prefix="agreement"
          name="academicYear"
          label="Academic year"
          options={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
          reply={request}
        />
        <button type="submit" className="button">
          Ask for the agreement
        </button>
      </Form>
    </section>
  );
}
