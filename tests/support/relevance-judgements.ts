/**
 * Queries as teachers type them, judged by hand against the catalogue (tests/support/relevance-catalogue.ts):
 * which live vacancies should come back (`relevant`) and which are acceptable as the first result (`best`,
 * default: any relevant one). A query with no relevant vacancy should find nothing. Judged as a teacher would,
 * not as the engine does: a vacancy is relevant when someone who typed the query would want to see it.
 */
import { distanceMetres, METRES_PER_MILE } from "../../app/vocabulary/distance";
import {
  ADVERTS,
  CATALOGUE_SCHOOLS,
  LIVE_ADVERTS,
  SALE_M33,
  type AdvertKey,
  type CatalogueSchool,
} from "./relevance-catalogue";

type Ad = { at: CatalogueSchool | CatalogueSchool[]; role?: string; keyStages?: string[]; subjects?: string[] };
const ad = (k: AdvertKey) => ADVERTS[k] as Ad;
const schoolsOf = (k: AdvertKey) => [ad(k).at].flat().map((s) => CATALOGUE_SCHOOLS[s]);
const LEADERS = ["headteacher", "deputy_head", "assistant_head", "senco"];
/** Live posts for a key stage, except whole-school leaders (who list every key stage of their school). */
const forStage = (stage: string) =>
  LIVE_ADVERTS.filter((k) => ad(k).keyStages?.includes(stage) && !LEADERS.includes(ad(k).role ?? ""));
const within = (miles: number, keys: readonly AdvertKey[]) =>
  keys.filter((k) => schoolsOf(k).some((s) => distanceMetres(SALE_M33, s) <= miles * METRES_PER_MILE));
const atCatholicSchools = LIVE_ADVERTS.filter((k) =>
  schoolsOf(k).some((s) => s.religiousCharacter === "Roman Catholic"),
);
const inTown = (town: string, keys: readonly AdvertKey[]) =>
  keys.filter((k) => schoolsOf(k).some((s) => s.town === town));

export type Judgement = {
  q: string;
  /** A radius around a point, as the search page's place and distance do. */
  near?: { lat: number; lng: number; miles: number };
  relevant: AdvertKey[];
  best?: AdvertKey[];
  /** What the query is about, for the report. */
  kind: "subject" | "role" | "place" | "filter words" | "key stage" | "abbreviation" | "phrase" | "negative";
};

/** Every live post whose holder teaches: classroom teachers, lecturers, supply teachers and middle leaders. */
const TEACHERS: AdvertKey[] = LIVE_ADVERTS.filter((k) =>
  ["classroom_teacher", "head_of_department", "head_of_year", "senco", undefined].includes(
    (ADVERTS[k] as { role?: string }).role,
  ),
);
const MATHS: AdvertKey[] = ["m1", "m2", "m3", "m4", "m5", "m6", "q15", "t6"];
const MATHS_TEACHERS: AdvertKey[] = ["m1", "m2", "m3", "m6"];
const SCIENCE: AdvertKey[] = ["s1", "s2", "s3", "s4", "s5", "s6", "s8", "s9"];
const SCIENCE_TEACHERS: AdvertKey[] = ["s1", "s2", "s3", "s4", "s5", "s8"];
const ENGLISH: AdvertKey[] = ["e1", "e2", "e3", "e4", "e5"];
const HEADS: AdvertKey[] = ["L1", "L2", "L9", "L10"];
const DEPUTIES: AdvertKey[] = ["L3", "L5", "L6"];
const ASSISTANTS: AdvertKey[] = ["L4", "L7", "L8"];
const SEND: AdvertKey[] = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"];
const KS1 = forStage("ks1");
const KS2 = forStage("ks2");
const KS2_TEACHERS = KS2.filter((k) => (ad(k).role ?? "classroom_teacher") === "classroom_teacher");
const EYFS = forStage("eyfs");
const PRIMARY_CLASS_TEACHERS: AdvertKey[] = [
  "q1",
  "q2",
  "q3",
  "q4",
  "q5",
  "q9",
  "q10",
  "q11",
  "q12",
  "q19",
  "q20",
  "q21",
  // Reception and EYFS teachers at primary schools are primary teachers too.
  "q6",
  "q7",
];
const TAS: AdvertKey[] = ["t1", "t2", "t5", "t6", "n6", "n7", "n8", "q18", "x2"];
const HLTAS: AdvertKey[] = ["t3", "t4"];
const ECT: AdvertKey[] = ["m1", "m3", "s1", "e1", "l1", "h1", "a7", "q2", "q5", "q9", "q19"];
const TLR: AdvertKey[] = ["m4", "m5", "s6", "e3", "e5", "p1", "p2", "p4", "p5", "p6", "p7", "q15", "q16"];
const PASTORAL: AdvertKey[] = ["p1", "p2", "p3", "p4", "p5", "p7"];
const UPPER: AdvertKey[] = ["m4", "m5", "s4", "s6", "e3", "p1", "p4", "n4", "m2"];

