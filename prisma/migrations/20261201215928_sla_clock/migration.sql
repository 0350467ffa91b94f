-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "sla_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_started_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."tasks" ADD COLUMN     "sla_level" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "sla_next_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."task_items" ADD COLUMN     "sla_level" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "sla_next_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_started_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "tasks_sla_next_at_idx" ON "workflow"."tasks"("sla_next_at");

-- CreateIndex
CREATE INDEX "task_items_sla_next_at_idx" ON "workflow"."task_items"("sla_next_at");

-- Backfill (hand-written): one clock per ticket. An assignment window starts when it was assigned.
-- The monitor checks next at the 80 percent instant of every open assignment and task. A routed ticket
-- takes the target of its workflow task as its resolution target (the workflow owns the clock once routed).
UPDATE "workflow"."task_items" SET "sla_started_at" = "assigned_on" WHERE "sla_started_at" IS NULL;
UPDATE "workflow"."task_items"
   SET "sla_next_at" = "sla_started_at" + ("target_resolution" - "sla_started_at") * 0.8
 WHERE "target_resolution" IS NOT NULL AND "status" IN ('new', 'in_progress');
UPDATE "workflow"."tasks"
   SET "sla_next_at" = "started_at" + ("target_resolution" - "started_at") * 0.8
 WHERE "target_resolution" IS NOT NULL AND "status" IN ('pending', 'in_progress');
UPDATE "helpdesk"."tickets" SET "sla_started_at" = "created_at" WHERE "sla_started_at" IS NULL;
UPDATE "helpdesk"."tickets" h
   SET "resolution_due_at" = t."target_resolution", "sla_started_at" = t."started_at", "sla_changed_at" = t."started_at"
  FROM (SELECT DISTINCT ON (wt."ticket_number") wt."ticket_number", k."target_resolution", k."started_at"
          FROM "workflow"."tasks" k JOIN "workflow"."tickets" wt ON wt."id" = k."ticket_id"
         ORDER BY wt."ticket_number", k."id" DESC) t
 WHERE t."ticket_number" = h."ticket_number";
