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
ALTER TABLE "petitions" ADD COLUMN "extension_request" jsonb;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "other_procedure" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_reviews_petition_idx" ON "petition_reviews" USING btree ("petition_id");