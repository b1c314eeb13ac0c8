export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Every field change between two records: what each field was and became (for audit logs). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null))
      changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
