CREATE TABLE "petition_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"requested_on" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"window_due_date" date,
	"transmitted_at" timestamp with time zone,
	"deciding_body" text,
	"reference_no" text,
	"outcome" text,
	"received_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "petitions" ADD COLUMN "extension_request" jsonb;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "other_procedure" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reviewing_body" text;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reference_no" text;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_subject_enterprise_id_enterprises_id_fk" FOREIGN KEY ("subject_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_reviews_petition_idx" ON "petition_reviews" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");