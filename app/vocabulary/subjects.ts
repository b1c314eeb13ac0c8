/**
 * The curated subject list. Each subject has a stored value, a label and the other names people use
 * for it; the search engines (issue 4) share these synonyms.
 */
export const subjects = [
  { value: "art_design", label: "Art and design", synonyms: ["art", "art & design"] },
  { value: "biology", label: "Biology", synonyms: [] },
  { value: "business_studies", label: "Business studies", synonyms: ["business"] },
  { value: "chemistry", label: "Chemistry", synonyms: [] },
  { value: "citizenship", label: "Citizenship", synonyms: [] },
  { value: "classics", label: "Classics", synonyms: ["latin", "classical civilisation"] },
  { value: "computing", label: "Computing", synonyms: ["ict", "computer science", "information technology"] },
  { value: "dance", label: "Dance", synonyms: [] },
  { value: "design_technology", label: "Design and technology", synonyms: ["d&t", "dt", "design & technology"] },
  { value: "drama", label: "Drama", synonyms: ["theatre studies"] },
  { value: "early_years", label: "Early years", synonyms: ["eyfs", "reception", "nursery"] },
  { value: "economics", label: "Economics", synonyms: [] },
  { value: "english", label: "English", synonyms: ["english language", "english literature", "literacy"] },
  {
    value: "food_technology",
    label: "Food technology",
    synonyms: ["food", "food & nutrition", "food preparation and nutrition"],
  },
  { value: "french", label: "French", synonyms: [] },
  { value: "geography", label: "Geography", synonyms: [] },
  { value: "german", label: "German", synonyms: [] },
  { value: "history", label: "History", synonyms: [] },
  { value: "mathematics", label: "Mathematics", synonyms: ["maths", "math", "numeracy"] },
  { value: "media_studies", label: "Media studies", synonyms: ["media", "film studies"] },
  { value: "mfl", label: "Modern foreign languages", synonyms: ["mfl", "modern languages", "languages"] },
  { value: "music", label: "Music", synonyms: [] },
  { value: "pe", label: "Physical education", synonyms: ["pe", "sport", "p.e."] },
  { value: "physics", label: "Physics", synonyms: [] },
  { value: "primary", label: "Primary (all subjects)", synonyms: ["primary teacher", "class teacher"] },
  { value: "psychology", label: "Psychology", synonyms: [] },
  { value: "pshe", label: "PSHE", synonyms: ["personal, social and health education", "rshe", "rse"] },
  { value: "religious_education", label: "Religious education", synonyms: ["re", "religious studies", "rs"] },
  { value: "science", label: "Science", synonyms: ["combined science", "general science"] },
  { value: "sociology", label: "Sociology", synonyms: [] },
  { value: "spanish", label: "Spanish", synonyms: [] },
  { value: "send", label: "Special educational needs", synonyms: ["sen", "send", "sen teacher"] },
] as const;

export type Subject = (typeof subjects)[number]["value"];
export const subjectValues: Subject[] = subjects.map((s) => s.value);
export const subjectOptions = subjects.map((s) => ({ value: s.value, label: s.label }));
const labelByValue = new Map<string, string>(subjects.map((s) => [s.value, s.label]));

export function subjectLabel(value: string): string {
  return labelByValue.get(value) ?? value;
}

const byName = new Map<string, Subject>();
for (const s of subjects) {
  byName.set(s.value, s.value);
  byName.set(s.label.toLowerCase(), s.value);
  for (const name of s.synonyms) byName.set(name, s.value);
}

/** "Maths", "MFL", "D&T", "computing/ICT": whatever someone types in a CSV, to our stored value. */
export function subjectFromName(name: string): Subject | null {
  return byName.get(name.trim().toLowerCase().replace(/\s+/g, " ")) ?? null;
}
