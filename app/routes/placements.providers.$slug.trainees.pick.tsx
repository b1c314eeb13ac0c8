import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCoordinator } from "../placements/guards.server";

/** "Book for" on the offer search: goes to the chosen trainee's rotation with the offer picked. Works without JS. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = await requireCoordinator(request, params.slug);
  const url = new URL(request.url);
  const trainee = url.searchParams.get("trainee") ?? "";
  const offer = url.searchParams.get("offer") ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(trainee)) return redirect(`/placements/providers/${provider.slug}/offers`);
  return redirect(
    `/placements/providers/${provider.slug}/trainees/${trainee}${/^[0-9a-f-]{36}$/i.test(offer) ? `?offer=${offer}` : ""}`,
  );
}
