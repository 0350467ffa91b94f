-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "workflow_id" INTEGER;

-- Backfill: the workflow that took each routed ticket (its first task), before the index is built.
UPDATE "helpdesk"."tickets" t SET "workflow_id" = f.workflow_id
FROM (SELECT DISTINCT ON (wt.ticket_number) wt.ticket_number, k.workflow_id
      FROM "workflow"."tickets" wt JOIN "workflow"."tasks" k ON k.ticket_id = wt.id
      ORDER BY wt.ticket_number, k.id) f
WHERE f.ticket_number = t.ticket_number;

-- CreateIndex
CREATE INDEX "tickets_workflow_id_created_at_idx" ON "helpdesk"."tickets"("workflow_id", "created_at");
