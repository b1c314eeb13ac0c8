import { db, services } from "../services.server";
import { liveVacancyIds } from "../vacancies/public.server";

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Live vacancies and the main pages, for search engines. */
export async function loader() {
  const base = services().config.appUrl;
  const ids = await liveVacancyIds(db());
  const urls = [
    `<url><loc>${escapeXml(`${base}/`)}</loc></url>`,
    `<url><loc>${escapeXml(`${base}/schools`)}</loc></url>`,
    ...ids.map(
      (v) =>
        `<url><loc>${escapeXml(`${base}/vacancies/${v.id}`)}</loc><lastmod>${new Date(v.updatedAt).toISOString()}</lastmod></url>`,
    ),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
