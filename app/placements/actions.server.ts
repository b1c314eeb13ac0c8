import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { actOnBooking, placeOnOffer, type Actor } from "./bookings.server";
import { invalidForm, refused } from "./form.server";
import { actSchema, bookingSchema, fieldErrorsOf, holdSchema } from "./schemas";
import { stateLabels } from "./states";
import { answerHold } from "./waitlist.server";

/** The "book" form on a rotation page: a trainee's request or a coordinator's booking. */
export async function bookFromForm(request: Request, formData: FormData, actor: Actor, back: string) {
  const parsed = bookingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
  const { waitlist, ...input } = parsed.data;
  const outcome = await placeOnOffer(
    db(),
    actor,
    input,
    { appUrl: services().config.appUrl, enqueue: enqueue() },
    { waitlist },
  );
  if (!outcome.ok) return refused("book", outcome, formData);
  const message =
    outcome.kind === "waitlisted"
      ? `The offer is full: the trainee is number ${outcome.position} on its waiting list. If a place comes free it is held for them, and they and the provider are e-mailed.`
      : actor.side === "trainee"
        ? "Placement requested: your provider will confirm it, then the school."
        : "Placement booked: the school has been asked to accept it and name a mentor.";
  return redirectWithFlash(request, back, { kind: "success", message });
}

/** The buttons on a booking: confirm, accept (with a mentor), decline or cancel (with a reason), complete. */
export async function actFromForm(request: Request, formData: FormData, actor: Actor, back: string) {
  const parsed = actSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("act", fieldErrorsOf(parsed.error), formData);
  const { bookingId, action, reason, mentorUserId } = parsed.data;
  const outcome = await actOnBooking(
    db(),
    actor,
    bookingId,
    action,
    { reason, mentorUserId },
    {
      appUrl: services().config.appUrl,
      enqueue: enqueue(),
    },
  );
  if (!outcome.ok) return refused("act", outcome, formData);
  return redirectWithFlash(request, back, {
    kind: "success",
    message: `Placement updated: ${stateLabels[outcome.state].toLowerCase()}.`,
  });
}

/** A place held from a waiting list, confirmed or declined; declining a waiting place leaves the list. */
export async function holdFromForm(request: Request, formData: FormData, actor: Actor, back: string) {
  const parsed = holdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("hold", fieldErrorsOf(parsed.error), formData);
  const outcome = await answerHold(db(), actor, parsed.data.entryId, parsed.data.answer, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("hold", outcome, formData);
  const message =
    parsed.data.answer === "decline"
      ? "Declined: the place goes to the next trainee on the waiting list."
      : actor.side === "trainee"
        ? "Held place confirmed: your provider will confirm it, then the school."
        : "Held place booked: the school has been asked to accept it and name a mentor.";
  return redirectWithFlash(request, back, { kind: "success", message });
}
