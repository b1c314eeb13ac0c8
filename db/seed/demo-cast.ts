import type { Role } from "../../app/vocabulary/roles";

/**
 * The demo's organisations and people. Every name is invented; other engineers' tests and the e2e
 * journeys sign in with these exact addresses, so change them only together with those tests.
 */
export const DEMO_PASSWORD = "staffroom-demo-password";

/**
 * The authenticator key of every demo account whose role requires two-step sign-in (README, demo accounts): published
 * like the password, so anyone trying the demo can add it to an authenticator app, and the e2e journeys compute codes
 * from it. Only the demo seed uses it, and a real deployment never seeds the demo (app/config.server.ts).
 */
export const DEMO_TOTP_SECRET = "KN2GCZTGOJXW63KEMVWW6U3FMNZGK5BB";

export const demoPartnership = { slug: "demo-vale", name: "Demo Vale Schools Partnership" };

export const trustSlugs = ["northbrook-learning-trust", "riverside-schools-trust", "small-oak-trust"] as const;
export type TrustSlug = (typeof trustSlugs)[number];

export const demoTrusts: { slug: TrustSlug; name: string }[] = [
  { slug: "northbrook-learning-trust", name: "Northbrook Learning Trust" },
  { slug: "riverside-schools-trust", name: "Riverside Schools Trust" },
  { slug: "small-oak-trust", name: "Small Oak Trust" },
];

export const demoIttProvider = { slug: "vale-teacher-training", name: "Vale Teacher Training" };

export type LocalAuthority = { slug: string; name: string; laCode: string };
export const fictionalLocalAuthority: LocalAuthority = {
  slug: "demoshire-county-council",
  name: "Demoshire County Council",
  laCode: "990",
};

/** Where a demo user's role is held; schools by their position in Northbrook's list (0 = the first). */
export type DemoScope =
  | { kind: "partnership" }
  | { kind: "organisation"; org: TrustSlug | "local-authority" | "itt-provider" }
  | { kind: "northbrook-school"; index: number };

export type DemoUser = { email: string; name: string; role: Role; scope: DemoScope };

export const demoUsers: DemoUser[] = [
  { email: "admin@staffroom.example", name: "Ada Admin", role: "partnership_admin", scope: { kind: "partnership" } },
  {
    email: "hr@northbrook.example",
    name: "Hana Northbrook",
    role: "hr",
    scope: { kind: "organisation", org: "northbrook-learning-trust" },
  },
  {
    email: "hr@riverside.example",
    name: "Rhys Riverside",
    role: "hr",
    scope: { kind: "organisation", org: "riverside-schools-trust" },
  },
  {
    email: "hr.school@northbrook.example",
    name: "Sam School-Office",
    role: "hr",
    scope: { kind: "northbrook-school", index: 0 },
  },
  {
    email: "hr@demoshire.example",
    name: "Dee Shire",
    role: "hr",
    scope: { kind: "organisation", org: "local-authority" },
  },
  { email: "teacher@staffroom.example", name: "Tess Teacher", role: "teacher", scope: { kind: "partnership" } },
  { email: "trainee@staffroom.example", name: "Tom Trainee", role: "trainee", scope: { kind: "partnership" } },
  {
    email: "itt@vale.example",
    name: "Ivy Vale",
    role: "itt_coordinator",
    scope: { kind: "organisation", org: "itt-provider" },
  },
  {
    email: "induction@northbrook.example",
    name: "Ines Induction",
    role: "induction_tutor",
    scope: { kind: "organisation", org: "northbrook-learning-trust" },
  },
  {
    email: "mentor@northbrook.example",
    name: "Max Mentor",
    role: "mentor",
    scope: { kind: "northbrook-school", index: 1 },
  },
  {
    email: "lead@northbrook.example",
    name: "Lena Lead",
    role: "placement_lead",
    scope: { kind: "northbrook-school", index: 1 },
  },
  // The ECT development programme (db/seed/programmes.ts): its lead, a teacher who facilitates its sessions, and an
  // early career teacher at the demo mentor's school, who is their mentee.
  {
    email: "programmes@staffroom.example",
    name: "Priya Programme",
    role: "programme_lead",
    scope: { kind: "partnership" },
  },
  {
    email: "facilitator@staffroom.example",
    name: "Fran Facilitator",
    role: "teacher",
    scope: { kind: "northbrook-school", index: 0 },
  },
  {
    email: "ect@northbrook.example",
    name: "Eve Early",
    role: "teacher",
    scope: { kind: "northbrook-school", index: 1 },
  },
];
