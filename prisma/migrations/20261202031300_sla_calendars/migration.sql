-- AlterTable
ALTER TABLE "workflow"."workflows" ADD COLUMN     "calendar_id" INTEGER,
ADD COLUMN     "pause_statuses" TEXT[] DEFAULT ARRAY['On Hold']::TEXT[];

-- AlterTable
ALTER TABLE "workflow"."tasks" ADD COLUMN     "calendar_id" INTEGER,
ADD COLUMN     "sla_paused_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."task_items" ADD COLUMN     "sla_seconds" INTEGER;

-- CreateTable
CREATE TABLE "workflow"."calendars" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "time_zone" VARCHAR(64) NOT NULL,
    "hours" JSONB NOT NULL,
    "holidays" JSONB NOT NULL DEFAULT '[]',
    "for_helpdesk" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow"."sla_pauses" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "sla_pauses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendars_name_key" ON "workflow"."calendars"("name");

-- CreateIndex
CREATE INDEX "sla_pauses_task_id_started_at_idx" ON "workflow"."sla_pauses"("task_id", "started_at");

-- CreateIndex
CREATE INDEX "tasks_calendar_id_idx" ON "workflow"."tasks"("calendar_id");

-- AddForeignKey
ALTER TABLE "workflow"."sla_pauses" ADD CONSTRAINT "sla_pauses_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "workflow"."tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written): every existing clock ran on 24×7, so an assignment's business budget is its
-- wall-clock window.
UPDATE "workflow"."task_items"
   SET "sla_seconds" = GREATEST(0, ROUND(EXTRACT(EPOCH FROM ("target_resolution" - COALESCE("sla_started_at", "assigned_on")))))::INTEGER
 WHERE "target_resolution" IS NOT NULL;