export const JUDGEMENTS: Judgement[] = [
  // Subjects, by name, synonym, abbreviation and hierarchy
  { kind: "subject", q: "maths", relevant: MATHS, best: MATHS_TEACHERS },
  { kind: "subject", q: "mathematics", relevant: MATHS, best: MATHS_TEACHERS },
  { kind: "subject", q: "maths teacher", relevant: MATHS_TEACHERS },
  { kind: "subject", q: "teacher of maths", relevant: MATHS_TEACHERS },
  { kind: "subject", q: "maths jobs", relevant: MATHS, best: MATHS_TEACHERS },
  { kind: "subject", q: "mathmatics", relevant: MATHS, best: MATHS_TEACHERS },
  { kind: "subject", q: "science", relevant: SCIENCE, best: ["s1", "s5"] },
  { kind: "subject", q: "science teacher", relevant: SCIENCE_TEACHERS, best: ["s1", "s5"] },
  { kind: "subject", q: "science teachers", relevant: SCIENCE_TEACHERS, best: ["s1", "s5"] },
  { kind: "subject", q: "biology", relevant: ["s2", "s8"] },
  { kind: "subject", q: "chemestry", relevant: ["s3"] },
  { kind: "subject", q: "physics teacher", relevant: ["s4", "s5"] },
  { kind: "subject", q: "computer science", relevant: ["s7", "c1"], best: ["s7"] },
  { kind: "subject", q: "ICT", relevant: ["c1", "s7"] },
  { kind: "subject", q: "english", relevant: ENGLISH, best: ["e1", "e2"] },
  { kind: "subject", q: "english teacher", relevant: ["e1", "e2", "e4"], best: ["e1", "e2"] },
  { kind: "subject", q: "MFL", relevant: ["l1", "l2", "l3"], best: ["l1"] },
  { kind: "subject", q: "French", relevant: ["l2", "l1"], best: ["l2"] },
  { kind: "subject", q: "Spanish teacher", relevant: ["l1"] },
  { kind: "subject", q: "German", relevant: ["l3", "l1"], best: ["l3"] },
  { kind: "subject", q: "RE", relevant: ["h3", "h4"] },
  { kind: "subject", q: "R.E. teacher", relevant: ["h3", "h4"] },
  { kind: "subject", q: "religious studies", relevant: ["h3", "h4"] },
  { kind: "subject", q: "art", relevant: ["a1"] },
  { kind: "subject", q: "music", relevant: ["a2", "q14", "w1"] },
  { kind: "subject", q: "drama", relevant: ["a3"] },
  { kind: "subject", q: "media studies", relevant: ["a4"] },
  { kind: "subject", q: "business studies", relevant: ["a8", "a9"], best: ["a8"] },
  { kind: "subject", q: "PE", relevant: ["a7", "q13"] },
  { kind: "subject", q: "p.e. teacher", relevant: ["a7", "q13"] },
  { kind: "subject", q: "D&T", relevant: ["a5"] },
  { kind: "subject", q: "food technology", relevant: ["a6"] },
  { kind: "subject", q: "geography", relevant: ["h1"] },
  { kind: "subject", q: "psychology", relevant: ["h5"] },
  { kind: "subject", q: "maths or science", relevant: [...MATHS, ...SCIENCE], best: [...MATHS_TEACHERS, "s1", "s5"] },

  // Roles
  { kind: "role", q: "headteacher", relevant: HEADS, best: ["L1", "L9"] },
  { kind: "role", q: "head teacher", relevant: HEADS, best: ["L1", "L9"] },
  { kind: "role", q: "principal", relevant: HEADS, best: ["L2"] },
  { kind: "role", q: "deputy head", relevant: DEPUTIES, best: ["L3", "L6"] },
  { kind: "role", q: "vice principal", relevant: DEPUTIES, best: ["L5"] },
  { kind: "role", q: "assistant head", relevant: ASSISTANTS, best: ["L4", "L7"] },
  { kind: "role", q: "assistant principal", relevant: ASSISTANTS, best: ["L8"] },
  { kind: "abbreviation", q: "SLT", relevant: [...HEADS, ...DEPUTIES, ...ASSISTANTS] },
  { kind: "role", q: "senior leadership", relevant: [...HEADS, ...DEPUTIES, ...ASSISTANTS] },
  { kind: "role", q: "head of year", relevant: ["p1", "p2", "p7"], best: ["p1", "p2"] },
  { kind: "role", q: "pastoral", relevant: PASTORAL, best: ["p1", "p2", "p3"] },
  { kind: "role", q: "head of department", relevant: ["m5", "e3", "s6"] },
  { kind: "role", q: "head of maths", relevant: ["m5"] },
  { kind: "role", q: "SENCO", relevant: ["n3", "n4"] },
  { kind: "role", q: "SEND", relevant: SEND, best: ["n1", "n2", "n5", "n3", "n4"] },
  { kind: "abbreviation", q: "SEN", relevant: SEND, best: ["n1", "n2", "n5", "n3", "n4"] },
  { kind: "role", q: "special educational needs", relevant: SEND, best: ["n1", "n2", "n5", "n3", "n4", "n6"] },
  { kind: "role", q: "SEN teacher", relevant: ["n1", "n2", "n5"] },
  { kind: "role", q: "SEND teaching assistant", relevant: ["n6", "n7", "n8"] },
  { kind: "role", q: "teaching assistant", relevant: [...TAS, ...HLTAS], best: TAS },
  { kind: "abbreviation", q: "TAs", relevant: [...TAS, ...HLTAS], best: TAS },
  { kind: "abbreviation", q: "HLTA", relevant: HLTAS },
  { kind: "role", q: "cover supervisor", relevant: ["u4"] },
  { kind: "role", q: "supply teacher", relevant: ["x1"] },
  { kind: "role", q: "school business manager", relevant: ["u2", "u1"], best: ["u2"] },
  { kind: "role", q: "exams officer", relevant: ["u5"] },
  { kind: "role", q: "lecturer", relevant: ["s8", "e4", "h5", "a9"] },
  { kind: "role", q: "primary teacher", relevant: [...PRIMARY_CLASS_TEACHERS, "q13", "q14", "w1"], best: ["q9"] },
  { kind: "role", q: "primary teachers", relevant: [...PRIMARY_CLASS_TEACHERS, "q13", "q14", "w1"], best: ["q9"] },
  { kind: "role", q: "class teacher", relevant: [...PRIMARY_CLASS_TEACHERS, "n1", "n2"] },
  { kind: "role", q: "teacher jobs", relevant: TEACHERS },

  // Phases and key stages
  { kind: "key stage", q: "KS1", relevant: KS1, best: ["q1", "q2", "q11", "q20", "q21"] },
  { kind: "key stage", q: "KS2 teacher", relevant: KS2_TEACHERS, best: ["q3"] },
  { kind: "key stage", q: "KS 2", relevant: KS2, best: ["q3"] },
  {
    kind: "key stage",
    q: "key stage 2",
    relevant: KS2,
    best: ["q3", "q4", "q10"],
  },
  { kind: "key stage", q: "UKS2", relevant: ["q4", "q5", "q16"] },
  { kind: "key stage", q: "EYFS", relevant: EYFS, best: ["q7", "q6", "q8"] },
  { kind: "key stage", q: "reception teacher", relevant: ["q6", "q7"], best: ["q6"] },
  { kind: "key stage", q: "nursery teacher", relevant: ["q8", "q7"], best: ["q8"] },
  { kind: "key stage", q: "year 6 teacher", relevant: ["q5"] },
  { kind: "key stage", q: "sixth form", relevant: ["s8", "e4", "h5", "h6", "a9", "p4", "p5"] },

  // What teachers filter on, typed as words
  { kind: "filter words", q: "part time", relevant: ["c1", "h2", "l3", "q10", "q14", "w1", "u6", "a2", "q21"] },
  { kind: "filter words", q: "job share", relevant: ["a2", "q21"] },
  { kind: "filter words", q: "maternity cover", relevant: ["m6", "e2", "q11"] },
  { kind: "filter words", q: "fixed term", relevant: ["h6", "L10", "t5", "n7"] },
  { kind: "filter words", q: "TLR", relevant: TLR },
  { kind: "filter words", q: "UPS", relevant: UPPER },
  { kind: "filter words", q: "leadership", relevant: [...HEADS, ...DEPUTIES, ...ASSISTANTS] },
  { kind: "filter words", q: "ECT", relevant: ECT },
  { kind: "filter words", q: "NQT", relevant: ECT },
  { kind: "filter words", q: "ECTs maths", relevant: ["m1", "m3"] },
  { kind: "filter words", q: "part time maths", relevant: [] },
  { kind: "filter words", q: "english maternity cover", relevant: ["e2"] },

  // Places and schools
  { kind: "place", q: "maths stockport", relevant: ["m2", "m5", "q15", "t6"], best: ["m2"] },
  { kind: "place", q: "Altrincham", relevant: ["s3", "c1", "h2", "a5", "n8"] },
  { kind: "place", q: "catholic", relevant: atCatholicSchools },
  { kind: "place", q: "science", near: { ...SALE_M33, miles: 5 }, relevant: within(5, SCIENCE) },
  {
    kind: "place",
    q: "teacher",
    near: { ...SALE_M33, miles: 1 },
    relevant: within(
      1,
      TEACHERS.filter((k) => (ad(k).role ?? "classroom_teacher") === "classroom_teacher"),
    ),
  },
  {
    kind: "place",
    q: "primary teacher sale",
    relevant: inTown("Sale", [...PRIMARY_CLASS_TEACHERS, "q13", "q14", "w1"]),
  },

  // Words that must not match by accident
  { kind: "phrase", q: "EAL", relevant: ["q17", "q18"] },
  { kind: "phrase", q: "autism", relevant: ["n1", "n5"] },
  { kind: "phrase", q: "behaviour and attendance", relevant: ["L4"] },
  { kind: "negative", q: "latin", relevant: [] },
  { kind: "negative", q: "dance teacher", relevant: [] },
];
