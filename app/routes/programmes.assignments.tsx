import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import type { FormReply } from "../components/intent-forms.server";
import { assignmentFromForm } from "../programmes/assignment-actions.server";
import { assignmentsFor, mayUseAssignments, proposalChoices } from "../programmes/assignments.server";
import { AssignmentList, ProposeAssignmentForm } from "../programmes/components/assignment-list";
import { db } from "../services.server";

export const meta: MetaFunction = () => [{ title: "Early-career assignments – Staffroom" }];

/** Induction tutors, HR and partnership admins: the assignments they take part in, and a proposal form. */
async function requireAssignmentsUser(request: Request) {
  const { user } = await requireUser(request);
  if (!(await mayUseAssignments(db(), user.id))) throw notFound();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAssignmentsUser(request);
  const [assignments, choices] = await Promise.all([assignmentsFor(db(), user.id), proposalChoices(db(), user.id)]);
  return json({ assignments, choices });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAssignmentsUser(request);
  const formData = await request.formData();
  const answer = await assignmentFromForm(request, formData, user.id, "/programmes/assignments");
  if (!answer) throw notFound();
  return answer;
}

export default function Assignments() {
  const { assignments, choices } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const waiting = assignments.filter((a) => a.canAcceptAsEmployer || a.canAcceptAsHost);
  const others = assignments.filter((a) => !(a.canAcceptAsEmployer || a.canAcceptAsHost));
  return (
    <>
      <h1>Early-career assignments</h1>
      <p>
        Planned time for an early career teacher at another school of the partnership. The teacher stays employed by
        their school; the assignment goes ahead once their school and the host school have both accepted it.
      </p>
      <section aria-labelledby="waiting">
        <h2 id="waiting">Waiting for your answer</h2>
        {waiting.length === 0 ? (
          <p>Nothing is waiting for your answer.</p>
        ) : (
          <AssignmentList assignments={waiting} reply={reply} />
        )}
      </section>
      <section aria-labelledby="all">
        <h2 id="all">Other assignments</h2>
        <AssignmentList assignments={others} reply={reply} />
      </section>
      {choices.ects.length > 0 ? (
        <section aria-labelledby="propose">
          <h2 id="propose">Propose an assignment</h2>
          <ProposeAssignmentForm choices={choices} reply={reply} />
        </section>
      ) : null}
    </>
  );
}
