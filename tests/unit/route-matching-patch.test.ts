import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server resolves @remix-run/router through require (its CommonJS build), which is the file the patch changes.
const require = createRequire(import.meta.url);
const serverRouter = require("@remix-run/router") as { matchRoutes: typeof matchRoutes };

const tree = () => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "vacancies",
        path: "vacancies",
        children: [
          { id: "search", index: true },
          { id: "vacancy", path: ":id" },
        ],
      },
      { id: "pool-round", path: "pool/rounds/:roundId", children: [{ id: "apply", path: "apply" }] },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (m: ReturnType<typeof matchRoutes>) => m?.map((x) => x.route.id);

describe("route matching with the .ci/patches/@remix-run+router patch (ADR 0028)", () => {
  it("is applied to the server's copy by npm install (postinstall: patch-package)", () => {
    const file = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(file).toContain("Staffroom patch");
  });

  it("matches as before, whether the same route tree is matched again or a fresh one is", () => {
    const kept = tree();
    for (const routes of [kept, kept, tree()]) {
      expect(ids(serverRouter.matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(ids(serverRouter.matchRoutes(routes, "/vacancies"))).toEqual(["root", "vacancies", "search"]);
      const vacancy = serverRouter.matchRoutes(routes, "/vacancies/abc-123");
      expect(ids(vacancy)).toEqual(["root", "vacancies", "vacancy"]);
      expect(vacancy?.at(-1)?.params).toEqual({ id: "abc-123" });
      expect(serverRouter.matchRoutes(routes, "/pool/rounds/r9/apply")?.at(-1)?.params).toEqual({ roundId: "r9" });
      expect(ids(serverRouter.matchRoutes(routes, "/VACANCIES/x"))).toEqual(["root", "vacancies", "vacancy"]);
      expect(ids(serverRouter.matchRoutes(routes, "/nowhere/at/all"))).toEqual(["root", "splat"]);
    }
  });
});
