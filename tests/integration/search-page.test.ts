import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { forgetPlaceExamples } from "../../app/places/examples.server";
import { loader } from "../../app/routes/vacancies._index";
import { places } from "../../db/schema";
import { reindex } from "../../search/reindex.server";
import { services } from "../../app/services.server";
import { useTestDatabase } from "../support/database";
import { callRoute, getRequest } from "../support/requests";
import { SALE, searchRegion } from "../support/search-fixtures";

const t = useTestDatabase();

async function region() {
  const f = await searchRegion(t.db);
  // Sale's real postcode sector centroid is near SALE; the fixture needs a place the page can look up.
  await t.db.insert(places).values({
    key: "M33 7",
    kind: "sector",
    lat: SALE.lat,
    lng: SALE.lng,
    laCode: "358",
    laName: "Trafford",
    source: "test",
  });
  await reindex(t.db, services().search);
  return f;
}

type Page = {
  outcome: {
    total: number;
    results: { id: string; title: string; schools: { distance: string | null }[] }[];
    suggestions: { label: string; count: number; href: string }[];
    facets: Record<string, Record<string, number>>;
  } | null;
  errors: Record<string, string>;
};
const page = async (qs: string) => {
  const response = await callRoute(loader, getRequest(`/vacancies?${qs}`));
  return {
    status: response.status,
    location: response.headers.get("Location"),
    data: response.status < 300 || response.status === 400 ? ((await response.json()) as Page) : null,
  };
};

describe("the search page", () => {
  it("finds maths roles within 5 miles of a postcode sector, nearest first, with distances", async () => {
    const f = await region();
    const { status, data } = await page("q=maths&location=M33+7&radius=5");
    expect(status).toBe(200);
    expect(data!.outcome!.results.map((r) => r.id)).toEqual([f.ids.v1]);
    expect(data!.outcome!.results[0]?.schools[0]?.distance).toBe("1.9 miles");
  });

  it("sends a form's empty fields to one tidy, canonical URL", async () => {
    await region();
    const { status, location } = await page("q=maths&location=&radius=10&phase=&subject=&sort=relevance&minSalary=");
    expect(status).toBe(302);
    expect(location).toBe("/vacancies?q=maths");
  });

  it.each([
    ["radius=7&location=M33+7", "radiusMiles", "Choose a distance"],
    ["phase=tertiary", "phase", "not one of the phase choices"],
    ["subject=%3Cscript%3E", "subject", "not one of the subject choices"],
    ["minSalary=lots", "minSalary", "whole pounds"],
    ["minSalary=-5", "minSalary", "whole pounds"],
    ["ect=maybe", "ect", "Tick the box"],
    ["sort=random", "sort", "Choose an order"],
    ["page=0", "page", "Pages run"],
    [`q=${"x".repeat(150)}`, "q", "100 characters"],
    ["trust=not-a-trust", "trust", "not a trust Staffroom knows"],
    ["trust=Bad%20Slug", "trust", "not a trust"],
    ["location=Atlantis", "location", "We could not find “Atlantis”"],
  ])("%s is a 400 with the message at the field", async (qs, field, message) => {
    await region();
    const { status, data } = await page(qs);
    expect(status).toBe(400);
    expect(data!.errors[field]).toContain(message);
    expect(data!.outcome).toBeNull();
  });

  it("hints with places of the region shown, and never repeats the example that just failed", async () => {
    await region();
    forgetPlaceExamples();
    const before = await page("");
    // No school's postcode can be found yet: a hint without made-up examples.
    expect((before.data as unknown as { locationHint: string }).locationHint).toBe(
      "A full postcode, a postcode district, a town or a local authority",
    );
    await t.db.execute(sql`UPDATE schools SET postcode = 'M33 4GJ' WHERE urn = 106345`);
    await t.db.insert(places).values({ key: "M33 4GJ", kind: "postcode", lat: 53.42, lng: -2.3, source: "test" });
    forgetPlaceExamples();
    const after = await page("");
    expect((after.data as unknown as { locationHint: string }).locationHint).toBe(
      "For example M33 4GJ, M33, Sale or Trafford",
    );
    // A place that is not found: the message offers the region's own examples.
    const failed = await page("location=Atlantis");
    expect(failed.data!.errors.location).toBe(
      "We could not find “Atlantis”. Try a full postcode like M33 4GJ, a postcode district like M33, a town like Sale or a local authority like Trafford.",
    );
  });

  it("offers a wider radius or one filter fewer when nothing matches, with their counts", async () => {
    await region();
    const { data } = await page("location=M33+7&radius=1&subject=chemistry");
    expect(data!.outcome!.total).toBe(0);
    const suggestions = data!.outcome!.suggestions.map((s) => [s.label, s.count]);
    // Chemistry is at Prospect Vale (5.1 miles) and Copley (12.4 miles); without the subject, 1 role is within 1 mile.
    expect(suggestions).toEqual([
      ["Search within 10 miles", 1],
      ["Remove “Subject: Chemistry”", 1],
    ]);
    expect(data!.outcome!.suggestions[0]?.href).toBe("?location=M33+7&subject=chemistry");
  });

  it("shows counts beside each filter choice, and the other choices of a chosen filter", async () => {
    await region();
    const { data } = await page("phase=primary");
    expect(data!.outcome!.total).toBe(2);
    expect(data!.outcome!.facets.phase).toEqual({ primary: 2, secondary: 6 });
  });

  it("says a page past the end is empty without a 500", async () => {
    await region();
    const { status, data } = await page("page=40");
    expect(status).toBe(200);
    expect(data!.outcome!.results).toEqual([]);
    expect(data!.outcome!.total).toBe(8);
  });
});
