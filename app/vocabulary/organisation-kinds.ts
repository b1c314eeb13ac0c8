/** The kinds of organisation that employ or train teachers across schools. */
export const organisationKinds = ["academy_trust", "local_authority", "itt_provider", "teaching_school_hub"] as const;

/** How each kind of organisation is named on its pages. */
export const organisationKindLabels: Record<string, string> = {
  academy_trust: "Academy trust",
  local_authority: "Local authority",
  itt_provider: "Initial teacher training provider",
  teaching_school_hub: "Teaching school hub",
};
