/**
 * A vacancy's life: draft → scheduled (publish date ahead) → published → closed → archived.
 * These rules are pure; the database layer applies them and the scheduler calls `dueTransition`.
 */
export const vacancyStatuses = ["draft", "scheduled", "published", "closed", "archived"] as const;
export type VacancyStatus = (typeof vacancyStatuses)[number];

export const closeReasons = ["expired", "filled_staffroom", "filled_elsewhere", "withdrawn"] as const;
export type CloseReason = (typeof closeReasons)[number];

export const closeReasonLabels: Record<CloseReason, string> = {
  expired: "The closing date passed",
  filled_staffroom: "Filled through Staffroom",
  filled_elsewhere: "Filled elsewhere",
  withdrawn: "Withdrawn",
};

export type LifecycleState = {
  status: VacancyStatus;
  publishAt: Date | null;
  closesAt: Date | null;
};

export type Transition =
  | { to: "scheduled" | "published"; reason?: never }
  | { to: "closed"; reason: CloseReason }
  | { to: "archived"; reason?: never };

export type Refusal = { ok: false; message: string };
export type Allowed = { ok: true; transition: Transition };

/** Publishing a draft: it goes live now, or waits for its publish date. The closing moment must be ahead. */
export function publish(state: LifecycleState, now: Date): Allowed | Refusal {
  if (state.status !== "draft") return { ok: false, message: "Only a draft can be published" };
  if (!state.closesAt) return { ok: false, message: "Set a closing date before publishing" };
  if (state.closesAt.getTime() <= now.getTime())
    return { ok: false, message: "The closing date must be in the future" };
  const publishAt = state.publishAt ?? now;
  if (publishAt.getTime() >= state.closesAt.getTime()) {
    return { ok: false, message: "The publish date must be before the closing date" };
  }
  return { ok: true, transition: { to: publishAt.getTime() > now.getTime() ? "scheduled" : "published" } };
}

/** Closing early, with a reason; a scheduled vacancy can be withdrawn before it goes live. */
export function closeEarly(state: LifecycleState, reason: CloseReason): Allowed | Refusal {
  if (reason === "expired") return { ok: false, message: "Choose why the vacancy is closing" };
  if (state.status === "published" || (state.status === "scheduled" && reason === "withdrawn")) {
    return { ok: true, transition: { to: "closed", reason } };
  }
  return { ok: false, message: "Only a live or scheduled vacancy can be closed" };
}

/** A new closing moment: later than the current one and in the future. An expired vacancy reopens. */
export function extend(
  state: LifecycleState & { closedReason?: CloseReason | null },
  newClosesAt: Date,
  now: Date,
): Allowed | Refusal {
  const reopenable = state.status === "closed" && state.closedReason === "expired";
  if (state.status !== "published" && state.status !== "scheduled" && !reopenable) {
    return { ok: false, message: "Only a live, scheduled or expired vacancy can be extended" };
  }
  if (newClosesAt.getTime() <= now.getTime())
    return { ok: false, message: "The new closing date must be in the future" };
  if (state.closesAt && newClosesAt.getTime() <= state.closesAt.getTime()) {
    return { ok: false, message: "The new closing date must be later than the current one" };
  }
  return { ok: true, transition: { to: state.status === "scheduled" ? "scheduled" : "published" } };
}

export function archive(state: LifecycleState): Allowed | Refusal {
  if (state.status !== "closed") return { ok: false, message: "Only a closed vacancy can be archived" };
  return { ok: true, transition: { to: "archived" } };
}

/** What the clock alone changes: a scheduled vacancy goes live; a live one past its closing moment closes. */
export function dueTransition(state: LifecycleState, now: Date): Transition | null {
  const t = now.getTime();
  if (state.status === "scheduled" && state.closesAt && state.closesAt.getTime() <= t)
    return { to: "closed", reason: "expired" };
  if (state.status === "scheduled" && state.publishAt && state.publishAt.getTime() <= t) return { to: "published" };
  if (state.status === "published" && state.closesAt && state.closesAt.getTime() <= t)
    return { to: "closed", reason: "expired" };
  return null;
}

/** Drafts, scheduled and live vacancies can be edited; closed ones are a record. */
export function isEditable(status: VacancyStatus): boolean {
  return status === "draft" || status === "scheduled" || status === "published";
}
