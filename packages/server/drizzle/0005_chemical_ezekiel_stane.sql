CREATE TABLE "matter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_code" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matter_versions_code_version_uq" UNIQUE("matter_code","version")
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"deciding_authority" text NOT NULL,
	"current_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matter_versions" ADD CONSTRAINT "matter_versions_matter_code_matters_code_fk" FOREIGN KEY ("matter_code") REFERENCES "public"."matters"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_versions_code_idx" ON "matter_versions" USING btree ("matter_code");