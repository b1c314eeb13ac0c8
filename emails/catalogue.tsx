import type { ReactElement } from "react";
import {
  ApplicationUpdate,
  subject as applicationUpdateSubject,
  type ApplicationUpdateProps,
} from "./templates/application-update";
import { AccountExists, subject as accountExistsSubject, type AccountExistsProps } from "./templates/account-exists";
import { EmailChanged, subject as emailChangedSubject, type EmailChangedProps } from "./templates/email-changed";
import {
  AlertNeedsAttention,
  subject as alertNeedsAttentionSubject,
  type AlertNeedsAttentionProps,
} from "./templates/alert-needs-attention";
import {
  EarlyCareerAssignment,
  subject as earlyCareerAssignmentSubject,
  type EarlyCareerAssignmentProps,
} from "./templates/early-career-assignment";
import {
  EctMentorAssigned,
  subject as ectMentorAssignedSubject,
  type EctMentorAssignedProps,
} from "./templates/ect-mentor-assigned";
import { FairBooking, subject as fairBookingSubject, type FairBookingProps } from "./templates/fair-booking";
import { FairFollowUp, subject as fairFollowUpSubject, type FairFollowUpProps } from "./templates/fair-follow-up";
import { FairReminder, subject as fairReminderSubject, type FairReminderProps } from "./templates/fair-reminder";
import {
  FairSlotRemoved,
  subject as fairSlotRemovedSubject,
  type FairSlotRemovedProps,
} from "./templates/fair-slot-removed";
import { JobAlert, subject as jobAlertSubject, type JobAlertProps } from "./templates/job-alert";
import { Invitation, subject as invitationSubject, type InvitationProps } from "./templates/invitation";
import {
  PlacementAgreement,
  subject as placementAgreementSubject,
  type PlacementAgreementProps,
} from "./templates/placement-agreement";
import {
  PlacementUpdate,
  subject as placementUpdateSubject,
  type PlacementUpdateProps,
} from "./templates/placement-update";
import {
  ReferenceRequest,
  subject as referenceRequestSubject,
  type ReferenceRequestProps,
} from "./templates/reference-request";
import {
  SavedJobClosing,
  subject as savedJobClosingSubject,
  type SavedJobClosingProps,
} from "./templates/saved-job-closing";
import {
  ProgrammeSessionChange,
  subject as programmeSessionChangeSubject,
  type ProgrammeSessionChangeProps,
} from "./templates/programme-session-change";
import { PoolUpdate, subject as poolUpdateSubject, type PoolUpdateProps } from "./templates/pool-update";
import {
  ProgrammeSessionReminder,
  subject as programmeSessionReminderSubject,
  type ProgrammeSessionReminderProps,
} from "./templates/programme-session-reminder";
import { ResetPassword, subject as resetSubject, type ResetPasswordProps } from "./templates/reset-password";
import { VacancyShare, subject as vacancyShareSubject, type VacancyShareProps } from "./templates/vacancy-share";
import {
  SecondFactorChanged,
  subject as secondFactorChangedSubject,
  type SecondFactorChangedProps,
} from "./templates/second-factor-changed";
import { PoolMatch, subject as poolMatchSubject, type PoolMatchProps } from "./templates/pool-match";
import { VerifyEmail, subject as verifySubject, type VerifyEmailProps } from "./templates/verify-email";

/** Every mail Staffroom sends, by template name, with the props each needs. */
export type EmailProps = {
  "verify-email": VerifyEmailProps;
  "reset-password": ResetPasswordProps;
  invitation: InvitationProps;
  "account-exists": AccountExistsProps;
  "job-alert": JobAlertProps;
  "alert-needs-attention": AlertNeedsAttentionProps;
  "placement-update": PlacementUpdateProps;
  "placement-agreement": PlacementAgreementProps;
  "vacancy-share": VacancyShareProps;
  "email-changed": EmailChangedProps;
  "second-factor-changed": SecondFactorChangedProps;
  "application-update": ApplicationUpdateProps;
  "reference-request": ReferenceRequestProps;
  "saved-job-closing": SavedJobClosingProps;
  "programme-session-change": ProgrammeSessionChangeProps;
  "programme-session-reminder": ProgrammeSessionReminderProps;
  "early-career-assignment": EarlyCareerAssignmentProps;
  "ect-mentor-assigned": EctMentorAssignedProps;
  "pool-update": PoolUpdateProps;
  "fair-booking": FairBookingProps;
  "fair-slot-removed": FairSlotRemovedProps;
  "fair-reminder": FairReminderProps;
  "fair-follow-up": FairFollowUpProps;
  "pool-match": PoolMatchProps;
};
export type TemplateName = keyof EmailProps;

