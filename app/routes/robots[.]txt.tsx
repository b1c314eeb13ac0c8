import { services } from "../services.server";

/**
 * What search engines may crawl: the public pages (vacancies, schools, pay), not the signed-in areas, the
 * development pages or one-time links. The sitemap lists the live vacancies.
 */
export function loader() {
  const body = [
    "User-agent: *",
    "Disallow: /account",
    "Disallow: /admin",
    "Disallow: /alerts",
    "Disallow: /dev",
    "Disallow: /hr",
    "Disallow: /reset-password",
    "Disallow: /verify-email",
    "Allow: /",
    "",
    `Sitemap: ${services().config.appUrl}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
