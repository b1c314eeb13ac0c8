import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { Checkboxes, ErrorSummary, Input, replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { managedRound } from "../pool/access.server";
import { manageRoundAction } from "../pool/actions.server";
import { RoundForm } from "../pool/components/round-form";
import { SlotRunForm, SlotTable } from "../pool/components/slot-form";
import { panelOf, partnershipSchoolChoices, roundSchools } from "../pool/rounds.server";
import { slotsOf } from "../pool/slots.server";
import { db } from "../services.server";
import { bookableSteps } from "../vocabulary/pool";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.name ?? "Pool round"} – Staffroom` },
];

async function load(request: Request, roundId: string | undefined) {
  const { user } = await requireUser(request);
  const round = await managedRound(db(), user.id, roundId ?? "");
  if (!round) throw notFound();
  return { user, round };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await load(request, params.roundId);
  const [choices, taking, panel, slots] = await Promise.all([
    partnershipSchoolChoices(db(), round.partnershipId),
    roundSchools(db(), round.id),
    panelOf(db(), round.id),
    slotsOf(db(), round.id, false),
  ]);
  return json({ round, choices, taking, panel, slots });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await load(request, params.roundId);
  const answer = await manageRoundAction(request, await request.formData(), user.id, round);
  if (!answer) throw notFound();
  return answer;
}

export default function ManageRound() {
  const { round, choices, taking, panel, slots } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const steps = bookableSteps.filter((s) => round.steps.includes(s));
  return (
    <>
      <p>
        <Link to="/pool/manage">All rounds</Link>
      </p>
      <h1>{round.name}</h1>
      <ul>
        <li>
          <Link to={`/pool/rounds/${round.id}`}>The round&apos;s public page</Link>
        </li>
        <li>
          <Link to={`/pool/rounds/${round.id}/outcomes`}>Outcomes</Link>
        </li>
      </ul>
      <h2>Schools taking part</h2>
      <p>
        {taking.length} of {choices.length} partnership schools take part. Their HR can search the pool.
      </p>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={replyFor(data, "schools")} prefix="schools" />
        <input type="hidden" name="intent" value="schools" />
        <Checkboxes
          prefix="schools"
          name="schoolId"
          legend="Schools"
          options={choices.map((s) => ({ value: s.id, label: `${s.name} (${s.town ?? s.phase}, URN ${s.urn})` }))}
          reply={replyFor(data, "schools")}
          checked={taking.map((s) => s.id)}
        />
        <button type="submit" className="button">
          Save the schools
        </button>
      </Form>
      <h2>Panel</h2>
      <p>The panel screens the applications: heads and HR of the partnership&apos;s schools.</p>
      {panel.length === 0 ? (
        <p>Nobody is on the panel yet.</p>
      ) : (
        <ul>
          {panel.map((p) => (
            <li key={p.userId}>
              {p.name} ({p.email}){" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-panel" />
                <input type="hidden" name="userId" value={p.userId} />
                <button type="submit" className="button button--secondary">
                  Take off the panel<span className="visually-hidden">: {p.name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={replyFor(data, "panel")} prefix="panel" />
        <input type="hidden" name="intent" value="panel" />
        <Input
          prefix="panel"
          name="email"
          type="email"
          label="Add to the panel: e-mail of their Staffroom account"
          reply={replyFor(data, "panel")}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Add to the panel
        </button>
      </Form>
      <h2>Interview and observation slots</h2>
      <SlotTable slots={slots} removable />
      <SlotRunForm reply={replyFor(data, "slots")} steps={steps} schools={taking} />
      <h2>Details</h2>
      <RoundForm reply={replyFor(data, "round")} round={round} submitLabel="Save the details" />
    </>
  );
}
