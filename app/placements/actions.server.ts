import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { actOnBooking, requestBooking, type Actor } from "./bookings.server";
import { invalidForm, refused } from "./form.server";
import { actSchema, bookingSchema, fieldErrorsOf } from "./schemas";
import { stateLabels } from "./states";

/** The "book" form on a rotation page: a trainee's request or a coordinator's booking. */
export async function bookFromForm(request: Request, formData: FormData, actor: Actor, back: string) {
  const parsed = bookingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
  const outcome = await requestBooking(db(), actor, parsed.data, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("book", outcome, formData);
  const message =
    actor.side === "trainee"
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
