/** Teacher roles grouped into the families whose offers are compared with each other. */
export const roleFamilies = {
  classroom_teacher: { label: "Classroom teachers", roles: ["classroom_teacher"] },
  middle_leader: {
    label: "Middle leaders (heads of department or year)",
    roles: ["head_of_department", "head_of_year"],
  },
  senco: { label: "SENCOs", roles: ["senco"] },
  senior_leader: { label: "Senior leaders (assistant and deputy heads)", roles: ["assistant_head", "deputy_head"] },
  headteacher: { label: "Headteachers", roles: ["headteacher"] },
} as const;
export type RoleFamily = keyof typeof roleFamilies;
export const ROLE_FAMILIES = Object.keys(roleFamilies) as RoleFamily[];

/** The family of a teacher role; null for support roles, which are not on the teachers' pay ranges. */
export function familyOf(role: string): RoleFamily | null {
  return ROLE_FAMILIES.find((f) => (roleFamilies[f].roles as readonly string[]).includes(role)) ?? null;
}

export function rolesOf(family: RoleFamily): readonly string[] {
  return roleFamilies[family].roles;
}

/** Teachers' pay ranges with statutory figures; support grades and hourly rates have none. */
export const TEACHER_PAY_RANGES = ["main", "upper", "unqualified", "leading_practitioner", "leadership"] as const;
