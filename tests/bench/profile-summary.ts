/**
 * Where a server's CPU time went: reads a V8 CPU profile (node --cpu-prof, as `LOAD_PROFILE` makes the load
 * benchmark write) and prints self time by package and by function, over the whole profile or its last N seconds
 * (the load, without start-up): `tsx tests/bench/profile-summary.ts <file.cpuprofile> [last-seconds] [rows]`.
 * "(idle)" is time the event loop waited with nothing to run.
 */
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Profile = { nodes: { id: number; callFrame: CallFrame }[]; samples: number[]; timeDeltas: number[] };

const [file, lastSeconds, rowCount] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx tests/bench/profile-summary.ts <file.cpuprofile> [last-seconds] [rows]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const end = profile.timeDeltas.reduce((a, b) => a + b, 0);
const from = lastSeconds ? end - Number(lastSeconds) * 1e6 : 0;

function packageOf(url: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  if (url.includes("/build/")) return "the app (build/)";
  if (url.startsWith("node:")) return "node";
  if (url.startsWith("wasm://")) return "WebAssembly";
  return url ? url.replace(/^.*?\/(app|search|db|server\.ts)/, "$1") : "(VM: idle, GC, native)";
}

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let clock = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  clock += dt;
  if (clock < from) return;
  const frame = frames.get(id)!;
  const where = frame.url.replace(/^.*node_modules\//, "").replace(/^.*\/work\/[^/]+\//, "");
  const fn = `${frame.functionName || "(anonymous)"} ${where}${where ? `:${frame.lineNumber + 1}` : ""}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  byPackage.set(packageOf(frame.url), (byPackage.get(packageOf(frame.url)) ?? 0) + dt);
  total += dt;
});

const rows = Number(rowCount ?? 30);
const line = ([name, us]: [string, number]) =>
  `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`;
console.log(`${(total / 1e6).toFixed(1)} s sampled${lastSeconds ? ` (the last ${lastSeconds} s)` : ""}\n\nby package:`);
for (const entry of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(line(entry));
console.log("\nby function (self time):");
for (const entry of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(line(entry));
