-- Written by hand: the readings tables are partitioned (0007), which drizzle-kit cannot express, so
-- it does not know them. Their station_id is no foreign key any more: the check cost ingest a
-- lookup and a row lock per reading (about a third of the readings insert, bench:ingest-profile),
-- while the writer only stores readings of a station row it holds locked (modules/monitoring/
-- ingest.ts), and no station is ever deleted. Whoever adds deleting a station deletes its frames
-- and readings in the same transaction.
ALTER TABLE "monitoring_readings" DROP CONSTRAINT IF EXISTS "monitoring_readings_station_id_fkey";
--> statement-breakpoint
ALTER TABLE "monitoring_readings_long" DROP CONSTRAINT IF EXISTS "monitoring_readings_long_station_id_fkey";
