import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedDatabaseTurns } from "../../app/embedded-turns.server";

describe("embeddedDatabaseTurns", () => {
  let base: string;
  let close: () => void;
  let inside = 0;
  let most = 0;
  const order: number[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(embeddedDatabaseTurns(2));
    app.get("/page/:n", (req, res) => {
      inside++;
      most = Math.max(most, inside);
      order.push(Number(req.params.n));
      setTimeout(() => {
        inside--;
        res.send(`page ${req.params.n}`);
      }, 20);
    });
    app.get("/fails", () => {
      throw new Error("boom");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("lets two pages in at a time, first come first served, and answers every one", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        await new Promise((r) => setTimeout(r, n * 2));
        return (await fetch(`${base}/page/${n}`)).text();
      }),
    );
    expect(answers).toEqual(Array.from({ length: 8 }, (_, n) => `page ${n}`));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives the turn back when a page fails", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/fails`)).status).toBe(500);
    expect(await (await fetch(`${base}/page/9`)).text()).toBe("page 9");
  });
});
