import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "../forms/zod";
import { db, services } from "../services.server";
import { vacancyFeed } from "../vacancies/public.server";
import { keepPage } from "../kept-pages/keep";

const query = z.object({
  page: z.coerce
    .number({ error: "page must be a whole number from 1" })
    .int("page must be a whole number from 1")
    .min(1, "page must be a whole number from 1")
    .max(100_000, "page is too large")
    .default(1),
  per_page: z.coerce
    .number({ error: "per_page must be a whole number from 1 to 100" })
    .int()
    .min(1, "per_page must be from 1 to 100")
    .max(100, "per_page must be from 1 to 100")
    .default(50),
});

/**
 * The open-data feed of live vacancies: JSON, paged, pay as numbers (pounds a year full-time
 * equivalent, or pence an hour). Licensed like the rest of the service's public data.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    return json(
      { error: "invalid_query", messages: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  const { page, per_page: perPage } = parsed.data;
  const { total, vacancies, holdsUntil } = await vacancyFeed(db(), page, perPage);
  // The same for every caller: kept until a write, or the next live vacancy's closing time (ADR 0041).
  keepPage(context, { until: holdsUntil });
  const base = `${services().config.appUrl}/api/v1/vacancies`;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number) => `${base}?page=${p}&per_page=${perPage}`;
  return json(
    {
      data: vacancies.map((v) => ({ ...v, url: `${services().config.appUrl}/vacancies/${v.id}` })),
      meta: {
        total,
        page,
        per_page: perPage,
        pages,
        units: {
          salaryMinFte: "GBP per year, full-time equivalent",
          salaryMaxFte: "GBP per year, full-time equivalent",
          hourlyRatePence: "pence per hour",
          fte: "fraction of full time",
          "payFinding.comparison.benchmark": "GBP per year, full-time equivalent",
          "payFinding.comparison.differenceBasisPoints": "hundredths of a percent; negative below the benchmark",
        },
        payFinding:
          "The pay-transparency finding of the vacancy's current assessment (/pay explains the rule): its public badge and the comparison with nearby schools' offers behind it, or null before any assessment.",
      },
      links: {
        self: link(page),
        first: link(1),
        last: link(pages),
        next: page < pages ? link(page + 1) : null,
        prev: page > 1 ? link(page - 1) : null,
      },
    },
    { headers: { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } },
  );
}
