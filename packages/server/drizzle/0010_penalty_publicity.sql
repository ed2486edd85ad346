ALTER TABLE "enforcement_cases" ADD COLUMN "facts" text;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "legal_basis" text;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "penalty_content" text;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
CREATE INDEX "enforcement_cases_decided_idx" ON "enforcement_cases" USING btree ("decided_on");