import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { fieldErrorsOf } from "../forms/outcome";
import { db, enqueue, services } from "../services.server";
import { bookSlot, cancelBooking, cancelRegistration, registerForFair } from "./bookings.server";
import {
  addFairRole,
  addFairSchool,
  addSlotRun,
  createFair,
  removeFairRole,
  removeFairSchool,
  removeSlot,
  updateFair,
} from "./fairs.server";
import { followUp } from "./follow-ups.server";
import {
  fairRoleSchema,
  fairSchema,
  fairSchoolSchema,
  followUpSchema,
  idSchema,
  registrationSchema,
  slotRunSchema,
} from "./schemas";

/**
 * The fair pages' forms: each parses its fields (400 at the field), calls its capability, and answers with the
 * refusal (400/409 at the form, 404 thrown) or a redirect with a message. Forms are named by an `intent` field.
 */

const notifyContext = () => ({ appUrl: services().config.appUrl, enqueue: enqueue() });
const fields = (formData: FormData) => Object.fromEntries(formData);
const done = (request: Request, to: string, message: string) =>
  redirectWithFlash(request, to, { kind: "success", message });

export async function createFairFromForm(request: Request, formData: FormData, userId: string) {
  const parsed = fairSchema.safeParse(fields(formData));
  const partnershipId = String(formData.get("partnershipId") ?? "");
  if (!parsed.success) return invalidForm("fair", fieldErrorsOf(parsed.error), formData);
  const outcome = await createFair(db(), userId, partnershipId, parsed.data);
  if (!outcome.ok) return refused("fair", outcome, formData);
  return done(
    request,
    `/fairs/${outcome.fairId}/manage`,
    `${parsed.data.name} is set up. Add the schools taking part next.`,
  );
}

/** The admin's page: the fair's details, and the schools taking part. Null when the form is none of them. */
export async function manageFairAction(request: Request, formData: FormData, userId: string, fairId: string) {
  const back = `/fairs/${fairId}/manage`;
  const intent = formData.get("intent");
  if (intent === "fair") {
    const parsed = fairSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("fair", fieldErrorsOf(parsed.error), formData);
    const outcome = await updateFair(db(), userId, fairId, parsed.data);
    if (!outcome.ok) return refused("fair", outcome, formData);
    return done(request, back, "The fair's details are saved.");
  }
  if (intent === "school") {
    const parsed = fairSchoolSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("school", fieldErrorsOf(parsed.error), formData);
    const outcome = await addFairSchool(db(), userId, fairId, parsed.data);
    if (!outcome.ok) return refused("school", outcome, formData);
    return done(request, back, `${outcome.schoolName} is taking part.`);
  }
  if (intent === "remove-school") {
    const parsed = idSchema("schoolId", "Choose a school").safeParse(fields(formData));
    if (!parsed.success) return invalidForm("remove-school", fieldErrorsOf(parsed.error), formData);
    const outcome = await removeFairSchool(db(), notifyContext(), userId, fairId, String(parsed.data.schoolId));
    if (!outcome.ok) return refused("remove-school", outcome, formData);
    return done(
      request,
      back,
      `The school is no longer taking part${outcome.cancelled > 0 ? `: ${outcome.cancelled} booked teacher(s) were told` : ""}.`,
    );
  }
  return null;
}

