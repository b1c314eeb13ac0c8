import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import type { matchRoutes } from "@remix-run/router";
// The router's ES module build is left as published: the reference the patched CommonJS build is compared with.
import * as published from "@remix-run/router/dist/router.js";
import { describe, expect, it } from "vitest";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Router = { matchRoutes: (routes: Route[], pathname: string) => ReturnType<typeof matchRoutes> };
const reference = published as unknown as Router;
const require = createRequire(import.meta.url);
const patched = require("@remix-run/router") as Router;

/** Staffroom's own route tree, as Remix builds it from app/routes (root.tsx above every route). */
function appRoutes(): Route[] {
  const manifest = flatRoutes(path.resolve("app"), ["**/.*", "**/*.test.*"]);
  const childrenOf = (parentId: string): Route[] =>
    Object.values(manifest)
      .filter((r) => (r.parentId ?? "root") === parentId)
      .map((r) => {
        const children = childrenOf(r.id);
        return { id: r.id, path: r.path, index: r.index, ...(children.length ? { children } : {}) };
      });
  return [{ id: "root", path: "", children: childrenOf("root") }];
}

function allPaths(routes: Route[], parent = ""): string[] {
  return routes.flatMap((r) => {
    const here = r.path ? `${parent}/${r.path}` : parent;
    return [here || "/", ...allPaths(r.children ?? [], here)];
  });
}

/** Every route's own path made concrete, then bent the ways real requests and attackers bend them. */
function pathnames(routes: Route[]): string[] {
  const concrete = allPaths(routes).map((p) =>
    p
      .replace(/:[\w-]+\??/g, "3f0c2a9e-1b7d-4c55-9a61-0d2f6b8e4a17")
      .replace(/\*$/, "a/b")
      .replace(/\/+/g, "/"),
  );
  const bent = concrete.flatMap((p) => [
    p,
    p.toUpperCase(),
    `${p}/`,
    `/${p}`,
    p.replace("/", "//"),
    `${p}/extra`,
    `${p}/extra/more/`,
    p.replace(/[a-z]/, "K"),
    p.replace(/[a-z]/, "İ"),
    `${p}?q=1`,
    p.slice(1),
    p.replace(/-/g, "%2F"),
  ]);
  return [...new Set([...bent, "/", "", "//", "/%20", "/ ", "/.", "/..", "/~", "/vacancies.", "/x/y/z", "/é/à"])];
}

const summary = (m: ReturnType<typeof matchRoutes>) =>
  m?.map((x) => ({ id: x.route.id, params: x.params, pathname: x.pathname, base: x.pathnameBase })) ?? null;

describe("route matching grouped by first segment (.ci/patches/@remix-run+router, ADR 0035)", () => {
  it("is in the server's copy and not in the published ES module used as the reference", () => {
    expect(readFileSync(require.resolve("@remix-run/router"), "utf8")).toContain("branchesByFirstSegment");
    expect(readFileSync(require.resolve("@remix-run/router/dist/router.js"), "utf8")).not.toContain("Staffroom patch");
  });

  it("matches every one of Staffroom's routes, and bent forms of them, exactly as the published router does", () => {
    const routes = appRoutes();
    const tried = pathnames(routes);
    expect(routes[0]!.children!.length).toBeGreaterThan(90);
    expect(tried.length).toBeGreaterThan(1000);
    let matched = 0;
    for (const pathname of tried) {
      const expected = summary(reference.matchRoutes(routes, pathname));
      expect(summary(patched.matchRoutes(routes, pathname)), pathname).toEqual(expected);
      if (expected && expected.at(-1)!.id !== "routes/$") matched += 1;
    }
    // Most of the concrete paths land on their own route, not on the catch-all: the comparison is not all misses.
    expect(matched).toBeGreaterThan(tried.length / 4);
  });

  it("tries a pathname's own first segment and the branches with no plain first segment, in rank order", () => {
    const routes: Route[] = [
      {
        id: "root",
        path: "",
        children: [
          { id: "vacancy", path: "vacancies/:id" },
          { id: "search", path: "vacancies" },
          { id: "by-slug", path: ":slug" },
          { id: "optional", path: "pay?/demo" },
          { id: "exact-case", path: "API/v1", caseSensitive: true },
          { id: "splat", path: "*" },
        ],
      },
    ];
    const last = (p: string) => patched.matchRoutes(routes, p)?.at(-1)?.route.id;
    expect(last("/vacancies/9")).toBe("vacancy");
    expect(last("/Vacancies")).toBe("search");
    expect(last("/vacancy")).toBe("by-slug");
    expect(last("/demo")).toBe("optional");
    expect(last("/pay/demo")).toBe("optional");
    expect(last("/API/v1")).toBe("exact-case");
    expect(last("/api/v1")).toBe("splat");
    expect(last("//vacancies/9")).toBe("splat");
  });
});
