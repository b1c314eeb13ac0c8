import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { invalidForm } from "../components/intent-forms.server";
import { ReferenceForm } from "../applications/components/reference-form";
import { parseReference } from "../applications/reference-form";
import { answerReference, referenceByToken, type ReferenceLink } from "../applications/references.server";
import { formatLondonDate } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [
  { title: "Give a reference – Staffroom" },
  { name: "robots", content: "noindex" },
];

/** The token is in the URL: no page it links to may learn it, and no cache may keep the page (as reset-password). */
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

/** A link that does not work says why, as a 404 (never was) or a 410 (was, and is no more): never a 500. */
function closed(link: Exclude<ReferenceLink, { kind: "open" }>): Response {
  if (link.kind === "unknown")
    return notFound("This reference link is not right: copy the whole link from the e-mail.");
  const why = {
    used: "This reference has already been given, thank you. The link works once.",
    expired: "This link has expired. If you can still give a reference, ask the employer to send you a new request.",
    closed: "This reference is no longer needed: the application has ended.",
  }[link.kind];
  return new Response(why, { status: 410, statusText: "Gone" });
}

/** Opening the link only reads (mail scanners open links); the referee needs no account: the token is the authority. */
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await referenceByToken(db(), params.token ?? "");
  if (link.kind !== "open") throw closed(link);
  return json({
    refereeName: link.refereeName,
    applicantName: link.applicantName,
    vacancyTitle: link.vacancyTitle,
    employerName: link.employerName,
    lastDay: formatLondonDate(new Date(link.expiresAt.getTime() - 1)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const link = await referenceByToken(db(), token);
  if (link.kind !== "open") throw closed(link);
  const parsed = parseReference(Object.fromEntries(formData));
  if (!parsed.ok) return invalidForm("reference", parsed.fieldErrors, formData);
  const outcome = await answerReference(db(), token, parsed.answers);
  if (!outcome.ok) throw closed(outcome.link.kind === "open" ? { kind: "used" } : outcome.link);
  return redirect("/references/sent", 303);
}

export default function GiveReference() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>Reference for {data.applicantName}</h1>
      <p>
        {data.applicantName} has applied for {data.vacancyTitle} at {data.employerName} and named you,{" "}
        {data.refereeName}, as a referee. Your answers go to {data.employerName} only. The link works once, until{" "}
        {data.lastDay}.
      </p>
      <ReferenceForm reply={reply} />
    </>
  );
}
