import { Form, NavLink } from "@remix-run/react";
import type { MembershipSummary } from "../memberships/queries.server";

export type NavItem = { to: string; label: string };

/** Links for each role a user holds; a user with several roles sees each role's links once. */
export function navigationFor(
  memberships: MembershipSummary[],
  signedIn = false,
  person: { ect?: boolean; facilitator?: boolean } = {},
): NavItem[] {
  const items: NavItem[] = [
    { to: "/vacancies", label: "Find a job" },
    { to: "/schools", label: "Schools" },
    { to: "/pay", label: "Pay" },
    { to: "/pool", label: "Teacher pool" },
  ];
  if (signedIn) items.push({ to: "/applications", label: "Applications" }, { to: "/alerts", label: "Job alerts" });
  const add = (item: NavItem) => {
    if (!items.some((i) => i.to === item.to)) items.push(item);
  };
  for (const m of memberships) {
    if (["trainee", "itt_coordinator", "hr", "placement_lead", "partnership_admin"].includes(m.role))
      add({ to: "/placements", label: "Placements" });
    if (m.role === "induction_tutor") add({ to: "/ects", label: "ECTs" });
    if (m.role === "mentor") add({ to: "/mentees", label: "Mentees" });
    if (m.role === "programme_lead" || m.role === "partnership_admin")
      add({ to: "/programmes", label: "ECT programmes" });
    if (m.role === "partnership_admin") add({ to: "/admin", label: "Partnership admin" });
    if (m.role === "hr") add({ to: "/hr/vacancies", label: "Vacancies" });
    if (m.role === "hr" && m.scopeKind === "organisation" && m.scopeSlug)
      add({ to: `/organisations/${m.scopeSlug}/team`, label: "Team" });
    if (m.role === "hr" && m.scopeKind === "school" && m.scopeSlug)
      add({ to: `/schools/${m.scopeSlug}/admin`, label: "School staff" });
  }
  // An ECT is a teacher with an ECT record, not a role: their induction page is theirs alone.
  if (person.ect) add({ to: "/induction", label: "Your induction" });
  if (person.facilitator) add({ to: "/programmes", label: "ECT programmes" });
  return items;
}

type Props = {
  user: { name: string; email: string; verified: boolean } | null;
  nav: NavItem[];
  devMailbox: boolean;
};

export function SiteHeader({ user, nav, devMailbox }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <NavLink to="/" className="site-header__brand">
          Staffroom
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
            {devMailbox ? (
              <li>
                <NavLink to="/dev/mailbox">Dev mailbox</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="site-header__account">
          {user ? (
            <>
              <NavLink to="/account">{user.name}</NavLink>
              <Form method="post" action="/sign-out">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/sign-in">Sign in</NavLink>
              <NavLink to="/sign-up">Create an account</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
