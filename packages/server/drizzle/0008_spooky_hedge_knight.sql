CREATE TABLE "clue_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"batch_name" text NOT NULL,
	"features" integer NOT NULL,
	"imported_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"source_index" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"evidence" jsonb NOT NULL,
	"suggested_enterprise_id" uuid,
	"suggested_distance_m" integer,
	"enterprise_id" uuid,
	"match_confirmed_at" timestamp with time zone,
	"match_confirmed_by_name" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"verified_at" timestamp with time zone,
	"verified_by_name" text,
	"closed_on_time" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clues_source_uq" UNIQUE("source","source_ref","source_index")
);
--> statement-breakpoint
CREATE TABLE "video_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"snapshot_url" text NOT NULL,
	"enterprise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"basis" text NOT NULL,
	"rated_on" date NOT NULL,
	"valid_until" date,
	"recorded_by_name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_rule_states" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"rule_state" jsonb NOT NULL,
	"last_reading_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_report_draft_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"note" text,
	"saved_by" uuid,
	"saved_by_name" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_report_draft_versions_uq" UNIQUE("draft_id","version")
);
--> statement-breakpoint
CREATE TABLE "period_report_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_report_mailings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"recipients" integer NOT NULL,
	"audit_head_seq" bigint NOT NULL,
	"audit_head_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_report_mailings_month_uq" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"stage" text NOT NULL,
	"stages" jsonb NOT NULL,
	"decision_number" text,
	"penalty_amount" numeric(12, 2),
	"decided_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_cases_finding_uq" UNIQUE("finding_id"),
	CONSTRAINT "enforcement_cases_decision_number_uq" UNIQUE("decision_number")
);
--> statement-breakpoint
CREATE TABLE "inspection_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"answer_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"item_key" text,
	"requirement" text
);
--> statement-breakpoint
CREATE TABLE "rectification_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"text" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_name" text NOT NULL,
	"verdict" text,
	"reason" text,
	"verified_by_name" text,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"requirement" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"clock_id" uuid NOT NULL,
	"on_time" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_orders_finding_id_unique" UNIQUE("finding_id")
);
--> statement-breakpoint
CREATE TABLE "site_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"draw_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector_names" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"place" text DEFAULT '' NOT NULL,
	"off_site_source" text,
	"alarm_id" uuid,
	"source_ref" text DEFAULT '' NOT NULL,
	"checklist" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"signer_name" text,
	"refusal_reason" text,
	"witness" text,
	"officer_id" uuid,
	"officer_name" text NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eia_cases" ADD COLUMN "classification" jsonb;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_suggested_enterprise_id_enterprises_id_fk" FOREIGN KEY ("suggested_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_points" ADD CONSTRAINT "video_points_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rule_states" ADD CONSTRAINT "monitoring_rule_states_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_report_draft_versions" ADD CONSTRAINT "period_report_draft_versions_draft_id_period_report_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."period_report_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_files" ADD CONSTRAINT "inspection_files_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_site_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."site_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_answers" ADD CONSTRAINT "rectification_answers_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_inspection_id_site_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."site_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_inspections" ADD CONSTRAINT "site_inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_inspections" ADD CONSTRAINT "site_inspections_draw_id_inspection_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."inspection_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clues_status_idx" ON "clues" USING btree ("status");--> statement-breakpoint
CREATE INDEX "clues_enterprise_idx" ON "clues" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "clues_created_idx" ON "clues" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "credit_records_enterprise_idx" ON "credit_records" USING btree ("enterprise_id","rated_on");--> statement-breakpoint
CREATE INDEX "period_report_drafts_period_idx" ON "period_report_drafts" USING btree ("period_from","period_to");--> statement-breakpoint
CREATE INDEX "period_report_drafts_updated_idx" ON "period_report_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "enforcement_cases_enterprise_idx" ON "enforcement_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "inspection_files_owner_idx" ON "inspection_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "rectification_answers_order_idx" ON "rectification_answers" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "rectification_orders_enterprise_idx" ON "rectification_orders" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "rectification_orders_status_idx" ON "rectification_orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "site_inspections_enterprise_idx" ON "site_inspections" USING btree ("enterprise_id","inspected_on");--> statement-breakpoint
CREATE INDEX "site_inspections_draw_idx" ON "site_inspections" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "site_inspections_inspected_idx" ON "site_inspections" USING btree ("inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_application_uq" ON "eia_cases" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_document_no_uq" ON "eia_cases" USING btree ("document_no") WHERE "eia_cases"."path" <> 'report-book';