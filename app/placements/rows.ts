import { z } from "../forms/zod";
import { agreementStatuses, bookingStates } from "../vocabulary/placements";
import { bookingLabels } from "./academic-year";
import type { DateWindow } from "./windows";

/**
 * The shapes of the rows placement queries read, checked in development and tests by `parseRows` (db/rows.ts): a
 * renamed column, or a driver giving a value of another type, fails loudly there. Dates are selected as `::text`.
 */

/** A date column selected as `::text`. */
export const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const idRow = z.object({ id: z.string() });
export const nameRow = z.object({ id: z.string(), name: z.string() });
export const contactRow = z.object({ email: z.string(), name: z.string() });
export const mentorRow = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const bookingLabel = z.enum(bookingLabels);
const bookingState = z.enum(bookingStates);

const dateWindow = z.object({ startsOn: dayText, endsOn: dayText }) satisfies z.ZodType<DateWindow>;

export const providerRow = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  partnershipId: z.string().nullable(),
});

export const hostSchoolRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  partnershipId: z.string().nullable(),
});

export const lockedOfferRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  academicYear: z.number().int(),
  phase: z.string(),
  subjects: z.array(z.string()),
  startsOn: dayText,
  endsOn: dayText,
  /** The windows a booking must fall inside, earliest first. */
  windows: z.array(dateWindow),
  places: z.number().int(),
  status: z.string(),
  createdBy: z.string().nullable(),
});

export const traineeRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  providerId: z.string(),
  userId: z.string().nullable(),
});

export const travelRow = z.object({
  homeLat: z.number().nullable(),
  homeLng: z.number().nullable(),
  cap: z.number().int().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

const pairingColumns = {
  providerId: z.string(),
  providerName: z.string(),
  providerSlug: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  schoolUrn: z.number().int(),
};

/** A provider and a school of the same partnership, as an agreement names them. */
export const pairingRow = z.object(pairingColumns);

export const agreementRow = z.object({
  id: z.string(),
  ...pairingColumns,
  academicYear: z.number().int(),
  status: z.enum(agreementStatuses),
  requestedBySide: z.enum(["provider", "school"]),
  withdrawnReason: z.string().nullable(),
});

export const offerRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  schoolUrn: z.number().int(),
  town: z.string().nullable(),
  academicYear: z.number().int(),
  phase: z.string(),
  subjects: z.array(z.string()),
  keyStage: z.string().nullable(),
  send: z.boolean(),
  yearGroups: z.array(z.string()),
  startsOn: dayText,
  endsOn: dayText,
  windows: z.array(dateWindow),
  places: z.number().int(),
  taken: z.number().int(),
  notes: z.string().nullable(),
  status: z.string(),
  mentors: z.array(z.string()),
  agreed: z.boolean(),
  metres: z.number().nullable(),
});

export const hostingRow = z.object({
  academicYear: z.number().int(),
  interest: z.string(),
  reasons: z.string().nullable(),
});

export const inboxRow = z.object({
  id: z.string(),
  state: z.string(),
  label: z.string(),
  startsOn: dayText,
  endsOn: dayText,
  offerId: z.string(),
  traineeName: z.string(),
  traineeSubject: z.string(),
  providerName: z.string(),
  mentorName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const closureDayRow = z.object({ day: dayText, kind: z.enum(["closure", "inset"]) });

export const waitingEntryRow = z.object({
  id: z.string(),
  label: bookingLabel,
  startsOn: dayText,
  endsOn: dayText,
  traineeId: z.string(),
  traineeName: z.string(),
  traineeEmail: z.string(),
  providerId: z.string(),
});

export const waitlistEntryRow = z.object({
  id: z.string(),
  status: z.enum(["waiting", "held"]),
  label: bookingLabel,
  startsOn: dayText,
  endsOn: dayText,
  /** The last day of a hold (it ends at midnight after it, London time). */
  confirmBy: dayText.nullable(),
  schoolName: z.string(),
  position: z.number().int(),
});

export const lockedBookingRow = z.object({
  id: z.string(),
  state: bookingState,
  label: bookingLabel,
  startsOn: dayText,
  endsOn: dayText,
  offerId: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  providerId: z.string(),
  traineeName: z.string(),
  traineeEmail: z.string(),
  offerCreator: z.string().nullable(),
});

export const traineeSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  subject: z.string(),
  phase: z.string(),
  linked: z.boolean(),
  schools: z.number().int(),
  bookings: z.number().int(),
  waiting: z.number().int(),
});

export const rotationTraineeRow = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  name: z.string(),
  email: z.string(),
  route: z.string(),
  subject: z.string(),
  phase: z.string(),
  programmeStartsOn: dayText,
  programmeEndsOn: dayText,
  targetDays: z.number().int(),
  homeArea: z.string().nullable(),
  homeLat: z.number().nullable(),
  homeLng: z.number().nullable(),
  maxTravelMiles: z.number().int().nullable(),
  rotationCompletedAt: z.string().nullable(),
});

const rotationSchool = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  town: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  phase: z.string(),
  establishmentType: z.string().nullable(),
  laCode: z.string(),
  laName: z.string(),
  trustId: z.string().nullable(),
  trustName: z.string().nullable(),
});

export const rotationBookingRow = z.object({
  id: z.string(),
  label: bookingLabel,
  state: bookingState,
  startsOn: dayText,
  endsOn: dayText,
  reason: z.string().nullable(),
  offerId: z.string(),
  mentorName: z.string().nullable(),
  travelOverrideReason: z.string().nullable(),
  school: rotationSchool,
  closures: z.array(dayText),
});

export const seasonLineRow = z.object({
  phase: z.string(),
  subject: z.string(),
  offers: z.number().int(),
  places: z.number().int(),
  filled: z.number().int(),
  left: z.number().int(),
});

export const traineeGapRow = z.object({
  id: z.string(),
  name: z.string(),
  providerName: z.string(),
  schools: z.number().int(),
});
