import { Form, Link } from "@remix-run/react";
import { applicationStatusLabels, type ApplicationStatus } from "../../vocabulary/applications";

/**
 * How this visitor applies to a vacancy that takes applications in Staffroom: sign in first; start (or carry on)
 * their application; or see where the one they sent stands.
 */
export function ApplyPanel({
  vacancyId,
  isOpen,
  signedIn,
  mine,
}: {
  vacancyId: string;
  isOpen: boolean;
  signedIn: boolean;
  mine: { id: string; status: ApplicationStatus } | null;
}) {
  if (mine)
    return (
      <p className="panel">
        {mine.status === "draft"
          ? "You have started an application."
          : `Your application: ${applicationStatusLabels[mine.status]}.`}{" "}
        <Link className="button" to={`/applications/${mine.id}`}>
          {mine.status === "draft" ? "Carry on with your application" : "See your application"}
        </Link>
      </p>
    );
  if (!isOpen) return <p>Applications are no longer taken.</p>;
  if (!signedIn)
    return (
      <p>
        Apply in Staffroom with one profile for every school in the area.{" "}
        <Link className="button" to={`/sign-in?redirectTo=${encodeURIComponent(`/vacancies/${vacancyId}`)}`}>
          Sign in to apply
        </Link>{" "}
        or <Link to="/sign-up">create an account</Link>.
      </p>
    );
  return (
    <Form method="post" action="/applications">
      <input type="hidden" name="intent" value="start" />
      <input type="hidden" name="vacancyId" value={vacancyId} />
      <p>Your application starts from your teacher profile; you check it before you send it.</p>
      <button type="submit" className="button">
        Apply in Staffroom
      </button>
    </Form>
  );
}
