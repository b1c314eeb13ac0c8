/**
 * A fixed catalogue for the relevance suite: real schools (names, towns, postcodes and coordinates from
 * ../shared/data, GIAS 2026-01-30; ownership fictional) with vacancies written the way English schools write
 * them, traps included: "we're", "state-of-the-art", "send your application", "social media", years like 2026,
 * pastoral care and leadership teams mentioned in passing, schools with "Nursery" in their name, a school in
 * Ealing. Embedded, so the suite runs without ../shared.
 */
import type { Database } from "../../db/client";
import { vacancies, vacancySchools } from "../../db/schema";
import type { Allowance } from "../../app/vocabulary/options";
import { createOrganisation, createPartnership, createSchool } from "./factories";

const DAY = 86_400_000;

type SchoolSpec = {
  urn: number;
  name: string;
  town: string;
  postcode: string;
  laName: string;
  laCode: string;
  lat: number;
  lng: number;
  phase: "Primary" | "Secondary" | "Nursery" | "16 plus" | "All-through" | "Not applicable";
  typeGroup: "la_maintained" | "academy" | "special";
  religiousCharacter: string;
};

const s = (
  urn: number,
  name: string,
  town: string,
  postcode: string,
  laName: string,
  laCode: string,
  lat: number,
  lng: number,
  phase: SchoolSpec["phase"],
  typeGroup: SchoolSpec["typeGroup"] = "la_maintained",
  religiousCharacter = "Does not apply",
): SchoolSpec => ({ urn, name, town, postcode, laName, laCode, lat, lng, phase, typeGroup, religiousCharacter });

export const CATALOGUE_SCHOOLS = {
  sg: s(
    106368,
    "Stretford Grammar School",
    "Manchester",
    "M32 8JB",
    "Trafford",
    "358",
    53.443692,
    -2.298265,
    "Secondary",
  ),
  lh: s(106365, "Lostock High School", "Manchester", "M32 9PL", "Trafford", "358", 53.454772, -2.330358, "Secondary"),
  bth: s(
    106376,
    "Blessed Thomas Holford Catholic College",
    "Altrincham",
    "WA15 8HT",
    "Trafford",
    "358",
    53.387471,
    -2.340978,
    "Secondary",
    "la_maintained",
    "Roman Catholic",
  ),
  ss: s(106135, "Stockport School", "Stockport", "SK2 6BW", "Stockport", "356", 53.391374, -2.13905, "Secondary"),
  bh: s(106139, "Bramhall High School", "Stockport", "SK7 2JT", "Stockport", "356", 53.366819, -2.152405, "Secondary"),
  sj: s(
    106142,
    "St James' Catholic High School",
    "Cheadle",
    "SK8 6PZ",
    "Stockport",
    "356",
    53.359857,
    -2.198269,
    "Secondary",
    "la_maintained",
    "Roman Catholic",
  ),
  lo: s(
    105574,
    "Loreto High School Chorlton",
    "Manchester",
    "M21 7SW",
    "Manchester",
    "352",
    53.433449,
    -2.262129,
    "Secondary",
    "la_maintained",
    "Roman Catholic",
  ),
  sd: s(
    106270,
    "St Damian's RC Science College",
    "Ashton-under-Lyne",
    "OL6 8BH",
    "Tameside",
    "357",
    53.509477,
    -2.076605,
    "Secondary",
    "la_maintained",
    "Roman Catholic",
  ),
  aq: s(
    130514,
    "Aquinas College",
    "Stockport",
    "SK2 6TH",
    "Stockport",
    "356",
    53.396077,
    -2.145412,
    "16 plus",
    "la_maintained",
    "Roman Catholic",
  ),
  asf: s(
    146816,
    "Ashton Sixth Form College",
    "Ashton-under-Lyne",
    "OL6 9RL",
    "Tameside",
    "357",
    53.492067,
    -2.075504,
    "16 plus",
  ),
  am: s(
    150009,
    "Abraham Moss Community School",
    "Manchester",
    "M8 5UF",
    "Manchester",
    "352",
    53.511812,
    -2.235787,
    "All-through",
  ),
  pr: s(
    140142,
    "Park Road Sale Primary School",
    "Sale",
    "M33 6HR",
    "Trafford",
    "358",
    53.429733,
    -2.32911,
    "Primary",
    "academy",
  ),
  lt: s(
    140877,
    "Lime Tree Primary Academy",
    "Sale",
    "M33 2RP",
    "Trafford",
    "358",
    53.417031,
    -2.29868,
    "Primary",
    "academy",
  ),
  sm: s(
    106344,
    "St Mary's CofE Primary School",
    "Sale",
    "M33 6SA",
    "Trafford",
    "358",
    53.424403,
    -2.332335,
    "Primary",
    "la_maintained",
    "Church of England",
  ),
  tm: s(
    106312,
    "Templemoor Infant and Nursery School",
    "Sale",
    "M33 2EG",
    "Trafford",
    "358",
    53.422557,
    -2.303203,
    "Primary",
  ),
  wj: s(106304, "Wellfield Junior School", "Sale", "M33 5QX", "Trafford", "358", 53.430125, -2.336955, "Primary"),
  gp: s(
    141275,
    "Gatley Primary School",
    "Stockport",
    "SK8 4NB",
    "Stockport",
    "356",
    53.389997,
    -2.237218,
    "Primary",
    "academy",
  ),
  mb: s(
    145688,
    "Meadowbank Primary School",
    "Cheadle",
    "SK8 2LE",
    "Stockport",
    "356",
    53.392354,
    -2.201623,
    "Primary",
    "academy",
  ),
  gh: s(
    106188,
    "Gorse Hall Primary and Nursery School",
    "Stalybridge",
    "SK15 2DP",
    "Tameside",
    "357",
    53.480373,
    -2.059435,
    "Primary",
  ),
  cc: s(
    106112,
    "Cheadle Catholic Junior School",
    "Cheadle",
    "SK8 6DB",
    "Stockport",
    "356",
    53.376686,
    -2.207607,
    "Primary",
    "la_maintained",
    "Roman Catholic",
  ),
  nep: s(101870, "North Ealing Primary School", "London", "W5 1RP", "Ealing", "307", 51.526092, -0.317565, "Primary"),
  hp: s(
    106015,
    "Hollywood Park Nursery School",
    "Stockport",
    "SK3 0BJ",
    "Stockport",
    "356",
    53.407623,
    -2.168888,
    "Nursery",
  ),
  lan: s(
    105608,
    "Lancasterian School",
    "Manchester",
    "M20 2XA",
    "Manchester",
    "352",
    53.424396,
    -2.250501,
    "Not applicable",
    "special",
  ),
  bir: s(
    105613,
    "The Birches School",
    "Manchester",
    "M20 2XZ",
    "Manchester",
    "352",
    53.426198,
    -2.24842,
    "Not applicable",
    "special",
  ),
} as const;
export type CatalogueSchool = keyof typeof CATALOGUE_SCHOOLS;

