ALTER TABLE "reception_attendances" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD COLUMN "seq" bigserial NOT NULL;