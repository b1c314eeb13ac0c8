import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { FORM_FAILED } from "../components/error-summary";
import { ErrorSummary, replyFor } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { fieldErrorsOf } from "../forms/outcome";
import { answerOffer, offersForMember, type MemberMatch } from "../pool/matching/matches.server";
import { answerSchema } from "../pool/matching/schemas";
import { db, enqueue, services } from "../services.server";
import { formatLondon, formatLondonDate } from "../vocabulary/london-time";
import { matchStateLabels, type MatchState } from "../vocabulary/pool";

export const meta: MetaFunction = ({ data }) => [
  {
    title: `${data && typeof data === "object" && FORM_FAILED in data ? "Error: " : ""}Schools interested in you – Staffroom`,
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return json(await offersForMember(db(), user.id));
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  const parsed = answerSchema.safeParse(Object.fromEntries(formData));
  const intent = String(formData.get("intent") ?? "answer");
  if (!parsed.success) return invalidForm("answer", fieldErrorsOf(parsed.error), formData);
  const outcome = await answerOffer(db(), user.id, parsed.data.matchId, parsed.data.intent, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("answer", outcome, formData);
  return redirectWithFlash(request, "/pool/offers", {
    kind: "success",
    message:
      intent === "accept"
        ? `You accepted the offer from ${outcome.schoolName}. Congratulations: your other conversations are closed.`
        : `You declined the offer from ${outcome.schoolName}. They have been told.`,
  });
}

function Conversation({ m, reply }: { m: MemberMatch; reply?: FormReply }) {
  const mine = reply && reply.values.matchId === m.id ? replyFor(reply, "answer") : undefined;
  return (
    <li>
      <h3>{m.schoolName}</h3>
      <p>
        {matchStateLabels[m.state as MatchState]}, from the {m.roundName}
      </p>
      {m.invitationAt ? (
        <p>
          {m.invitationKind === "interview" ? "Interview" : "Visit"}: {formatLondon(m.invitationAt)}
        </p>
      ) : null}
      {m.roleTitle ? <p>Post offered: {m.roleTitle}</p> : null}
      {m.vacancyId && m.vacancyTitle ? (
        <p>
          Vacancy: <Link to={`/vacancies/${m.vacancyId}`}>{m.vacancyTitle}</Link>
        </p>
      ) : null}
      {m.message ? <p>Their message: {m.message}</p> : null}
      {m.state === "offered" ? (
        <Form method="post">
          <ErrorSummary reply={mine} prefix={`answer-${m.id}`} />
          <input type="hidden" name="matchId" value={m.id} />
          <button type="submit" name="intent" value="accept">
            Accept the offer from {m.schoolName}
          </button>{" "}
          <button type="submit" name="intent" value="decline" className="secondary">
            Decline the offer from {m.schoolName}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export default function PoolOffers() {
  const { matches, shared } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const unmatched = reply && !matches.some((m) => m.id === reply.values.matchId) ? reply : undefined;
  return (
    <>
      <h1>Schools interested in you</h1>
      <p>
        Schools of the pools you are in can shortlist you, invite you to visit or to an interview, and offer you a post.
        You can accept one offer: your other conversations then close.
      </p>
      <ErrorSummary reply={unmatched} prefix="answer" />
      <section aria-labelledby="conversations-heading">
        <h2 id="conversations-heading">Your conversations</h2>
        {matches.length === 0 ? (
          <p>No school has contacted you through the pool yet.</p>
        ) : (
          <ul className="cards">
            {matches.map((m) => (
              <Conversation key={m.id} m={m} reply={reply} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="shared-heading">
        <h2 id="shared-heading">Shared with the pool first</h2>
        {shared.length === 0 ? (
          <p>No vacancy matching your preferences is shared with your pool at the moment.</p>
        ) : (
          <ul>
            {shared.map((v) => (
              <li key={v.vacancyId}>
                <Link to={`/pool/shared/${v.vacancyId}`}>{v.title}</Link>
                {v.schoolName ? ` at ${v.schoolName}` : ""}: shared with the {v.roundName}; everyone can see it from{" "}
                {formatLondonDate(v.publicFrom)}.
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
