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
  const indexes = new Set<string>();
  let nextTask = 1;
  let reply: Reply = () => undefined;
  let down = false;
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
      if (!isTaskPoll) recorded.push(entry);
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
      // Every route below names its index in the second segment; "" never matches a real index.
      const index = parts[1] ?? "";
      if (parts[0] === "indexes" && parts.length === 1 && request.method === "POST") {
        const { uid } = JSON.parse(text) as { uid: string };
        indexes.add(uid);
        return enqueue("indexCreation", uid);
      }
      if (parts[0] === "indexes" && parts.length === 2 && request.method === "GET") {
        return indexes.has(index)
          ? HttpResponse.json({
              uid: index,
              primaryKey: "id",
              createdAt: "2026-12-01T09:00:00Z",
              updatedAt: "2026-12-01T09:00:00Z",
            })
          : HttpResponse.json(
              {
                message: `Index \`${index}\` not found.`,
                code: "index_not_found",
                type: "invalid_request",
                link: "https://docs.meilisearch.com/errors#index_not_found",
              },
              { status: 404 },
            );
      }
      if (parts[0] === "indexes" && parts.length === 2 && request.method === "DELETE") {
        indexes.delete(index);
        return enqueue("indexDeletion", index);
      }
      if (parts[0] === "indexes" && parts[2] === "settings") return enqueue("settingsUpdate", index);
      if (parts[0] === "indexes" && parts[2] === "documents" && parts[3] === "delete")
        return enqueue("documentDeletion", index);
      if (parts[0] === "indexes" && parts[2] === "documents") return enqueue("documentAdditionOrUpdate", index);
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
    indexes,
    /** Answers matching requests with a canned response; others get the defaults. */
    answer(fn: Reply) {
      reply = fn;
    },
    /** While down, every request fails at the network, as when the server is unreachable. */
    setDown(value: boolean) {
      down = value;
    },
    clear() {
      recorded.length = 0;
    },
  };
}
