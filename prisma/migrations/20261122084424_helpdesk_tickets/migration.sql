-- CreateTable
CREATE TABLE "helpdesk"."tickets" (
    "id" SERIAL NOT NULL,
    "ticket_number" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "description" TEXT NOT NULL,
    "category" VARCHAR(64) NOT NULL,
    "sub_category" VARCHAR(64),
    "department" VARCHAR(64),
    "priority" VARCHAR(16),
    "status" VARCHAR(16) NOT NULL DEFAULT 'New',
    "employee_id" INTEGER NOT NULL,
    "owner_id" INTEGER,
    "assignee_id" INTEGER,
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMPTZ(3),
    "approval_notes" TEXT,
    "rejected_by_id" INTEGER,
    "rejected_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "withdraw_reason" TEXT,
    "resolution_notes" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "time_closed" TIMESTAMPTZ(3),
    "date_completed" TIMESTAMPTZ(3),
    "resolution_time_seconds" INTEGER,
    "csat_rating" INTEGER,
    "csat_feedback" TEXT,
    "csat_at" TIMESTAMPTZ(3),
    "response_due_at" TIMESTAMPTZ(3),
    "resolution_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_comments" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "is_internal" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_attachments" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "uploader_id" INTEGER NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "stored_name" VARCHAR(80) NOT NULL,
    "mime_type" VARCHAR(128) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_history" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "field" VARCHAR(64),
    "old_value" TEXT,
    "new_value" TEXT,
    "note" TEXT,
    "actor_id" INTEGER,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk"."ticket_sync_events" (
    "event_id" VARCHAR(200) NOT NULL,
    "ticket_number" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_sync_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_number_key" ON "helpdesk"."tickets"("ticket_number");

-- CreateIndex
CREATE INDEX "tickets_employee_id_created_at_idx" ON "helpdesk"."tickets"("employee_id", "created_at");

-- CreateIndex
CREATE INDEX "tickets_status_created_at_idx" ON "helpdesk"."tickets"("status", "created_at");

-- CreateIndex
CREATE INDEX "tickets_resolved_at_idx" ON "helpdesk"."tickets"("resolved_at");

-- CreateIndex
CREATE INDEX "ticket_comments_ticket_id_created_at_idx" ON "helpdesk"."ticket_comments"("ticket_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_attachments_stored_name_key" ON "helpdesk"."ticket_attachments"("stored_name");

-- CreateIndex
CREATE INDEX "ticket_attachments_ticket_id_idx" ON "helpdesk"."ticket_attachments"("ticket_id");

-- CreateIndex
CREATE INDEX "ticket_history_ticket_id_created_at_idx" ON "helpdesk"."ticket_history"("ticket_id", "created_at");

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_comments" ADD CONSTRAINT "ticket_comments_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "helpdesk"."tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "helpdesk"."tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk"."ticket_history" ADD CONSTRAINT "ticket_history_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "helpdesk"."tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over subject + description and over comments (GIN indexes, expression form).
CREATE INDEX "tickets_fts_idx" ON "helpdesk"."tickets" USING GIN (to_tsvector('english', coalesce("subject", '') || ' ' || coalesce("description", '')));
CREATE INDEX "ticket_comments_fts_idx" ON "helpdesk"."ticket_comments" USING GIN (to_tsvector('english', coalesce("body", '')));
