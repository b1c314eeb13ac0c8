import { pingDatabase } from "../services.server";

/** For load balancers and test runners: the app is up and its database answers. */
export async function loader() {
  await pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
