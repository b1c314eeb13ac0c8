import type { ApplicationProfile, RefereeCopy } from "../vocabulary/applications";

/**
 * What an application keeps of its profile once anonymised: nothing that names or reaches the person (name, contact
 * details, TRN, where they worked or studied, referees, what they wrote, their support needs). Only the categories
 * the figures count remain.
 */
export function anonymisedProfile(profile: ApplicationProfile): ApplicationProfile {
  return {
    name: "",
    email: "",
    phone: "",
    qtsStatus: profile.qtsStatus,
    trn: null,
    qualifications: [],
    employment: [],
    gaps: [],
    referees: [],
    personalStatement: "",
    rightToWork: profile.rightToWork,
    interviewSupport: "",
  };
}

/** A reference's referee once anonymised: who they were is gone; whether they could be asked early stays. */
export function anonymisedReferee(referee: RefereeCopy): RefereeCopy {
  return {
    name: "",
    jobTitle: "",
    organisation: "",
    email: "",
    phone: "",
    relationship: "",
    currentEmployer: referee.currentEmployer,
    contactBeforeInterview: referee.contactBeforeInterview,
  };
}
