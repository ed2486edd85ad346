CREATE TABLE "database_identity" (
	"single_row" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "database_identity_single_row" CHECK ("database_identity"."single_row")
);
--> statement-breakpoint
-- the database's own random id, given once by this migration (monitoring/journal-identity.ts)
INSERT INTO "database_identity" ("single_row") VALUES (true);
