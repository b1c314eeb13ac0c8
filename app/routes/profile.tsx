import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import {
  AboutSection,
  EmploymentSection,
  EqualitySection,
  QualificationsSection,
  RefereesSection,
  StatementSection,
} from "../applications/components/profile-sections";
import { employmentGaps, missingForApplication } from "../applications/profile";
import { profileFromForm } from "../applications/profile-actions.server";
import { applicationCopy, loadEquality, loadProfile } from "../applications/profile.server";
import type { FormReply } from "../components/intent-forms.server";
import { londonMonth } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Your teacher profile – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const profile = await loadProfile(db(), user.id);
  if (!profile) throw notFound();
  const today = londonMonth(new Date());
  return json({
    profile,
    gaps: employmentGaps(profile.employment, today),
    missing: missingForApplication(applicationCopy(profile), today),
    equality: await loadEquality(db(), user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  return profileFromForm(request, await request.formData(), user.id, "/profile");
}

export default function Profile() {
  const { profile, gaps, missing, equality } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  return (
    <>
      <h1>Your teacher profile</h1>
      <p className="lead">
        Fill this in once: every application you start in Staffroom begins from it. Changing it later never changes an
        application you have already sent. See <Link to="/applications">your applications</Link>.
      </p>
      {missing.length === 0 ? (
        <p className="panel">
          Your profile is complete: you can apply to any vacancy that takes applications in Staffroom.
        </p>
      ) : (
        <div className="panel">
          <h2>Before you can apply</h2>
          <ul>
            {missing.map((m) => (
              <li key={m.message}>
                <a href={`#${m.section}`}>{m.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <AboutSection profile={profile} reply={reply} />
      <QualificationsSection profile={profile} reply={reply} />
      <EmploymentSection profile={profile} gaps={gaps} reply={reply} />
      <RefereesSection profile={profile} reply={reply} />
      <StatementSection profile={profile} reply={reply} />
      <EqualitySection answers={equality} reply={reply} />
    </>
  );
}
