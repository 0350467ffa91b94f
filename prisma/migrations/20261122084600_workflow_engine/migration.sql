-- CreateTable
CREATE TABLE "messaging"."ticket_participants" (
    "id" SERIAL NOT NULL,
    "ticket_number" VARCHAR(20) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messaging"."comments" (
    "id" SERIAL NOT NULL,
    "ticket_number" VARCHAR(20) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "username" VARCHAR(150) NOT NULL,
    "text" TEXT NOT NULL,
    "parent_id" INTEGER,
    "is_internal" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messaging"."comment_ratings" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "value" VARCHAR(4) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messaging"."comment_attachments" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(127) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_path" TEXT NOT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messaging"."ticket_messages" (
    "id" SERIAL NOT NULL,
    "ticket_number" VARCHAR(20) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "username" VARCHAR(150) NOT NULL,
    "text" TEXT NOT NULL,
    "edited_at" TIMESTAMPTZ(3),
    "unsent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications"."notifications" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(48) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "message" TEXT NOT NULL,
    "ticket_number" VARCHAR(20),
    "link" TEXT,
    "data" JSONB,
    "dedupe_key" VARCHAR(128) NOT NULL,
    "is_read" BOOLEAN NOT NULL DEFAULT false,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications"."email_deliveries" (
    "id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "recipient" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "transport" VARCHAR(8) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "error" TEXT,
    "message_id" VARCHAR(255),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."workflows" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "department" VARCHAR(64) NOT NULL,
    "category" VARCHAR(64) NOT NULL,
    "sub_category" VARCHAR(64),
    "low_sla_seconds" INTEGER,
    "medium_sla_seconds" INTEGER,
    "high_sla_seconds" INTEGER,
    "urgent_sla_seconds" INTEGER,
    "status" VARCHAR(16) NOT NULL DEFAULT 'draft',
    "current_version_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."workflow_steps" (
    "id" SERIAL NOT NULL,
    "workflow_id" INTEGER NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "instruction" TEXT NOT NULL DEFAULT '',
    "role_id" INTEGER NOT NULL,
    "escalate_to_role_id" INTEGER,
    "order" INTEGER NOT NULL DEFAULT 0,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "is_start" BOOLEAN NOT NULL DEFAULT false,
    "is_end" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "workflow_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."workflow_transitions" (
    "id" SERIAL NOT NULL,
    "workflow_id" INTEGER NOT NULL,
    "from_step_id" INTEGER NOT NULL,
    "to_step_id" INTEGER NOT NULL,
    "name" VARCHAR(64) NOT NULL,

    CONSTRAINT "workflow_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."workflow_versions" (
    "id" SERIAL NOT NULL,
    "workflow_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deployed_by" INTEGER,

    CONSTRAINT "workflow_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."tickets" (
    "id" SERIAL NOT NULL,
    "ticket_number" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(255) NOT NULL,
    "description" TEXT NOT NULL,
    "department" VARCHAR(64) NOT NULL,
    "category" VARCHAR(64) NOT NULL,
    "sub_category" VARCHAR(64),
    "priority" VARCHAR(16) NOT NULL,
    "employee_id" INTEGER NOT NULL,
    "employee_name" VARCHAR(255) NOT NULL DEFAULT '',
    "employee_email" VARCHAR(254) NOT NULL DEFAULT '',
    "hdts_status" VARCHAR(16) NOT NULL,
    "ticket_created_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "routing" VARCHAR(16) NOT NULL DEFAULT 'routed',
    "unassigned_code" VARCHAR(40),
    "unassigned_reason" TEXT,
    "csat_rating" INTEGER,
    "feedback" TEXT,
    "date_completed" TIMESTAMPTZ(3),
    "time_closed" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."tasks" (
    "id" SERIAL NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "workflow_id" INTEGER NOT NULL,
    "version_id" INTEGER NOT NULL,
    "current_step_id" INTEGER NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "owner_id" INTEGER,
    "owner_escalated_at" TIMESTAMPTZ(3),
    "owner_transferred" BOOLEAN NOT NULL DEFAULT false,
    "sla_seconds" INTEGER,
    "target_resolution" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."task_items" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role_id" INTEGER NOT NULL,
    "step_id" INTEGER NOT NULL,
    "step_name" VARCHAR(150) NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'new',
    "origin" VARCHAR(16) NOT NULL DEFAULT 'System',
    "notes" TEXT,
    "assigned_on" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acted_on" TIMESTAMPTZ(3),
    "target_resolution" TIMESTAMPTZ(3),
    "transition_id" INTEGER,
    "transferred_to" INTEGER,
    "transferred_by" INTEGER,

    CONSTRAINT "task_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."task_item_history" (
    "id" SERIAL NOT NULL,
    "task_item_id" INTEGER NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "origin" VARCHAR(16) NOT NULL DEFAULT 'System',
    "notes" TEXT,
    "actor_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_item_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."round_robin_counters" (
    "key" VARCHAR(64) NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "round_robin_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ticket_participants_user_id_idx" ON "messaging"."ticket_participants"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_participants_ticket_number_user_id_role_key" ON "messaging"."ticket_participants"("ticket_number", "user_id", "role");

-- CreateIndex
CREATE INDEX "comments_ticket_number_created_at_idx" ON "messaging"."comments"("ticket_number", "created_at");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "messaging"."comments"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "comment_ratings_comment_id_user_id_key" ON "messaging"."comment_ratings"("comment_id", "user_id");

-- CreateIndex
CREATE INDEX "comment_attachments_comment_id_idx" ON "messaging"."comment_attachments"("comment_id");

-- CreateIndex
CREATE INDEX "ticket_messages_ticket_number_created_at_idx" ON "messaging"."ticket_messages"("ticket_number", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_is_read_created_at_idx" ON "notifications"."notifications"("user_id", "is_read", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_dedupe_key_key" ON "notifications"."notifications"("user_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "email_deliveries_notification_id_idx" ON "notifications"."email_deliveries"("notification_id");

-- CreateIndex
CREATE INDEX "email_deliveries_created_at_idx" ON "notifications"."email_deliveries"("created_at");

-- CreateIndex
CREATE INDEX "workflows_status_department_category_idx" ON "workflow"."workflows"("status", "department", "category");

-- CreateIndex
CREATE INDEX "workflow_steps_workflow_id_idx" ON "workflow"."workflow_steps"("workflow_id");

-- CreateIndex
CREATE INDEX "workflow_transitions_workflow_id_idx" ON "workflow"."workflow_transitions"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_versions_workflow_id_version_key" ON "workflow"."workflow_versions"("workflow_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_number_key" ON "workflow"."tickets"("ticket_number");

-- CreateIndex
CREATE INDEX "tickets_routing_idx" ON "workflow"."tickets"("routing");

-- CreateIndex
CREATE INDEX "tasks_owner_id_status_idx" ON "workflow"."tasks"("owner_id", "status");

-- CreateIndex
CREATE INDEX "tasks_workflow_id_status_idx" ON "workflow"."tasks"("workflow_id", "status");

-- CreateIndex
CREATE INDEX "tasks_ticket_id_idx" ON "workflow"."tasks"("ticket_id");

-- CreateIndex
CREATE INDEX "task_items_task_id_idx" ON "workflow"."task_items"("task_id");

-- CreateIndex
CREATE INDEX "task_items_user_id_status_idx" ON "workflow"."task_items"("user_id", "status");

-- CreateIndex
CREATE INDEX "task_item_history_task_item_id_idx" ON "workflow"."task_item_history"("task_item_id");

-- AddForeignKey
ALTER TABLE "messaging"."comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "messaging"."comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messaging"."comment_ratings" ADD CONSTRAINT "comment_ratings_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "messaging"."comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messaging"."comment_attachments" ADD CONSTRAINT "comment_attachments_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "messaging"."comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."workflow_steps" ADD CONSTRAINT "workflow_steps_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflow"."workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."workflow_transitions" ADD CONSTRAINT "workflow_transitions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflow"."workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."workflow_transitions" ADD CONSTRAINT "workflow_transitions_from_step_id_fkey" FOREIGN KEY ("from_step_id") REFERENCES "workflow"."workflow_steps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."workflow_transitions" ADD CONSTRAINT "workflow_transitions_to_step_id_fkey" FOREIGN KEY ("to_step_id") REFERENCES "workflow"."workflow_steps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."tasks" ADD CONSTRAINT "tasks_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "workflow"."tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."tasks" ADD CONSTRAINT "tasks_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "workflow"."workflow_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."task_items" ADD CONSTRAINT "task_items_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "workflow"."tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow"."task_item_history" ADD CONSTRAINT "task_item_history_task_item_id_fkey" FOREIGN KEY ("task_item_id") REFERENCES "workflow"."task_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
