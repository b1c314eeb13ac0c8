import type { ReactElement } from "react";
import { AccountExists, subject as accountExistsSubject, type AccountExistsProps } from "./templates/account-exists";
import { EmailChanged, subject as emailChangedSubject, type EmailChangedProps } from "./templates/email-changed";
import {
  AlertNeedsAttention,
  subject as alertNeedsAttentionSubject,
  type AlertNeedsAttentionProps,
} from "./templates/alert-needs-attention";
import { JobAlert, subject as jobAlertSubject, type JobAlertProps } from "./templates/job-alert";
import { Invitation, subject as invitationSubject, type InvitationProps } from "./templates/invitation";
import {
  PlacementUpdate,
  subject as placementUpdateSubject,
  type PlacementUpdateProps,
} from "./templates/placement-update";
import { ResetPassword, subject as resetSubject, type ResetPasswordProps } from "./templates/reset-password";
import { VacancyShare, subject as vacancyShareSubject, type VacancyShareProps } from "./templates/vacancy-share";
import {
  SecondFactorChanged,
  subject as secondFactorChangedSubject,
  type SecondFactorChangedProps,
} from "./templates/second-factor-changed";
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
  "vacancy-share": VacancyShareProps;
  "email-changed": EmailChangedProps;
  "second-factor-changed": SecondFactorChangedProps;
};
export type TemplateName = keyof EmailProps;

type Entry<P> = { element: (props: P) => ReactElement; subject: (props: P) => string };

export const catalogue: { [K in TemplateName]: Entry<EmailProps[K]> } = {
  "verify-email": { element: (p) => <VerifyEmail {...p} />, subject: verifySubject },
  "reset-password": { element: (p) => <ResetPassword {...p} />, subject: resetSubject },
  invitation: { element: (p) => <Invitation {...p} />, subject: invitationSubject },
  "account-exists": { element: (p) => <AccountExists {...p} />, subject: accountExistsSubject },
  "job-alert": { element: (p) => <JobAlert {...p} />, subject: jobAlertSubject },
  "alert-needs-attention": { element: (p) => <AlertNeedsAttention {...p} />, subject: alertNeedsAttentionSubject },
  "placement-update": { element: (p) => <PlacementUpdate {...p} />, subject: placementUpdateSubject },
  "vacancy-share": { element: (p) => <VacancyShare {...p} />, subject: vacancyShareSubject },
  "email-changed": { element: (p) => <EmailChanged {...p} />, subject: emailChangedSubject },
  "second-factor-changed": { element: (p) => <SecondFactorChanged {...p} />, subject: secondFactorChangedSubject },
};
