import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { createRoundFromForm } from "../pool/actions.server";
import { RoundForm } from "../pool/components/round-form";
import { roundRunners, roundsOfAdmin } from "../pool/rounds.server";
import { db } from "../services.server";
import { poolStatusLabels, type PoolStatus } from "../vocabulary/pool";

export const meta: MetaFunction = () => [{ title: "Run the teacher pool – Staffroom" }];

async function load(request: Request) {
  const { user } = await requireUser(request);
  const runners = await roundRunners(db(), user.id);
  if (runners.length === 0) throw forbidden("Only a partnership's administrators run its teacher pool");
  return { user, runners };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, runners } = await load(request);
  return json({ runners, rounds: await roundsOfAdmin(db(), user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await load(request);
  return createRoundFromForm(request, await request.formData(), user.id);
}

const shown: PoolStatus[] = ["screening", "pooled", "appointed", "not_this_time", "withdrawn"];

export default function ManagePool() {
  const { runners, rounds } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<FormReply>(), "round");
  return (
    <>
      <h1>Run the teacher pool</h1>
      <p>
        A round takes applications from teachers once for the whole area; the panel screens them, and the schools taking
        part find the teachers in the pool. Its outcomes are published.
      </p>
      <h2>Rounds</h2>
      {rounds.length === 0 ? (
        <p>No rounds yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Your partnership&apos;s pool rounds</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Dates</th>
              {shown.map((s) => (
                <th scope="col" key={s}>
                  {poolStatusLabels[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/pool/manage/${r.id}`}>{r.name}</Link>
                </td>
                <td>
                  {r.opensOn} to {r.closesOn ?? "always open"}
                </td>
                {shown.map((s) => (
                  <td key={s}>{r.counts[s] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Open a round</h2>
      <RoundForm reply={reply} runners={runners} submitLabel="Open the round" />
    </>
  );
}
