CREATE TABLE "eia_catalogue_editions" (
	"version" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"effective_from" date NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
