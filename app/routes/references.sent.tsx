import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [
  { title: "Reference sent – Staffroom" },
  { name: "robots", content: "noindex" },
];

/**
 * Where a referee lands after sending: its own page, because the link's page answers 410 once used (and a page
 * reloaded after a POST must not send the answers again).
 */
export default function ReferenceSent() {
  return (
    <>
      <h1>Thank you: your reference is sent</h1>
      <p>The employer can now read it. The applicant does not see your answers. You can close this page.</p>
    </>
  );
}
