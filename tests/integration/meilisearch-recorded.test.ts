/**
 * The recorded contract of the Meilisearch engine: without a live server (none can be installed here), every
 * request our engine sends for a fixed scenario is compared with tests/integration/recorded/meilisearch.json,
 * so a change in the mapping (settings, documents, filters, sorts, facets, the reindex swap) cannot pass
 * silently. After an intended change, re-record with RECORD_MEILI=1 and review the diff. The canned
 * responses follow Meilisearch's documented HTTP API, and the engine's reading of them is checked too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Meilisearch } from "meilisearch";
import { HttpResponse } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VacancyDocument } from "../../search/document";
import type { EngineQuery } from "../../search/engine";
import { meilisearchEngine, versionProblem } from "../../search/meilisearch/engine.server";
import { reindex } from "../../search/reindex.server";
import { drainSearchSync, pendingCount } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { FAKE_MEILI, fakeMeilisearch, type Recorded } from "../support/meili-recorder";
import { MILE, SALE, searchRegion } from "../support/search-fixtures";
import { sql } from "drizzle-orm";

const RECORDING = path.resolve("tests/integration/recorded/meilisearch.json");
const database = useTestDatabase();
const fake = fakeMeilisearch();
const engine = () =>
  meilisearchEngine({ host: FAKE_MEILI, adminKey: "test-admin-key", searchKey: "test-search-key", index: "vacancies" });

beforeAll(() => fake.server.listen({ onUnhandledRequest: "error" }));
afterAll(() => fake.server.close());
beforeEach(() => {
  fake.clear();
  fake.setDown(false);
  fake.setVersion("1.18.2");
  fake.answer(() => undefined);
});

/** A shared role at two real Trafford schools, with fixed ids so the recording is stable. */
const shared: VacancyDocument = {
  vacancyId: "00000000-0000-4000-8000-000000000001",
  title: "Teacher of Mathematics",
  role: "classroom_teacher",
  phases: ["secondary"],
  keyStages: ["ks3", "ks4"],
  subjects: ["mathematics"],
  contractType: "permanent",
  workingPattern: "full_time",
  payRange: "main",
  salaryMinFte: 32916,
  salaryMaxFte: 45352,
  hourlyRatePence: null,
  fteThousandths: 1000,
  ectSuitable: true,
  visaSponsorship: false,
  schoolTypes: ["academy"],
  trusts: ["mersey-trust"],
  trustNames: ["Mersey Learning Trust"],
  ownerName: "Mersey Learning Trust",
  publishedAt: "2026-11-20T09:00:00.000Z",
  closesAt: "2026-12-20T12:00:00.000Z",
  aboutRole: "Teach mathematics across key stages 3 and 4.",
  skillsExperience: "",
  schools: [
    {
      schoolId: "school-a",
      urn: 106283,
      name: "Navigation Primary School",
      town: "Altrincham",
      postcode: "WA14 1LL",
      laName: "Trafford",
      lat: 53.396313,
      lng: -2.348177,
      fteShare: 600,
    },
    {
      schoolId: "school-b",
      urn: 106298,
      name: "Springfield Primary School",
      town: "Sale",
      postcode: "M33 7XW",
      laName: "Trafford",
      lat: 53.423968,
      lng: -2.320428,
      fteShare: 400,
    },
  ],
};

const query: EngineQuery = {
  text: "maths",
  filters: { phase: "secondary", ect: true, minSalary: 40000 },
  geo: { ...SALE, radiusMetres: 5 * MILE },
  sort: "distance",
  page: 2,
  pageSize: 20,
  now: new Date("2026-12-01T09:00:00.000Z"),
  facets: true,
};

/** The build index's name carries the time it was made: the one volatile part of a request. */
function stable(requests: Recorded[]): Recorded[] {
  return JSON.parse(JSON.stringify(requests).replace(/vacancies_build_\d+/g, "vacancies_build_<time>"));
}

