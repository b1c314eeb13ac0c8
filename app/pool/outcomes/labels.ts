import type { EmployerKind } from "../outcome-record.server";

/** Words for the kinds of employer the outcome figures count appointments by. */
export const employerKindLabels: Record<EmployerKind, string> = {
  academy: "Academy trusts",
  la_maintained: "Local authority maintained schools",
  other: "Other employers",
};
