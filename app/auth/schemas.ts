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

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1000),
    newPassword: newPasswordField,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Your new password must be different from your current one",
  });

export const tokenSchema = z.object({ token: z.string().min(10).max(200) });
