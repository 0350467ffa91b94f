-- Indexes for the dashboards and reports (issue 12), each chosen from EXPLAIN ANALYZE at 1M tickets / 200k tasks
-- (tests/bench/reports.ts). Partial and covering indexes cannot be written in the Prisma schema: they live here.
-- The report queries repeat the predicate of each partial index literally so the planner can use it.

-- Backlog by age: open help-desk tickets only (a fifth of the table at most), with the filter columns.
CREATE INDEX "tickets_open_created_at_idx" ON "helpdesk"."tickets" ("created_at") INCLUDE ("department", "priority")
  WHERE "status" NOT IN ('Resolved', 'Closed', 'Rejected', 'Withdrawn');
-- CSAT distribution and trend (admin), CSAT of my tickets (coordinator): rated tickets only.
CREATE INDEX "tickets_csat_at_idx" ON "helpdesk"."tickets" ("csat_at") INCLUDE ("csat_rating", "department", "priority")
  WHERE "csat_rating" IS NOT NULL;
CREATE INDEX "tickets_owner_csat_at_idx" ON "helpdesk"."tickets" ("owner_id", "csat_at") INCLUDE ("csat_rating")
  WHERE "csat_rating" IS NOT NULL;
-- Created and resolved per day with the department / priority filters answered from the index.
CREATE INDEX "tickets_created_at_dept_prio_idx" ON "helpdesk"."tickets" ("created_at") INCLUDE ("department", "priority");
DROP INDEX IF EXISTS "helpdesk"."tickets_resolved_at_idx";
CREATE INDEX "tickets_resolved_at_idx" ON "helpdesk"."tickets" ("resolved_at") INCLUDE ("department", "priority");

-- SLA compliance by priority / workflow: finished tasks by completion time.
CREATE INDEX "tasks_completed_at_idx" ON "workflow"."tasks" ("completed_at") INCLUDE ("workflow_id", "target_resolution", "ticket_id")
  WHERE "status" IN ('completed', 'closed');
-- Resolved this week (coordinator).
CREATE INDEX "tasks_owner_status_completed_at_idx" ON "workflow"."tasks" ("owner_id", "status", "completed_at");
-- Escalation and transfer rates: tasks created in the range.
CREATE INDEX "tasks_created_at_idx" ON "workflow"."tasks" ("created_at") INCLUDE ("workflow_id", "ticket_id");
-- All tasks, soonest due first.
CREATE INDEX "tasks_target_resolution_id_idx" ON "workflow"."tasks" ("target_resolution" ASC NULLS LAST, "id" DESC);
-- Hand-overs are few: the rates look them up per task in this small index.
CREATE INDEX "task_items_handover_idx" ON "workflow"."task_items" ("task_id", "origin")
  WHERE "origin" IN ('Escalation', 'Transferred');
-- Workload: open assignments only.
CREATE INDEX "task_items_open_user_idx" ON "workflow"."task_items" ("user_id") INCLUDE ("task_id", "target_resolution")
  WHERE "status" IN ('new', 'in_progress');
-- Time and SLA per step: finished assignments by the time they acted.
CREATE INDEX "task_items_resolved_acted_on_idx" ON "workflow"."task_items" ("acted_on")
  INCLUDE ("task_id", "step_id", "target_resolution", "assigned_on", "sla_started_at")
  WHERE "status" = 'resolved';
-- Routing outcomes by arrival.
CREATE INDEX "workflow_tickets_received_at_idx" ON "workflow"."tickets" ("received_at") INCLUDE ("routing", "department", "priority");
-- The ticket filters (department, priority) on the workflow copy, and their correlation for the planner (a
-- department often files one kind of priority: without it the planner multiplies the two and picks loops).
CREATE INDEX "workflow_tickets_department_priority_idx" ON "workflow"."tickets" ("department", "priority");
CREATE STATISTICS "workflow_tickets_department_priority_stats" (dependencies, mcv) ON "department", "priority" FROM "workflow"."tickets";
CREATE STATISTICS "helpdesk_tickets_department_priority_stats" (dependencies, mcv) ON "department", "priority" FROM "helpdesk"."tickets";
-- All tasks, text search: ILIKE on the number, subject or description of the workflow copy of the ticket.
CREATE INDEX "workflow_tickets_search_trgm_idx" ON "workflow"."tickets"
  USING gin ("ticket_number" gin_trgm_ops, "subject" gin_trgm_ops, "description" gin_trgm_ops);
