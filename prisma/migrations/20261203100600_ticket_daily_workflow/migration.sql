-- The daily help-desk rollup gains the workflow that took the ticket (helpdesk.tickets.workflow_id, 0 for none), so
-- the report's workflow filter reads created, resolved and CSAT from the rollup as the other filters do, instead of
-- the tickets' rows. The routing delivery sets workflow_id later than creation: the update trigger moves the
-- ticket's counts from workflow 0 to its workflow as it moves any other changed key. Rebuilt from the tickets.
ALTER TABLE "helpdesk"."ticket_daily" ADD COLUMN "workflow_id" integer NOT NULL DEFAULT 0;
ALTER TABLE "helpdesk"."ticket_daily" DROP CONSTRAINT "ticket_daily_pkey";
ALTER TABLE "helpdesk"."ticket_daily" ADD PRIMARY KEY ("day", "department", "priority", "workflow_id");

CREATE OR REPLACE FUNCTION "helpdesk"."ticket_daily_apply"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  src text := CASE TG_OP
    WHEN \'INSERT\' THEN \'SELECT 1 AS sign, * FROM new_rows\'
    WHEN \'DELETE\' THEN \'SELECT -1 AS sign, * FROM old_rows\'
    ELSE \'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows\' END\073
BEGIN
  EXECUTE format($q$
  WITH changed AS (%s), parts AS (
    SELECT (created_at AT TIME ZONE \'UTC\')::date AS day, department, priority, workflow_id, sign AS created, 0 AS resolved, 0 AS rating, sign
      FROM changed
    UNION ALL
    SELECT (resolved_at AT TIME ZONE \'UTC\')::date, department, priority, workflow_id, 0, sign, 0, sign FROM changed WHERE resolved_at IS NOT NULL
    UNION ALL
    SELECT (csat_at AT TIME ZONE \'UTC\')::date, department, priority, workflow_id, 0, 0, csat_rating, sign
      FROM changed WHERE csat_rating BETWEEN 1 AND 5 AND csat_at IS NOT NULL
  ), delta AS (
    SELECT day, coalesce(department, \'\') AS department, coalesce(priority, \'\') AS priority, coalesce(workflow_id, 0) AS workflow_id,
           sum(created)::int AS created, sum(resolved)::int AS resolved,
           coalesce(sum(sign) FILTER (WHERE rating = 1), 0)::int AS c1, coalesce(sum(sign) FILTER (WHERE rating = 2), 0)::int AS c2,
           coalesce(sum(sign) FILTER (WHERE rating = 3), 0)::int AS c3, coalesce(sum(sign) FILTER (WHERE rating = 4), 0)::int AS c4,
           coalesce(sum(sign) FILTER (WHERE rating = 5), 0)::int AS c5
      FROM parts GROUP BY 1, 2, 3, 4
  )
  INSERT INTO "helpdesk"."ticket_daily" AS d (day, department, priority, workflow_id, created, resolved, csat_1, csat_2, csat_3, csat_4, csat_5)
  SELECT day, department, priority, workflow_id, created, resolved, c1, c2, c3, c4, c5 FROM delta
   WHERE created <> 0 OR resolved <> 0 OR c1 <> 0 OR c2 <> 0 OR c3 <> 0 OR c4 <> 0 OR c5 <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, department, priority, workflow_id) DO UPDATE SET
    created = d.created + EXCLUDED.created, resolved = d.resolved + EXCLUDED.resolved,
    csat_1 = d.csat_1 + EXCLUDED.csat_1, csat_2 = d.csat_2 + EXCLUDED.csat_2, csat_3 = d.csat_3 + EXCLUDED.csat_3,
    csat_4 = d.csat_4 + EXCLUDED.csat_4, csat_5 = d.csat_5 + EXCLUDED.csat_5
  $q$, src)\073
  RETURN NULL\073
END
';

DELETE FROM "helpdesk"."ticket_daily";
INSERT INTO "helpdesk"."ticket_daily" (day, department, priority, workflow_id, created, resolved, csat_1, csat_2, csat_3, csat_4, csat_5)
SELECT day, department, priority, workflow_id, sum(created), sum(resolved), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
  FROM (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, coalesce(department, '') AS department, coalesce(priority, '') AS priority,
           coalesce(workflow_id, 0) AS workflow_id, 1 AS created, 0 AS resolved, 0 AS c1, 0 AS c2, 0 AS c3, 0 AS c4, 0 AS c5
      FROM "helpdesk"."tickets"
    UNION ALL
    SELECT (resolved_at AT TIME ZONE 'UTC')::date, coalesce(department, ''), coalesce(priority, ''), coalesce(workflow_id, 0),
           0, 1, 0, 0, 0, 0, 0
      FROM "helpdesk"."tickets" WHERE resolved_at IS NOT NULL
    UNION ALL
    SELECT (csat_at AT TIME ZONE 'UTC')::date, coalesce(department, ''), coalesce(priority, ''), coalesce(workflow_id, 0), 0, 0,
           (csat_rating = 1)::int, (csat_rating = 2)::int, (csat_rating = 3)::int, (csat_rating = 4)::int, (csat_rating = 5)::int
      FROM "helpdesk"."tickets" WHERE csat_rating BETWEEN 1 AND 5 AND csat_at IS NOT NULL
  ) x
 GROUP BY 1, 2, 3, 4;
