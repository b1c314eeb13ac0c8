import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { actFromForm, bookFromForm, holdFromForm } from "../placements/actions.server";
import { replyFor } from "../components/intent-fields";
import { formatDay } from "../placements/academic-year";
import { BookingForm, RotationView } from "../placements/components/rotation-view";
import type { FormReply } from "../components/intent-forms.server";
import { requireCoordinator } from "../placements/guards.server";
import { bookableOffers } from "../placements/rotation-page.server";
import { actionsFor } from "../placements/states";
import { completeRotation, rotationOf } from "../placements/trainees.server";
import { redirectWithFlash } from "../components/actions.server";
import { refused } from "../components/intent-forms.server";
import { ErrorSummary } from "../components/intent-fields";
import { Form } from "@remix-run/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.rotation.trainee.name ?? "Trainee"}: rotation – Staffroom` },
];

async function load(request: Request, params: { slug?: string; id?: string }) {
  const { user, provider } = await requireCoordinator(request, params.slug);
  const rotation = await rotationOf(db(), params.id ?? "", { providerId: provider.id });
  if (!rotation) throw notFound();
  return { user, provider, rotation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider, rotation } = await load(request, params);
  const offer = new URL(request.url).searchParams.get("offer") ?? undefined;
  return json({ provider, rotation, offers: await bookableOffers(db(), rotation), offer });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provider, rotation } = await load(request, params);
  const formData = await request.formData();
  const back = `/placements/providers/${provider.slug}/trainees/${rotation.trainee.id}`;
  const actor = { userId: user.id, side: "provider" as const };
  // The trainee is the one in the URL, whatever the form says.
  formData.set("traineeId", rotation.trainee.id);
  if (formData.get("intent") === "complete-rotation") {
    const outcome = await completeRotation(db(), provider.id, rotation.trainee.id);
    if (!outcome.ok) return refused("complete-rotation", outcome, formData);
    return redirectWithFlash(request, back, { kind: "success", message: "Rotation marked complete." });
  }
  if (formData.get("intent") === "book") return bookFromForm(request, formData, actor, back);
  if (formData.get("intent") === "hold") return holdFromForm(request, formData, actor, back);
  return actFromForm(request, formData, actor, back);
}

export default function CoordinatorRotation() {
  const { provider, rotation, offers, offer } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  return (
    <>
      <p>
        <Link to={`/placements/providers/${provider.slug}`}>All trainees of {provider.name}</Link>
      </p>
      <h1>{rotation.trainee.name}: rotation</h1>
      <RotationView rotation={rotation} actions={(b) => actionsFor(b.state, "provider")} reply={reply} />
      <CompleteRotation
        completedAt={rotation.trainee.rotationCompletedAt}
        reply={replyFor(reply, "complete-rotation")}
      />
      <h2>Book a placement</h2>
      {offers.length === 0 ? (
        <p>
          No open offer with places left at a school you have an agreement with.{" "}
          <Link to={`/placements/providers/${provider.slug}/offers`}>Search every open offer</Link>.
        </p>
      ) : (
        <BookingForm
          traineeId={rotation.trainee.id}
          offers={offers}
          reply={replyFor(reply, "book")}
          submitLabel="Book the placement"
          travelOverride
          defaultOffer={offer}
        />
      )}
    </>
  );
}

/** Marking the whole rotation complete: refused at the form, saying why, without two schools' placements completed. */
function CompleteRotation({ completedAt, reply }: { completedAt: string | null; reply?: FormReply }) {
  if (completedAt) return <p>The rotation was marked complete on {formatDay(completedAt.slice(0, 10))}.</p>;
  const error = reply?.fieldErrors.rotation?.join(". ");
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="complete" />
      <input type="hidden" name="intent" value="complete-rotation" />
      <div className={`field${error ? " field--error" : ""}`}>
        <p className="hint" id="complete-rotation-hint">
          Once every placement is done. A rotation needs placements completed at two or more different schools.
        </p>
        {error ? (
          <span className="field-error" id="complete-rotation-error">
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <button
          type="submit"
          id="complete-rotation"
          className="button button--secondary"
          aria-describedby={error ? "complete-rotation-hint complete-rotation-error" : "complete-rotation-hint"}
        >
          Mark the rotation complete
        </button>
      </div>
    </Form>
  );
}
