import { Form } from "@remix-run/react";
import { ErrorSummary, Input, Select } from "../../../components/intent-fields";
import type { FormReply } from "../../../components/intent-forms.server";
import { contractOptions, phaseOptions, workingPatternOptions } from "../../../vocabulary/options";
import { subjectOptions } from "../../../vocabulary/subjects";

/** HR's pool search: a GET form, so it works without JavaScript and a search is a link to share. */
export function PoolSearchForm({
  schools,
  values,
  reply,
}: {
  schools: { id: string; name: string }[];
  values: Record<string, string>;
  reply?: FormReply;
}) {
  const p = "search";
  return (
    <Form method="get" aria-labelledby="search-heading">
      <h2 id="search-heading">Search the pool</h2>
      <ErrorSummary reply={reply} prefix={p} />
      {schools.length > 1 ? (
        <Select
          prefix={p}
          name="school"
          label="Searching for"
          hint="Distances are measured from this school"
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={values.school}
          reply={reply}
        />
      ) : (
        <input type="hidden" name="school" value={schools[0]?.id ?? ""} />
      )}
      <Select
        prefix={p}
        name="subject"
        label="Subject"
        options={subjectOptions}
        placeholder="Any subject"
        defaultValue={values.subject}
        reply={reply}
      />
      <Select
        prefix={p}
        name="phase"
        label="Phase"
        options={phaseOptions}
        placeholder="Any phase"
        defaultValue={values.phase}
        reply={reply}
      />
      <Input
        prefix={p}
        name="miles"
        label="Within (miles of the school)"
        hint="Leave blank for any distance. Each member also says how far they will travel."
        type="number"
        defaultValue={values.miles}
        reply={reply}
      />
      <Input
        prefix={p}
        name="startBy"
        label="Available by"
        hint="For example, 2027-09-01"
        type="date"
        defaultValue={values.startBy}
        reply={reply}
      />
      <Select
        prefix={p}
        name="contract"
        label="Contract"
        options={contractOptions}
        placeholder="Any contract"
        defaultValue={values.contract}
        reply={reply}
      />
      <Select
        prefix={p}
        name="workingPattern"
        label="Working pattern"
        options={workingPatternOptions}
        placeholder="Any working pattern"
        defaultValue={values.workingPattern}
        reply={reply}
      />
      <button type="submit">Search</button>
    </Form>
  );
}
