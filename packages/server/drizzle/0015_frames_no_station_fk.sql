ALTER TABLE "monitoring_frames" DROP CONSTRAINT "monitoring_frames_station_id_monitoring_stations_id_fk";
