CREATE TABLE "disclosure_annual_texts" (
	"year" integer NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_annual_texts_year_section_pk" PRIMARY KEY("year","section")
);
--> statement-breakpoint
CREATE TABLE "disclosure_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"body" text NOT NULL,
	"case_no" text,
	"result" text,
	"decided_on" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
-- a withdrawn policy cannot be edited afterwards, so its last update is its withdrawal
UPDATE "policies" SET "withdrawn_at" = "updated_at" WHERE "status" = 'withdrawn';--> statement-breakpoint
ALTER TABLE "disclosure_appeals" ADD CONSTRAINT "disclosure_appeals_request_id_disclosure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_appeals_filed_idx" ON "disclosure_appeals" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "disclosure_appeals_request_idx" ON "disclosure_appeals" USING btree ("request_id");