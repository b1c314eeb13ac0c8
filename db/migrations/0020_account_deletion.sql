ALTER TABLE "invitations" DROP CONSTRAINT "invitations_accepted_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "vacancies" DROP CONSTRAINT "vacancies_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "vacancy_events" DROP CONSTRAINT "vacancy_events_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" DROP CONSTRAINT "vacancy_share_confirmations_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" DROP CONSTRAINT "vacancy_share_confirmations_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;