import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LabelledField } from "../components/forms";
import { db } from "../services.server";
import { notFound, requireMembership } from "../auth/guards.server";
import { redirectWithFlash, refused } from "../components/actions.server";
import { ErrorSummary } from "../components/error-summary";
import { policyOf } from "../pay/assessment.server";
import { formatBasisPoints, fromForm, policyForm, policyLabels, type PayPolicy } from "../pay/policy";
import { policyChanges, savePolicy } from "../pay/policy.server";
import { findPartnership } from "../partnerships/queries.server";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Pay policy – ${data.partnership.name} – Staffroom` : "Staffroom" },
];

async function guard(request: Request, slug: string | undefined) {
  const partnership = await findPartnership(db(), (slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  const { user } = await requireMembership(request, "partnership_admin", {
    kind: "partnership",
    partnershipId: partnership.id,
  });
  return { partnership, user };
}

const shown = (key: keyof PayPolicy, value: unknown) =>
  key === "toleranceBasisPoints" || key === "premiumBasisPoints"
    ? formatBasisPoints(Number(value))
    : key === "onFlag"
      ? value === "block"
        ? "refused"
        : "needs a justification"
      : String(value);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership } = await guard(request, params.slug);
  const [policy, changes] = await Promise.all([policyOf(db(), partnership.id), policyChanges(db(), partnership.id)]);
  return json({
    partnership,
    policy,
    changes: changes.map((c) => ({
      id: c.id,
      at: formatLondon(c.at),
      who: c.who ?? "a former user",
      lines: Object.entries(c.changes).map(
        ([k, v]) =>
          `${policyLabels[k as keyof PayPolicy] ?? k}: ${shown(k as keyof PayPolicy, v.from)} → ${shown(k as keyof PayPolicy, v.to)}`,
      ),
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { partnership, user } = await guard(request, params.slug);
  const form = Object.fromEntries(await request.formData());
  const parsed = policyForm.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return refused({ errors, values: form as Record<string, string> });
  }
  const changed = await savePolicy(db(), partnership.id, user.id, fromForm(parsed.data));
  return redirectWithFlash(request, `/admin/${partnership.slug}/pay-policy`, {
    kind: "success",
    message:
      changed === 0
        ? "Nothing changed."
        : `Pay policy saved (${changed} ${changed === 1 ? "setting" : "settings"} changed). New assessments use it; open vacancies are re-checked tonight.`,
  });
}

export default function PayPolicyPage() {
  const { partnership, policy, changes } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const value = (name: string, current: string | number) => failed?.values[name] ?? String(current);
  const number = (name: string, label: string, current: number, hint?: string) => (
    <LabelledField id={name} label={label} hint={hint} error={failed?.errors[name]}>
      {(describedBy) => (
        <input
          id={name}
          name={name}
          type="text"
          inputMode="decimal"
          defaultValue={value(name, current)}
          aria-describedby={describedBy}
        />
      )}
    </LabelledField>
  );
  return (
    <div className="form">
      <p>
        <Link to={`/admin/${partnership.slug}`}>Back to {partnership.name}</Link> ·{" "}
        <Link to={`/pay/${partnership.slug}`}>The area's pay page</Link>
      </p>
      <h1>Pay policy</h1>
      <p>
        How Staffroom compares a vacancy's pay with its neighbours before it is published. Every change is logged below.
      </p>
      <ErrorSummary
        id="policy-errors"
        items={Object.entries(failed?.errors ?? {}).map(([field, message]) => ({ message, href: `#${field}` }))}
        focusKey={failed}
      />
      <Form method="post">
        {number("radiusMiles", policyLabels.radiusMiles, policy.radiusMiles, "Measured school to school")}
        {number("lookbackMonths", policyLabels.lookbackMonths, policy.lookbackMonths)}
        {number(
          "minComparables",
          policyLabels.minComparables,
          policy.minComparables,
          "Fewer than this, and Staffroom says there is not enough to compare",
        )}
        {number("minSchools", policyLabels.minSchools, policy.minSchools)}
        {number(
          "tolerance",
          policyLabels.toleranceBasisPoints,
          policy.toleranceBasisPoints / 100,
          "An offer this far below the median of its neighbours still counts as the local rate",
        )}
        {number(
          "premium",
          policyLabels.premiumBasisPoints,
          policy.premiumBasisPoints / 100,
          "Offers further above the local rate are shown to the partnership",
        )}
        <fieldset
          className={`field choices${failed?.errors.onFlag ? " field--error" : ""}`}
          aria-describedby={failed?.errors.onFlag ? "onFlag-error" : undefined}
        >
          <legend>{policyLabels.onFlag}</legend>
          {failed?.errors.onFlag ? (
            <span className="field-error" id="onFlag-error">
              {failed.errors.onFlag}
            </span>
          ) : null}
          {(["justify", "block"] as const).map((option, i) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                // The first option carries the field's id: the error summary links to it.
                id={i === 0 ? "onFlag" : `onFlag-${option}`}
                aria-invalid={failed?.errors.onFlag ? true : undefined}
                name="onFlag"
                value={option}
                defaultChecked={value("onFlag", policy.onFlag) === option}
              />
              <label htmlFor={i === 0 ? "onFlag" : `onFlag-${option}`}>
                {option === "justify" ? "can be published with a written justification" : "cannot be published"}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Save the policy
        </button>
      </Form>
      <h2>Changes</h2>
      {changes.length === 0 ? (
        <p>No changes yet: the defaults apply.</p>
      ) : (
        <ol className="history">
          {changes.map((c) => (
            <li key={c.id}>
              {c.at}, by {c.who}:
              <ul>
                {c.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
