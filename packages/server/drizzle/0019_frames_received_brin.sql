DROP INDEX "monitoring_frames_received_idx";--> statement-breakpoint
CREATE INDEX "monitoring_frames_received_idx" ON "monitoring_frames" USING brin ("received_at");