import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { currentUser, notFound, requireUser } from "../auth/guards.server";
import { FieldError } from "../components/forms";
import { ErrorSummary, replyFor, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { adminFair, hrSchoolsAtFair } from "../fairs/access.server";
import { registerFromForm } from "../fairs/actions.server";
import { publicFair } from "../fairs/fairs.server";
import { fairIsOpen } from "../fairs/rules";
import { fairWhen, fairWhere } from "../fairs/text";
import { db } from "../services.server";
import { contractLabels, phaseLabels } from "../vocabulary/options";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.fair.name ?? "Recruitment fair"} – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await currentUser(request);
  const userId = signedIn?.user.id ?? null;
  const page = await publicFair(db(), params.id ?? "", userId);
  if (!page) throw notFound();
  const [hrSchools, admin] = userId
    ? await Promise.all([hrSchoolsAtFair(db(), userId, page.fair.id), adminFair(db(), userId, page.fair.id)])
    : [[], null];
  return json({
    ...page,
    signedIn: Boolean(userId),
    open: fairIsOpen(page.fair, new Date()),
    hrSchools,
    admin: Boolean(admin),
    back: new URL(request.url).pathname,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const page = await publicFair(db(), params.id ?? "", user.id);
  if (!page) throw notFound();
  return registerFromForm(request, await request.formData(), user.id, page.fair.id);
}

const label = (map: Record<string, string>, v: string | null) => (v ? (map[v] ?? v) : null);

export default function FairPage() {
  const { fair, schools, registration, signedIn, open, hrSchools, admin, back } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const reply = replyFor(data, "register");
  const joinError = reply?.fieldErrors.joinPool?.join(". ");
  return (
    <>
      <p>
        <Link to="/fairs">Recruitment fairs</Link>
      </p>
      <h1>{fair.name}</h1>
      <p>
        {fairWhen(fair.startsAt, fair.endsAt)}. {fairWhere(fair)}. Run by {fair.partnershipName}.
      </p>
      {fair.description ? <p>{fair.description}</p> : null}
      {fair.onlineUrl ? (
        <p>
          Join the fair at <a href={fair.onlineUrl}>{fair.onlineUrl}</a>
        </p>
      ) : null}
      {admin ? (
        <p>
          <Link to={`/fairs/${fair.id}/manage`}>Manage the fair</Link>
        </p>
      ) : null}
      {hrSchools.length > 0 ? (
        <ul>
          {hrSchools.map((s) => (
            <li key={s.schoolId}>
              <Link to={`/fairs/${fair.id}/schools/${s.schoolId}`}>{s.schoolName}: roles, meetings and timetable</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {registration ? (
        <p className="panel">
          You are registered. <Link to={`/fairs/${fair.id}/mine`}>Your timetable and meetings</Link>
        </p>
      ) : !open ? (
        <p>Registration closed when the fair started.</p>
      ) : signedIn ? (
        <>
          <h2>Register</h2>
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={reply} prefix="register" />
            <input type="hidden" name="intent" value="register" />
            <TextArea
              prefix="register"
              name="interests"
              label="What do you teach, or hope to? (optional)"
              hint="The schools you book see this, for example: KS2, maths lead, looking for a Year 5 or 6 class"
              reply={reply}
            />
            {fair.poolRoundId ? (
              <div className={`field choices${joinError ? " field--error" : ""}`}>
                <FieldError id="register-joinPool-error" errors={joinError ? [joinError] : undefined} />
                <div className="choice">
                  <input
                    id="register-joinPool"
                    type="checkbox"
                    name="joinPool"
                    value="yes"
                    aria-describedby={joinError ? "register-joinPool-error" : undefined}
                    defaultChecked={reply?.values.joinPool === "yes"}
                  />
                  <label htmlFor="register-joinPool">Also apply to join the {fair.poolRoundName} pool</label>
                </div>
              </div>
            ) : null}
            <button type="submit" className="button">
              Register for the fair
            </button>
          </Form>
        </>
      ) : (
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(back)}`}>Sign in to register</Link> and book meetings with
          the schools.
        </p>
      )}
      <h2>Schools taking part</h2>
      {schools.length === 0 ? <p>The schools taking part will be listed here.</p> : null}
      {schools.map((s) => (
        <section key={s.id} aria-labelledby={`school-${s.id}`}>
          <h3 id={`school-${s.id}`}>
            {s.name}
            {s.town ? `, ${s.town}` : ""}
          </h3>
          {s.stand ? <p>Find them at: {s.stand}</p> : null}
          {s.roles.length === 0 ? (
            <p>No roles listed yet.</p>
          ) : (
            <ul>
              {s.roles.map((r) => (
                <li key={r.id}>
                  {r.title}
                  {[label(phaseLabels, r.phase), r.subject, label(contractLabels, r.contract)]
                    .filter(Boolean)
                    .map((x) => `, ${x}`)
                    .join("")}
                  {r.notes ? `. ${r.notes}` : ""}
                  {r.vacancyId ? (
                    <>
                      {" "}
                      (<Link to={`/vacancies/${r.vacancyId}`}>the vacancy: {r.vacancyTitle}</Link>)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
