-- The workflow's copy of the help-desk status went stale (only Closed, Withdrawn, Rejected and "Reopened" reached
-- it). From now on every status change keeps it current (tts.update_sla_status), so bring existing copies up to date.
UPDATE "workflow"."tickets" AS w
SET hdts_status = t.status
FROM "helpdesk"."tickets" AS t
WHERE t.ticket_number = w.ticket_number AND w.hdts_status IS DISTINCT FROM t.status;
