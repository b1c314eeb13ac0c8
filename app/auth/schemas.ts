import { z } from "../forms/zod";

// Names: letters in any script, spaces, hyphens, apostrophes and dots ("Siân O'Brien-Smith").
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

export const emailField = z
  .string({ error: "Enter your e-mail address" })
  .trim()
  .min(1, "Enter your e-mail address")
  .max(254, "An e-mail address is at most 254 characters")
  .pipe(z.email({ error: "Enter an e-mail address in the right format, like name@example.com" }))
  .transform((v) => v.toLowerCase());

export const newPasswordField = z
  .string({ error: "Enter a password" })
  .min(10, "Your password must be at least 10 characters")
  .max(1000, "Your password must be at most 1,000 characters");

export const nameField = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Your name must be at most 100 characters")
  .regex(NAME_PATTERN, "Your name can only contain letters, spaces, hyphens, apostrophes and full stops");

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
  redirectTo: z.string().max(2000).optional(),
});

export const signInSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1000, "That password is too long"),
  redirectTo: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordField,
});

const currentPasswordField = z
  .string({ error: "Enter your current password" })
  .min(1, "Enter your current password")
  .max(1000, "That password is too long");

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordField,
    newPassword: newPasswordField,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Your new password must be different from your current one",
  });

export const tokenSchema = z.object({ token: z.string().min(10).max(200) });

export const changeEmailSchema = z.object({ email: emailField, currentPassword: currentPasswordField });

/** Deleting an account asks for the password again: an open session alone must not be enough to erase someone. */
export const deleteAccountSchema = z.object({ currentPassword: currentPasswordField });

/** The second step of signing in: a code from the app or a recovery code, typed with or without spaces. */
export const secondFactorCodeSchema = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app, or a recovery code" })
    .trim()
    .min(1, "Enter the code from your authenticator app, or a recovery code")
    .max(40, "A code is at most 40 characters"),
  redirectTo: z.string().max(2000).optional(),
});

/** Confirming a set-up: the app's current 6-digit code (spaces allowed, as some apps show "123 456"). */
export const confirmSecondFactorSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code your app shows" })
    .transform((v) => v.replace(/[\s-]+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your app shows, like 123456")),
  redirectTo: z.string().max(2000).optional(),
});

export const manageSecondFactorSchema = z.object({
  intent: z.enum(["regenerate", "replace", "turn-off"], { error: "Choose what you want to do" }),
  currentPassword: currentPasswordField,
});
