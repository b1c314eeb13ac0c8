import { describe, expect, it } from "vitest";
import { cutAtNonce, joinWithNonce, KeptPages, type KeptPage } from "../../app/kept-pages/kept-pages.server";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { keepPage, keepPageForReader, mayKeep, mayKeepForReader, type PageKeeping } from "../../app/kept-pages/keep";
import { publicPageUntil } from "../../app/vacancies/public.server";
import { countdown, countdownChangesAt } from "../../app/vacancies/view";

const HOUR = 3_600_000;

describe("a kept page's nonce", () => {
  it("is cut out and put back as another visitor's, wherever and however often it appears", () => {
    const first = "Q2hhbmdlZCBldmVyeSB0aW1l";
    const body = `<script nonce="${first}">a</script><p>${first}</p><script nonce="${first}"></script>`;
    const pieces = cutAtNonce(Buffer.from(body), first);
    expect(pieces).toHaveLength(4);
    const second = "QW5vdGhlciBvbmUgZW50aXJl";
    expect(joinWithNonce(pieces, second).toString()).toBe(body.replaceAll(first, second));
    expect(joinWithNonce(pieces, first).toString()).toBe(body);
  });

  it("leaves a body without it whole (a loader's JSON)", () => {
    const pieces = cutAtNonce(Buffer.from('{"vacancy":{}}'), "bm9uY2U=");
    expect(pieces).toHaveLength(1);
    expect(joinWithNonce(pieces, "b3RoZXI=").toString()).toBe('{"vacancy":{}}');
  });
});

describe("KeptPages", () => {
  const page = (generation: string, until: number): KeptPage => ({
    generation,
    until,
    headers: [["content-type", "text/html; charset=utf-8"]],
    pieces: [Buffer.from("<p>kept</p>")],
  });
  const kept = new KeptPages(() => {
    throw new Error("no database in this test");
  });

  it("answers with a page only at its stamp and before its moment", () => {
    kept.keep("http://x/a", page("g1", 2_000));
    expect(kept.find("http://x/a", "g1", 1_999)?.pieces[0]?.toString()).toBe("<p>kept</p>");
    expect(kept.find("http://x/b", "g1", 1_000)).toBeUndefined();
    expect(kept.find("http://x/a", "g2", 1_000)).toBeUndefined();
    // A page found stale is dropped, not kept for a stamp that could come back.
    expect(kept.find("http://x/a", "g1", 1_000)).toBeUndefined();
    kept.keep("http://x/c", page("g1", 2_000));
    expect(kept.find("http://x/c", "g1", 2_000)).toBeUndefined();
  });
});

describe("KeptPages, a page being made", () => {
  const kept = new KeptPages(() => {
    throw new Error("no database in this test");
  });
  const page: KeptPage = { generation: "g1", until: 5_000, headers: [], pieces: [Buffer.from("<p>made</p>")] };

  it("is waited for by a visit under the same stamp, and handed over when made", async () => {
    const settle = kept.startMaking("http://x/a", "g1");
    expect(kept.beingMade("http://x/a", "g2")).toBeUndefined();
    expect(kept.beingMade("http://x/b", "g1")).toBeUndefined();
    const waiting = kept.beingMade("http://x/a", "g1");
    settle(page);
    settle(undefined);
    expect(await waiting).toBe(page);
    expect(kept.beingMade("http://x/a", "g1")).toBeUndefined();
  });

  it("hands over nothing when the page was not kept, and a later start is not undone by an earlier end", async () => {
    const first = kept.startMaking("http://x/c", "g1");
    const waiting = kept.beingMade("http://x/c", "g1");
    const second = kept.startMaking("http://x/c", "g2");
    first(undefined);
    expect(await waiting).toBeUndefined();
    expect(kept.beingMade("http://x/c", "g2")).toBeDefined();
    second(undefined);
    expect(kept.beingMade("http://x/c", "g2")).toBeUndefined();
  });
});

