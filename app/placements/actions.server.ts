import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { actOnBooking, placeOnOffer, type Actor } from "./bookings.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { planningYear } from "./academic-year";
import { decideAgreement, requestAgreement } from "./agreements.server";
import {
  actSchema,
  agreementDecisionSchema,
  agreementRequestSchema,
  bookingSchema,
  fieldErrorsOf,
  holdSchema,
} from "./schemas";
import { stateLabels } from "./states";
import { answerHold } from "./waitlist.server";

/** The "book" form on a rotation page: a trainee's request or a coordinator's booking. */
export async function bookFromForm(request: Request, formData: FormData, actor: Actor, back: string) {
  const parsed = bookingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
  const { waitlist, travelOverrideReason, ...input } = parsed.data;
  const outcome = await placeOnOffer(
    db(),
    actor,
    input,
    { appUrl: services().config.appUrl, enqueue: enqueue() },
    { waitlist, travelOverrideReason },
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
  const { entryId, answer, travelOverrideReason } = parsed.data;
  const outcome = await answerHold(
    db(),
    actor,
    entryId,
    answer,
    { appUrl: services().config.appUrl, enqueue: enqueue() },
    { travelOverrideReason },
  );
  if (!outcome.ok) return refused("hold", outcome, formData);
  const message =
    answer === "decline"
      ? "Declined: the place goes to the next trainee on the waiting list."
      : actor.side === "trainee"
        ? "Held place confirmed: your provider will confirm it, then the school."
        : "Held place booked: the school has been asked to accept it and name a mentor.";
  return redirectWithFlash(request, back, { kind: "success", message });
}

/** The academic years an agreement can be asked for: the one being planned and the next. */
export function agreementYears(): number[] {
  const year = planningYear();
  return [year, year + 1];
}

/**
 * The agreements panel's forms, from a provider's page (`own` is the provider) or a school's (`own` is the school):
 * asking the other side for an agreement, and accepting or withdrawing one. Null when the form was not the panel's.
 */
export async function agreementFromForm(
  request: Request,
  formData: FormData,
  actor: { userId: string; side: "provider" | "school" },
  own: string,
  back: string,
) {
  const intent = formData.get("intent");
  const context = { appUrl: services().config.appUrl, enqueue: enqueue() };
  if (intent === "agreement-request") {
    const field = actor.side === "provider" ? "schoolId" : "providerId";
    const parsed = agreementRequestSchema(field, agreementYears()).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm("agreement-request", fieldErrorsOf(parsed.error), formData);
    const pair =
      actor.side === "provider"
        ? { providerId: own, schoolId: parsed.data.schoolId! }
        : { providerId: parsed.data.providerId!, schoolId: own };
    const outcome = await requestAgreement(db(), actor, pair, parsed.data.academicYear, context);
    if (!outcome.ok) return refused("agreement-request", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: `Agreement requested: ${actor.side === "provider" ? "the school's HR" : "the provider's coordinators"} have been e-mailed to accept it.`,
    });
  }
  if (intent === "agreement-decide") {
    const parsed = agreementDecisionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm("agreement-decide", fieldErrorsOf(parsed.error), formData);
    const { agreementId, action, reason } = parsed.data;
    const outcome = await decideAgreement(db(), actor, agreementId, action, reason, context);
    if (!outcome.ok) return refused("agreement-decide", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: outcome.status === "accepted" ? "Agreement accepted." : "Agreement withdrawn.",
    });
  }
  return null;
}
