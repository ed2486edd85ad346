ALTER TABLE "monitoring_frames" DROP CONSTRAINT "monitoring_frames_station_id_monitoring_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "monitoring_rule_states" ALTER COLUMN "rule_state" SET DATA TYPE json;