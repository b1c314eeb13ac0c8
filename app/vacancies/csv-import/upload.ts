import { z } from "../../forms/zod";
import type { PostingContext } from "../access.server";

/** What the import form posts besides the file: who the vacancies are posted for, and whether to publish. */
const fields = z.object({
  owner: z.string().max(200).optional(),
  publish: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

const CSV_TYPES = new Set([
  "text/csv",
  "application/csv",
  "text/plain",
  "application/vnd.ms-excel",
  "text/comma-separated-values",
  "text/x-csv",
  "",
]);

export type UploadForm =
  | { ok: true; owner: PostingContext; publish: boolean; upload: { fileName: string; bytes: Uint8Array } }
  | { ok: false; fieldErrors: Partial<Record<"file" | "owner", string[]>> };

/** Reads the multipart form: a .csv file (by name and type) and a posting context the user holds. */
export async function uploadForm(formData: FormData, contexts: PostingContext[]): Promise<UploadForm> {
  const parsed = fields.safeParse({
    owner: formData.get("owner") ?? undefined,
    publish: formData.get("publish") ?? undefined,
  });
  const ownerValue = parsed.success ? parsed.data.owner : undefined;
  const owner =
    contexts.find((c) => `${c.kind}:${c.id}` === ownerValue) ?? (contexts.length === 1 ? contexts[0] : undefined);
  const file = formData.get("file");
  const fieldErrors: Partial<Record<"file" | "owner", string[]>> = {};
  if (!owner) fieldErrors.owner = ["Choose who the vacancies are posted for"];
  if (!file || typeof file === "string" || file.size === 0) {
    fieldErrors.file = [
      file && typeof file !== "string" && file.name ? "The file is empty" : "Choose a CSV file to upload",
    ];
  } else if (!/\.csv$/i.test(file.name) || !CSV_TYPES.has(file.type.replace(/;.*$/, "").trim().toLowerCase())) {
    fieldErrors.file = ["The file must be a CSV file (.csv): in your spreadsheet, save or download it as CSV"];
  }
  if (!owner || fieldErrors.file || !file || typeof file === "string") return { ok: false, fieldErrors };
  return {
    ok: true,
    owner,
    publish: parsed.success && parsed.data.publish,
    upload: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}
