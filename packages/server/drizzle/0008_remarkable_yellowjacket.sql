CREATE TABLE "monitoring_rule_states" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"rule_state" jsonb NOT NULL,
	"last_reading_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_rule_states" ADD CONSTRAINT "monitoring_rule_states_station_id_monitoring_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."monitoring_stations"("id") ON DELETE cascade ON UPDATE no action;