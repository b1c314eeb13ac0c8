import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { ErrorSummary, Input, replyFor, Select } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { requireCoordinator } from "../placements/guards.server";
import {
  fieldErrorsOf,
  placementPhaseOptions,
  routeOptions,
  traineeSchema,
  traineeSubjectOptions,
} from "../placements/schemas";
import { agreementsOf } from "../placements/agreements.server";
import { registerTrainee, traineesOf } from "../placements/trainees.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.provider.name ?? "Provider"}: trainees – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = await requireCoordinator(request, params.slug);
  const agreements = await agreementsOf(db(), { providerId: provider.id });
  return json({
    provider,
    trainees: await traineesOf(db(), provider.id),
    waitingAgreements: agreements.filter((a) => a.status === "requested" && a.requestedBySide === "school").length,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provider } = await requireCoordinator(request, params.slug);
  const formData = await request.formData();
  const parsed = traineeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("register", fieldErrorsOf(parsed.error), formData);
  const outcome = await registerTrainee(db(), user, provider, parsed.data, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("register", outcome, formData);
  return redirectWithFlash(request, `/placements/providers/${provider.slug}/trainees/${outcome.traineeId}`, {
    kind: "success",
    message: `${parsed.data.name} is registered and invited by e-mail to a trainee account.`,
  });
}

export default function ProviderTrainees() {
  const { provider, trainees, waitingAgreements } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<FormReply>(), "register");
  const withoutSecond = trainees.filter((t) => t.schools < 2);
  return (
    <>
      <h1>{provider.name}: trainees</h1>
      <p>
        <Link to={`/placements/providers/${provider.slug}/offers`}>Search open placement offers</Link>
      </p>
      <p>
        <Link to={`/placements/providers/${provider.slug}/agreements`}>
          Placement agreements with schools
          {waitingAgreements > 0 ? ` (${waitingAgreements} waiting for you)` : ""}
        </Link>
      </p>
      <h2>Trainees without a second school ({withoutSecond.length})</h2>
      {withoutSecond.length === 0 ? (
        <p>Every trainee has placements at two or more schools.</p>
      ) : (
        <ul>
          {withoutSecond.map((t) => (
            <li key={t.id}>
              <Link to={`/placements/providers/${provider.slug}/trainees/${t.id}`}>{t.name}</Link>:{" "}
              {t.schools === 0 ? "no school yet" : "one school so far"}
            </li>
          ))}
        </ul>
      )}
      <h2>All trainees ({trainees.length})</h2>
      <table>
        <caption className="visually-hidden">Trainees of {provider.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Subject and phase</th>
            <th scope="col">Schools</th>
            <th scope="col">Waiting for a decision</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {trainees.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                <Link to={`/placements/providers/${provider.slug}/trainees/${t.id}`}>{t.name}</Link>
              </th>
              <td>
                {traineeSubjectOptions.find((s) => s.value === t.subject)?.label ?? t.subject}, {t.phase}
              </td>
              <td>{t.schools}</td>
              <td>{t.waiting}</td>
              <td>{t.linked ? "Signed up" : "Invited"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Register a trainee</h2>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={reply} prefix="trainee" />
        <Input prefix="trainee" name="name" label="Full name" reply={reply} autoComplete="off" />
        <Input
          prefix="trainee"
          name="email"
          label="E-mail address"
          type="email"
          reply={reply}
          hint="We e-mail an invitation to a trainee account"
          autoComplete="off"
        />
        <Select prefix="trainee" name="route" label="Route" options={[...routeOptions]} reply={reply} />
        <Select prefix="trainee" name="phase" label="Phase" options={placementPhaseOptions} reply={reply} />
        <Select prefix="trainee" name="subject" label="Subject" options={traineeSubjectOptions} reply={reply} />
        <Input prefix="trainee" name="programmeStartsOn" label="Programme's first day" type="date" reply={reply} />
        <Input prefix="trainee" name="programmeEndsOn" label="Programme's last day" type="date" reply={reply} />
        <Input
          prefix="trainee"
          name="targetDays"
          label="Days in school the programme needs"
          type="number"
          defaultValue="120"
          reply={reply}
          hint="120 for a one-year postgraduate programme, 160 for a four-year undergraduate degree"
        />
        <Input
          prefix="trainee"
          name="homeArea"
          label="Home postcode or outcode"
          reply={reply}
          hint="For straight-line distances to schools, for example M33 or M33 6AA"
          autoComplete="off"
        />
        <Input
          prefix="trainee"
          name="maxTravelMiles"
          label="Furthest travel, in miles (optional)"
          type="number"
          reply={reply}
        />
        <button type="submit" className="button">
          Register and invite
        </button>
      </Form>
    </>
  );
}
