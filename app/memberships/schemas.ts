import { z } from "../forms/zod";
import { emailField } from "../auth/schemas";

/** Roles that HR staff and partnership admins can give by invitation, by the kind of place. */
export const INVITABLE_ROLES = {
  // A placement lead runs the school's side of ITT placements; the role is held at one school only.
  school: ["hr", "induction_tutor", "mentor", "placement_lead"],
  // A programme lead runs shared ECT programmes for a trust or hub, or for the whole partnership.
  organisation: ["hr", "induction_tutor", "mentor", "itt_coordinator", "programme_lead"],
  partnership: ["partnership_admin", "programme_lead"],
} as const;

export const scopeQuerySchema = z.object({
  scope: z.enum(["school", "organisation", "partnership"], { error: "Choose where the role is held" }),
  // Every id is a UUID; anything else cannot name a record, and would only reach the database as junk.
  id: z.uuid(),
});

export const invitationSchema = scopeQuerySchema.extend({
  email: emailField,
  role: z.enum(
    ["hr", "induction_tutor", "mentor", "itt_coordinator", "partnership_admin", "placement_lead", "programme_lead"],
    { error: "Choose a role" },
  ),
});
