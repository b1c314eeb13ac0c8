import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export const FAKE_MEILI = "http://meilisearch.test:7700";

export type Recorded = { method: string; path: string; body?: unknown };
type Reply = (request: Recorded) => Response | undefined;

/**
 * A stand-in for a Meilisearch server at FAKE_MEILI, shaped on its documented HTTP API: every write answers
 * 202 with an enqueued task, each task is reported processing once and then succeeded (so a client that does not
 * wait sees it unfinished), indexes exist once created. It refuses what a real server refuses: a filter on an
 * attribute the index's settings do not make filterable (400 invalid_search_filter / invalid_document_filter),
 * `_geoRadius` without `_geo` filterable, and `rename` in a swap before 1.18. Each request is recorded.
 * `reply` can answer a request itself (a search's canned results, or a failure).
 */
export function fakeMeilisearch() {
  const recorded: Recorded[] = [];
  /** The bearer key of each recorded request, in the same order (kept apart so the recording stays key-free). */
  const keys: string[] = [];
  const indexes = new Set<string>();
  let nextTask = 1;
  let reply: Reply = () => undefined;
  let down = false;
  let version = "1.18.2";
  const tasks = new Map<number, { type: string; indexUid: string | null; polls: number }>();
  /** Each index's filterable attributes, as its last settings update set them. */
  const filterable = new Map<string, Set<string>>();
  const refused = (code: string, message: string) =>
    HttpResponse.json({ message, code, type: "invalid_request", link: "" }, { status: 400 });
  /** The first attribute a filter uses that the index cannot filter on, if any. */
  const unfilterable = (uid: string, filter: unknown): string | null => {
    const allowed = filterable.get(uid) ?? new Set<string>();
    const text = (Array.isArray(filter) ? filter.flat(2) : [filter]).filter((f) => typeof f === "string").join(" ");
    if (/_geoRadius\(/.test(text) && !allowed.has("_geo")) return "_geo";
    const stripped = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const m of stripped.matchAll(
      /([A-Za-z_][A-Za-z0-9_.]*)\s*(?:=|!=|>=|<=|>|<|\bIN\b|\bNOT IN\b|\bEXISTS\b|\bIS\b)/g,
    )) {
      const attribute = m[1]!;
      if (["AND", "OR", "NOT"].includes(attribute)) continue;
      if (!allowed.has(attribute)) return attribute;
    }
    return null;
  };

  const enqueue = (type: string, indexUid: string | null) => {
    const taskUid = nextTask++;
    tasks.set(taskUid, { type, indexUid, polls: 0 });
    return HttpResponse.json(
      { taskUid, indexUid, status: "enqueued", type, enqueuedAt: "2026-12-01T09:00:00.000Z" },
      { status: 202 },
    );
  };

  const server = setupServer(
    http.all(`${FAKE_MEILI}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = request.method === "GET" || request.method === "DELETE" ? "" : await request.text();
      const entry: Recorded = {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        ...(text ? { body: JSON.parse(text) } : {}),
      };
      // Task polls are how the client waits, not what the engine asks for: they are answered, not recorded.
      const isTaskPoll = request.method === "GET" && url.pathname.startsWith("/tasks/");
      if (!isTaskPoll) {
        recorded.push(entry);
        keys.push((request.headers.get("authorization") ?? "").replace(/^Bearer /, ""));
      }
      if (down) return HttpResponse.error();
      const parts = url.pathname.split("/").filter(Boolean);
      // The index's uid, in /indexes/:uid/…; "" elsewhere.
      const uid = parts[1] ?? "";
      // What a real server refuses is refused before any canned answer.
      if (parts[0] === "indexes" && parts[2] === "documents" && parts[3] === "delete") {
        const attribute = unfilterable(uid, (JSON.parse(text) as { filter?: unknown }).filter);
        if (attribute)
          return refused(
            "invalid_document_filter",
            `Attribute \`${attribute}\` is not filterable in index \`${uid}\`.`,
          );
      }
      if (parts[0] === "multi-search") {
        const { queries } = JSON.parse(text) as { queries: { indexUid: string; filter?: unknown }[] };
        for (const q of queries) {
          const attribute = unfilterable(q.indexUid, q.filter);
          if (attribute)
            return refused(
              "invalid_search_filter",
              `Attribute \`${attribute}\` is not filterable in \`${q.indexUid}\`.`,
            );
        }
      }
      const custom = reply(entry);
      if (custom) return custom;
      if (isTaskPoll) {
        const taskUid = Number(uid);
        const task = tasks.get(taskUid);
        if (task) task.polls++;
        return HttpResponse.json({
          uid: taskUid,
          indexUid: task?.indexUid ?? null,
          status: task && task.polls === 1 ? "processing" : "succeeded",
          type: task?.type ?? "unknown",
          details: {},
          error: null,
          duration: "PT0.001S",
          enqueuedAt: "2026-12-01T09:00:00.000Z",
          startedAt: "2026-12-01T09:00:00.001Z",
          finishedAt: "2026-12-01T09:00:00.002Z",
        });
      }
      if (parts[0] === "version" && request.method === "GET")
        return HttpResponse.json({ pkgVersion: version, commitSha: "0000000", commitDate: "2026-11-01T00:00:00Z" });
      if (parts[0] === "swap-indexes") {
        // Before 1.18 a swap takes only `indexes`: an unknown field is refused, as a real server does.
        const body = JSON.parse(text) as Record<string, unknown>[];
        const renameKnown = Number(version.split(".")[1]) >= 18;
        if (!renameKnown && body.some((swap) => "rename" in swap))
          return HttpResponse.json(
            { message: "Unknown field `rename`", code: "bad_request", type: "invalid_request" },
            { status: 400 },
          );
      }
      if (parts[0] === "indexes" && parts.length === 1 && request.method === "POST") {
        const { uid } = JSON.parse(text) as { uid: string };
        indexes.add(uid);
        return enqueue("indexCreation", uid);
      }
      if (parts[0] === "indexes" && parts.length === 2 && request.method === "GET") {
        return indexes.has(uid)
          ? HttpResponse.json({
              uid: uid,
              primaryKey: "id",
              createdAt: "2026-12-01T09:00:00Z",
              updatedAt: "2026-12-01T09:00:00Z",
            })
          : HttpResponse.json(
              {
                message: `Index \`${uid}\` not found.`,
                code: "index_not_found",
                type: "invalid_request",
                link: "https://docs.meilisearch.com/errors#index_not_found",
              },
              { status: 404 },
            );
      }
      if (parts[0] === "indexes" && parts.length === 2 && request.method === "DELETE") {
        indexes.delete(uid);
        return enqueue("indexDeletion", uid);
      }
      if (parts[0] === "indexes" && parts[2] === "settings") {
        const settings = JSON.parse(text) as { filterableAttributes?: string[] };
        if (settings.filterableAttributes) filterable.set(uid, new Set(settings.filterableAttributes));
        return enqueue("settingsUpdate", uid);
      }
      if (parts[0] === "indexes" && parts[2] === "documents" && parts[3] === "delete") {
        return enqueue("documentDeletion", uid);
      }
      if (parts[0] === "indexes" && parts[2] === "documents") return enqueue("documentAdditionOrUpdate", uid);
      if (parts[0] === "swap-indexes") return enqueue("indexSwap", null);
      return HttpResponse.json(
        { message: `unexpected ${request.method} ${url.pathname}`, code: "not_in_fake" },
        { status: 501 },
      );
    }),
  );

  return {
    server,
    recorded,
    keys,
    indexes,
    /** Answers matching requests with a canned response; others get the defaults. */
    answer(fn: Reply) {
      reply = fn;
    },
    /** A new server: no index, no settings. */
    reset() {
      indexes.clear();
      filterable.clear();
    },
    /** The version GET /version reports (1.18.2 unless set). */
    setVersion(value: string) {
      version = value;
    },
    /** While down, every request fails at the network, as when the server is unreachable. */
    setDown(value: boolean) {
      down = value;
    },
    clear() {
      recorded.length = 0;
      keys.length = 0;
    },
  };
}
