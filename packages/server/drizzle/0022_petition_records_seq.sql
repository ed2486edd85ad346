ALTER TABLE "petition_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_letters" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD COLUMN "seq" bigserial NOT NULL;