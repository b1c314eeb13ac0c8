import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { forbidden, requireUser } from "../auth/guards.server";
import { adminPartnerships } from "../partnerships/queries.server";

export const meta: MetaFunction = () => [{ title: "Partnership admin – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const partnerships = await adminPartnerships(db(), user.id);
  if (partnerships.length === 0) throw forbidden("Only partnership administrators can use these pages");
  const [only, ...others] = partnerships;
  if (only && others.length === 0) throw redirect(`/admin/${only.slug}`);
  return json({ partnerships });
}

export default function AdminIndex() {
  const { partnerships } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your partnerships</h1>
      <ul>
        {partnerships.map((p) => (
          <li key={p.id}>
            <Link to={`/admin/${p.slug}`}>{p.name}</Link> ({p.region})
          </li>
        ))}
      </ul>
    </>
  );
}
