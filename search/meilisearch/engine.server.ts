/**
 * The Meilisearch engine (selected by MEILI_HOST). The master key stays on the server: searches run here and
 * the browser only ever talks to Staffroom. Every write waits for its task and throws if it failed, so the
 * sync job retries it.
 */
import { Meilisearch, MeilisearchApiError, type IndexSwap, type Task } from "meilisearch";
import { distanceMetres } from "../../app/vocabulary/distance";
import type { VacancyDocument } from "../document";
import {
  emptyFacets,
  FACETS,
  type EngineQuery,
  type FacetName,
  type IndexBuild,
  type SearchEngine,
  type SearchResult,
} from "../engine";
import { DEFAULT_INDEX, indexSettings, quoted, searchRequests, toMeiliDocuments } from "./mapping";

/** Two keys, as Meilisearch advises: an admin key for settings, indexes and documents, a search key for searches. */
export type MeiliOptions = { host: string; adminKey: string; searchKey: string; index?: string; timeoutMs?: number };

type Hit = { vacancyId: string; document: VacancyDocument };
type Response = { hits: Hit[]; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> };

class MeiliTaskError extends Error {}
/** The server answered, but cannot be used as it is (an unsupported version, a refused key): retrying will not help. */
class MeiliSetupError extends Error {}

/** Exact totals with `distinct` arrived in 1.4; `deleteDocuments` by filter in 1.2. */
const MIN_VERSION = [1, 4] as const;
/** Index swaps take `rename` from 1.18 on; older servers refuse the field (400), so it is sent only to those. */
const SWAP_RENAME_FROM = [1, 18] as const;
/**
 * Every task wait names its options: the client's `Index.create` ignores the default wait options and would give
 * up after 5 s on a busy server, leaving the index half made.
 */
const WAIT = { timeout: 60_000, interval: 50 };

type Version = readonly [number, number];
const atLeast = (v: Version, min: Version) => v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);

