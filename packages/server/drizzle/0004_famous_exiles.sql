ALTER TABLE "visit_attachments" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD COLUMN "findings" text;--> statement-breakpoint
ALTER TABLE "visit_follow_ups" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "internal_note" text;--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD CONSTRAINT "visit_attachments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;