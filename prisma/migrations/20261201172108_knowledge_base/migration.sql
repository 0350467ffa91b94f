-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "knowledge";

-- Tags as one text for the generated search column (array_to_string is only STABLE, this use is immutable).
CREATE FUNCTION "knowledge"."tags_text"(tags TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;

-- CreateTable
CREATE TABLE "knowledge"."articles" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "department" VARCHAR(64),
    "category" VARCHAR(64) NOT NULL,
    "sub_category" VARCHAR(64),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visibility" VARCHAR(16) NOT NULL DEFAULT 'everyone',
    "status" VARCHAR(16) NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "author_id" INTEGER NOT NULL,
    "updated_by_id" INTEGER NOT NULL,
    "source_ticket_number" VARCHAR(16),
    "published_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "helpful_count" INTEGER NOT NULL DEFAULT 0,
    "not_helpful_count" INTEGER NOT NULL DEFAULT 0,
    "deflection_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    -- Hand-written: Prisma cannot express a stored generated column (the model declares it Unsupported).
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, "knowledge"."tags_text"("tags")), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce("body_text", '')), 'C')
    ) STORED,
    "title_search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, "knowledge"."tags_text"("tags")), 'B')
    ) STORED,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge"."article_versions" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "department" VARCHAR(64),
    "category" VARCHAR(64) NOT NULL,
    "sub_category" VARCHAR(64),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visibility" VARCHAR(16) NOT NULL,
    "changes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" VARCHAR(500),
    "editor_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge"."article_feedback" (
    "article_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_feedback_pkey" PRIMARY KEY ("article_id","user_id")
);

-- CreateTable
CREATE TABLE "knowledge"."article_view_days" (
    "article_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "article_view_days_pkey" PRIMARY KEY ("article_id","day")
);

-- CreateTable
CREATE TABLE "knowledge"."deflections" (
    "id" SERIAL NOT NULL,
    "attempt_id" VARCHAR(64) NOT NULL,
    "article_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "query" VARCHAR(255),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deflections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_slug_key" ON "knowledge"."articles"("slug");

-- Full-text search (hand-written: GIN on the generated column).
CREATE INDEX "articles_search_idx" ON "knowledge"."articles" USING GIN ("search");
CREATE INDEX "articles_title_search_idx" ON "knowledge"."articles" USING GIN ("title_search");

-- CreateIndex
CREATE INDEX "articles_status_visibility_category_sub_category_idx" ON "knowledge"."articles"("status", "visibility", "category", "sub_category");

-- CreateIndex
CREATE INDEX "articles_status_visibility_view_count_idx" ON "knowledge"."articles"("status", "visibility", "view_count");

-- CreateIndex
CREATE UNIQUE INDEX "article_versions_article_id_version_key" ON "knowledge"."article_versions"("article_id", "version");

-- CreateIndex
CREATE INDEX "article_view_days_day_idx" ON "knowledge"."article_view_days"("day");

-- CreateIndex
CREATE UNIQUE INDEX "deflections_attempt_id_key" ON "knowledge"."deflections"("attempt_id");

-- CreateIndex
CREATE INDEX "deflections_created_at_idx" ON "knowledge"."deflections"("created_at");

-- CreateIndex
CREATE INDEX "deflections_article_id_idx" ON "knowledge"."deflections"("article_id");

-- AddForeignKey
ALTER TABLE "knowledge"."article_versions" ADD CONSTRAINT "article_versions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "knowledge"."articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge"."article_feedback" ADD CONSTRAINT "article_feedback_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "knowledge"."articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge"."article_view_days" ADD CONSTRAINT "article_view_days_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "knowledge"."articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge"."deflections" ADD CONSTRAINT "deflections_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "knowledge"."articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
