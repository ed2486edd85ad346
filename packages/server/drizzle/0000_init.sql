CREATE TABLE "appointment_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"start_time" text,
	"end_time" text,
	"slot_minutes" integer,
	"capacity" integer,
	"extended" boolean,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"day_rule" text NOT NULL,
	"weekdays" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"location" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_services_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"extended" boolean NOT NULL,
	"closed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"extended" boolean NOT NULL,
	"enterprise_id" uuid,
	"citizen_user_id" uuid,
	"applicant_key" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"matter" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_by" uuid,
	"served_by" uuid,
	"arrived_at" timestamp with time zone,
	"served_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_roles" text[] NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clock_id" uuid NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clock_alerts_clock_state_uq" UNIQUE("clock_id","state")
);
--> statement-breakpoint
CREATE TABLE "clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"profile_key" text NOT NULL,
	"rule_version" integer NOT NULL,
	"profile" jsonb NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"start" timestamp with time zone NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"binds" text DEFAULT 'bureau' NOT NULL,
	"lapsed" boolean DEFAULT false NOT NULL,
	"assignee_user_id" uuid,
	"assignee_role" text,
	"enterprise_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"uscc" text NOT NULL,
	"uscc_valid" boolean NOT NULL,
	"uscc_override_reason" text,
	"legal_representative" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text NOT NULL,
	"town_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"status" text DEFAULT 'operating' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"credit_grade" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"user_id" uuid,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 6 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" text,
	"webhook_url" text,
	"webhook_secret" text,
	"wechat_openid" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"public" boolean DEFAULT true NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "petition_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"petitioner_name" text NOT NULL,
	"petitioner_phone" text NOT NULL,
	"petitioner_address" text,
	"citizen_user_id" uuid,
	"enterprise_id" uuid,
	"referred_by" text,
	"source_concern_id" uuid,
	"status" text DEFAULT 'registered' NOT NULL,
	"key_case" boolean DEFAULT false NOT NULL,
	"key_case_reason" text,
	"assignee_user_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"acceptance_due_date" date,
	"resolution_due_date" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"replied_at" timestamp with time zone,
	"closed_on_time" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "project_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"date" date NOT NULL,
	"channel" text NOT NULL,
	"note" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracked_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"investment" double precision NOT NULL,
	"town_code" text NOT NULL,
	"officer_user_id" uuid,
	"officer_name" text NOT NULL,
	"milestones" jsonb NOT NULL,
	"next_action" text,
	"next_action_date" date,
	"clock_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "rating_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"assignee_user_id" uuid,
	"contact_due_date" date NOT NULL,
	"rectify_due_date" date NOT NULL,
	"contact_clock_id" uuid,
	"rectify_clock_id" uuid,
	"contacted_at" timestamp with time zone,
	"contact_note" text,
	"rectified_at" timestamp with time zone,
	"rectify_note" text,
	"appeal_state" text DEFAULT 'none' NOT NULL,
	"appeal_reason" text,
	"appealed_at" timestamp with time zone,
	"appeal_decision_note" text,
	"appeal_decided_by" uuid,
	"appeal_decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_rectifications_rating_id_unique" UNIQUE("rating_id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"event_id" uuid NOT NULL,
	"label" text NOT NULL,
	"level" smallint NOT NULL,
	"indicators" jsonb NOT NULL,
	"comment" text,
	"rater_kind" text NOT NULL,
	"rater_user_id" uuid,
	"enterprise_id" uuid,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"booking_id" uuid,
	"person_name" text NOT NULL,
	"phone" text,
	"walk_in" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reception_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"citizen_name" text,
	"citizen_phone" text,
	"citizen_user_id" uuid,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"people_count" integer NOT NULL,
	"contact_phone" text,
	"concern" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reception_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"raised_by" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"answer" text,
	"accepted" boolean,
	"answered_at" timestamp with time zone,
	"follow_up_user_id" uuid,
	"follow_up_name" text,
	"due_date" date,
	"clock_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"petition_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"case_title" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"leader_name" text NOT NULL,
	"leader_user_id" uuid,
	"sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"location" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "reception_sessions_kind_date_uq" UNIQUE("kind","date")
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_key" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_versions_key_version_uq" UNIQUE("rule_key","version")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"key" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"interval_ms" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"last_run_at" timestamp with time zone,
	"runs" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_jobs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"enterprise_id" uuid,
	"phone" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_enterprises" (
	"visit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"solved" text,
	CONSTRAINT "visit_enterprises_visit_id_enterprise_id_pk" PRIMARY KEY("visit_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "visit_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"action" text NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"campaign_id" uuid,
	"staff" jsonb NOT NULL,
	"led_by_leader" boolean DEFAULT false NOT NULL,
	"purposes" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "appointment_exceptions" ADD CONSTRAINT "appointment_exceptions_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_plans" ADD CONSTRAINT "appointment_plans_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_citizen_user_id_users_id_fk" FOREIGN KEY ("citizen_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_clock_id_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_letters" ADD CONSTRAINT "petition_letters_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_citizen_user_id_users_id_fk" FOREIGN KEY ("citizen_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contacts" ADD CONSTRAINT "project_contacts_project_id_tracked_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."tracked_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_projects" ADD CONSTRAINT "tracked_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD CONSTRAINT "rating_rectifications_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD CONSTRAINT "rating_rectifications_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_user_id_users_id_fk" FOREIGN KEY ("rater_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attendances" ADD CONSTRAINT "reception_attendances_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attendances" ADD CONSTRAINT "reception_attendances_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attendances" ADD CONSTRAINT "reception_attendances_booking_id_reception_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."reception_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_concerns" ADD CONSTRAINT "reception_concerns_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_concerns" ADD CONSTRAINT "reception_concerns_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_versions" ADD CONSTRAINT "rule_versions_rule_key_rules_key_fk" FOREIGN KEY ("rule_key") REFERENCES "public"."rules"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD CONSTRAINT "visit_attachments_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD CONSTRAINT "visit_enterprises_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD CONSTRAINT "visit_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_follow_ups" ADD CONSTRAINT "visit_follow_ups_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_follow_ups" ADD CONSTRAINT "visit_follow_ups_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_exceptions_service_idx" ON "appointment_exceptions" USING btree ("service_id","date");--> statement-breakpoint
CREATE INDEX "appointment_plans_service_idx" ON "appointment_plans" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_unique" ON "appointment_slots" USING btree ("service_id","date","start_time");--> statement-breakpoint
CREATE INDEX "appointment_slots_date_idx" ON "appointment_slots" USING btree ("date");--> statement-breakpoint
CREATE INDEX "appointments_date_idx" ON "appointments" USING btree ("date");--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "appointments_enterprise_idx" ON "appointments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_open" ON "appointments" USING btree ("service_id","applicant_key") WHERE status in ('booked', 'arrived');--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_entries" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE INDEX "clocks_owner_idx" ON "clocks" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "clocks_open_idx" ON "clocks" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "clocks_assignee_idx" ON "clocks" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "enterprises_town_idx" ON "enterprises" USING btree ("town_code");--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_created_idx" ON "deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_letters_petition_idx" ON "petition_letters" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petitions_status_idx" ON "petitions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "petitions_replied_idx" ON "petitions" USING btree ("replied_at");--> statement-breakpoint
CREATE INDEX "project_contacts_project_idx" ON "project_contacts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "tracked_projects_enterprise_idx" ON "tracked_projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "tracked_projects_next_idx" ON "tracked_projects" USING btree ("next_action_date");--> statement-breakpoint
CREATE INDEX "rating_rectifications_state_idx" ON "rating_rectifications" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_one_per_event" ON "ratings" USING btree ("event_type","event_id");--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "ratings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reception_attendances_session_idx" ON "reception_attendances" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "reception_attendances_enterprise_idx" ON "reception_attendances" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "reception_bookings_session_idx" ON "reception_bookings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "reception_bookings_enterprise_idx" ON "reception_bookings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "reception_concerns_session_idx" ON "reception_concerns" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "reception_concerns_enterprise_idx" ON "reception_concerns" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "reception_concerns_status_idx" ON "reception_concerns" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reception_sessions_date_idx" ON "reception_sessions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "rule_versions_key_idx" ON "rule_versions" USING btree ("rule_key");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_enterprise_idx" ON "users" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "campaigns_start_idx" ON "campaigns" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "visit_attachments_visit_idx" ON "visit_attachments" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_enterprises_enterprise_idx" ON "visit_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "visit_follow_ups_visit_idx" ON "visit_follow_ups" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_date_idx" ON "visits" USING btree ("date");--> statement-breakpoint
CREATE INDEX "visits_campaign_idx" ON "visits" USING btree ("campaign_id");