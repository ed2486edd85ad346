ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reviewing_body" text;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reference_no" text;