/** A school's HR page: roles, slots and follow-ups. Null when the form is none of them. */
export async function schoolFairAction(
  request: Request,
  formData: FormData,
  userId: string,
  fairId: string,
  schoolId: string,
) {
  const back = `/fairs/${fairId}/schools/${schoolId}`;
  const intent = formData.get("intent");
  if (intent === "role") {
    const parsed = fairRoleSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("role", fieldErrorsOf(parsed.error), formData);
    const outcome = await addFairRole(db(), userId, fairId, schoolId, parsed.data);
    if (!outcome.ok) return refused("role", outcome, formData);
    return done(request, back, `Role added: ${parsed.data.title}.`);
  }
  if (intent === "remove-role") {
    const parsed = idSchema("roleId", "Choose a role").safeParse(fields(formData));
    if (!parsed.success) return invalidForm("remove-role", fieldErrorsOf(parsed.error), formData);
    const outcome = await removeFairRole(db(), userId, fairId, schoolId, String(parsed.data.roleId));
    if (!outcome.ok) return refused("remove-role", outcome, formData);
    return done(request, back, "Role removed.");
  }
  if (intent === "slots") {
    const parsed = slotRunSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("slots", fieldErrorsOf(parsed.error), formData);
    const outcome = await addSlotRun(db(), userId, fairId, schoolId, parsed.data);
    if (!outcome.ok) return refused("slots", outcome, formData);
    return done(request, back, `${outcome.added} meeting slot${outcome.added === 1 ? "" : "s"} added.`);
  }
  if (intent === "remove-slot") {
    const parsed = idSchema("slotId", "Choose a slot").safeParse(fields(formData));
    if (!parsed.success) return invalidForm("remove-slot", fieldErrorsOf(parsed.error), formData);
    const outcome = await removeSlot(db(), notifyContext(), userId, fairId, schoolId, String(parsed.data.slotId));
    if (!outcome.ok) return refused("remove-slot", outcome, formData);
    return done(
      request,
      back,
      outcome.cancelled > 0
        ? `Slot removed. ${outcome.cancelled} booked teacher(s) were e-mailed that the meeting is cancelled.`
        : "Slot removed.",
    );
  }
  if (intent === "follow-up") {
    const parsed = followUpSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("follow-up", fieldErrorsOf(parsed.error), formData);
    const outcome = await followUp(db(), notifyContext(), userId, fairId, schoolId, parsed.data);
    if (!outcome.ok) return refused("follow-up", outcome, formData);
    return done(request, back, "Invitation sent by e-mail.");
  }
  return null;
}

export async function registerFromForm(request: Request, formData: FormData, userId: string, fairId: string) {
  const parsed = registrationSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidForm("register", fieldErrorsOf(parsed.error), formData);
  const outcome = await registerForFair(db(), userId, fairId, parsed.data);
  if (!outcome.ok) return refused("register", outcome, formData);
  if (outcome.poolRoundId)
    return done(
      request,
      `/pool/rounds/${outcome.poolRoundId}/apply`,
      "You are registered for the fair, and your application to join the pool is started: finish it here. Book your meetings from the fair's page.",
    );
  return done(request, `/fairs/${fairId}/mine`, "You are registered for the fair. Book your meetings below.");
}

/** A teacher's timetable page: book, cancel a booking, cancel the registration. Null when none of them. */
export async function teacherFairAction(request: Request, formData: FormData, userId: string, fairId: string) {
  const back = `/fairs/${fairId}/mine`;
  const intent = formData.get("intent");
  if (intent === "book") {
    const parsed = idSchema("slotId", "Choose a meeting").safeParse(fields(formData));
    if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
    const outcome = await bookSlot(db(), notifyContext(), userId, String(parsed.data.slotId));
    if (!outcome.ok || outcome.fairId !== fairId) {
      if (outcome.ok)
        return done(request, `/fairs/${outcome.fairId}/mine`, `Meeting booked with ${outcome.schoolName}.`);
      return refused("book", outcome, formData);
    }
    return done(request, back, `Meeting booked with ${outcome.schoolName}.`);
  }
  if (intent === "cancel-booking") {
    const parsed = idSchema("bookingId", "Choose a meeting").safeParse(fields(formData));
    if (!parsed.success) return invalidForm("cancel-booking", fieldErrorsOf(parsed.error), formData);
    const outcome = await cancelBooking(db(), userId, String(parsed.data.bookingId));
    if (!outcome.ok) return refused("cancel-booking", outcome, formData);
    return done(request, back, "Meeting cancelled.");
  }
  if (intent === "cancel-registration") {
    const outcome = await cancelRegistration(db(), userId, fairId);
    if (!outcome.ok) return refused("cancel-registration", outcome, formData);
    return done(request, `/fairs/${fairId}`, "Your registration is cancelled, with any meetings you had booked.");
  }
  return null;
}
