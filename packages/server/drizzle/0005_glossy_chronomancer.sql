CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"location" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"subject_enterprise_id" uuid,
	"status" text DEFAULT 'registered' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_request" jsonb,
	"decision_note" text,
	"transferred_to" text,
	"replied_at" timestamp with time zone,
	"closed_on_time" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_subject_enterprise_id_enterprises_id_fk" FOREIGN KEY ("subject_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");