async function scenario() {
  const e = engine();
  await e.applySettings();
  await e.upsert([shared]);
  await e.remove(["00000000-0000-4000-8000-000000000002"]);
  fake.answer((r) =>
    r.path === "/multi-search"
      ? HttpResponse.json({
          results: [
            {
              indexUid: "vacancies",
              hits: [{ vacancyId: shared.vacancyId, document: shared, _geoDistance: 1612 }],
              query: "maths",
              processingTimeMs: 1,
              hitsPerPage: 20,
              page: 2,
              totalPages: 2,
              totalHits: 21,
              facetDistribution: {
                role: { classroom_teacher: 21 },
                subject: { mathematics: 21 },
                ect: { true: 21 },
                visa: { false: 21 },
                trust: { "mersey-trust": 12 },
              },
              facetStats: {},
            },
            {
              indexUid: "vacancies",
              hits: [],
              query: "maths",
              processingTimeMs: 1,
              hitsPerPage: 0,
              page: 1,
              totalPages: 0,
              totalHits: 30,
              facetDistribution: { phase: { secondary: 21, primary: 9 } },
            },
            {
              indexUid: "vacancies",
              hits: [],
              query: "maths",
              processingTimeMs: 1,
              hitsPerPage: 0,
              page: 1,
              totalPages: 0,
              totalHits: 25,
              facetDistribution: { ect: { true: 21, false: 4 } },
            },
          ],
        })
      : undefined,
  );
  const result = await e.search(query);
  fake.answer(() => undefined);
  return result;
}

describe("Meilisearch engine: recorded contract", () => {
  it("sends exactly the recorded settings, documents and queries", async () => {
    const result = await scenario();
    const recorded = stable(fake.recorded);
    if (process.env.RECORD_MEILI) writeFileSync(RECORDING, `${JSON.stringify(recorded, null, 2)}\n`);
    expect(recorded).toEqual(JSON.parse(readFileSync(RECORDING, "utf8")));
    expect(result.total).toBe(21);
    expect(result.hits).toHaveLength(1);
  });

  it("reads hits, totals and disjunctive facet counts from the responses", async () => {
    const result = await scenario();
    expect(result.hits[0]?.vacancyId).toBe(shared.vacancyId);
    // The nearer of the two schools (Springfield, 0.2 km from Sale's centre), by the haversine.
    expect(result.hits[0]?.nearestMetres).toBeGreaterThan(100);
    expect(result.hits[0]?.nearestMetres).toBeLessThan(300);
    expect(result.facets!.phase).toEqual({ secondary: 21, primary: 9 }); // from its own query, without the phase filter
    expect(result.facets!.ect).toEqual({ true: 21 }); // "no" is not a count the page shows
    expect(result.facets!.visa).toEqual({});
    expect(result.facets!.role).toEqual({ classroom_teacher: 21 });
  });

  it("sends one document per school, each with the vacancy's whole text and its own point", async () => {
    await engine().upsert([shared]);
    const add = fake.recorded.find((r) => r.method === "POST" && r.path.startsWith("/indexes/vacancies/documents"))!;
    const docs = add.body as { id: string; vacancyId: string; _geo: { lat: number }; places: string }[];
    expect(docs.map((d) => d.id)).toEqual([`${shared.vacancyId}_106283`, `${shared.vacancyId}_106298`]);
    expect(
      docs.every(
        (d) => d.vacancyId === shared.vacancyId && d.places.includes("navigation") && d.places.includes("springfield"),
      ),
    ).toBe(true);
    expect(docs.map((d) => d._geo.lat)).toEqual([53.396313, 53.423968]);
  });

  it("throws when a task fails, so the sync job retries", async () => {
    fake.answer((r) =>
      r.path.startsWith("/indexes/vacancies/documents")
        ? HttpResponse.json(
            {
              taskUid: 999,
              indexUid: "vacancies",
              status: "enqueued",
              type: "documentAdditionOrUpdate",
              enqueuedAt: "2026-12-01T09:00:00Z",
            },
            { status: 202 },
          )
        : r.path === "/tasks/999"
          ? HttpResponse.json({
              uid: 999,
              indexUid: "vacancies",
              status: "failed",
              type: "documentAdditionOrUpdate",
              error: { message: "disk full", code: "internal", type: "internal", link: "" },
              details: {},
              duration: "PT0S",
              enqueuedAt: "2026-12-01T09:00:00Z",
              startedAt: "2026-12-01T09:00:00Z",
              finishedAt: "2026-12-01T09:00:00Z",
            })
          : undefined,
    );
    await expect(engine().upsert([shared])).rejects.toThrow(/failed: disk full/);
  });
});

