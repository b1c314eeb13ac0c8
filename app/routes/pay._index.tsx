import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { allPartnerships } from "../partnerships/queries.server";

export const meta: MetaFunction = () => [
  { title: "Teachers' pay by area – Staffroom" },
  {
    name: "description",
    content: "Each partnership's teacher offers compared in the open, against the statutory ranges.",
  },
];

export async function loader() {
  return json({ partnerships: await allPartnerships(db()) });
}

export default function PayIndex() {
  const { partnerships } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Teachers' pay by area</h1>
      <p className="lead">
        The schools of each partnership publish their pay as numbers, so every offer can be compared with its neighbours
        and with the statutory ranges.
      </p>
      {partnerships.length === 0 ? (
        <p>No partnerships yet.</p>
      ) : (
        <ul>
          {partnerships.map((p) => (
            <li key={p.id}>
              <Link to={`/pay/${p.slug}`}>{p.name}</Link> ({p.region}, {p.schools}{" "}
              {p.schools === 1 ? "school" : "schools"})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
