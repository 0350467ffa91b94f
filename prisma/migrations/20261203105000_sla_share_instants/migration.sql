-- AlterTable
ALTER TABLE "helpdesk"."tickets" ADD COLUMN     "sla_at_risk_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_due_soon_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."task_items" ADD COLUMN     "sla_at_risk_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_due_soon_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workflow"."tasks" ADD COLUMN     "sla_at_risk_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_due_soon_at" TIMESTAMPTZ(3);
