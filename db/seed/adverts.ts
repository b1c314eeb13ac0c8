/**
 * What a demo vacancy says, the way English schools write adverts: a title in the school's own style, the
 * subjects and key stages a post of that role really has at that phase (a head of year only where there are
 * year groups, key stage 5 only where there is a sixth form, no subject on a senior post), and a few plain
 * sentences about the post. Pure: the seed passes its seeded random source, so every run is the same.
 */
type Random = () => number;

export type AdvertPlan = {
  title: string;
  subjects: string[];
  keyStages: string[];
  aboutRole: string;
  skillsExperience: string;
};

type Context = { role: string; phase: string; schoolName: string; academy: boolean; random: Random };

const SECONDARY_SUBJECTS: [string, string][] = [
  ["mathematics", "Mathematics"],
  ["english", "English"],
  ["science", "Science"],
  ["physics", "Physics"],
  ["chemistry", "Chemistry"],
  ["biology", "Biology"],
  ["history", "History"],
  ["geography", "Geography"],
  ["computing", "Computer Science"],
  ["mfl", "MFL"],
  ["french", "French"],
  ["spanish", "Spanish"],
  ["art_design", "Art and Design"],
  ["music", "Music"],
  ["pe", "PE"],
  ["religious_education", "Religious Education"],
  ["design_technology", "Design and Technology"],
  ["drama", "Drama"],
  ["business_studies", "Business Studies"],
];
const SIXTH_FORM_SUBJECTS: [string, string][] = [
  ["mathematics", "Mathematics"],
  ["english", "English Literature"],
  ["biology", "Biology"],
  ["chemistry", "Chemistry"],
  ["physics", "Physics"],
  ["psychology", "Psychology"],
  ["sociology", "Sociology"],
  ["economics", "Economics"],
  ["business_studies", "Business"],
  ["history", "History"],
];
const PRIMARY_LEADS: [string, string][] = [
  ["mathematics", "Maths"],
  ["english", "English"],
  ["science", "Science"],
  ["pe", "PE"],
  ["music", "Music"],
];
const YEAR_KEY_STAGE = (year: number) => (year <= 2 ? "ks1" : year <= 6 ? "ks2" : year <= 9 ? "ks3" : "ks4");

const pickFrom =
  (random: Random) =>
  <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("pickFrom needs at least one item");
    return item;
  };

/** The key stages a school of this phase teaches, for whole-school posts. */
function schoolKeyStages(phase: string): string[] {
  switch (phase) {
    case "primary":
      return ["eyfs", "ks1", "ks2"];
    case "nursery":
      return ["eyfs"];
    case "secondary":
      return ["ks3", "ks4", "ks5"];
    case "sixteen_plus":
      return ["ks5"];
    case "all_through":
      return ["eyfs", "ks1", "ks2", "ks3", "ks4"];
    default:
      return ["ks1", "ks2", "ks3", "ks4"];
  }
}

function teacher({ phase, random }: Context): Omit<AdvertPlan, "skillsExperience"> {
  const pick = pickFrom(random);
  if (phase === "primary" || phase === "all_through") {
    const year = 1 + Math.floor(random() * 7); // 7: Reception
    if (year === 7)
      return {
        title: pick(["Reception Teacher", "EYFS Class Teacher"]),
        subjects: ["early_years"],
        keyStages: ["eyfs"],
        aboutRole:
          "We are looking for a Reception teacher who understands how young children learn through play, with a well-resourced indoor and outdoor classroom.",
      };
    return {
      title: pick([
        `Year ${year} Teacher`,
        `Class Teacher (Year ${year})`,
        `${year <= 2 ? "KS1" : "KS2"} Class Teacher`,
      ]),
      subjects: ["primary"],
      keyStages: [YEAR_KEY_STAGE(year)],
      aboutRole: `We are looking for a class teacher for Year ${year} who will help every pupil make progress, with a strong focus on reading and a supportive year-group partner.`,
    };
  }
  if (phase === "nursery")
    return {
      title: pick(["Nursery Teacher", "Early Years Teacher"]),
      subjects: ["early_years"],
      keyStages: ["eyfs"],
      aboutRole:
        "We are seeking a nursery teacher to lead learning for our two-, three- and four-year-olds, working closely with our early years practitioners and families.",
    };
  if (phase === "special") {
    const stages = pick([
      ["ks1", "ks2"],
      ["ks2", "ks3"],
      ["ks3", "ks4"],
    ]);
    return {
      title: pick(["Class Teacher (SEND)", "Teacher – Autism Provision", "Class Teacher (SLD/PMLD)"]),
      subjects: ["send"],
      keyStages: stages,
      aboutRole:
        "You will teach a small class of pupils with complex needs, supported by an experienced team of teaching assistants and therapists. An SEN allowance is paid.",
    };
  }
  if (phase === "sixteen_plus") {
    const [subject, name] = pick(SIXTH_FORM_SUBJECTS);
    return {
      title: pick([`Lecturer in ${name}`, `Teacher of A level ${name}`]),
      subjects: [subject],
      keyStages: ["ks5"],
      aboutRole: `We are looking for a specialist to teach A level ${name} to students aged 16 to 19 and to act as a personal tutor.`,
    };
  }
  const [subject, name] = pick(SECONDARY_SUBJECTS);
  return {
    title: pick([`Teacher of ${name}`, `${name} Teacher`, `Teacher of ${name} (MPS)`]),
    subjects: [subject],
    keyStages: random() < 0.5 ? ["ks3", "ks4"] : ["ks3", "ks4", "ks5"],
    aboutRole: `We are looking for an enthusiastic Teacher of ${name} to join a successful department, teaching across Key Stages 3 and 4.`,
  };
}

