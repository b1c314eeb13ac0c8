import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/guards.server";
import { calendarAction, type FeedReply } from "../calendar/actions.server";
import { CalendarPanel } from "../calendar/components/calendar-panel";
import { liveFeedCount } from "../calendar/feeds.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { createProgrammeFromForm } from "../programmes/actions.server";
import { programmesOf, runnersFor, sessionsFacilitatedBy } from "../programmes/programmes.server";
import { sessionWhen } from "../programmes/session-text";
import { db } from "../services.server";
import { programmeKindLabels, programmeKinds, standardStrands } from "../vocabulary/programmes";

export const meta: MetaFunction = () => [{ title: "ECT programmes – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [programmes, runners, sessions, feeds] = await Promise.all([
    programmesOf(db(), user.id),
    runnersFor(db(), user.id),
    sessionsFacilitatedBy(db(), user.id),
    liveFeedCount(db(), user.id, "facilitator", user.id),
  ]);
  return json({ programmes, runners, sessions, feeds });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  const calendar = await calendarAction(formData, user.id, "facilitator", user.id);
  if (calendar) return calendar;
  return createProgrammeFromForm(request, formData, user.id);
}

export default function Programmes() {
  const { programmes, runners, sessions, feeds } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply | FeedReply>();
  const reply = data && "fieldErrors" in data ? replyFor(data, "programme") : undefined;
  return (
    <>
      <h1>ECT programmes</h1>
      {programmes.length === 0 ? (
        <p>You do not run or facilitate any early career teacher programme yet.</p>
      ) : (
        <ul>
          {programmes.map((p) => (
            <li key={p.id}>
              {p.manages ? <Link to={`/programmes/${p.id}`}>{p.name}</Link> : p.name} ({programmeKindLabels[p.kind]},
              run by {p.runnerName}; {p.cohorts} cohort{p.cohorts === 1 ? "" : "s"})
            </li>
          ))}
        </ul>
      )}
      {sessions.length > 0 ? (
        <>
          <h2>Sessions you run</h2>
          <ul>
            {sessions.map((s) => (
              <li key={s.id}>
                {s.title} ({s.programmeName}), {sessionWhen(s.startsAt, s.endsAt)}:{" "}
                <Link to={`/programmes/sessions/${s.id}/register`}>
                  Register<span className="visually-hidden"> for {s.title}</span>
                </Link>{" "}
                ({s.marked} of {s.booked} marked)
              </li>
            ))}
          </ul>
          <CalendarPanel
            live={feeds}
            reply={data && "feedUrl" in data ? data : undefined}
            what="the sessions you run"
            shows="the sessions you run"
          />
        </>
      ) : null}
      {runners.length > 0 ? (
        <>
          <h2>Set up a programme</h2>
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={reply} prefix="programme" />
            <input type="hidden" name="intent" value="programme" />
            <Input prefix="programme" name="name" label="Name" reply={reply} autoComplete="off" />
            <Select prefix="programme" name="runner" label="Run by" options={runners} reply={reply} />
            <Select
              prefix="programme"
              name="kind"
              label="Kind"
              options={programmeKinds.map((k) => ({ value: k, label: programmeKindLabels[k] }))}
              reply={reply}
              hint="Provider-led programmes follow a DfE lead provider's materials with a delivery partner"
            />
            <Input prefix="programme" name="leadProvider" label="Lead provider (provider-led)" reply={reply} />
            <Input prefix="programme" name="deliveryPartner" label="Delivery partner (provider-led)" reply={reply} />
            <fieldset className="field choices">
              <legend>Strands of the early career framework it covers</legend>
              {standardStrands.map((s) => (
                <div className="choice" key={s}>
                  <input id={`programme-strand-${s}`} type="checkbox" name="strand" value={s} defaultChecked />
                  <label htmlFor={`programme-strand-${s}`}>{s}</label>
                </div>
              ))}
            </fieldset>
            <TextArea
              prefix="programme"
              name="ownStrands"
              label="Strands of its own (optional)"
              hint="One a line, for example Subject knowledge: primary maths"
              reply={reply}
            />
            <button type="submit" className="button">
              Set up the programme
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
