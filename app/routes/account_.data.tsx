import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { personalData } from "../applications/personal-data.server";

/** Everything Staffroom holds about the signed-in person, as a JSON download. Never cached: it is personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const data = await personalData(db(), user.id);
  if (!data) throw notFound();
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="staffroom-my-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
