import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { missingForApplication } from "../applications/profile";
import { loadProfile } from "../applications/profile.server";
import { notFound, requireUser } from "../auth/guards.server";
import { Checkboxes, ErrorSummary, Input, replyFor, TextArea } from "../components/intent-fields";
import { refused, type FormReply } from "../components/intent-forms.server";
import { publicRound } from "../pool/access.server";
import { applicationAction } from "../pool/actions.server";
import { startPoolApplication } from "../pool/apply-start.server";
import { hideChoices, memberIdFor, ownMember } from "../pool/apply.server";
import { editable } from "../pool/rounds";
import { db } from "../services.server";
import { londonMonth } from "../vocabulary/london-time";
import { contractOptions, phaseOptions, workingPatternOptions } from "../vocabulary/options";
import { yearGroupLabel, yearGroups } from "../vocabulary/pool";
import { subjectOptions } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Apply: ${data?.round.name ?? "teacher pool"} – Staffroom` },
];

async function load(request: Request, roundId: string | undefined) {
  const { user } = await requireUser(request);
  const round = await publicRound(db(), roundId ?? "");
  if (!round) throw notFound();
  return { user, round };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await load(request, params.roundId);
  const memberId = await memberIdFor(db(), user.id, round.id);
  if (!memberId) return redirect(`/pool/rounds/${round.id}`);
  const [member, choices, profile] = await Promise.all([
    ownMember(db(), user.id, memberId),
    hideChoices(db(), round.partnershipId),
    loadProfile(db(), user.id),
  ]);
  if (!member || !profile) throw notFound();
  const missing = member.status === "draft" ? missingForApplication(profile, londonMonth(new Date())) : [];
  return json({ round, member, choices, missing });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await load(request, params.roundId);
  const formData = await request.formData();
  if (formData.get("intent") === "start") {
    const outcome = await startPoolApplication(db(), user.id, round.id);
    if (!outcome.ok) return refused("start", outcome, formData);
    return redirect(`/pool/rounds/${round.id}/apply`);
  }
  const memberId = await memberIdFor(db(), user.id, round.id);
  if (!memberId) throw notFound();
  const answer = await applicationAction(request, formData, user.id, memberId);
  if (!answer) throw notFound();
  return answer;
}

export default function ApplyToPool() {
  const { round, member, choices, missing } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const reply = replyFor(data, "preferences");
  const draft = member.status === "draft";
  return (
    <>
      <p>
        <Link to={`/pool/rounds/${round.id}`}>{round.name}</Link>
      </p>
      <h1>{draft ? `Apply to ${round.name}` : `Your preferences: ${round.name}`}</h1>
      {!editable(member.status) ? (
        <p>This application is finished: its preferences can no longer change.</p>
      ) : (
        <Form method="post" className="panel" noValidate>
          <ErrorSummary reply={reply} prefix="preferences" />
          <input type="hidden" name="intent" value="preferences" />
          <h2>What you are looking for</h2>
          <Checkboxes
            prefix="preferences"
            name="phases"
            legend="Phases"
            options={phaseOptions}
            reply={reply}
            checked={member.phases.length ? member.phases : [round.phase]}
          />
          <Checkboxes
            prefix="preferences"
            name="subjects"
            legend="Subjects you teach (optional for primary)"
            options={subjectOptions}
            reply={reply}
            checked={member.subjects}
          />
          <Checkboxes
            prefix="preferences"
            name="yearGroups"
            legend="Year groups (optional)"
            options={yearGroups.map((y) => ({ value: y, label: yearGroupLabel(y) }))}
            reply={reply}
            checked={member.yearGroups}
          />
          <Checkboxes
            prefix="preferences"
            name="contracts"
            legend="Contracts you would take"
            options={contractOptions}
            reply={reply}
            checked={member.contracts.length ? member.contracts : ["permanent"]}
          />
          <Checkboxes
            prefix="preferences"
            name="workingPatterns"
            legend="Working patterns"
            options={workingPatternOptions}
            reply={reply}
            checked={member.workingPatterns.length ? member.workingPatterns : ["full_time"]}
          />
          <h2>Where you can work</h2>
          <Input
            prefix="preferences"
            name="postcode"
            label="The postcode you travel from"
            hint="Schools see the distance, never your address"
            reply={reply}
            defaultValue={member.postcode ?? undefined}
            autoComplete="postal-code"
          />
          <Input
            prefix="preferences"
            name="travelMiles"
            type="number"
            label="How far you will travel, in miles"
            reply={reply}
            defaultValue={String(member.travelMiles ?? 10)}
          />
          <Input
            prefix="preferences"
            name="availableFrom"
            type="date"
            label="The date you can start"
            reply={reply}
            defaultValue={member.availableFrom ?? undefined}
          />
          <h2>Who must not see you</h2>
          <p>
            Hidden schools and trusts never see you in the pool, in any list or count. The panel member from a hidden
            school does not see your application either.
          </p>
          <Checkboxes
            prefix="preferences"
            name="hideOrganisation"
            legend="Hide from these trusts and councils (all their schools)"
            options={choices.organisations}
            reply={reply}
            checked={member.hideOrganisation}
          />
          <Checkboxes
            prefix="preferences"
            name="hideSchool"
            legend="Hide from these schools"
            options={choices.schools}
            reply={reply}
            checked={member.hideSchool}
          />
          {draft ? (
            <TextArea
              prefix="preferences"
              name="supportingStatement"
              label="Anything to add for the panel? (optional)"
              hint="Your personal statement from your profile is sent as well"
              reply={reply}
              defaultValue={member.supportingStatement}
              rows={6}
            />
          ) : null}
          <button type="submit" className="button">
            Save your preferences
          </button>
        </Form>
      )}
      {draft ? (
        <section aria-labelledby="send" className="panel">
          <h2 id="send">Check and send</h2>
          <p>
            Your application is <Link to="/profile">your profile</Link> as it stands when you send it, with the
            preferences above. Once sent, the profile copy does not change.
          </p>
          {missing.length > 0 ? (
            <>
              <h3>Still needed in your profile</h3>
              <ul>
                {missing.map((m) => (
                  <li key={m.message}>
                    <Link to={`/profile#${m.section}`}>{m.message}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Form method="post" noValidate>
            <ErrorSummary reply={replyFor(data, "submit")} prefix="submit" />
            <input type="hidden" name="intent" value="submit" />
            <div className="field choices">
              <div className="choice">
                <input id="submit-consent" type="checkbox" name="consent" value="yes" />
                <label htmlFor="submit-consent">
                  If I am taken into the pool, show my profile to the schools taking part in {round.name} (except those
                  I hid from). I can withdraw this at any time.
                </label>
              </div>
            </div>
            <button type="submit" className="button">
              Send the application
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
