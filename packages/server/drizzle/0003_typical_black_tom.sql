CREATE TABLE "petition_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"requested_on" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"window_due_date" date,
	"transmitted_at" timestamp with time zone,
	"deciding_body" text,
	"reference_no" text,
	"outcome" text,
	"received_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"salt" text NOT NULL,
	"client_ip" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"location" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"subject_enterprise_id" uuid,
	"status" text DEFAULT 'registered' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_request" jsonb,
	"decision_note" text,
	"transferred_to" text,
	"replied_at" timestamp with time zone,
	"closed_on_time" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"username" text NOT NULL,
	"client" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_username_client_pk" PRIMARY KEY("username","client")
);
--> statement-breakpoint
ALTER TABLE "appointment_services" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "client_ip" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "extension_request" jsonb;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "other_procedure" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reviewing_body" text;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD COLUMN "appeal_reference_no" text;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD COLUMN "client_ip" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "previous_password_hashes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD COLUMN "findings" text;--> statement-breakpoint
ALTER TABLE "visit_follow_ups" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "internal_note" text;--> statement-breakpoint
ALTER TABLE "petition_reviews" ADD CONSTRAINT "petition_reviews_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_subject_enterprise_id_enterprises_id_fk" FOREIGN KEY ("subject_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_reviews_petition_idx" ON "petition_reviews" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "phone_codes_phone_idx" ON "phone_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "phone_codes_ip_idx" ON "phone_codes" USING btree ("client_ip","created_at");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "login_throttle_updated_idx" ON "login_throttle" USING btree ("updated_at");--> statement-breakpoint
ALTER TABLE "visit_attachments" ADD CONSTRAINT "visit_attachments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_phone_idx" ON "appointments" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "appointments_client_ip_idx" ON "appointments" USING btree ("client_ip");--> statement-breakpoint
CREATE INDEX "reception_bookings_phone_idx" ON "reception_bookings" USING btree ("citizen_phone");--> statement-breakpoint
CREATE INDEX "reception_bookings_client_ip_idx" ON "reception_bookings" USING btree ("client_ip");