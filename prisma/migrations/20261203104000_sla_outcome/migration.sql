-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "sla_outcome" VARCHAR(8),
ADD COLUMN     "sla_outcome_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."tasks" ADD COLUMN     "sla_outcome" VARCHAR(8),
ADD COLUMN     "sla_outcome_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."task_items" ADD COLUMN     "sla_outcome" VARCHAR(8),
ADD COLUMN     "sla_outcome_at" TIMESTAMPTZ(3);

-- Backfill (hand-written): the outcome of what already finished, from its stop against its due instant.
UPDATE "workflow"."tasks" SET sla_outcome = CASE WHEN completed_at <= target_resolution THEN 'met' ELSE 'breached' END,
       sla_outcome_at = completed_at
 WHERE status = 'completed' AND completed_at IS NOT NULL AND target_resolution IS NOT NULL;

UPDATE "workflow"."task_items" SET sla_outcome = CASE WHEN acted_on <= target_resolution THEN 'met' ELSE 'breached' END,
       sla_outcome_at = acted_on
 WHERE status = 'resolved' AND acted_on IS NOT NULL AND target_resolution IS NOT NULL;

UPDATE "helpdesk"."tickets" SET sla_outcome = CASE WHEN COALESCE(resolved_at, time_closed) <= resolution_due_at THEN 'met' ELSE 'breached' END,
       sla_outcome_at = COALESCE(resolved_at, time_closed)
 WHERE status IN ('Resolved', 'Closed') AND COALESCE(resolved_at, time_closed) IS NOT NULL AND resolution_due_at IS NOT NULL;