describe("Meilisearch engine: sync and reindex", () => {
  it("keeps changes while the server is down and delivers them when it is back", async () => {
    const f = await searchRegion(database.db);
    const e = engine();
    await e.applySettings();
    await drainSearchSync(database.db, e); // the fixture's own inserts
    await database.db.execute(sql`UPDATE vacancies SET title = 'Teacher of Statistics' WHERE id = ${f.ids.v2}`);
    fake.setDown(true);
    await expect(drainSearchSync(database.db, e)).rejects.toThrow();
    expect(await pendingCount(database.db)).toBe(1);
    fake.setDown(false);
    fake.clear();
    const outcome = await drainSearchSync(database.db, e);
    expect(outcome).toMatchObject({ indexed: 1, removed: 0, remaining: 0 });
    const add = fake.recorded.find((r) => r.path.startsWith("/indexes/vacancies/documents") && r.method === "POST")!;
    expect((add.body as { document: { title: string } }[]).map((d) => d.document.title)).toEqual([
      "Teacher of Statistics",
    ]);
  });

  it("reindexes into a fresh index, swaps it in and deletes the old one", async () => {
    await searchRegion(database.db);
    const e = engine();
    await e.applySettings();
    await drainSearchSync(database.db, e); // the fixture's own inserts: the reindex then has nothing to catch up
    fake.answer((r) =>
      r.path === "/indexes/vacancies/search"
        ? HttpResponse.json({
            hits: [],
            query: "",
            processingTimeMs: 0,
            hitsPerPage: 0,
            page: 1,
            totalPages: 0,
            totalHits: 9,
          })
        : undefined,
    );
    fake.clear();
    const report = await reindex(database.db, e, { batchSize: 5 });
    expect(report).toMatchObject({ documents: 9, searchable: 9 });
    const steps = stable(fake.recorded).map((r) => `${r.method} ${r.path}`);
    expect(steps).toEqual([
      "POST /indexes",
      "PATCH /indexes/vacancies_build_<time>/settings",
      "POST /indexes/vacancies_build_<time>/documents?primaryKey=id",
      "POST /indexes/vacancies_build_<time>/documents/delete",
      "POST /indexes/vacancies_build_<time>/documents?primaryKey=id",
      "POST /indexes/vacancies_build_<time>/documents/delete",
      "GET /indexes/vacancies",
      "POST /swap-indexes",
      "DELETE /indexes/vacancies_build_<time>",
      "POST /indexes/vacancies/search",
      "POST /indexes/vacancies/search",
    ]);
  });
});