describe("keepPage", () => {
  it("takes the earliest moment its loaders give, and does nothing without the server's offer", () => {
    const offer: PageKeeping = { for: "visitors" };
    keepPage({ pageKeeping: offer }, { until: 5_000 });
    keepPage({ pageKeeping: offer }, { until: new Date(3_000) });
    expect(offer.until).toBe(3_000);
    const none: { pageKeeping?: PageKeeping } = {};
    keepPage(none, { until: 1 });
    expect(none.pageKeeping).toBeUndefined();
  });

  it("takes only an offer for visitors, and keepPageForReader only one for the reader", () => {
    const reader: PageKeeping = { for: "reader" };
    keepPage({ pageKeeping: reader }, { until: 5_000 });
    expect(reader.until).toBeUndefined();
    keepPageForReader({ pageKeeping: reader }, { until: 7_000 });
    expect(reader.until).toBe(7_000);
    const visitors: PageKeeping = { for: "visitors" };
    keepPageForReader({ pageKeeping: visitors }, { until: 7_000 });
    expect(visitors.until).toBeUndefined();
  });
});

describe("mayKeep", () => {
  it("covers every route that calls keepPage, and nothing outside the paths listed", () => {
    const routes = path.resolve("app/routes");
    const keeping = readdirSync(routes).filter((f) => /keepPage\(/.test(readFileSync(path.join(routes, f), "utf8")));
    expect(keeping.sort()).toEqual(["api.v1.vacancies.tsx", "vacancies.$id.tsx", "vacancies._index.tsx"]);
    expect(mayKeep("/vacancies")).toBe(true);
    expect(mayKeep("/vacancies/0b0c3f6e-2f1e-4d43-9d1a-4c1f3f1d2e10")).toBe(true);
    expect(mayKeep("/")).toBe(false);
    expect(mayKeep("/api/v1/vacancies")).toBe(true);
    expect(mayKeep("/api/v1")).toBe(false);
    expect(mayKeep("/hr/vacancies")).toBe(false);
    expect(mayKeep("/vacanciesx")).toBe(false);
  });

  it("for a reader: exactly the paths of the routes that call keepPageForReader", () => {
    const routes = path.resolve("app/routes");
    const keeping = readdirSync(routes).filter((f) =>
      /keepPageForReader\(/.test(readFileSync(path.join(routes, f), "utf8")),
    );
    expect(keeping).toEqual(["hr.vacancies._index.tsx"]);
    expect(mayKeepForReader("/hr/vacancies")).toBe(true);
    expect(mayKeepForReader("/hr/vacancies/new")).toBe(false);
    expect(mayKeepForReader("/hr")).toBe(false);
    expect(mayKeepForReader("/vacancies")).toBe(false);
  });
});

describe("countdownChangesAt", () => {
  const closes = new Date("2026-12-10T12:00:00Z");

  it("is a moment before which the countdown says the same, and at which it may change", () => {
    // Every minute over three days before the close, and the seconds around an hour's step.
    const moments = [
      ...Array.from({ length: 3 * 24 * 60 }, (_, i) => closes.getTime() - (i + 1) * 60_000 + 17_000),
      closes.getTime() - 5 * HOUR - 1,
      closes.getTime() - 5 * HOUR + 1,
    ];
    for (const at of moments) {
      const now = new Date(at);
      const until = countdownChangesAt(closes, now);
      expect(until).toBeGreaterThan(at);
      expect(until).toBeLessThanOrEqual(closes.getTime());
      expect(until - at).toBeLessThanOrEqual(HOUR);
      const said = countdown(closes, now);
      expect(countdown(closes, new Date(until - 1))).toBe(said);
    }
  });

  it("is the close itself in its last hour, and never for no closing date or a past one", () => {
    expect(countdownChangesAt(closes, new Date(closes.getTime() - 10 * 60_000))).toBe(closes.getTime());
    expect(countdownChangesAt(null, new Date())).toBe(Infinity);
    expect(countdownChangesAt(closes, new Date(closes.getTime() + 1))).toBe(Infinity);
  });
});

describe("publicPageUntil", () => {
  const now = new Date("2026-12-04T10:30:00Z");

  it("follows the countdown while open, and the end of reading while closed", () => {
    const closesAt = new Date("2026-12-04T13:00:00Z");
    expect(publicPageUntil({ status: "published", isOpen: true, closesAt, closedAt: null }, now)).toBe(
      new Date("2026-12-04T11:00:00Z").getTime(),
    );
    const closedAt = new Date("2026-12-01T09:00:00Z");
    expect(publicPageUntil({ status: "closed", isOpen: false, closesAt, closedAt }, now)).toBe(
      closedAt.getTime() + 180 * 24 * HOUR,
    );
    // Past its closing time but not yet closed by the scheduler: closing it is a write.
    expect(publicPageUntil({ status: "published", isOpen: false, closesAt: now, closedAt: null }, now)).toBe(Infinity);
  });
});
