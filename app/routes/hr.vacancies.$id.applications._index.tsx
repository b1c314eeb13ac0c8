import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { FiguresPanel } from "../applications/components/figures-panel";
import { vacancyFigures } from "../applications/figures.server";
import { bulkFromForm } from "../applications/pipeline-actions.server";
import { pipeline, pipelineVacancy } from "../applications/pipeline.server";
import type { FormReply } from "../components/intent-forms.server";
import { ErrorSummary, Select, TextArea, replyFor } from "../components/intent-fields";
import { ScrollRegion } from "../components/scroll-region";
import { securityLog } from "../security/security-log.server";
import { applicationStatusLabels, pipelineStatuses, type ApplicationStatus } from "../vocabulary/applications";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Applications: ${data.vacancy.title}` : "Applications"} – Staffroom` },
];

async function load(request: Request, id: string | undefined) {
  const { user } = await requireUser(request);
  const vacancy = id ? await pipelineVacancy(db(), user.id, id) : null;
  if (!vacancy) {
    securityLog("application.refused", { userId: user.id, vacancyId: (id ?? "").slice(0, 40) });
    throw notFound();
  }
  return { user, vacancy };
}

const isStatus = (v: string | null): v is ApplicationStatus =>
  v !== null && (pipelineStatuses as readonly string[]).includes(v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { vacancy } = await load(request, params.id);
  const wanted = new URL(request.url).searchParams.get("status");
  const status = isStatus(wanted) ? wanted : undefined;
  const [list, figures] = await Promise.all([
    pipeline(db(), vacancy.id, vacancy.anonymiseUntilShortlisted, status),
    vacancyFigures(db(), vacancy.id),
  ]);
  return json({ vacancy, status: status ?? null, ...list, figures });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, vacancy } = await load(request, params.id);
  return bulkFromForm(request, await request.formData(), user.id, vacancy.id);
}

const bulkActions = [
  { value: "shortlist", label: "Shortlist" },
  { value: "reject", label: "Mark unsuccessful (and tell them)" },
];

export default function Pipeline() {
  const { vacancy, status, counts, rows, figures } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<FormReply>(), "bulk");
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <p>
        <Link to="/hr/vacancies">All vacancies</Link>
      </p>
      <span className="caption">Applications</span>
      <h1>{vacancy.title}</h1>
      <p>
        {vacancy.closesAt ? `Closes ${formatLondon(vacancy.closesAt)}. ` : null}
        {vacancy.anonymiseUntilShortlisted
          ? "Names, contact details and referees are hidden until an application is shortlisted."
          : null}
      </p>
      <nav aria-label="Applications by state">
        <ul className="tabs">
          <li>
            <Link to="?" aria-current={status === null ? "page" : undefined}>
              All ({total})
            </Link>
          </li>
          {pipelineStatuses.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {applicationStatusLabels[s]} ({counts[s] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>No applications {status ? `that are ${applicationStatusLabels[status].toLowerCase()}` : "yet"}.</p>
      ) : (
        <Form method="post" noValidate>
          <ErrorSummary reply={reply} prefix="bulk" />
          <input type="hidden" name="intent" value="bulk" />
          <fieldset id="bulk-applicationId" tabIndex={-1}>
            <legend className="visually-hidden">Choose applications</legend>
            <ScrollRegion label="Applications">
              <table>
                <caption className="visually-hidden">Applications for {vacancy.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Choose</th>
                    <th scope="col">Applicant</th>
                    <th scope="col">State</th>
                    <th scope="col">Sent</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const who = r.name ?? r.reference;
                    return (
                      <tr key={r.id}>
                        <td>
                          <input
                            type="checkbox"
                            name="applicationId"
                            value={r.id}
                            id={`pick-${r.id}`}
                            aria-label={`Choose ${who}`}
                          />
                        </td>
                        <td>
                          <Link to={r.id}>{who}</Link>
                          {r.anonymised ? " (anonymised)" : null}
                        </td>
                        <td>{applicationStatusLabels[r.status]}</td>
                        <td>{formatLondon(r.submittedAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </fieldset>
          {reply?.fieldErrors.applicationId ? (
            <p className="field-error">{reply.fieldErrors.applicationId.join(". ")}</p>
          ) : null}
          <Select
            prefix="bulk"
            name="action"
            label="With the ticked applications"
            options={bulkActions}
            reply={reply}
          />
          <TextArea
            prefix="bulk"
            name="message"
            label="Message to the applicants (optional)"
            hint="Sent with the e-mail each applicant gets, for example feedback for those not shortlisted."
            reply={reply}
          />
          <button type="submit" className="button">
            Apply to the ticked applications
          </button>
        </Form>
      )}
      <FiguresPanel figures={figures} />
    </>
  );
}
