CREATE TABLE "alarm_attachments" (
	"alarm_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"alarm_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_name" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"source_name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"detail" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer_reason" text,
	"answer_action" text,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_by_name" text,
	"outcome" text,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"item" integer NOT NULL,
	"item_name" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"matter_code" text NOT NULL,
	"matter_version" integer NOT NULL,
	"matter_name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_name" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"channel" text NOT NULL,
	"assisted" boolean DEFAULT false NOT NULL,
	"authorisation" text,
	"assisted_by" uuid,
	"assisted_by_name" text,
	"status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"notice_issued_at" timestamp with time zone,
	"notice_missing" jsonb,
	"notice_note" text,
	"accepted_at" timestamp with time zone,
	"acceptance_kind" text,
	"deferred_promise" text,
	"deferred_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_number" text,
	"decided_at" timestamp with time zone,
	"decision_reasons" text,
	"decided_on_time" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_code_uq" UNIQUE("code"),
	CONSTRAINT "applications_decision_number_uq" UNIQUE("decision_number")
);
--> statement-breakpoint
CREATE TABLE "disclosure_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"public" boolean DEFAULT true NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_no" text NOT NULL,
	"phone" text NOT NULL,
	"address" text,
	"email" text,
	"description" text NOT NULL,
	"delivery" text NOT NULL,
	"enterprise_id" uuid,
	"citizen_user_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_date" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_request" jsonb,
	"consulting" text,
	"outcome" text,
	"clause" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_on_time" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disclosure_requests_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "eia_catalogue_editions" (
	"version" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"effective_from" date NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eia_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"path" text NOT NULL,
	"state" text NOT NULL,
	"project_name" text NOT NULL,
	"project_address" text NOT NULL,
	"construction_type" text NOT NULL,
	"industry_code" text NOT NULL,
	"category" text NOT NULL,
	"catalogue_row" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"in_sensitive_area" boolean DEFAULT false NOT NULL,
	"electroplating" boolean DEFAULT false NOT NULL,
	"national_security" boolean DEFAULT false NOT NULL,
	"commitment_text" text,
	"commitment_signed_at" timestamp with time zone,
	"accepted_on" date NOT NULL,
	"publicity_clock_id" uuid,
	"decided_on" date,
	"decided_by_name" text,
	"document_no" text,
	"decision_reason" text,
	"exemption_list" text,
	"exemption_entry" text,
	"receipt_no" text,
	"verification_clock_id" uuid,
	"verification_result" text,
	"verification_note" text,
	"verified_on" date,
	"revocation_reason" text,
	"credit_consequence" text,
	"application_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eia_cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "eia_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"content" text NOT NULL,
	"citizen_user_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "electricity_meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"rated_kw" double precision NOT NULL,
	"serves_meter_id" uuid,
	"thresholds" jsonb,
	"last_seen_at" timestamp with time zone,
	"last_kw" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "electricity_readings" (
	"meter_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kw" double precision NOT NULL,
	"kwh" double precision,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "electricity_readings_pk" PRIMARY KEY("meter_id","at")
);
--> statement-breakpoint
CREATE TABLE "restriction_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"max_load_percent" double precision,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"document_no" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"inputs_hash" text NOT NULL,
	"objects_version" integer NOT NULL,
	"inspectors_version" integer NOT NULL,
	"targets" jsonb NOT NULL,
	"team" jsonb NOT NULL,
	"status" text DEFAULT 'drawn' NOT NULL,
	"drawn_by" uuid,
	"drawn_by_name" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"publish_due_on" date,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_library_versions" (
	"kind" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"class" text NOT NULL,
	"basis" text NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_objects_enterprise_id_unique" UNIQUE("enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"quarter" integer,
	"ratios" jsonb NOT NULL,
	"inspectors_per_target" integer NOT NULL,
	"avoid_own_town" integer NOT NULL,
	"listed_weight" double precision NOT NULL,
	"rule_versions" jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"outcome" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_results_draw_enterprise_uq" UNIQUE("draw_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"town_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_factors" (
	"station_id" uuid NOT NULL,
	"code" text NOT NULL,
	"upper_limit" double precision,
	"lower_limit" double precision,
	"unit" text,
	"standard" text,
	"range_max" double precision,
	CONSTRAINT "monitoring_factors_pk" PRIMARY KEY("station_id","code")
);
--> statement-breakpoint
CREATE TABLE "monitoring_frames" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" uuid,
	"mn" text NOT NULL,
	"qn" text,
	"cn" text,
	"data_time" timestamp with time zone,
	"raw" text NOT NULL,
	"crc_valid" boolean NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remote_address" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_quarantine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mn" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"frame_count" integer DEFAULT 0 NOT NULL,
	"last_raw" text NOT NULL,
	"last_cn" text,
	"last_st" text,
	"remote_address" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mn" text NOT NULL,
	"password" text NOT NULL,
	"edition" text NOT NULL,
	"outlet_kind" text NOT NULL,
	"outlet_code" text,
	"outlet_name" text,
	"rtd_interval_seconds" integer NOT NULL,
	"min_interval_minutes" integer NOT NULL,
	"crc_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_frame_at" timestamp with time zone,
	"last_data_time" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"permit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"window_start" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"submitted_on" date,
	"reference" text,
	"note" text,
	"submitted_by_name" text,
	"clock_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_obligations_period_uq" UNIQUE("permit_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "permit_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"stage" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_reminders_once_uq" UNIQUE("obligation_id","due_date","stage")
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"permit_class" text NOT NULL,
	"pw_item" text NOT NULL,
	"status" text NOT NULL,
	"permit_number" text,
	"platform_ref" text,
	"issued_by" text NOT NULL,
	"issued_on" date,
	"valid_from" date,
	"valid_to" date,
	"officer_user_id" uuid,
	"officer_name" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"issuer" text NOT NULL,
	"document_no" text,
	"industries" jsonb NOT NULL,
	"towns" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"for_citizens" boolean DEFAULT false NOT NULL,
	"qa_open" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"notification_id" uuid,
	"reason" text NOT NULL,
	"pushed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "policy_pushes_policy_user_uq" UNIQUE("policy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"asked_by" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_subscriptions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"industries" jsonb NOT NULL,
	"towns" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"kinds" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positive_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"decided_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"checks" jsonb NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"removed_at" timestamp with time zone,
	"removal_reason" text,
	"removed_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positive_list_removal_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positive_list_proposal_source_uq" UNIQUE("entry_id","source_type","source_id")
);
--> statement-breakpoint
ALTER TABLE "alarm_attachments" ADD CONSTRAINT "alarm_attachments_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_events" ADD CONSTRAINT "alarm_events_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_visits" ADD CONSTRAINT "application_visits_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_events" ADD CONSTRAINT "disclosure_events_request_id_disclosure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_citizen_user_id_users_id_fk" FOREIGN KEY ("citizen_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_cases" ADD CONSTRAINT "eia_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_objections" ADD CONSTRAINT "eia_objections_case_id_eia_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."eia_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electricity_meters" ADD CONSTRAINT "electricity_meters_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electricity_readings" ADD CONSTRAINT "electricity_readings_meter_id_electricity_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."electricity_meters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restriction_orders" ADD CONSTRAINT "restriction_orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restriction_orders" ADD CONSTRAINT "restriction_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD CONSTRAINT "inspection_draws_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_objects" ADD CONSTRAINT "inspection_objects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_factors" ADD CONSTRAINT "monitoring_factors_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_frames" ADD CONSTRAINT "monitoring_frames_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_stations" ADD CONSTRAINT "monitoring_stations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_obligations" ADD CONSTRAINT "permit_obligations_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_reminders" ADD CONSTRAINT "permit_reminders_obligation_id_permit_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."permit_obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_attachments" ADD CONSTRAINT "policy_attachments_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_subscriptions" ADD CONSTRAINT "policy_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_entries" ADD CONSTRAINT "positive_list_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positive_list_removal_proposals" ADD CONSTRAINT "positive_list_removal_proposals_entry_id_positive_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."positive_list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_events_alarm_idx" ON "alarm_events" USING btree ("alarm_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_one_active_uq" ON "alarms" USING btree ("source_kind","source_id","kind") WHERE state = 'active';--> statement-breakpoint
CREATE INDEX "alarms_source_idx" ON "alarms" USING btree ("source_kind","source_id","raised_at");--> statement-breakpoint
CREATE INDEX "alarms_enterprise_idx" ON "alarms" USING btree ("enterprise_id","raised_at");--> statement-breakpoint
CREATE INDEX "alarms_raised_idx" ON "alarms" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "alarms_unanswered_idx" ON "alarms" USING btree ("raised_at") WHERE answered_at is null and escalated_at is null and state <> 'closed';--> statement-breakpoint
CREATE INDEX "application_materials_app_idx" ON "application_materials" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_visits_app_idx" ON "application_visits" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "applications_enterprise_idx" ON "applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "applications_decided_idx" ON "applications" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "disclosure_events_request_idx" ON "disclosure_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "disclosure_requests_status_idx" ON "disclosure_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "disclosure_requests_received_idx" ON "disclosure_requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "disclosure_requests_answered_idx" ON "disclosure_requests" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "eia_cases_enterprise_idx" ON "eia_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "eia_cases_path_decided_idx" ON "eia_cases" USING btree ("path","decided_on");--> statement-breakpoint
CREATE INDEX "eia_cases_state_idx" ON "eia_cases" USING btree ("state");--> statement-breakpoint
CREATE INDEX "eia_objections_case_idx" ON "eia_objections" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "electricity_meters_code_uq" ON "electricity_meters" USING btree ("code");--> statement-breakpoint
CREATE INDEX "electricity_meters_enterprise_idx" ON "electricity_meters" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "restriction_orders_enterprise_idx" ON "restriction_orders" USING btree ("enterprise_id","starts_at");--> statement-breakpoint
CREATE INDEX "inspection_draws_plan_idx" ON "inspection_draws" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_objects_class_idx" ON "inspection_objects" USING btree ("class");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_frames_mn_qn_uq" ON "monitoring_frames" USING btree ("mn","qn") WHERE "monitoring_frames"."qn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_frames_mn_cn_time_uq" ON "monitoring_frames" USING btree ("mn","cn","data_time") WHERE "monitoring_frames"."qn" is null;--> statement-breakpoint
CREATE INDEX "monitoring_frames_station_idx" ON "monitoring_frames" USING btree ("station_id","received_at");--> statement-breakpoint
CREATE INDEX "monitoring_frames_received_idx" ON "monitoring_frames" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_quarantine_mn_uq" ON "monitoring_quarantine" USING btree ("mn");--> statement-breakpoint
CREATE INDEX "monitoring_quarantine_state_idx" ON "monitoring_quarantine" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_stations_mn_uq" ON "monitoring_stations" USING btree ("mn");--> statement-breakpoint
CREATE INDEX "monitoring_stations_enterprise_idx" ON "monitoring_stations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "permit_obligations_due_idx" ON "permit_obligations" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "permit_obligations_enterprise_idx" ON "permit_obligations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "permits_enterprise_idx" ON "permits" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "permits_valid_to_idx" ON "permits" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "policies_status_published_idx" ON "policies" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "policy_attachments_policy_idx" ON "policy_attachments" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "policy_pushes_user_idx" ON "policy_pushes" USING btree ("user_id","pushed_at");--> statement-breakpoint
CREATE INDEX "policy_pushes_enterprise_idx" ON "policy_pushes" USING btree ("policy_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_questions_policy_idx" ON "policy_questions" USING btree ("policy_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "positive_list_one_listed" ON "positive_list_entries" USING btree ("enterprise_id") WHERE status = 'listed';--> statement-breakpoint
CREATE INDEX "positive_list_decided_idx" ON "positive_list_entries" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "positive_list_proposal_status_idx" ON "positive_list_removal_proposals" USING btree ("status");