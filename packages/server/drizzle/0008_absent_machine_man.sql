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
ALTER TABLE "eia_cases" ADD COLUMN "classification" jsonb;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_suggested_enterprise_id_enterprises_id_fk" FOREIGN KEY ("suggested_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_points" ADD CONSTRAINT "video_points_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rule_states" ADD CONSTRAINT "monitoring_rule_states_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clues_status_idx" ON "clues" USING btree ("status");--> statement-breakpoint
CREATE INDEX "clues_enterprise_idx" ON "clues" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "clues_created_idx" ON "clues" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "credit_records_enterprise_idx" ON "credit_records" USING btree ("enterprise_id","rated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_application_uq" ON "eia_cases" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eia_cases_document_no_uq" ON "eia_cases" USING btree ("document_no") WHERE "eia_cases"."path" <> 'report-book';