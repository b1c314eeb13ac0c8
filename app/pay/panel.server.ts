import type { Executor } from "../../db/client";
import { formatLondon } from "../vocabulary/london-time";
import { assessmentHistory, assessVacancy, currentAssessment } from "./assessment.server";
import type { AssessmentView } from "./components/assessment-panel";
import { badgeText, storedBadge } from "./explain";
import type { Finding } from "./rule";

/** Before publishing: the pay as it would be assessed now. After: the assessment kept, and how it has changed. */
export async function payPanel(
  db: Executor,
  vacancyId: string,
  status: string,
): Promise<{
  view: AssessmentView | null;
  onFlag: "justify" | "block";
  history: { at: string; reason: string; badge: string | null; flagged: boolean }[];
}> {
  if (status === "draft") {
    const live = await assessVacancy(db, vacancyId);
    return {
      view: live ? { ...live.assessment, payYear: live.assessment.year } : null,
      onFlag: live?.policy.onFlag ?? "justify",
      history: [],
    };
  }
  const [current, history] = await Promise.all([currentAssessment(db, vacancyId), assessmentHistory(db, vacancyId)]);
  return {
    view: current
      ? {
          findings: current.findings as Finding[],
          badge: storedBadge(current),
          flagged: current.flagged,
          payYear: current.payYear,
          justification: current.justification,
          assessedAt: current.assessedAt.toISOString(),
        }
      : null,
    onFlag: "justify",
    history: history.map((h) => ({
      at: formatLondon(h.assessedAt),
      reason: h.reason,
      badge: badgeText(storedBadge(h)),
      flagged: h.flagged,
    })),
  };
}
