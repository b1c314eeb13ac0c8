import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "../auth/session.server";
import { redirectWithFlash } from "../components/actions.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const clearCookie = await endSession(request);
  return redirectWithFlash(request, "/", { kind: "info", message: "You are signed out." }, [clearCookie]);
}
