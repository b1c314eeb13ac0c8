import type { ReactNode } from "react";

/**
 * A table (or chart, or map) that may be wider than a phone scrolls sideways inside this region instead of widening
 * the page (WCAG 1.4.10), and a chart keeps its labels at their size instead of shrinking to fit. The region is named
 * (a screen reader announces what scrolls) and focusable, so it can be scrolled with the arrow keys; on a wide screen
 * it simply holds its content.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
