import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useRootData } from "../root";

export const meta: MetaFunction = () => [
  { title: "Staffroom: schools in your area recruiting together" },
  {
    name: "description",
    content: "Every teaching vacancy in the area in one place, roles shared across schools, and pay in the open.",
  },
];

export default function Home() {
  const root = useRootData();
  return (
    <>
      <h1>Schools in your area, recruiting together</h1>
      <p className="lead">
        Staffroom brings every vacancy in an area into one place. Teachers search them all; schools share roles and show
        their pay in the open instead of quietly competing for the same few teachers.
      </p>
      <Form method="get" action="/vacancies" role="search" aria-label="Vacancies" className="filters panel">
        <div className="field">
          <label htmlFor="home-q">Job title, subject or keywords</label>
          <input id="home-q" name="q" type="search" />
        </div>
        <div className="field">
          <label htmlFor="home-location">Postcode, town or local authority</label>
          <input id="home-location" name="location" type="text" autoComplete="postal-code" />
        </div>
        <button type="submit" className="button">
          Find a job
        </button>
      </Form>
      <h2>What you can do here</h2>
      {/* Only what works today: each capability adds its line when it lands. */}
      <ul>
        <li>
          <strong>Teachers</strong>: <Link to="/vacancies">search every vacancy in the area</Link> by subject, phase,
          distance, pay and suitability for early career teachers, and get new ones by e-mail with a job alert. Fill in{" "}
          <Link to="/profile">one teacher profile</Link> and apply to any vacancy marked “Apply in Staffroom” from it,
          then follow each application, and withdraw it, under <Link to="/applications">your applications</Link>.
        </li>
        <li>
          <strong>HR staff</strong>: post roles at one school or shared across several, with pay stated as numbers, or
          import them from a spreadsheet; share a role with another trust's or the local authority's school, whose HR
          confirm their share before it is published. Take applications in Staffroom: every school the role is at sees
          who applied, shortlists (with names hidden until then if you choose), asks referees, and tells every applicant
          where they stand.
        </li>
        <li>
          <strong>Trainee teachers and ITT providers</strong>: book placement rotations across several schools, with
          real dates, places that cannot be overbooked and a named mentor at each school; schools publish offers and
          accept requests under <Link to="/placements">Placements</Link>.
        </li>
        <li>
          <strong>Early career teachers and their schools</strong>: induction tutors register ECTs, assign a mentor and
          enrol them in a shared ECT programme run across the area's schools; ECTs see their sessions, attendance and
          training time against their released time under <Link to="/induction">your induction</Link>, and programme
          leads run cohorts, sessions and registers under <Link to="/programmes">ECT programmes</Link>.
        </li>
        <li>
          <strong>The regional teacher pool</strong>: <Link to="/pool">apply once to the area's pool</Link>, screened by
          a panel of local heads and HR who answer everyone (with feedback when it is not this time); choose who may see
          you and hide from any school or trust. Schools taking part find pool members near them, invite and offer; each
          round publishes its outcomes. Areas also run <Link to="/fairs">recruitment fairs</Link> where teachers book
          short meetings with schools.
        </li>
        <li>
          <strong>Everyone</strong>: <Link to="/pay">see pay in the open</Link>. Offers that undercut neighbouring
          schools are flagged before they are published.
        </li>
      </ul>
      <div className="button-row">
        <Link className="button" to="/schools">
          Browse the area's schools
        </Link>
        {root?.user ? null : (
          <Link className="button button--secondary" to="/sign-up">
            Create an account
          </Link>
        )}
      </div>
    </>
  );
}