describe("Meilisearch engine: a real server's conditions", () => {
  it("writes with the admin key and searches with the search key; the master key is never asked for", async () => {
    await scenario();
    const used = fake.recorded.map((r, i) => `${r.method} ${r.path.split("?")[0]}: ${fake.keys[i]}`);
    expect(used.filter((u) => u.startsWith("POST /multi-search"))).toEqual(["POST /multi-search: test-search-key"]);
    const others = used.filter((u) => !u.startsWith("POST /multi-search"));
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((u) => u.endsWith(": test-admin-key"))).toBe(true);
  });

  it("the stand-in refuses what a real server refuses: a filter on an attribute not made filterable", async () => {
    fake.reset();
    const raw = new Meilisearch({ host: FAKE_MEILI, apiKey: "test-admin-key" });
    await raw.createIndex("vacancies", { primaryKey: "id" }).waitTask({ timeout: 1000, interval: 1 });
    // What the sync did before the index's settings were made sure of: a delete by vacancyId on a bare index.
    await expect(raw.index("vacancies").deleteDocuments({ filter: 'vacancyId IN ["x"]' })).rejects.toThrow(
      /`vacancyId` is not filterable/,
    );
    await engine().applySettings();
    await expect(
      raw.index("vacancies").deleteDocuments({ filter: 'vacancyId IN ["x"]' }).waitTask({ timeout: 1000, interval: 1 }),
    ).resolves.toMatchObject({ status: "succeeded" });
  });

  it("reads the supported versions: 1.4 or later in 1.x", () => {
    expect(versionProblem("1.18.2")).toBeNull();
    expect(versionProblem("1.4.0")).toBeNull();
    expect(versionProblem("1.3.5")).toMatch(
      /Meilisearch 1\.3\.5 is not supported: Staffroom needs version 1\.4 or later/,
    );
    expect(versionProblem("2.0.0")).toMatch(/2\.0\.0 is not supported/);
    expect(versionProblem("nightly")).toMatch(/cannot read/);
  });

  it("refuses an unsupported server at start-up, naming its version, and writes nothing", async () => {
    fake.setVersion("1.2.0");
    await expect(engine().applySettings()).rejects.toThrow(/Meilisearch 1\.2\.0 is not supported/);
    expect(fake.recorded.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /version"]);
  });

  it("a refused key is an error naming the key, not a new index", async () => {
    fake.answer((r) =>
      r.path === "/indexes/vacancies" && r.method === "GET"
        ? HttpResponse.json({ message: "The provided API key is invalid.", code: "invalid_api_key" }, { status: 403 })
        : undefined,
    );
    await expect(engine().applySettings()).rejects.toThrow(/refused the key \(403\): check MEILI_ADMIN_KEY/);
    expect(fake.recorded.some((r) => r.method === "POST" && r.path === "/indexes")).toBe(false);
  });

  it("down at start-up, the first sync makes the index and applies its settings before writing", async () => {
    fake.reset(); // a new server: no index, no settings
    const e = engine();
    fake.setDown(true);
    await expect(e.applySettings()).rejects.toThrow();
    fake.setDown(false);
    fake.clear();
    await e.remove(["00000000-0000-4000-8000-000000000002"]);
    const steps = fake.recorded.map((r) => `${r.method} ${r.path}`);
    expect(steps).toEqual([
      "GET /version",
      "GET /indexes/vacancies",
      "POST /indexes",
      "PATCH /indexes/vacancies/settings",
      "POST /indexes/vacancies/documents/delete",
    ]);
    // Once ready, later writes go straight to the index.
    fake.clear();
    await e.remove(["00000000-0000-4000-8000-000000000003"]);
    expect(fake.recorded.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /indexes/vacancies/documents/delete"]);
  });

  it("on a server before 1.18 the swap leaves out `rename`, which such a server refuses", async () => {
    fake.setVersion("1.12.0");
    const e = engine();
    await e.applySettings();
    const build = await e.beginBuild();
    await build.swap();
    const swap = fake.recorded.find((r) => r.path === "/swap-indexes")!;
    expect(swap.body).toEqual([{ indexes: ["vacancies", expect.stringMatching(/^vacancies_build_\d+$/)] }]);
  });

  it("on 1.18 and later the swap says rename: false, as the recording shows", async () => {
    const e = engine();
    await e.applySettings();
    const build = await e.beginBuild();
    await build.swap();
    const swap = fake.recorded.find((r) => r.path === "/swap-indexes")!;
    expect(swap.body).toEqual([
      { indexes: ["vacancies", expect.stringMatching(/^vacancies_build_\d+$/)], rename: false },
    ]);
  });

  it("a build index whose settings fail is deleted, not left behind", async () => {
    const e = engine();
    await e.applySettings();
    fake.answer((r) =>
      r.method === "PATCH" && r.path.startsWith("/indexes/vacancies_build_")
        ? HttpResponse.json({ message: "boom", code: "internal", type: "internal" }, { status: 500 })
        : undefined,
    );
    await expect(e.beginBuild()).rejects.toThrow();
    const deleted = fake.recorded.filter(
      (r) => r.method === "DELETE" && r.path.startsWith("/indexes/vacancies_build_"),
    );
    expect(deleted).toHaveLength(1);
    expect([...fake.indexes].some((uid) => uid.startsWith("vacancies_build_"))).toBe(false);
  });
});