/** Sale, M33 7XW: the place the radius queries measure from (the e2e journey's postcode too). */
export const SALE_M33 = { lat: 53.4237, lng: -2.3232 };

type Advert = {
  at: CatalogueSchool | CatalogueSchool[];
  title: string;
  role?: string;
  phase?: string;
  keyStages?: string[];
  subjects?: string[];
  contract?: "permanent" | "fixed_term" | "maternity_cover" | "casual";
  pattern?: "full_time" | "part_time" | "job_share" | "flexible";
  fte?: string;
  pay?: "main" | "upper" | "unqualified" | "leading_practitioner" | "leadership" | "support" | "hourly";
  salary?: [number, number];
  hourly?: number;
  allowances?: Allowance[];
  ect?: boolean;
  visa?: boolean;
  status?: "published" | "closed" | "draft";
  about: string;
  skills?: string;
};

const PHASE_OF: Record<SchoolSpec["phase"], string> = {
  Primary: "primary",
  Secondary: "secondary",
  Nursery: "nursery",
  "16 plus": "sixteen_plus",
  "All-through": "all_through",
  "Not applicable": "special",
};

const MAIN: [number, number] = [32916, 45352];
const UPPER: [number, number] = [47472, 51048];
const tlr = (kind: "tlr1" | "tlr2" | "tlr3", amount: number): Allowance[] => [{ kind, amount }];
const SUPPORT_SKILLS =
  "You will be reliable, calm and organised, with good literacy and numeracy (GCSE grade 4 or equivalent). An enhanced DBS check is required.";
const TEACHER_SKILLS =
  "Qualified Teacher Status (or working towards it), high expectations of every pupil and a commitment to your own professional development.";

/**
 * The catalogue. Keys are short and stable: the judgements name them. Roles, phases, subjects and key stages
 * are what HR would tick on the form; titles and adverts are in schools' own words.
 */
