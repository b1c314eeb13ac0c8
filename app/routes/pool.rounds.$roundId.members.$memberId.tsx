import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProfileSummary } from "../applications/components/profile-summary";
import { notFound, requireUser } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { FORM_FAILED } from "../components/error-summary";
import { ErrorSummary, Input, Select, TextArea, replyFor } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { LabelledField } from "../components/forms";
import { fieldErrorsOf } from "../forms/outcome";
import { actingSchool, hrSchoolsInRound, roundHeading } from "../pool/matching/access.server";
import { fit } from "../pool/matching/fit";
import { actOnMember, logView, memberForSchool, offerableVacancies } from "../pool/matching/matches.server";
import { matchActionSchema } from "../pool/matching/schemas";
import { db, enqueue, services } from "../services.server";
import { formatLondon, formatLondonDate } from "../vocabulary/london-time";
import { contractLabels, phaseLabels, workingPatternLabels } from "../vocabulary/options";
import type { ContractType, Phase, WorkingPattern } from "../vocabulary/options";
import { matchStateLabels, yearGroupLabel, type MatchState, type YearGroup } from "../vocabulary/pool";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.member.profile.name ?? "Pool member"} – ${data?.round.name ?? "pool"} – Staffroom` },
];

/** HR of one of the round's schools, acting for `school` (theirs, taking part), and a member that school may see. */
async function requireMember(request: Request, params: LoaderFunctionArgs["params"], chosen: string | null) {
  const { user } = await requireUser(request);
  const roundId = params.roundId ?? "";
  const schools = await hrSchoolsInRound(db(), user.id, roundId);
  const school = actingSchool(schools, chosen);
  const round = await roundHeading(db(), roundId);
  if (!school || !round) throw notFound();
  const member = await memberForSchool(db(), roundId, params.memberId ?? "", school.id);
  if (!member) throw notFound();
  return { user, schools, school, round, member };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const chosen = new URL(request.url).searchParams.get("school");
  const { user, school, round, member } = await requireMember(request, params, chosen);
  await logView(db(), member.id, user.id, school.id);
  const vacancies = await offerableVacancies(db(), school.id);
  return json({
    round,
    school: { id: school.id, name: school.name },
    member,
    reasons: fit(member, school, { phase: round.phase }).reasons,
    vacancies,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const chosen = typeof formData.get("school") === "string" ? String(formData.get("school")) : null;
  const { user, member, round } = await requireMember(request, params, chosen);
  const intent = String(formData.get("intent") ?? "");
  const parsed = matchActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
  const outcome = await actOnMember(db(), user.id, round.id, member.id, parsed.data, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused(intent, outcome, formData);
  const said = { shortlisted: "shortlisted", invited: "invited", offered: "offered a post" }[
    outcome.state as "shortlisted" | "invited" | "offered"
  ];
  return redirectWithFlash(request, `/pool/rounds/${round.id}/members/${member.id}?school=${parsed.data.school}`, {
    kind: "success",
    message: `${member.profile.name} has been ${said} by ${outcome.schoolName} and e-mailed.`,
  });
}

const labelsOf = (values: string[], label: (v: string) => string) =>
  values.length === 0 ? "Any" : values.map(label).join(", ");

export default function PoolMember() {
  const { round, school, member, reasons, vacancies } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply & { [FORM_FAILED]?: true }>();
  const state = member.matchState as MatchState | null;
  const canInvite = state === null || state === "shortlisted" || state === "invited";
  return (
    <>
      <p>
        <Link to={`/pool/rounds/${round.id}/search?school=${school.id}`}>Back to the search</Link>
      </p>
      <h1>{member.profile.name}</h1>
      <p>
        In the {round.name}, seen for {school.name}.{" "}
        {state ? `Your conversation: ${matchStateLabels[state]}.` : "You have not contacted them yet."}
      </p>
      <section aria-labelledby="fit-heading">
        <h2 id="fit-heading">Why they may fit</h2>
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">What they are looking for</h2>
        <dl className="summary">
          <dt>Subjects</dt>
          <dd>{labelsOf(member.subjects, subjectLabel)}</dd>
          <dt>Phases</dt>
          <dd>{labelsOf(member.phases, (v) => phaseLabels[v as Phase] ?? v)}</dd>
          <dt>Year groups</dt>
          <dd>{labelsOf(member.yearGroups, (v) => yearGroupLabel(v as YearGroup))}</dd>
          <dt>Contracts</dt>
          <dd>{labelsOf(member.contracts, (v) => contractLabels[v as ContractType] ?? v)}</dd>
          <dt>Working patterns</dt>
          <dd>{labelsOf(member.workingPatterns, (v) => workingPatternLabels[v as WorkingPattern] ?? v)}</dd>
          <dt>Travels from</dt>
          <dd>
            {member.postcode ?? "Not given"}
            {member.travelMiles ? `, up to ${member.travelMiles} miles` : ""}
          </dd>
          <dt>Available from</dt>
          <dd>{member.availableFrom ? formatLondonDate(`${member.availableFrom}T12:00:00Z`) : "Not given"}</dd>
          {member.invitationAt ? (
            <>
              <dt>Your invitation</dt>
              <dd>
                {member.invitationKind === "interview" ? "Interview" : "Visit"} on {formatLondon(member.invitationAt)}
              </dd>
            </>
          ) : null}
          {member.roleTitle ? (
            <>
              <dt>Your offer</dt>
              <dd>{member.roleTitle}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <ProfileSummary profile={member.profile} supportingStatement={member.supportingStatement} />
      <section aria-labelledby="act-heading">
        <h2 id="act-heading">Contact them for {school.name}</h2>
        {state === null ? (
          <Form method="post">
            <ErrorSummary reply={replyFor(reply, "shortlist")} prefix="shortlist" />
            <input type="hidden" name="school" value={school.id} />
            <button type="submit" name="intent" value="shortlist">
              Shortlist
            </button>
          </Form>
        ) : null}
        {canInvite ? (
          <Form method="post" aria-labelledby="invite-heading">
            <h3 id="invite-heading">Invite to visit or interview</h3>
            <ErrorSummary reply={replyFor(reply, "invite")} prefix="invite" />
            <input type="hidden" name="school" value={school.id} />
            <Select
              prefix="invite"
              name="kind"
              label="Invite to"
              options={[
                { value: "visit", label: "A visit" },
                { value: "interview", label: "An interview" },
              ]}
              reply={replyFor(reply, "invite")}
            />
            <LabelledField
              id="invite-at"
              label="Date and time"
              hint="For example, 2027-01-14 10:00"
              error={replyFor(reply, "invite")?.fieldErrors.at?.join(". ")}
            >
              {(describedBy) => (
                <input
                  id="invite-at"
                  name="at"
                  type="datetime-local"
                  defaultValue={replyFor(reply, "invite")?.values.at}
                  aria-describedby={describedBy}
                  aria-invalid={replyFor(reply, "invite")?.fieldErrors.at ? true : undefined}
                />
              )}
            </LabelledField>
            <TextArea prefix="invite" name="message" label="Message (optional)" reply={replyFor(reply, "invite")} />
            <button type="submit" name="intent" value="invite">
              Send the invitation
            </button>
          </Form>
        ) : null}
        {canInvite ? (
          <Form method="post" aria-labelledby="offer-heading">
            <h3 id="offer-heading">Offer a post</h3>
            <ErrorSummary reply={replyFor(reply, "offer")} prefix="offer" />
            <input type="hidden" name="school" value={school.id} />
            <Input
              prefix="offer"
              name="roleTitle"
              label="Role"
              hint="For example, Year 3 class teacher"
              reply={replyFor(reply, "offer")}
            />
            {vacancies.length > 0 ? (
              <Select
                prefix="offer"
                name="vacancyId"
                label="Vacancy (optional)"
                options={vacancies.map((v) => ({ value: v.id, label: v.title }))}
                placeholder="Not linked to a vacancy"
                reply={replyFor(reply, "offer")}
              />
            ) : null}
            <TextArea prefix="offer" name="message" label="Message (optional)" reply={replyFor(reply, "offer")} />
            <button type="submit" name="intent" value="offer">
              Send the offer
            </button>
          </Form>
        ) : (
          <p>
            {state === "offered"
              ? "You have offered them a post: they will answer in Staffroom, and you will be e-mailed."
              : state
                ? matchStateLabels[state]
                : null}
          </p>
        )}
      </section>
    </>
  );
}
