import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { myApplications, startApplication } from "../applications/applications.server";
import { savedVacancies } from "../applications/saved-vacancies.server";
import { refused, type FormReply } from "../components/intent-forms.server";
import { ScrollRegion } from "../components/scroll-region";
import { ErrorSummary } from "../components/intent-fields";
import { applicationStatusLabels } from "../vocabulary/applications";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Your applications – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [applications, saved] = await Promise.all([myApplications(db(), user.id), savedVacancies(db(), user.id)]);
  return json({ applications, saved });
}

/** "Apply" on a vacancy: starts the application (or finds the one already started) and opens it. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "start") throw notFound();
  const vacancyId = String(formData.get("vacancyId") ?? "");
  const outcome = await startApplication(db(), user.id, vacancyId);
  if (!outcome.ok) return refused("start", outcome, formData);
  return redirect(`/applications/${outcome.applicationId}`);
}

export default function Applications() {
  const { applications, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  return (
    <>
      <h1>Your applications</h1>
      <ErrorSummary reply={reply} prefix="start" />
      <p className="lead">
        Applications start from <Link to="/profile">your teacher profile</Link>. Find a vacancy that says “Apply in
        Staffroom” in <Link to="/vacancies">the area’s vacancies</Link>.
      </p>
      {applications.length === 0 ? (
        <p>You have not started an application yet.</p>
      ) : (
        <ScrollRegion label="Your applications">
          <table>
            <caption className="visually-hidden">Your applications and where each stands</caption>
            <thead>
              <tr>
                <th scope="col">Vacancy</th>
                <th scope="col">Employer</th>
                <th scope="col">State</th>
                <th scope="col">Closes</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/applications/${a.id}`}>{a.vacancyTitle}</Link>
                  </td>
                  <td>{a.employerName}</td>
                  <td>{applicationStatusLabels[a.status]}</td>
                  <td>{a.closesAt ? formatLondon(a.closesAt) : "No closing date"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <section aria-labelledby="saved">
        <h2 id="saved">Saved jobs</h2>
        {saved.length === 0 ? (
          <p>
            None yet. Press “Save this job” on a vacancy to keep it here; you are reminded the day before it closes if
            you have not applied.
          </p>
        ) : (
          <ul>
            {saved.map((v) => (
              <li key={v.vacancyId}>
                <Link to={`/vacancies/${v.vacancyId}`}>{v.title}</Link>, {v.employerName}.{" "}
                {v.status !== "published" ? "Closed." : v.closesAt ? `Closes ${formatLondon(v.closesAt)}.` : null}{" "}
                {v.applicationStatus ? (
                  <Link to={`/applications/${v.applicationId}`}>
                    Your application: {applicationStatusLabels[v.applicationStatus]}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
