CREATE TABLE "eia_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"path" text NOT NULL,
	"state" text NOT NULL,
	"project_name" text NOT NULL,
	"project_address" text NOT NULL,
	"construction_type" text NOT NULL,
	"industry_code" text NOT NULL,
	"category" text NOT NULL,
	"catalogue_row" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"in_sensitive_area" boolean DEFAULT false NOT NULL,
	"electroplating" boolean DEFAULT false NOT NULL,
	"national_security" boolean DEFAULT false NOT NULL,
	"commitment_text" text,
	"commitment_signed_at" timestamp with time zone,
	"accepted_on" date NOT NULL,
	"publicity_clock_id" uuid,
	"decided_on" date,
	"decided_by_name" text,
	"document_no" text,
	"decision_reason" text,
	"exemption_list" text,
	"exemption_entry" text,
	"receipt_no" text,
	"verification_clock_id" uuid,
	"verification_result" text,
	"verification_note" text,
	"verified_on" date,
	"revocation_reason" text,
	"credit_consequence" text,
	"application_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eia_cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "eia_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"content" text NOT NULL,
	"citizen_user_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eia_cases" ADD CONSTRAINT "eia_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eia_objections" ADD CONSTRAINT "eia_objections_case_id_eia_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."eia_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eia_cases_enterprise_idx" ON "eia_cases" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "eia_cases_path_decided_idx" ON "eia_cases" USING btree ("path","decided_on");--> statement-breakpoint
CREATE INDEX "eia_cases_state_idx" ON "eia_cases" USING btree ("state");--> statement-breakpoint
CREATE INDEX "eia_objections_case_idx" ON "eia_objections" USING btree ("case_id");