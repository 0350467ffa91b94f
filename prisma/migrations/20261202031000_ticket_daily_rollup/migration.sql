-- Daily rollup of help-desk tickets for the reports (issue 12): per UTC day, department and priority, the tickets
-- created, resolved and rated (by star). A year of created vs resolved and CSAT then reads about 6 000 rows instead
-- of a million tickets. Statement-level triggers with transition tables keep it exact inside the transaction of
-- every write (one aggregate per statement, so bulk loads stay set-based). Kept out of the Prisma schema:
-- the application only reads it with SQL, and only the triggers write it.
CREATE TABLE "helpdesk"."ticket_daily" (
  "day" date NOT NULL,
  "department" varchar(64) NOT NULL,
  "priority" varchar(16) NOT NULL,
  "created" integer NOT NULL DEFAULT 0,
  "resolved" integer NOT NULL DEFAULT 0,
  "csat_1" integer NOT NULL DEFAULT 0,
  "csat_2" integer NOT NULL DEFAULT 0,
  "csat_3" integer NOT NULL DEFAULT 0,
  "csat_4" integer NOT NULL DEFAULT 0,
  "csat_5" integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("day", "department", "priority")
);

-- What the rows of one statement contribute, signed: +1 for the rows after it, -1 for the rows before it, a
-- created row on its creation day, a resolved row on its resolution day, a rating on the day it was given.
-- The rows source is chosen per operation (a transition table exists only for the operations that have it).
-- The body is an E-string with each semicolon written as \073: the migration runner splits scripts at every
-- semicolon, dollar quotes included.
CREATE FUNCTION "helpdesk"."ticket_daily_apply"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  src text := CASE TG_OP
    WHEN \'INSERT\' THEN \'SELECT 1 AS sign, * FROM new_rows\'
    WHEN \'DELETE\' THEN \'SELECT -1 AS sign, * FROM old_rows\'
    ELSE \'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows\' END\073
BEGIN
  EXECUTE format($q$
  WITH changed AS (%s), parts AS (
    SELECT (created_at AT TIME ZONE \'UTC\')::date AS day, department, priority, sign AS created, 0 AS resolved, 0 AS rating, sign
      FROM changed
    UNION ALL
    SELECT (resolved_at AT TIME ZONE \'UTC\')::date, department, priority, 0, sign, 0, sign FROM changed WHERE resolved_at IS NOT NULL
    UNION ALL
    SELECT (csat_at AT TIME ZONE \'UTC\')::date, department, priority, 0, 0, csat_rating, sign
      FROM changed WHERE csat_rating BETWEEN 1 AND 5 AND csat_at IS NOT NULL
  ), delta AS (
    SELECT day, coalesce(department, \'\') AS department, coalesce(priority, \'\') AS priority,
           sum(created)::int AS created, sum(resolved)::int AS resolved,
           coalesce(sum(sign) FILTER (WHERE rating = 1), 0)::int AS c1, coalesce(sum(sign) FILTER (WHERE rating = 2), 0)::int AS c2,
           coalesce(sum(sign) FILTER (WHERE rating = 3), 0)::int AS c3, coalesce(sum(sign) FILTER (WHERE rating = 4), 0)::int AS c4,
           coalesce(sum(sign) FILTER (WHERE rating = 5), 0)::int AS c5
      FROM parts GROUP BY 1, 2, 3
  )
  INSERT INTO "helpdesk"."ticket_daily" AS d (day, department, priority, created, resolved, csat_1, csat_2, csat_3, csat_4, csat_5)
  SELECT day, department, priority, created, resolved, c1, c2, c3, c4, c5 FROM delta
   WHERE created <> 0 OR resolved <> 0 OR c1 <> 0 OR c2 <> 0 OR c3 <> 0 OR c4 <> 0 OR c5 <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT (day, department, priority) DO UPDATE SET
    created = d.created + EXCLUDED.created, resolved = d.resolved + EXCLUDED.resolved,
    csat_1 = d.csat_1 + EXCLUDED.csat_1, csat_2 = d.csat_2 + EXCLUDED.csat_2, csat_3 = d.csat_3 + EXCLUDED.csat_3,
    csat_4 = d.csat_4 + EXCLUDED.csat_4, csat_5 = d.csat_5 + EXCLUDED.csat_5
  $q$, src)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "ticket_daily_insert" AFTER INSERT ON "helpdesk"."tickets"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk"."ticket_daily_apply"();
CREATE TRIGGER "ticket_daily_update" AFTER UPDATE ON "helpdesk"."tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk"."ticket_daily_apply"();
CREATE TRIGGER "ticket_daily_delete" AFTER DELETE ON "helpdesk"."tickets"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk"."ticket_daily_apply"();

-- The tickets that exist already.
INSERT INTO "helpdesk"."ticket_daily" (day, department, priority, created, resolved, csat_1, csat_2, csat_3, csat_4, csat_5)
SELECT day, department, priority, sum(created), sum(resolved), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
  FROM (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, coalesce(department, '') AS department, coalesce(priority, '') AS priority,
           1 AS created, 0 AS resolved, 0 AS c1, 0 AS c2, 0 AS c3, 0 AS c4, 0 AS c5 FROM "helpdesk"."tickets"
    UNION ALL
    SELECT (resolved_at AT TIME ZONE 'UTC')::date, coalesce(department, ''), coalesce(priority, ''), 0, 1, 0, 0, 0, 0, 0
      FROM "helpdesk"."tickets" WHERE resolved_at IS NOT NULL
    UNION ALL
    SELECT (csat_at AT TIME ZONE 'UTC')::date, coalesce(department, ''), coalesce(priority, ''), 0, 0,
           (csat_rating = 1)::int, (csat_rating = 2)::int, (csat_rating = 3)::int, (csat_rating = 4)::int, (csat_rating = 5)::int
      FROM "helpdesk"."tickets" WHERE csat_rating BETWEEN 1 AND 5 AND csat_at IS NOT NULL
  ) x
 GROUP BY 1, 2, 3;
