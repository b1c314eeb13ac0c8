import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export const FAKE_MEILI = "http://meilisearch.test:7700";

export type Recorded = { method: string; path: string; body?: unknown };
type Reply = (request: Recorded) => Response | undefined;

/**
 * A stand-in for a Meilisearch server at FAKE_MEILI, shaped on its documented HTTP API: every write answers
 * 202 with an enqueued task, every task is then reported succeeded, indexes exist once created. Each request
 * is recorded. `reply` can answer a request itself (a search's canned results, or a failure).
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
  const tasks = new Map<number, { type: string; indexUid: string | null }>();

  const enqueue = (type: string, indexUid: string | null) => {
    const taskUid = nextTask++;
    tasks.set(taskUid, { type, indexUid });
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
      const custom = reply(entry);
      if (custom) return custom;
      const parts = url.pathname.split("/").filter(Boolean);
      if (isTaskPoll) {
        const uid = Number(parts[1]);
        const task = tasks.get(uid);
        return HttpResponse.json({
          uid,
          indexUid: task?.indexUid ?? null,
          status: "succeeded",
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
        return indexes.has(parts[1])
          ? HttpResponse.json({
              uid: parts[1],
              primaryKey: "id",
              createdAt: "2026-12-01T09:00:00Z",
              updatedAt: "2026-12-01T09:00:00Z",
            })
          : HttpResponse.json(
              {
                message: `Index \`${parts[1]}\` not found.`,
                code: "index_not_found",
                type: "invalid_request",
                link: "https://docs.meilisearch.com/errors#index_not_found",
              },
              { status: 404 },
            );
      }
      if (parts[0] === "indexes" && parts.length === 2 && request.method === "DELETE") {
        indexes.delete(parts[1]);
        return enqueue("indexDeletion", parts[1]);
      }
      if (parts[0] === "indexes" && parts[2] === "settings") return enqueue("settingsUpdate", parts[1]);
      if (parts[0] === "indexes" && parts[2] === "documents" && parts[3] === "delete")
        return enqueue("documentDeletion", parts[1]);
      if (parts[0] === "indexes" && parts[2] === "documents") return enqueue("documentAdditionOrUpdate", parts[1]);
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
