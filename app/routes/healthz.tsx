import { sql } from "drizzle-orm";
import { db } from "../services.server";

/** For load balancers and test runners: the app is up and its database answers. */
export async function loader() {
  await db().execute(sql`SELECT 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
