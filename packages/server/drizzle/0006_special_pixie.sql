CREATE TABLE "disclosure_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"public" boolean DEFAULT true NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_no" text NOT NULL,
	"phone" text NOT NULL,
	"address" text,
	"email" text,
	"description" text NOT NULL,
	"delivery" text NOT NULL,
	"enterprise_id" uuid,
	"citizen_user_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_date" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_request" jsonb,
	"consulting" text,
	"outcome" text,
	"clause" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_on_time" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disclosure_requests_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"issuer" text NOT NULL,
	"document_no" text,
	"industries" jsonb NOT NULL,
	"towns" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"for_citizens" boolean DEFAULT false NOT NULL,
	"qa_open" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"notification_id" uuid,
	"reason" text NOT NULL,
	"pushed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "policy_pushes_policy_user_uq" UNIQUE("policy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"asked_by" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_subscriptions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"industries" jsonb NOT NULL,
	"towns" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"kinds" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_events" ADD CONSTRAINT "disclosure_events_request_id_disclosure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."disclosure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_citizen_user_id_users_id_fk" FOREIGN KEY ("citizen_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_attachments" ADD CONSTRAINT "policy_attachments_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_questions" ADD CONSTRAINT "policy_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_subscriptions" ADD CONSTRAINT "policy_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_events_request_idx" ON "disclosure_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "disclosure_requests_status_idx" ON "disclosure_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "disclosure_requests_received_idx" ON "disclosure_requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "disclosure_requests_answered_idx" ON "disclosure_requests" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "policies_status_published_idx" ON "policies" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "policy_attachments_policy_idx" ON "policy_attachments" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "policy_pushes_user_idx" ON "policy_pushes" USING btree ("user_id","pushed_at");--> statement-breakpoint
CREATE INDEX "policy_pushes_enterprise_idx" ON "policy_pushes" USING btree ("policy_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_questions_policy_idx" ON "policy_questions" USING btree ("policy_id","created_at");