-- Readings, partitioned by month of the data time (declarative partitioning; drizzle-kit cannot
-- express PARTITION BY, so this migration is written by hand and modules/monitoring/readings.ts
-- keeps the Drizzle definitions used for queries). Two tables because their retention differs:
-- real-time and minute values (2011, 2051) are short-lived and leave by dropping whole month
-- partitions; hourly and daily values (2061, 2031, the station's own and the platform's) are kept.
-- Month partitions are created by the server before the first reading of a month is written.
-- The primary key serves the (station, factor, time desc) queries and makes retransmits idempotent.
CREATE TABLE "monitoring_readings" (
	"station_id" uuid NOT NULL REFERENCES "monitoring_stations"("id") ON DELETE CASCADE,
	"factor" text NOT NULL,
	"data_time" timestamp with time zone NOT NULL,
	"cn" text NOT NULL,
	"value" double precision,
	"min" double precision,
	"max" double precision,
	"cou" double precision,
	"flag" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_readings_pk" PRIMARY KEY ("station_id", "factor", "data_time", "cn")
) PARTITION BY RANGE ("data_time");
--> statement-breakpoint
CREATE TABLE "monitoring_readings_long" (
	"station_id" uuid NOT NULL REFERENCES "monitoring_stations"("id") ON DELETE CASCADE,
	"factor" text NOT NULL,
	"data_time" timestamp with time zone NOT NULL,
	"cn" text NOT NULL,
	"source" text NOT NULL,
	"value" double precision,
	"min" double precision,
	"max" double precision,
	"cou" double precision,
	"flag" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_readings_long_pk" PRIMARY KEY ("station_id", "factor", "data_time", "cn", "source")
) PARTITION BY RANGE ("data_time");
