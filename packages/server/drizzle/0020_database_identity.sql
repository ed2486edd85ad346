CREATE TABLE "database_identity" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "database_identity_one_row" CHECK ("database_identity"."one")
);
--> statement-breakpoint
-- the database's own random id, given once by this migration (journal-identity.ts)
INSERT INTO "database_identity" ("one") VALUES (true);
