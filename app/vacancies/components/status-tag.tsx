import type { VacancyStatus } from "../lifecycle";

export const statusLabels: Record<VacancyStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Live",
  closed: "Closed",
  archived: "Archived",
};

export function StatusTag({ status }: { status: VacancyStatus }) {
  return <span className={`status status--${status}`}>{statusLabels[status]}</span>;
}