function middleLeader(c: Context): Omit<AdvertPlan, "skillsExperience"> {
  const pick = pickFrom(c.random);
  if (c.role === "senco")
    return {
      title: pick(["SENCO", "SENDCo", "Special Educational Needs Coordinator"]),
      subjects: ["send"],
      keyStages: schoolKeyStages(c.phase),
      aboutRole:
        "You will lead provision for pupils with special educational needs and disabilities, coordinate EHCP reviews and support colleagues to adapt their teaching.",
    };
  if (c.role === "head_of_year") {
    if (c.phase === "secondary" || c.phase === "all_through") {
      const year = 7 + Math.floor(c.random() * 5);
      return {
        title: `Head of Year ${year}`,
        subjects: [],
        keyStages: [YEAR_KEY_STAGE(year)],
        aboutRole: `You will lead the pastoral care, attendance and progress of Year ${year}, working closely with tutors, families and the safeguarding team.`,
      };
    }
    if (c.phase === "sixteen_plus")
      return {
        title: "Head of Sixth Form",
        subjects: [],
        keyStages: ["ks5"],
        aboutRole:
          "You will lead the pastoral care and academic progress of our students in Years 12 and 13, and their university and apprenticeship applications.",
      };
    if (c.phase === "nursery")
      return {
        title: "Early Years Lead",
        subjects: ["early_years"],
        keyStages: ["eyfs"],
        aboutRole:
          "You will lead the EYFS curriculum and a team of practitioners, while teaching for part of the week.",
      };
    const stage = pick(["ks1", "ks2"]);
    return {
      title: stage === "ks1" ? "Key Stage 1 Phase Leader" : "Phase Leader (Upper Key Stage 2)",
      subjects: c.phase === "special" ? ["send"] : ["primary"],
      keyStages: [stage],
      aboutRole:
        "You will lead a phase team, its curriculum and assessment, while teaching your own class. This post carries a TLR.",
    };
  }
  // Head of department or subject.
  if (c.phase === "primary" || c.phase === "all_through" || c.phase === "special" || c.phase === "nursery") {
    const [subject, name] = pick(PRIMARY_LEADS);
    return {
      title: `${name} Lead`,
      subjects: [subject],
      keyStages: c.phase === "nursery" ? ["eyfs"] : ["ks1", "ks2"],
      aboutRole: `A class teacher with a TLR to lead ${name.toLowerCase()} across the school, supporting colleagues and monitoring standards.`,
    };
  }
  const [subject, name] = pick(c.phase === "sixteen_plus" ? SIXTH_FORM_SUBJECTS : SECONDARY_SUBJECTS);
  return {
    title: pick([`Head of ${name}`, `Second in ${name}`, `Curriculum Leader for ${name}`]),
    subjects: [subject],
    keyStages: c.phase === "sixteen_plus" ? ["ks5"] : ["ks3", "ks4", "ks5"],
    aboutRole: `You will lead teaching and learning in ${name}, line manage colleagues and be responsible for outcomes at GCSE and A level.`,
  };
}

function seniorLeader(c: Context): Omit<AdvertPlan, "skillsExperience"> {
  const pick = pickFrom(c.random);
  const title =
    c.role === "headteacher"
      ? c.academy
        ? pick(["Headteacher", "Principal"])
        : "Headteacher"
      : c.role === "deputy_head"
        ? c.academy
          ? pick(["Deputy Headteacher", "Vice Principal"])
          : "Deputy Headteacher"
        : `${c.academy ? pick(["Assistant Headteacher", "Assistant Principal"]) : "Assistant Headteacher"} – ${pick(["Curriculum", "Inclusion", "Behaviour and Attendance", "Teaching and Learning"])}`;
  return {
    title,
    subjects: [],
    keyStages: schoolKeyStages(c.phase),
    aboutRole:
      c.role === "headteacher"
        ? `The governors of ${c.schoolName} are seeking an inspirational headteacher to lead our happy and successful school.`
        : `You will be a member of the senior leadership team at ${c.schoolName}, leading a whole-school priority and line managing middle leaders.`,
  };
}

