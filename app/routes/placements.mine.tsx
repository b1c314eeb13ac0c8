import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { calendarAction, type FeedReply } from "../calendar/actions.server";
import { CalendarPanel } from "../calendar/components/calendar-panel";
import { liveFeedCount } from "../calendar/feeds.server";
import { actFromForm, bookFromForm, holdFromForm } from "../placements/actions.server";
import { ownTrainee } from "../placements/access.server";
import { replyFor } from "../components/intent-fields";
import { BookingForm, RotationView } from "../placements/components/rotation-view";
import type { FormReply } from "../components/intent-forms.server";
import { bookableOffers } from "../placements/rotation-page.server";
import { actionsFor } from "../placements/states";
import { rotationOf } from "../placements/trainees.server";

export const meta: MetaFunction = () => [{ title: "Your rotation – Staffroom" }];

/** The signed-in trainee's own rotation; anyone without a trainee record gets a 404. */
async function load(request: Request) {
  const { user } = await requireUser(request);
  const trainee = await ownTrainee(db(), user.id);
  const rotation = trainee ? await rotationOf(db(), trainee.id, { traineeUserId: user.id }) : null;
  if (!rotation) throw notFound();
  return { user, rotation };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, rotation } = await load(request);
  return json({
    rotation,
    offers: await bookableOffers(db(), rotation),
    feeds: await liveFeedCount(db(), user.id, "trainee", rotation.trainee.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, rotation } = await load(request);
  const formData = await request.formData();
  const calendar = await calendarAction(formData, user.id, "trainee", rotation.trainee.id);
  if (calendar) return calendar;
  formData.set("traineeId", rotation.trainee.id);
  const actor = { userId: user.id, side: "trainee" as const };
  if (formData.get("intent") === "book") return bookFromForm(request, formData, actor, "/placements/mine");
  if (formData.get("intent") === "hold") return holdFromForm(request, formData, actor, "/placements/mine");
  return actFromForm(request, formData, actor, "/placements/mine");
}

export default function MyRotation() {
  const { rotation, offers, feeds } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply | FeedReply>();
  const reply = data && "fieldErrors" in data ? data : undefined;
  return (
    <>
      <h1>Your rotation</h1>
      <p className="lead">Distances are in a straight line from your home area; the journey by road will be longer.</p>
      <RotationView rotation={rotation} actions={(b) => actionsFor(b.state, "trainee")} reply={reply} />
      <CalendarPanel live={feeds} reply={data && "feedUrl" in data ? data : undefined} what="your placements" />
      <h2>Request a placement</h2>
      {offers.length === 0 ? (
        <p>No open offer with places left at your provider's partner schools just now.</p>
      ) : (
        <BookingForm
          traineeId={rotation.trainee.id}
          offers={offers}
          reply={replyFor(reply, "book")}
          submitLabel="Request the placement"
        />
      )}
    </>
  );
}