/** "1.18.2" or "1.4.0-rc.1" as [major, minor]; null when unreadable. */
function parseVersion(text: string): Version | null {
  const m = /^v?(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Whether Staffroom can use a server of this version, and why not. */
export function versionProblem(text: string): string | null {
  const v = parseVersion(text);
  if (!v) return `Meilisearch answered with a version Staffroom cannot read ("${text}")`;
  if (v[0] !== MIN_VERSION[0] || !atLeast(v, MIN_VERSION))
    return `Meilisearch ${text} is not supported: Staffroom needs version ${MIN_VERSION.join(".")} or later in 1.x`;
  return null;
}

const statusOf = (error: unknown) => (error instanceof MeilisearchApiError ? error.response.status : null);

function succeeded(task: Task): Task {
  if (task.status !== "succeeded")
    throw new MeiliTaskError(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error given"}`,
    );
  return task;
}

export function meilisearchEngine(options: MeiliOptions): SearchEngine {
  const connect = (apiKey: string) =>
    new Meilisearch({ host: options.host, apiKey, timeout: options.timeoutMs ?? 5000, defaultWaitOptions: WAIT });
  const client = connect(options.adminKey);
  const searcher = connect(options.searchKey);
  const live = options.index ?? DEFAULT_INDEX;

  /** Only a missing index (404) is created; a refused key or an unreachable server is an error, not a new index. */
  async function ensureIndex(uid: string) {
    try {
      await client.getIndex(uid);
    } catch (error) {
      const status = statusOf(error);
      if (status === 401 || status === 403)
        throw new MeiliSetupError(`Meilisearch refused the key (${status}): check MEILI_ADMIN_KEY`);
      if (status !== 404) throw error;
      succeeded(await client.createIndex(uid, { primaryKey: "id" }).waitTask(WAIT));
    }
  }

  let version: Version | null = null;
  async function checkVersion(): Promise<Version> {
    const { pkgVersion } = await client.getVersion();
    const problem = versionProblem(pkgVersion);
    if (problem) throw new MeiliSetupError(problem);
    return parseVersion(pkgVersion)!;
  }

  /**
   * The live index exists with the code's settings before anything is written to it. Done once per process on
   * success and again after a failure, so a server that was down at start-up gets its settings on the first sync
   * (without them, deletes by vacancyId fail: it is not filterable yet).
   */
  let prepared: Promise<void> | null = null;
  async function prepareLive(): Promise<void> {
    version = await checkVersion();
    await ensureIndex(live);
    succeeded(await client.index(live).updateSettings(indexSettings()).waitTask(WAIT));
  }
  function ready(): Promise<void> {
    prepared ??= prepareLive().catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    return prepared;
  }

  async function write(uid: string, documents: VacancyDocument[]) {
    if (documents.length === 0) return;
    const index = client.index(uid);
    succeeded(await index.addDocuments(documents.flatMap(toMeiliDocuments), { primaryKey: "id" }).waitTask(WAIT));
    // A vacancy that moved school keeps a document for the school it left: delete those, after the new ones are in.
    const stale = documents.map(
      (d) =>
        `(vacancyId = ${quoted(d.vacancyId)} AND schoolId NOT IN [${d.schools.map((s) => quoted(s.schoolId)).join(", ")}])`,
    );
    succeeded(await index.deleteDocuments({ filter: stale.join(" OR ") }).waitTask(WAIT));
  }

  return {
    name: "meilisearch",
    async applySettings() {
      prepared = null;
      await ready();
    },
    async upsert(documents) {
      await ready();
      await write(live, documents);
    },
    async remove(vacancyIds) {
      if (vacancyIds.length === 0) return;
      await ready();
      succeeded(
        await client
          .index(live)
          .deleteDocuments({ filter: `vacancyId IN [${vacancyIds.map(quoted).join(", ")}]` })
          .waitTask(WAIT),
      );
    },
    async search(query: EngineQuery): Promise<SearchResult> {
      const { main, facetQueries, active } = searchRequests(query, live);
      const { results } = (await searcher.multiSearch({ queries: [main, ...facetQueries] })) as unknown as {
        results: Response[];
      };
      const [first, ...own] = results;
      if (!first) throw new Error("Meilisearch answered a multi-search with no results");
      const facets = query.facets ? emptyFacets() : undefined;
      if (facets) {
        const fill = (distribution: Record<string, Record<string, number>> | undefined, only?: FacetName) => {
          for (const facet of FACETS) {
            if (only ? facet !== only : active.includes(facet)) continue;
            for (const [value, n] of Object.entries(distribution?.[facet] ?? {})) {
              // Yes/no facets count only "yes", as the Postgres engine does.
              if ((facet === "ect" || facet === "visa" || facet === "atLocalRate") && value !== "true") continue;
              if (n > 0) facets[facet][value] = n;
            }
          }
        };
        fill(first.facetDistribution);
        own.forEach((r, i) => fill(r.facetDistribution, active[i]));
      }
      return {
        total: first.totalHits ?? 0,
        facets,
        hits: first.hits.map((h) => ({
          vacancyId: h.vacancyId,
          document: h.document,
          nearestMetres: query.geo ? nearest(h.document, query.geo) : null,
        })),
      };
    },
    // Its index changes after the database's writes commit (tasks run later): no answer can be promised to hold.
    answersHoldUntil: async () => null,
    async countDocuments() {
      const response = (await searcher.index(live).search("", { page: 1, hitsPerPage: 0 })) as unknown as Response;
      return response.totalHits ?? 0;
    },
    async beginBuild(): Promise<IndexBuild> {
      await ready();
      const uid = `${live}_build_${Date.now()}`;
      const abandon = async () => {
        succeeded(await client.deleteIndex(uid).waitTask(WAIT));
      };
      try {
        succeeded(await client.createIndex(uid, { primaryKey: "id" }).waitTask(WAIT));
        succeeded(await client.index(uid).updateSettings(indexSettings()).waitTask(WAIT));
      } catch (error) {
        // A build index half made (its creation still queued on a busy server) is not left behind.
        await abandon().catch(() => {});
        throw error;
      }
      return {
        add: (documents) => write(uid, documents),
        async swap() {
          await ensureIndex(live);
          const swap = (
            version && atLeast(version, SWAP_RENAME_FROM)
              ? { indexes: [live, uid], rename: false }
              : { indexes: [live, uid] }
          ) as IndexSwap;
          succeeded(await client.swapIndexes([swap]).waitTask(WAIT));
          // After the swap `uid` holds the old documents.
          await abandon();
        },
        abandon,
      };
    },
  };
}

/** Metres to the nearest of the vacancy's schools: the haversine Meilisearch's own radius uses. */
function nearest(d: VacancyDocument, from: { lat: number; lng: number }): number | null {
  const metres = d.schools
    .filter((s) => s.lat !== null && s.lng !== null)
    .map((s) => distanceMetres(from, { lat: s.lat!, lng: s.lng! }));
  return metres.length > 0 ? Math.min(...metres) : null;
}
