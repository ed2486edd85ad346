ALTER TABLE "alarm_events" ADD COLUMN "note_en" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "detail_en" text;