DROP INDEX "monitoring_frames_mn_qn_uq";--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "recurrence_of" uuid;--> statement-breakpoint
ALTER TABLE "monitoring_stations" ADD COLUMN "outlet_location" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_recurrence_of_alarms_id_fk" FOREIGN KEY ("recurrence_of") REFERENCES "public"."alarms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_frames_mn_qn_uq" ON "monitoring_frames" USING btree ("mn","qn",coalesce("cn", ''),coalesce("data_time", 'epoch'::timestamptz)) WHERE "monitoring_frames"."qn" is not null;