import { formatPeriod } from "./academic-year";

/** One of an offer's date windows, inclusive ISO days. */
export type DateWindow = { startsOn: string; endsOn: string };

/** "14 Sep 2026 to 18 Dec 2026 or 4 Jan 2027 to 26 Mar 2027": an offer's windows as people read them. */
export function formatWindows(windows: readonly DateWindow[]): string {
  return windows.map((w) => formatPeriod(w.startsOn, w.endsOn)).join(" or ");
}

const inside = (day: string, w: DateWindow) => w.startsOn <= day && day <= w.endsOn;

/**
 * Why the days `startsOn` to `endsOn` do not fit the offer's windows, by field; empty when one window holds them
 * all. Days inside two different windows are refused too: the placement would run over the gap between them.
 */
export function windowErrors(
  windows: readonly DateWindow[],
  startsOn: string,
  endsOn: string,
): { startsOn?: string[]; endsOn?: string[] } {
  const where =
    windows.length === 1
      ? `inside the offer's window, ${formatWindows(windows)}`
      : `inside one of the offer's windows, ${formatWindows(windows)}`;
  const errors: { startsOn?: string[]; endsOn?: string[] } = {};
  if (!windows.some((w) => inside(startsOn, w))) errors.startsOn = [`The first day must be ${where}`];
  if (!windows.some((w) => inside(endsOn, w))) errors.endsOn = [`The last day must be ${where}`];
  if (!errors.startsOn && !errors.endsOn && !windows.some((w) => inside(startsOn, w) && inside(endsOn, w)))
    errors.endsOn = [`The placement must end in the window it starts in: ${formatWindows(windows)}`];
  return errors;
}
