/** The statement every advert carries (Keeping Children Safe in Education). */
export const SAFEGUARDING_STATEMENT =
  "We are committed to safeguarding and promoting the welfare of children and young people and expect all staff " +
  "and volunteers to share this commitment. This post is subject to an enhanced Disclosure and Barring Service (DBS) " +
  "check, satisfactory references and the other pre-employment checks set out in Keeping Children Safe in Education.";
