import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useRootData } from "../root";

export const meta: MetaFunction = () => [
  { title: "Staffroom: schools in your area recruiting together" },
  {
    name: "description",
    content: "Every teaching vacancy in the area in one place, shared roles, placements and ECT programmes.",
  },
];

export default function Home() {
  const root = useRootData();
  return (
    <>
      <h1>Schools in your area, recruiting together</h1>
      <p className="lead">
        Staffroom brings every vacancy in an area into one place. Teachers search them all and apply once; schools share
        roles, placements and early career programmes instead of competing for the same few teachers.
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
      <ul>
        <li>
          <strong>Teachers</strong>: search every vacancy in the area by subject, phase, distance and pay, and join the
          area's teacher pool.
        </li>
        <li>
          <strong>HR staff</strong>: post roles at one school or shared across several, with pay stated as numbers.
        </li>
        <li>
          <strong>Trainee teachers</strong>: book placements across several schools.
        </li>
        <li>
          <strong>Schools</strong>: share early career teacher (ECT) development programmes.
        </li>
        <li>
          <strong>Everyone</strong>: see pay in the open. Offers that undercut neighbouring schools are flagged.
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
