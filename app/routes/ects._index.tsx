import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { ErrorSummary, Input, replyFor, Select } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { fieldErrorsOf } from "../forms/outcome";
import { contactHoursSchema, registerEctSchema } from "../programmes/ect-schemas";
import { ectsOfTutor, registerEct, setContactHours, tutorSchools } from "../programmes/ects.server";
import { db, enqueue, services } from "../services.server";
import { londonToday } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Early career teachers – Staffroom" }];

async function requireTutor(request: Request) {
  const { user } = await requireUser(request);
  const schools = await tutorSchools(db(), user.id);
  // Only induction tutors have ECTs to manage; to anyone else the page does not exist.
  if (schools.length === 0) throw notFound();
  return { user, schools };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, schools } = await requireTutor(request);
  return json({ schools, ects: await ectsOfTutor(db(), user.id, londonToday(new Date())) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireTutor(request);
  const formData = await request.formData();
  if (formData.get("intent") === "contact-hours") {
    const parsed = contactHoursSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm("contact-hours", fieldErrorsOf(parsed.error), formData);
    const outcome = await setContactHours(db(), user.id, parsed.data);
    if (!outcome.ok) return refused("contact-hours", outcome, formData);
    return redirectWithFlash(request, "/ects", { kind: "success", message: "Standard contact hours saved." });
  }
  const parsed = registerEctSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("register", fieldErrorsOf(parsed.error), formData);
  const outcome = await registerEct(db(), user, parsed.data, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("register", outcome, formData);
  return redirectWithFlash(request, `/ects/${outcome.ectId}`, {
    kind: "success",
    message: outcome.moved
      ? `${parsed.data.name} joins your school: their record and history came with them.`
      : `${parsed.data.name} is registered and invited by e-mail to an account.`,
  });
}

export default function Ects() {
  const { schools, ects } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const register = replyFor(reply, "register");
  const hours = replyFor(reply, "contact-hours");
  const schoolOptions = schools.map((s) => ({ value: s.id, label: s.name }));
  return (
    <>
      <h1>Early career teachers</h1>
      <p>
        The ECTs at your {schools.length === 1 ? "school" : "schools"}: their mentors, the shared programmes they are
        enrolled in, and their induction so far. <Link to="/programmes">Shared ECT programmes in the area</Link>.
      </p>
      <h2>Your ECTs ({ects.length})</h2>
      {ects.length === 0 ? (
        <p>No ECTs registered yet. Register your first below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">ECTs at your schools</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">School</th>
              <th scope="col">Mentor</th>
              <th scope="col">Programme</th>
              <th scope="col">Induction so far</th>
            </tr>
          </thead>
          <tbody>
            {ects.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/ects/${e.id}`}>{e.name}</Link>
                  {e.linked ? null : <span className="hint"> (invited)</span>}
                </th>
                <td>{e.schoolName}</td>
                <td>{e.mentorName ?? <strong>No mentor yet</strong>}</td>
                <td>{e.cohorts.length === 0 ? "Not enrolled" : e.cohorts.join("; ")}</td>
                <td>
                  {e.progress.termsServed} of {e.progress.termsRequired} terms (FTE)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        Terms are counted full-time equivalent, pro rata for part-time: information for planning, never a decision on
        induction, which is the appropriate body&apos;s.
      </p>

      <h2>Register an ECT</h2>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={register} prefix="ect" />
        <input type="hidden" name="intent" value="register" />
        {schools.length === 1 ? (
          <input type="hidden" name="schoolId" value={schools[0]?.id} />
        ) : (
          <Select
            prefix="ect"
            name="schoolId"
            label="School"
            options={schoolOptions}
            placeholder="Choose a school"
            reply={register}
          />
        )}
        <Input prefix="ect" name="name" label="Full name" reply={register} autoComplete="off" />
        <Input
          prefix="ect"
          name="email"
          label="E-mail address"
          type="email"
          reply={register}
          hint="We e-mail an invitation to a Staffroom account, where they see their timetable"
          autoComplete="off"
        />
        <Input
          prefix="ect"
          name="trn"
          label="Teacher reference number (TRN)"
          reply={register}
          hint="7 digits, for example 1234567"
          autoComplete="off"
        />
        <Input prefix="ect" name="inductionStartsOn" label="Induction start date" type="date" reply={register} />
        <Input
          prefix="ect"
          name="ftePercent"
          label="Working pattern, as a percentage of full time"
          type="number"
          defaultValue="100"
          reply={register}
          hint="100 for full time; induction runs pro rata for part-time ECTs"
        />
        <Input
          prefix="ect"
          name="appropriateBody"
          label="Appropriate body"
          reply={register}
          hint="Agreed before induction starts, for example a teaching school hub or the local authority"
        />
        <button type="submit" className="button">
          Register and invite
        </button>
      </Form>

      <h2>Standard contact hours</h2>
      <p>
        Released time (10% in year 1, 5% in year 2) is worked out from each school&apos;s standard weekly contact hours.
      </p>
      <ul>
        {schools.map((s) => (
          <li key={s.id}>
            {s.name}: {s.weeklyContactHours === null ? "not set" : `${s.weeklyContactHours} hours a week`}
          </li>
        ))}
      </ul>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={hours} prefix="hours" />
        <input type="hidden" name="intent" value="contact-hours" />
        {schools.length === 1 ? (
          <input type="hidden" name="schoolId" value={schools[0]?.id} />
        ) : (
          <Select
            prefix="hours"
            name="schoolId"
            label="School"
            options={schoolOptions}
            placeholder="Choose a school"
            reply={hours}
          />
        )}
        <Input
          prefix="hours"
          name="weeklyContactHours"
          label="Standard weekly contact hours"
          type="number"
          reply={hours}
          hint="For a full-time teacher, for example 22.5"
        />
        <button type="submit" className="button button--secondary">
          Save contact hours
        </button>
      </Form>
    </>
  );
}
