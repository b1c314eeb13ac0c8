/** The roles a person can hold, stored in memberships.role (a PostgreSQL enum built from this list). */
export const roles = [
  "teacher",
  "trainee",
  "hr",
  "itt_coordinator",
  "induction_tutor",
  "mentor",
  "partnership_admin",
  "placement_lead",
  "programme_lead",
] as const;
export type Role = (typeof roles)[number];

/** Where a role is held. */
export const scopeKinds = ["school", "organisation", "partnership"] as const;

export const roleLabels: Record<Role, string> = {
  teacher: "Teacher",
  trainee: "Trainee teacher",
  hr: "HR staff",
  itt_coordinator: "ITT coordinator",
  induction_tutor: "Induction tutor",
  mentor: "Mentor",
  partnership_admin: "Partnership administrator",
  placement_lead: "Placement lead",
  programme_lead: "ECT programme lead",
};

export type Scope =
  | { kind: "school"; schoolId: string }
  | { kind: "organisation"; organisationId: string }
  | { kind: "partnership"; partnershipId: string };

/**
 * Roles that see other people's personal data (applicants, trainees, staff): whoever holds one anywhere must
 * sign in with a second factor (ADR 0020).
 */
export const rolesRequiringSecondFactor: readonly Role[] = [
  "hr",
  "itt_coordinator",
  "induction_tutor",
  "partnership_admin",
  // A placement lead reads trainees' names, e-mail addresses and home areas on the school's bookings.
  "placement_lead",
  // A programme lead reads ECTs' names, schools and attendance across every school of the programme.
  "programme_lead",
];
