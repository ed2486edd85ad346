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
ALTER TABLE "monitoring_factors" ADD CONSTRAINT "monitoring_factors_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_frames" ADD CONSTRAINT "monitoring_frames_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_stations" ADD CONSTRAINT "monitoring_stations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_frames_mn_qn_uq" ON "monitoring_frames" USING btree ("mn","qn") WHERE "monitoring_frames"."qn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_frames_mn_cn_time_uq" ON "monitoring_frames" USING btree ("mn","cn","data_time") WHERE "monitoring_frames"."qn" is null;--> statement-breakpoint
CREATE INDEX "monitoring_frames_station_idx" ON "monitoring_frames" USING btree ("station_id","received_at");--> statement-breakpoint
CREATE INDEX "monitoring_frames_received_idx" ON "monitoring_frames" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_quarantine_mn_uq" ON "monitoring_quarantine" USING btree ("mn");--> statement-breakpoint
CREATE INDEX "monitoring_quarantine_state_idx" ON "monitoring_quarantine" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_stations_mn_uq" ON "monitoring_stations" USING btree ("mn");--> statement-breakpoint
CREATE INDEX "monitoring_stations_enterprise_idx" ON "monitoring_stations" USING btree ("enterprise_id");