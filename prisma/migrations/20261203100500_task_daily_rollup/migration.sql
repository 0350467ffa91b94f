-- Daily rollup of finished workflow tasks for the reports' SLA figures (issue 12): per UTC day of completion,
-- workflow, department and priority (the workflow's copy of the ticket), the tasks finished and those finished on
-- time. A year of SLA compliance then reads a few thousand rows instead of joining 180,000 tasks to their tickets.
-- Kept exact as ticket_daily is: statement triggers with transition tables, inside the transaction of every
-- write, a ticket's department or priority change moves its finished tasks, a ticket's deletion takes its tasks
-- out before the cascade removes them (the cascaded task deletion then finds no ticket and adds nothing).
-- Kept out of the Prisma schema: only these triggers write it, the reports read it with SQL. Each semicolon
-- inside a function body is written \073 (the migration runner splits scripts at every semicolon).
CREATE TABLE "workflow"."task_daily" (
  "day" date NOT NULL,
  "workflow_id" integer NOT NULL,
  "department" varchar(64) NOT NULL,
  "priority" varchar(16) NOT NULL,
  "completed" integer NOT NULL DEFAULT 0,
  "met" integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("day", "workflow_id", "department", "priority")
);

-- The statement that adds the signed contributions of the rows `src` selects (sign, workflow_id, status,
-- completed_at, target_resolution, department, priority): a finished task counts on its completion day, on time
-- when it met its target. The triggers EXECUTE it themselves: transition tables are visible only there.
CREATE FUNCTION "workflow"."task_daily_sql"(src text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS E'
BEGIN
  RETURN format($q$
  WITH changed AS (%s), delta AS (
    SELECT (completed_at AT TIME ZONE \'UTC\')::date AS day, workflow_id, department, priority,
           sum(sign)::int AS completed,
           coalesce(sum(sign) FILTER (WHERE target_resolution IS NULL OR completed_at <= target_resolution), 0)::int AS met
      FROM changed WHERE status IN (\'completed\', \'closed\') AND completed_at IS NOT NULL
     GROUP BY 1, 2, 3, 4
  )
  INSERT INTO "workflow"."task_daily" AS d (day, workflow_id, department, priority, completed, met)
  SELECT day, workflow_id, department, priority, completed, met FROM delta WHERE completed <> 0 OR met <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, workflow_id, department, priority) DO UPDATE SET
    completed = d.completed + EXCLUDED.completed, met = d.met + EXCLUDED.met
  $q$, src)\073
END
';

CREATE FUNCTION "workflow"."task_daily_tasks"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  cols text := \'k.workflow_id, k.status, k.completed_at, k.target_resolution, wt.department, wt.priority\'\073
  src text := CASE TG_OP
    WHEN \'INSERT\' THEN \'SELECT 1 AS sign, \' || cols || \' FROM new_rows k JOIN workflow.tickets wt ON wt.id = k.ticket_id\'
    WHEN \'DELETE\' THEN \'SELECT -1 AS sign, \' || cols || \' FROM old_rows k JOIN workflow.tickets wt ON wt.id = k.ticket_id\'
    ELSE \'SELECT 1 AS sign, \' || cols || \' FROM new_rows k JOIN workflow.tickets wt ON wt.id = k.ticket_id
          UNION ALL SELECT -1 AS sign, \' || cols || \' FROM old_rows k JOIN workflow.tickets wt ON wt.id = k.ticket_id\' END\073
BEGIN
  EXECUTE "workflow"."task_daily_sql"(src)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "task_daily_insert" AFTER INSERT ON "workflow"."tasks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workflow"."task_daily_tasks"();
CREATE TRIGGER "task_daily_update" AFTER UPDATE ON "workflow"."tasks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workflow"."task_daily_tasks"();
CREATE TRIGGER "task_daily_delete" AFTER DELETE ON "workflow"."tasks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "workflow"."task_daily_tasks"();

-- A ticket whose department or priority changes moves its finished tasks to the new key.
CREATE FUNCTION "workflow"."task_daily_ticket_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE "workflow"."task_daily_sql"(\'
    SELECT s.sign, k.workflow_id, k.status, k.completed_at, k.target_resolution, s.department, s.priority
      FROM (SELECT n.id, 1 AS sign, n.department, n.priority FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE o.department IS DISTINCT FROM n.department OR o.priority IS DISTINCT FROM n.priority
            UNION ALL
            SELECT o.id, -1, o.department, o.priority FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE o.department IS DISTINCT FROM n.department OR o.priority IS DISTINCT FROM n.priority) s
      JOIN workflow.tasks k ON k.ticket_id = s.id\')\073
  RETURN NULL\073
END
';

CREATE TRIGGER "task_daily_ticket_update" AFTER UPDATE ON "workflow"."tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workflow"."task_daily_ticket_moved"();

-- Before a ticket goes, its finished tasks leave the rollup (the cascade deletes them once the ticket is gone).
CREATE FUNCTION "workflow"."task_daily_ticket_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  EXECUTE "workflow"."task_daily_sql"(format(\'
    SELECT -1 AS sign, k.workflow_id, k.status, k.completed_at, k.target_resolution, %L::varchar AS department,
           %L::varchar AS priority FROM workflow.tasks k WHERE k.ticket_id = %s\', OLD.department, OLD.priority, OLD.id))\073
  RETURN OLD\073
END
';

CREATE TRIGGER "task_daily_ticket_delete" BEFORE DELETE ON "workflow"."tickets"
  FOR EACH ROW EXECUTE FUNCTION "workflow"."task_daily_ticket_deleted"();

-- The tasks finished already.
INSERT INTO "workflow"."task_daily" (day, workflow_id, department, priority, completed, met)
SELECT (k.completed_at AT TIME ZONE 'UTC')::date, k.workflow_id, wt.department, wt.priority, count(*),
       count(*) FILTER (WHERE k.target_resolution IS NULL OR k.completed_at <= k.target_resolution)
  FROM "workflow"."tasks" k JOIN "workflow"."tickets" wt ON wt.id = k.ticket_id
 WHERE k.status IN ('completed', 'closed') AND k.completed_at IS NOT NULL
 GROUP BY 1, 2, 3, 4;
