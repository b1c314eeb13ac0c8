import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createStaticHandler } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server loads both packages through require: the CommonJS files are the ones the patches change.
const require = createRequire(import.meta.url);
const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");

const tree = () => [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "vacancy", path: "vacancies/:id" },
    ],
  },
];

async function contextFor(routes: ReturnType<typeof tree>, url: string) {
  const context = await createStaticHandler(routes).query(new Request(`https://staffroom.test${url}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return context;
}

describe("a route tree's data routes kept per build (.ci/patches, ADR 0035)", () => {
  it("is in the server's copies of @remix-run/react and react-router-dom", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("serverRoutesOf(");
    expect(readFileSync(require.resolve("react-router-dom/server"), "utf8")).toContain("dataRoutesByTree");
  });

  it("gives every render of the same tree the same data routes, and each render its own matches", async () => {
    const routes = tree();
    const first = createStaticRouter(routes, await contextFor(routes, "/vacancies/a1"));
    const second = createStaticRouter(routes, await contextFor(routes, "/"));
    expect(second.routes).toBe(first.routes);
    expect(first.state.matches.map((m) => [m.route.id, m.params])).toEqual([
      ["root", { id: "a1" }],
      ["vacancy", { id: "a1" }],
    ]);
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "home"]);
    expect(second.state.location.pathname).toBe("/");
    // The matched routes are the kept data routes, so the renderer meets the same objects every time.
    expect(first.state.matches[1]!.route).toBe(first.routes[0]!.children![1]);
  });

  it("builds a different tree's data routes afresh", async () => {
    const routes = tree();
    const other = tree();
    const one = createStaticRouter(routes, await contextFor(routes, "/"));
    const two = createStaticRouter(other, await contextFor(other, "/"));
    expect(two.routes).not.toBe(one.routes);
  });
});
