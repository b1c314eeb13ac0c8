import { roles } from "../../db/schema/memberships";

export type Role = (typeof roles)[number];
export { roles };

export const roleLabels: Record<Role, string> = {
  teacher: "Teacher",
  trainee: "Trainee teacher",
  hr: "HR staff",
  itt_coordinator: "ITT coordinator",
  induction_tutor: "Induction tutor",
  mentor: "Mentor",
  partnership_admin: "Partnership administrator",
};

export type Scope =
  | { kind: "school"; schoolId: string }
  | { kind: "organisation"; organisationId: string }
  | { kind: "partnership"; partnershipId: string };