/**
 * `security`: about signing in and the account itself (confirmations, resets, changes). Security mail is sent even
 * to an address that bounced or complained; everything else is then held back (ADR 0023).
 */
type Entry<P> = { element: (props: P) => ReactElement; subject: (props: P) => string; security?: true };

export const catalogue: { [K in TemplateName]: Entry<EmailProps[K]> } = {
  "application-update": { element: (p) => <ApplicationUpdate {...p} />, subject: applicationUpdateSubject },
  "reference-request": { element: (p) => <ReferenceRequest {...p} />, subject: referenceRequestSubject },
  "saved-job-closing": { element: (p) => <SavedJobClosing {...p} />, subject: savedJobClosingSubject },
  "verify-email": { element: (p) => <VerifyEmail {...p} />, subject: verifySubject, security: true },
  "reset-password": { element: (p) => <ResetPassword {...p} />, subject: resetSubject, security: true },
  invitation: { element: (p) => <Invitation {...p} />, subject: invitationSubject },
  "account-exists": { element: (p) => <AccountExists {...p} />, subject: accountExistsSubject, security: true },
  "job-alert": { element: (p) => <JobAlert {...p} />, subject: jobAlertSubject },
  "alert-needs-attention": { element: (p) => <AlertNeedsAttention {...p} />, subject: alertNeedsAttentionSubject },
  "placement-update": { element: (p) => <PlacementUpdate {...p} />, subject: placementUpdateSubject },
  "placement-agreement": { element: (p) => <PlacementAgreement {...p} />, subject: placementAgreementSubject },
  "programme-session-change": {
    element: (p) => <ProgrammeSessionChange {...p} />,
    subject: programmeSessionChangeSubject,
  },
  "programme-session-reminder": {
    element: (p) => <ProgrammeSessionReminder {...p} />,
    subject: programmeSessionReminderSubject,
  },
  "vacancy-share": { element: (p) => <VacancyShare {...p} />, subject: vacancyShareSubject },
  "early-career-assignment": {
    element: (p) => <EarlyCareerAssignment {...p} />,
    subject: earlyCareerAssignmentSubject,
  },
  "ect-mentor-assigned": { element: (p) => <EctMentorAssigned {...p} />, subject: ectMentorAssignedSubject },
  "pool-update": { element: (p) => <PoolUpdate {...p} />, subject: poolUpdateSubject },
  "fair-booking": { element: (p) => <FairBooking {...p} />, subject: fairBookingSubject },
  "fair-slot-removed": { element: (p) => <FairSlotRemoved {...p} />, subject: fairSlotRemovedSubject },
  "fair-reminder": { element: (p) => <FairReminder {...p} />, subject: fairReminderSubject },
  "fair-follow-up": { element: (p) => <FairFollowUp {...p} />, subject: fairFollowUpSubject },
  "pool-match": { element: (p) => <PoolMatch {...p} />, subject: poolMatchSubject },
  "email-changed": { element: (p) => <EmailChanged {...p} />, subject: emailChangedSubject, security: true },
  "second-factor-changed": {
    element: (p) => <SecondFactorChanged {...p} />,
    subject: secondFactorChangedSubject,
    security: true,
  },
};

/** Whether a stored mail's template is security mail (unknown names are not). */
export function isSecurityMail(template: string): boolean {
  return Object.hasOwn(catalogue, template) && catalogue[template as TemplateName].security === true;
}
