import { FieldError } from "../../components/forms";

/** Who a vacancy is posted for: a choice when the user is HR in several places, otherwise a hidden field. */
export function PostingFor({ contexts, errors }: { contexts: { value: string; label: string }[]; errors?: string[] }) {
  if (contexts.length <= 1) return <input type="hidden" name="owner" value={contexts[0]?.value} />;
  return (
    <div className={`field${errors ? " field--error" : ""}`}>
      <label htmlFor="owner">Posting for</label>
      <FieldError id="owner-error" errors={errors} />
      <select id="owner" name="owner" aria-describedby={errors ? "owner-error" : undefined}>
        {contexts.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