export const ADVERTS = {
  // Mathematics
  m1: {
    at: "sg",
    title: "Teacher of Mathematics",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "We're looking for an enthusiastic Teacher of Mathematics to join a successful department of twelve. You will teach across Key Stages 3 and 4, with the opportunity to teach A level to the right candidate. Our teachers enjoy a generous CPD programme and a supportive leadership team.",
  },
  m2: {
    at: "bh",
    title: "Maths Teacher (MPS/UPS)",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4", "ks5"],
    about:
      "Bramhall High School is seeking a well-qualified maths teacher from September 2026. Experienced teachers on the upper pay scale are welcome to apply, as are those at an earlier stage of their career. Please send your application to the HR office.",
  },
  m3: {
    at: "sd",
    title: "Teacher of Maths – ECTs welcome",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "An exciting opportunity for an Early Career Teacher or an experienced colleague to join our maths team. ECTs receive a full two-year induction with a dedicated mentor and a reduced timetable.",
  },
  m4: {
    at: "lh",
    title: "Second in Mathematics (TLR 2b)",
    role: "head_of_department",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr2", 5300),
    about:
      "Lostock High School seeks a Second in Mathematics to support the Head of Department in raising standards at KS4. You will lead on intervention for Year 11 and line manage two colleagues.",
  },
  m5: {
    at: "ss",
    title: "Head of Mathematics",
    role: "head_of_department",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4", "ks5"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr1", 9300),
    about:
      "Stockport School is looking for an inspirational Head of Mathematics to lead a department of ten teachers. The successful candidate will have a strong track record of outcomes at GCSE and A level.",
  },
  m6: {
    at: "am",
    title: "Teacher of Mathematics (Maternity Cover)",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4"],
    contract: "maternity_cover",
    about:
      "Required from January 2027 to cover maternity leave, a Teacher of Mathematics to teach Years 7 to 11 at our all-through school. The post may be extended.",
  },

  // Science
  s1: {
    at: "sj",
    title: "Teacher of Science",
    subjects: ["science"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "St James' Catholic High School wishes to appoint a Teacher of Science to teach combined science at KS3 and KS4. Applications from ECTs are welcomed. Our state-of-the-art laboratories were refurbished in 2025.",
  },
  s2: {
    at: "lo",
    title: "Teacher of Biology",
    subjects: ["biology"],
    keyStages: ["ks3", "ks4", "ks5"],
    about:
      "Loreto High School is seeking a specialist biology teacher to teach science at KS3 and biology at GCSE. We're a caring Catholic community where every pupil is known.",
  },
  s3: {
    at: "bth",
    title: "Teacher of Chemistry",
    subjects: ["chemistry"],
    keyStages: ["ks3", "ks4", "ks5"],
    about:
      "We are looking for a chemistry specialist to join our thriving science faculty and teach up to A level. The college has excellent facilities and a strong record in the sciences.",
  },
  s4: {
    at: "ss",
    title: "Physics Teacher",
    subjects: ["physics"],
    keyStages: ["ks4", "ks5"],
    pay: "upper",
    salary: UPPER,
    visa: true,
    about:
      "An experienced physics teacher is required to teach GCSE and A level physics. We can sponsor a Skilled Worker visa for the right candidate. A recruitment incentive is available.",
  },
  s5: {
    at: "sd",
    title: "Teacher of Science (Physics specialism)",
    subjects: ["science", "physics"],
    keyStages: ["ks3", "ks4"],
    about:
      "St Damian's RC Science College seeks a Teacher of Science with a specialism in physics, to teach across the science curriculum at KS3 and physics at KS4.",
  },
  s6: {
    at: "bh",
    title: "Head of Science",
    role: "head_of_department",
    subjects: ["science"],
    keyStages: ["ks3", "ks4", "ks5"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr1", 9300),
    about:
      "An outstanding opportunity to lead the science faculty of biology, chemistry and physics specialists at Bramhall High School. You will be part of the middle leadership team.",
  },
  s7: {
    at: "lh",
    title: "Teacher of Computer Science",
    subjects: ["computing"],
    keyStages: ["ks3", "ks4", "ks5"],
    about:
      "We are seeking a Teacher of Computer Science to teach computing across the school, including GCSE Computer Science. Experience of Python is desirable.",
  },
  s8: {
    at: "aq",
    title: "Lecturer in Biology",
    subjects: ["biology"],
    keyStages: ["ks5"],
    about:
      "Aquinas College is recruiting a Lecturer in Biology to teach A level Biology to students aged 16 to 19. You will also act as a personal tutor to a group of first-year students.",
  },
  s9: {
    at: "sg",
    title: "Science Technician",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [24404, 25183],
    about:
      "We need an organised Science Technician to prepare practical equipment for biology, chemistry and physics lessons and to maintain the laboratories. Term time only.",
    skills: SUPPORT_SKILLS,
  },
  c1: {
    at: "bth",
    title: "Teacher of Computing and ICT",
    subjects: ["computing"],
    keyStages: ["ks3", "ks4"],
    pattern: "part_time",
    fte: "0.600",
    about: "A part-time (0.6 FTE) Teacher of Computing and ICT to teach KS3 and KS4 classes, three days a week.",
  },

  // English
  e1: {
    at: "lo",
    title: "Teacher of English",
    subjects: ["english"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "We're looking for a passionate Teacher of English to inspire a love of reading. The English department is creative and collaborative, and ECTs are warmly welcomed.",
  },
  e2: {
    at: "sg",
    title: "English Teacher (Maternity Cover)",
    subjects: ["english"],
    keyStages: ["ks3", "ks4"],
    contract: "maternity_cover",
    about:
      "Stretford Grammar School requires an English teacher to cover a maternity leave from February 2027 for up to twelve months.",
  },
  e3: {
    at: "sj",
    title: "Head of English",
    role: "head_of_department",
    subjects: ["english"],
    keyStages: ["ks3", "ks4", "ks5"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr1", 9300),
    about:
      "An experienced and ambitious teacher to lead English at St James'. You will shape a knowledge-rich curriculum and line manage a team of nine.",
  },
  e4: {
    at: "asf",
    title: "Lecturer in English Language and Literature",
    subjects: ["english"],
    keyStages: ["ks5"],
    about:
      "Ashton Sixth Form College seeks a lecturer to teach A level English Language and English Literature. GCSE English resit teaching may also be part of the role.",
  },
  e5: {
    at: "am",
    title: "KS3 English Coordinator",
    role: "head_of_department",
    subjects: ["english"],
    keyStages: ["ks3"],
    allowances: tlr("tlr2", 3300),
    about:
      "We are looking for a Key Stage 3 English Coordinator to lead the Year 7 to 9 curriculum, with a TLR 2a. Many of our pupils speak English as an additional language.",
  },

  // Languages
  l1: {
    at: "bh",
    title: "Teacher of Modern Foreign Languages",
    subjects: ["mfl"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "A Teacher of MFL is required to teach French and Spanish across KS3 and KS4. The ability to offer German would be an advantage. ECTs are welcome to apply.",
  },
  l2: {
    at: "sd",
    title: "Teacher of French",
    subjects: ["french"],
    keyStages: ["ks3", "ks4"],
    about: "We are seeking a teacher of French to join our languages team, teaching French to GCSE.",
  },
  l3: {
    at: "ss",
    title: "Teacher of German (part-time)",
    subjects: ["german"],
    keyStages: ["ks3", "ks4"],
    pattern: "part_time",
    fte: "0.400",
    about: "A part-time teacher of German, two days a week, to teach KS3 and KS4 groups.",
  },

  // Humanities
  h1: {
    at: "lh",
    title: "Teacher of Geography",
    subjects: ["geography"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about:
      "A Teacher of Geography to join a popular department with fieldwork at its heart. We're happy to consider ECTs and experienced teachers alike.",
  },
  h2: {
    at: "bth",
    title: "Teacher of History",
    subjects: ["history"],
    keyStages: ["ks3", "ks4"],
    pattern: "part_time",
    fte: "0.600",
    about:
      "Blessed Thomas Holford Catholic College seeks a history teacher for 0.6 FTE from September 2026 to teach history at KS3 and KS4.",
  },
  h3: {
    at: "sj",
    title: "Teacher of RE",
    subjects: ["religious_education"],
    keyStages: ["ks3", "ks4"],
    about:
      "Religious Education is at the heart of our Catholic school. We are looking for a committed teacher of RE to teach Years 7 to 11, including GCSE Religious Studies.",
  },
  h4: {
    at: "lo",
    title: "Teacher of Religious Studies",
    subjects: ["religious_education"],
    keyStages: ["ks4", "ks5"],
    about: "Loreto High School seeks a Teacher of Religious Studies to teach GCSE and A level Philosophy and Ethics.",
  },
  h5: {
    at: "aq",
    title: "Lecturer in Psychology",
    subjects: ["psychology"],
    keyStages: ["ks5"],
    about:
      "A lecturer to teach A level Psychology. Aquinas College is one of the largest sixth form colleges in the North West.",
  },
  h6: {
    at: "asf",
    title: "Teacher of Sociology",
    subjects: ["sociology"],
    keyStages: ["ks5"],
    contract: "fixed_term",
    about: "A fixed-term (one year) teacher of A level Sociology, with the possibility of a permanent post afterwards.",
  },

  // Arts, technology and PE
  a1: {
    at: "sg",
    title: "Teacher of Art and Design",
    subjects: ["art_design"],
    keyStages: ["ks3", "ks4"],
    about:
      "A creative Teacher of Art and Design to teach fine art, photography and textiles, in our well-equipped studios. We're keen to hear from practising artists.",
  },
  a2: {
    at: "ss",
    title: "Teacher of Music (Job Share)",
    subjects: ["music"],
    keyStages: ["ks3", "ks4"],
    pattern: "job_share",
    fte: "0.500",
    about:
      "A job share opportunity to teach music at KS3 and KS4, working alongside an experienced colleague. Extra-curricular music is a big part of school life.",
  },
  a3: {
    at: "am",
    title: "Teacher of Drama",
    subjects: ["drama"],
    keyStages: ["ks3", "ks4"],
    about: "We are seeking a Teacher of Drama to teach drama across the school and to help lead the school production.",
  },
  a4: {
    at: "lh",
    title: "Teacher of Media Studies",
    subjects: ["media_studies"],
    keyStages: ["ks4", "ks5"],
    about:
      "A teacher to lead GCSE and A level Media Studies and Film Studies. Experience of teaching film would be an advantage.",
  },
  a5: {
    at: "bth",
    title: "Teacher of Design and Technology",
    subjects: ["design_technology"],
    keyStages: ["ks3", "ks4"],
    about: "A Teacher of D&T to teach product design and engineering in our state-of-the-art workshops.",
  },
  a6: {
    at: "bh",
    title: "Teacher of Food Preparation and Nutrition",
    subjects: ["food_technology"],
    keyStages: ["ks3", "ks4"],
    about:
      "A food teacher to teach Food Preparation and Nutrition at KS3 and GCSE in our newly refurbished food rooms.",
  },
  a7: {
    at: "sd",
    title: "Teacher of PE (Girls)",
    subjects: ["pe"],
    keyStages: ["ks3", "ks4"],
    ect: true,
    about: "A Teacher of Physical Education to teach girls' PE and to lead netball. ECTs are welcome to apply.",
  },
  a8: {
    at: "ss",
    title: "Teacher of Business Studies",
    subjects: ["business_studies"],
    keyStages: ["ks4", "ks5"],
    about: "A Teacher of Business Studies to teach GCSE Business and A level Business, and BTEC Enterprise.",
  },
  a9: {
    at: "asf",
    title: "Lecturer in Economics and Business",
    subjects: ["economics", "business_studies"],
    keyStages: ["ks5"],
    about: "A lecturer to teach A level Economics and A level Business to students aged 16 to 19.",
  },

  // Pastoral and middle leadership
  p1: {
    at: "sg",
    title: "Head of Year 9",
    role: "head_of_year",
    keyStages: ["ks3"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr2", 5300),
    about:
      "An experienced teacher to lead the pastoral care, behaviour and progress of Year 9. You will work closely with families and external agencies.",
  },
  p2: {
    at: "bh",
    title: "Head of Year 7 (Pastoral Lead)",
    role: "head_of_year",
    keyStages: ["ks3"],
    allowances: tlr("tlr2", 4400),
    about:
      "We are looking for a Head of Year 7 to lead transition from primary school and the pastoral team for our youngest pupils. This post carries a TLR 2b.",
  },
  p3: {
    at: "lo",
    title: "Pastoral Support Manager (non-teaching)",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [27269, 29093],
    about:
      "A non-teaching Pastoral Support Manager to support pupils' wellbeing, attendance and behaviour, working alongside the Heads of Year.",
    skills: SUPPORT_SKILLS,
  },
  p4: {
    at: "am",
    title: "Head of Sixth Form",
    role: "head_of_year",
    keyStages: ["ks5"],
    pay: "upper",
    salary: UPPER,
    allowances: tlr("tlr1", 8000),
    about:
      "Abraham Moss Community School seeks a Head of Sixth Form to lead the pastoral and academic progress of students in Years 12 and 13, and university applications.",
  },
  p5: {
    at: "sj",
    title: "Deputy Head of Sixth Form",
    role: "head_of_year",
    keyStages: ["ks5"],
    allowances: tlr("tlr2", 3300),
    about:
      "A Deputy Head of Sixth Form to support the Head of Sixth Form with the pastoral care of sixth form students, UCAS and attendance.",
  },
  p6: {
    at: "pr",
    title: "Head of Early Years",
    role: "head_of_year",
    subjects: ["early_years"],
    keyStages: ["eyfs"],
    allowances: tlr("tlr2", 3300),
    about:
      "Park Road Sale Primary School is looking for a Head of Early Years to lead our Nursery and Reception classes and the EYFS curriculum.",
  },
  p7: {
    at: "ss",
    title: "Assistant Head of Year 10",
    role: "head_of_year",
    keyStages: ["ks4"],
    allowances: tlr("tlr3", 1500),
    about: "An Assistant Head of Year to support the Head of Year 10 with behaviour, attendance and pastoral care.",
  },

  // Senior leadership
  L1: {
    at: "pr",
    title: "Headteacher",
    role: "headteacher",
    keyStages: ["eyfs", "ks1", "ks2"],
    pay: "leadership",
    salary: [69032, 79092],
    about:
      "The governors of Park Road Sale Primary School seek an inspirational Headteacher to lead our happy, successful school from September 2026.",
  },
  L2: {
    at: "lt",
    title: "Principal",
    role: "headteacher",
    keyStages: ["eyfs", "ks1", "ks2"],
    pay: "leadership",
    salary: [66000, 76000],
    about:
      "The trust board is seeking a Principal for Lime Tree Primary Academy, an outstanding school at the heart of its community.",
  },
  L3: {
    at: "bh",
    title: "Deputy Headteacher",
    role: "deputy_head",
    keyStages: ["ks3", "ks4", "ks5"],
    pay: "leadership",
    salary: [70000, 80000],
    about:
      "Bramhall High School seeks a Deputy Headteacher with responsibility for curriculum and standards, to join a strong senior leadership team.",
  },
  L4: {
    at: "sg",
    title: "Assistant Headteacher – Behaviour and Attendance",
    role: "assistant_head",
    keyStages: ["ks3", "ks4"],
    pay: "leadership",
    salary: [60000, 66000],
    about:
      "An Assistant Headteacher to lead behaviour and attendance across the school, as a member of the senior leadership team.",
  },
  L5: {
    at: "am",
    title: "Vice Principal (Curriculum)",
    role: "deputy_head",
    keyStages: ["ks1", "ks2", "ks3", "ks4"],
    pay: "leadership",
    salary: [72000, 82000],
    about: "A Vice Principal to lead curriculum design across our all-through school, from Reception to Year 11.",
  },
  L6: {
    at: "gp",
    title: "Deputy Headteacher",
    role: "deputy_head",
    keyStages: ["eyfs", "ks1", "ks2"],
    pay: "leadership",
    salary: [56000, 62000],
    about:
      "Gatley Primary School is looking for a Deputy Headteacher who will also teach in Year 6 for part of the week.",
  },
  L7: {
    at: "lh",
    title: "Assistant Headteacher (Teaching and Learning)",
    role: "assistant_head",
    keyStages: ["ks3", "ks4"],
    pay: "leadership",
    salary: [58000, 64000],
    about: "An Assistant Headteacher to lead teaching and learning, coaching and CPD for all staff.",
  },
  L8: {
    at: "mb",
    title: "Assistant Principal – Inclusion",
    role: "assistant_head",
    keyStages: ["ks1", "ks2"],
    pay: "leadership",
    salary: [54000, 58000],
    about: "An Assistant Principal to lead inclusion, SEND and safeguarding across Meadowbank Primary School.",
  },
  L9: {
    at: "ss",
    title: "Headteacher",
    role: "headteacher",
    keyStages: ["ks3", "ks4", "ks5"],
    pay: "leadership",
    salary: [95000, 110000],
    about: "The governing body of Stockport School invites applications for the post of Headteacher from April 2027.",
  },
  L10: {
    at: "gh",
    title: "Acting Headteacher (fixed term)",
    role: "headteacher",
    keyStages: ["eyfs", "ks1", "ks2"],
    contract: "fixed_term",
    pay: "leadership",
    salary: [62000, 68000],
    about:
      "An Acting Headteacher for two terms while the substantive headteacher is seconded. Gorse Hall Primary and Nursery School is a friendly, inclusive school.",
  },

  // Special educational needs
  n1: {
    at: "lan",
    title: "Class Teacher – Special School (ASC)",
    subjects: ["send"],
    keyStages: ["ks1", "ks2"],
    about:
      "Lancasterian School is looking for a class teacher to teach a small class of pupils with autism (ASC) and physical disabilities. An SEN allowance is paid.",
  },
  n2: {
    at: "bir",
    title: "Class Teacher (SLD/PMLD)",
    subjects: ["send"],
    keyStages: ["ks2", "ks3"],
    allowances: [{ kind: "sen", amount: 2679 }],
    about:
      "The Birches School seeks a teacher for pupils with severe and profound learning difficulties (SLD/PMLD). Please send your application by the closing date.",
  },
  n3: {
    at: "gp",
    title: "SENCO",
    role: "senco",
    subjects: ["send"],
    keyStages: ["ks1", "ks2"],
    allowances: [{ kind: "sen", amount: 3500 }],
    about:
      "Gatley Primary School is seeking a SENCO to lead provision for pupils with special educational needs. The National Professional Qualification for SENCOs is desirable.",
  },
  n4: {
    at: "sj",
    title: "SENDCo",
    role: "senco",
    subjects: ["send"],
    keyStages: ["ks3", "ks4"],
    pay: "upper",
    salary: UPPER,
    about: "A SENDCo to lead a team of teaching assistants and coordinate provision and EHCP reviews.",
  },
  n5: {
    at: "ss",
    title: "Teacher of SEND – Autism Resource Base",
    subjects: ["send"],
    keyStages: ["ks3", "ks4"],
    allowances: [{ kind: "sen", amount: 2679 }],
    about:
      "A teacher for our resource base for autistic pupils, teaching small groups and supporting inclusion in mainstream lessons.",
  },
  n6: {
    at: "lan",
    title: "Special Educational Needs Teaching Assistant",
    role: "teaching_assistant",
    subjects: ["send"],
    keyStages: ["ks1", "ks2"],
    pay: "support",
    salary: [24027, 24790],
    about: "A teaching assistant to support pupils with complex needs, including personal care and feeding.",
    skills: SUPPORT_SKILLS,
  },
  n7: {
    at: "mb",
    title: "Teaching Assistant (SEN, 1:1 support)",
    role: "teaching_assistant",
    subjects: ["send"],
    keyStages: ["ks1"],
    pay: "support",
    salary: [24027, 24790],
    contract: "fixed_term",
    about:
      "A teaching assistant to provide one-to-one support for a pupil with an EHCP in Year 1. Fixed term for this academic year.",
    skills: SUPPORT_SKILLS,
  },
  n8: {
    at: "bth",
    title: "Learning Support Assistant",
    role: "teaching_assistant",
    subjects: ["send"],
    keyStages: ["ks3", "ks4"],
    pay: "support",
    salary: [24027, 24790],
    about: "Learning Support Assistants support pupils with SEND in lessons and in our learning support base.",
    skills: SUPPORT_SKILLS,
  },

  // Primary class teachers
  q1: {
    at: "pr",
    title: "Year 2 Class Teacher",
    subjects: ["primary"],
    keyStages: ["ks1"],
    about:
      "We are looking for a Year 2 class teacher to join our Key Stage 1 team. We're a two-form entry academy with a strong focus on early reading and phonics.",
  },
  q2: {
    at: "lt",
    title: "KS1 Class Teacher",
    subjects: ["primary"],
    keyStages: ["ks1"],
    ect: true,
    about:
      "A KS1 class teacher for Year 1 from September 2026. ECTs are very welcome; you will have a dedicated induction mentor.",
  },
  q3: {
    at: "sm",
    title: "KS2 Teacher",
    subjects: ["primary"],
    keyStages: ["ks2"],
    about:
      "St Mary's CofE Primary School is looking for a KS2 teacher to teach a Year 4 class. Our Christian values underpin everything we do.",
  },
  q4: {
    at: "wj",
    title: "Year 5 Teacher (Upper Key Stage 2)",
    subjects: ["primary"],
    keyStages: ["ks2"],
    about: "A Year 5 teacher to join our upper key stage two team at Wellfield Junior School.",
  },
  q5: {
    at: "gp",
    title: "Year 6 Teacher",
    subjects: ["primary"],
    keyStages: ["ks2"],
    ect: true,
    about:
      "A Year 6 teacher to prepare our pupils for secondary school and the end of Key Stage 2 assessments. ECTs welcome.",
  },
  q6: {
    at: "tm",
    title: "Reception Teacher",
    subjects: ["early_years"],
    keyStages: ["eyfs"],
    about:
      "Templemoor Infant and Nursery School is looking for a Reception teacher who is passionate about early years and learning through play.",
  },
  q7: {
    at: "mb",
    title: "EYFS Teacher",
    subjects: ["early_years"],
    keyStages: ["eyfs"],
    about: "An Early Years Foundation Stage teacher for our Reception class, with a well-resourced outdoor area.",
  },
  q8: {
    at: "hp",
    title: "Nursery Teacher",
    subjects: ["early_years"],
    keyStages: ["eyfs"],
    about:
      "Hollywood Park Nursery School seeks a nursery teacher for our three- and four-year-olds, part of a maintained nursery school.",
  },
  q9: {
    at: "gh",
    title: "Primary Teacher (ECTs welcome)",
    subjects: ["primary"],
    keyStages: ["ks2"],
    ect: true,
    about:
      "A primary teacher for a Year 3 class. We welcome applications from Early Career Teachers, who will have a full induction.",
  },
  q10: {
    at: "cc",
    title: "Class Teacher – Lower Key Stage 2",
    subjects: ["primary"],
    keyStages: ["ks2"],
    pattern: "part_time",
    fte: "0.600",
    about: "A part-time class teacher (three days a week) to teach in Lower Key Stage 2 at our Catholic junior school.",
  },
  q11: {
    at: "sm",
    title: "Class Teacher (Maternity Cover)",
    subjects: ["primary"],
    keyStages: ["ks1"],
    contract: "maternity_cover",
    about: "A class teacher for Year 1 to cover a maternity leave from January 2027.",
  },
  q12: {
    at: "nep",
    title: "Year 3 Teacher",
    subjects: ["primary"],
    keyStages: ["ks2"],
    about:
      "North Ealing Primary School is looking for a Year 3 teacher. We are a large community school in Ealing, west London.",
  },
  q13: {
    at: "lt",
    title: "Primary PE Specialist",
    subjects: ["pe"],
    keyStages: ["ks1", "ks2"],
    about: "A PE specialist teacher to teach PE across the school and to lead after-school sport clubs.",
  },
  q14: {
    at: "wj",
    title: "Music Teacher (Part-time)",
    subjects: ["music"],
    keyStages: ["ks2"],
    pattern: "part_time",
    fte: "0.400",
    about:
      "A part-time music teacher for two days a week, teaching whole-class instrumental lessons and leading the choir.",
  },
  q15: {
    at: "gp",
    title: "Maths Lead (TLR 2)",
    role: "head_of_department",
    subjects: ["mathematics"],
    keyStages: ["ks1", "ks2"],
    allowances: tlr("tlr2", 3300),
    about: "A class teacher with a TLR to lead mathematics across the school, including mastery training for staff.",
  },
  q16: {
    at: "pr",
    title: "Phase Leader – Upper Key Stage 2",
    role: "head_of_year",
    subjects: ["primary"],
    keyStages: ["ks2"],
    allowances: tlr("tlr2", 3300),
    about: "A phase leader to lead Years 5 and 6 while teaching a Year 6 class.",
  },
  q17: {
    at: "nep",
    title: "EAL Coordinator",
    role: "other",
    subjects: [],
    keyStages: ["ks1", "ks2"],
    about:
      "A teacher to coordinate support for pupils who speak English as an additional language (EAL), working with class teachers and families.",
  },
  q18: {
    at: "gh",
    title: "EAL Teaching Assistant",
    role: "teaching_assistant",
    subjects: [],
    keyStages: ["ks1", "ks2"],
    pay: "support",
    salary: [24027, 24790],
    about:
      "A teaching assistant to support pupils new to English, in class and in small groups. Polish or Urdu would be an asset.",
    skills: SUPPORT_SKILLS,
  },
  q19: {
    at: "cc",
    title: "Year 4 Teacher",
    subjects: ["primary"],
    keyStages: ["ks2"],
    ect: true,
    about: "A Year 4 teacher for September 2026. ECTs are encouraged to apply.",
  },
  q20: {
    at: "mb",
    title: "Class Teacher – Year 1",
    subjects: ["primary"],
    keyStages: ["ks1"],
    about: "A Year 1 class teacher who will help our youngest pupils move on from Reception.",
  },
  q21: {
    at: "tm",
    title: "Year 1 Teacher (Job Share)",
    subjects: ["primary"],
    keyStages: ["ks1"],
    pattern: "job_share",
    fte: "0.500",
    about: "A job share Year 1 teacher, Wednesday to Friday, working alongside an experienced colleague.",
  },

  // Teaching assistants
  t1: {
    at: "pr",
    title: "Teaching Assistant",
    role: "teaching_assistant",
    subjects: [],
    keyStages: ["ks2"],
    pay: "support",
    salary: [24027, 24790],
    about: "A teaching assistant to support learning in Key Stage 2, working with individuals and small groups.",
    skills: SUPPORT_SKILLS,
  },
  t2: {
    at: "lt",
    title: "Teaching Assistant – Year 1",
    role: "teaching_assistant",
    subjects: [],
    keyStages: ["ks1"],
    pay: "support",
    salary: [24027, 24790],
    about: "A teaching assistant for Year 1, supporting phonics and early reading.",
    skills: SUPPORT_SKILLS,
  },
  t3: {
    at: "sm",
    title: "Higher Level Teaching Assistant (HLTA)",
    role: "hlta",
    subjects: [],
    keyStages: ["ks1", "ks2"],
    pay: "support",
    salary: [26403, 27254],
    about: "An HLTA to cover PPA time and teach small groups across the school.",
    skills: SUPPORT_SKILLS,
  },
  t4: {
    at: "gp",
    title: "HLTA",
    role: "hlta",
    subjects: [],
    keyStages: ["ks2"],
    pay: "support",
    salary: [26403, 27254],
    about: "A Higher Level Teaching Assistant to lead interventions and cover classes in Key Stage 2.",
    skills: SUPPORT_SKILLS,
  },
  t5: {
    at: "tm",
    title: "Teaching Assistant Level 3",
    role: "teaching_assistant",
    subjects: [],
    keyStages: ["eyfs", "ks1"],
    contract: "fixed_term",
    pay: "support",
    salary: [24790, 25584],
    about: "A Level 3 teaching assistant for Reception and Year 1, fixed term until July 2027.",
    skills: SUPPORT_SKILLS,
  },
  t6: {
    at: "ss",
    title: "Teaching Assistant (Maths Intervention)",
    role: "teaching_assistant",
    subjects: ["mathematics"],
    keyStages: ["ks3"],
    pay: "support",
    salary: [24027, 24790],
    about: "A teaching assistant to run maths intervention groups in Years 7 and 8.",
    skills: SUPPORT_SKILLS,
  },

  // Support staff
  u1: {
    at: "ss",
    title: "School Business Officer",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [25183, 25992],
    about: "A School Business Officer to support the School Business Manager with finance, purchasing and lettings.",
    skills: SUPPORT_SKILLS,
  },
  u2: {
    at: "lh",
    title: "School Business Manager",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [38626, 42839],
    about: "An experienced School Business Manager to lead finance, HR, premises and business support.",
    skills: SUPPORT_SKILLS,
  },
  u3: {
    at: "sg",
    title: "Social Media and Marketing Officer",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [27269, 29093],
    about: "A marketing officer to run the school's social media, website and admissions events.",
    skills: SUPPORT_SKILLS,
  },
  u4: {
    at: "am",
    title: "Cover Supervisor",
    role: "cover_supervisor",
    subjects: [],
    keyStages: ["ks3", "ks4"],
    pay: "support",
    salary: [25183, 25992],
    about:
      "A cover supervisor to supervise classes when teachers are absent, delivering work set by the class teacher.",
    skills: SUPPORT_SKILLS,
  },
  u5: {
    at: "bh",
    title: "Exams Officer",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [27269, 29093],
    about: "An Exams Officer to manage the administration of all public examinations and access arrangements.",
    skills: SUPPORT_SKILLS,
  },
  u6: {
    at: "lo",
    title: "Receptionist",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [24027, 24404],
    pattern: "part_time",
    fte: "0.600",
    about:
      "A friendly receptionist to greet visitors, answer the telephone and support the school office, mornings only.",
    skills: SUPPORT_SKILLS,
  },
  u7: {
    at: "hp",
    title: "Early Years Practitioner (Level 3)",
    role: "support",
    subjects: [],
    keyStages: ["eyfs"],
    pay: "support",
    salary: [24404, 25183],
    about: "A qualified Level 3 early years practitioner to work in our nursery rooms with two- to four-year-olds.",
    skills: SUPPORT_SKILLS,
  },
  u8: {
    at: "sd",
    title: "Attendance Officer",
    role: "support",
    subjects: [],
    keyStages: [],
    pay: "support",
    salary: [25183, 25992],
    about: "An Attendance Officer to monitor attendance, make first-day calls and carry out home visits.",
    skills: SUPPORT_SKILLS,
  },
  x1: {
    at: "lh",
    title: "Supply Teacher (Day-to-Day Cover)",
    subjects: [],
    keyStages: ["ks3", "ks4"],
    contract: "casual",
    pattern: "flexible",
    pay: "hourly",
    hourly: 2400,
    about: "Qualified teachers to join our list of supply teachers for day-to-day cover, paid daily.",
  },
  x2: {
    at: "gp",
    title: "Casual Teaching Assistant (Supply)",
    role: "teaching_assistant",
    subjects: [],
    keyStages: ["ks1", "ks2"],
    contract: "casual",
    pattern: "flexible",
    pay: "hourly",
    hourly: 1300,
    about: "Teaching assistants to provide casual cover when staff are absent, at short notice.",
    skills: SUPPORT_SKILLS,
  },

  // A post shared by two schools of a trust
  w1: {
    at: ["pr", "lt"],
    title: "Trust Music Teacher (shared between two schools)",
    subjects: ["music"],
    keyStages: ["ks1", "ks2"],
    pattern: "part_time",
    fte: "0.800",
    about:
      "A music teacher shared between Park Road Sale Primary School and Lime Tree Primary Academy, two days at each.",
  },

  // Never found: closed, draft.
  z1: {
    at: "sg",
    title: "Teacher of Mathematics",
    subjects: ["mathematics"],
    keyStages: ["ks3", "ks4"],
    status: "closed",
    about: "Filled.",
  },
  z2: { at: "bh", title: "Teacher of Biology", subjects: ["biology"], status: "draft", about: "Draft." },
  z3: { at: "lh", title: "Headteacher", role: "headteacher", pay: "leadership", status: "closed", about: "Filled." },
} satisfies Record<string, Advert>;
export type AdvertKey = keyof typeof ADVERTS;

/** The live adverts (what a search may find). */
export const LIVE_ADVERTS = (Object.keys(ADVERTS) as AdvertKey[]).filter(
  (k) => ((ADVERTS[k] as Advert).status ?? "published") === "published",
);

/** Seeds the catalogue; returns its ids and a way back from ids to keys. */
export async function seedCatalogue(db: Database, now = new Date()) {
  const partnership = await createPartnership(db, { slug: "relevance", name: "Relevance Partnership" });
  const trust = await createOrganisation(db, {
    slug: "mersey-valley-trust",
    name: "Mersey Valley Learning Trust",
    partnershipId: partnership.id,
  });
  const schoolIds = {} as Record<CatalogueSchool, string>;
  for (const [key, spec] of Object.entries(CATALOGUE_SCHOOLS) as [CatalogueSchool, SchoolSpec][]) {
    const row = await createSchool(db, {
      ...spec,
      trustId: spec.typeGroup === "academy" ? trust.id : null,
      partnershipId: partnership.id,
    });
    schoolIds[key] = row.id;
  }
  const ids = {} as Record<AdvertKey, string>;
  let i = 0;
  for (const [key, ad] of Object.entries(ADVERTS) as [AdvertKey, Advert][]) {
    i++;
    const at = Array.isArray(ad.at) ? ad.at : [ad.at];
    const [first] = at;
    if (first === undefined) throw new Error(`Advert ${key} is at no school`);
    const school = CATALOGUE_SCHOOLS[first];
    const status = ad.status ?? "published";
    const role = ad.role ?? "classroom_teacher";
    const pay = ad.pay ?? "main";
    const [salaryMin, salaryMax] = pay === "hourly" ? [null, null] : (ad.salary ?? MAIN);
    const [row] = await db
      .insert(vacancies)
      .values({
        ownerSchoolId: schoolIds[first],
        status,
        title: ad.title,
        role,
        phases: [ad.phase ?? PHASE_OF[school.phase]],
        keyStages: ad.keyStages ?? [],
        subjects: ad.subjects ?? [],
        contractType: ad.contract ?? "permanent",
        workingPattern: ad.pattern ?? "full_time",
        fte: ad.fte ?? "1.000",
        payRange: pay,
        salaryMinFte: salaryMin,
        salaryMaxFte: salaryMax,
        hourlyRatePence: ad.hourly ?? null,
        allowances: ad.allowances ?? [],
        ectSuitable: ad.ect ?? false,
        visaSponsorship: ad.visa ?? false,
        aboutRole: ad.about,
        skillsExperience:
          ad.skills ?? (role === "classroom_teacher" || role === "head_of_department" ? TEACHER_SKILLS : ""),
        applyMethod: "external_link",
        applyUrl: "https://example.org/apply",
        // Distinct publication moments: recency breaks ties the same way on every run.
        publishedAt: status === "draft" ? null : new Date(now.getTime() - (i % 29) * DAY - i * 60_000),
        closesAt: new Date(now.getTime() + (status === "closed" ? -2 : 20 + (i % 17)) * DAY),
        closedAt: status === "closed" ? now : null,
        closedReason: status === "closed" ? "filled_elsewhere" : null,
      })
      .returning({ id: vacancies.id });
    if (!row) throw new Error(`Advert ${key} was not inserted`);
    ids[key] = row.id;
    await db
      .insert(vacancySchools)
      .values(at.map((k, position) => ({ vacancyId: row.id, schoolId: schoolIds[k], position })));
  }
  const keyOf = new Map(Object.entries(ids).map(([k, v]) => [v, k as AdvertKey]));
  return { ids, keyOf: (id: string) => keyOf.get(id) ?? id };
}