function supportRole(c: Context): Omit<AdvertPlan, "skillsExperience"> {
  const pick = pickFrom(c.random);
  const stages = schoolKeyStages(c.phase);
  if (c.role === "hlta")
    return {
      title: pick(["Higher Level Teaching Assistant", "HLTA"]),
      subjects: [],
      keyStages: c.phase === "sixteen_plus" ? stages : stages.filter((s) => s !== "ks5"),
      aboutRole: "An HLTA to cover PPA time, teach small groups and lead interventions across the school.",
    };
  if (c.role === "teaching_assistant" && c.phase === "nursery")
    return {
      title: pick(["Early Years Practitioner", "Nursery Practitioner (Level 3)"]),
      subjects: [],
      keyStages: ["eyfs"],
      aboutRole: "A qualified early years practitioner to work with our two- to four-year-olds as a key person.",
    };
  if (c.role === "teaching_assistant")
    return {
      title: pick(["Teaching Assistant", "Teaching Assistant (SEN)", "Learning Support Assistant"]),
      subjects: c.phase === "special" ? ["send"] : [],
      keyStages: c.phase === "sixteen_plus" ? stages : stages.filter((s) => s !== "ks5"),
      aboutRole: "A teaching assistant to support pupils in class and in small groups, including pupils with SEND.",
    };
  if (c.role === "cover_supervisor")
    return {
      title: "Cover Supervisor",
      subjects: [],
      keyStages: stages.filter((s) => s === "ks3" || s === "ks4"),
      aboutRole: "A cover supervisor to supervise classes when teachers are absent, delivering the work they have set.",
    };
  const title = pick(
    c.phase === "secondary" || c.phase === "sixteen_plus"
      ? ["School Business Officer", "Exams Officer", "Attendance Officer", "Science Technician", "Site Assistant"]
      : c.phase === "nursery"
        ? ["Nursery Administrator", "School Business Officer"]
        : ["School Business Officer", "Attendance Officer", "Site Assistant", "School Receptionist"],
  );
  return {
    title,
    subjects: [],
    keyStages: [],
    aboutRole: `We are looking for a ${title.toLowerCase()} to join our friendly support staff team. The post is term time only.`,
  };
}

const TEACHER_SKILLS =
  "You will hold Qualified Teacher Status (or be working towards it), have high expectations of every pupil and a commitment to your own professional development.";
const SUPPORT_SKILLS =
  "You will be reliable, calm and organised, with good literacy and numeracy (GCSE grade 4 or equivalent). An enhanced DBS check is required.";

/** The title, subjects, key stages and words of one demo vacancy. */
export function advertFor(c: Context): AdvertPlan {
  const plan =
    c.role === "classroom_teacher"
      ? teacher(c)
      : c.role === "head_of_department" || c.role === "head_of_year" || c.role === "senco"
        ? middleLeader(c)
        : c.role === "assistant_head" || c.role === "deputy_head" || c.role === "headteacher"
          ? seniorLeader(c)
          : supportRole(c);
  const teaching = !["teaching_assistant", "hlta", "cover_supervisor", "support"].includes(c.role);
  return { ...plan, skillsExperience: teaching ? TEACHER_SKILLS : SUPPORT_SKILLS };
}

/** A title with the words a school adds for the conditions of the post: "Year 4 Teacher (Maternity Cover)". */
export function withConditions(
  title: string,
  row: { contractType?: string; workingPattern?: string; ectSuitable?: boolean },
): string {
  const condition =
    row.contractType === "maternity_cover"
      ? "Maternity Cover"
      : row.contractType === "fixed_term"
        ? "Fixed Term"
        : row.workingPattern === "job_share"
          ? "Job Share"
          : row.workingPattern === "part_time"
            ? "Part-time"
            : row.ectSuitable
              ? "ECTs welcome"
              : null;
  if (!condition) return title;
  return title.endsWith(")") || condition === "ECTs welcome" ? `${title} – ${condition}` : `${title} (${condition})`;
}

/** Senior posts are permanent and full time in the demo; part-time headships are rare enough to mislead. */
export const FLEXIBLE_ROLES = ["classroom_teacher", "head_of_department", "teaching_assistant", "hlta", "support"];
