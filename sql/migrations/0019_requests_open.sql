-- 0019_requests_open: "open" as a column the indexes can hold.  The staff
-- queue filtered to open or overdue requests, the dashboard's counts, the
-- statistics' overdue count and the daily escalation all ask for the open
-- requests, which a municipality has a few hundred of whatever its
-- history; with the status list as a condition, each walked the
-- department's (or the whole table's) requests from the newest and
-- skipped the closed ones - a cost that grows with every year kept (at
-- 300 000 requests the queue read 2 000 rows for 50).  is_open is
-- computed by the server from status (src/requests/rules.h RQ_OPEN_SQL
-- reads it), never written, and each index below starts where a filter
-- does, so a page reads about its own rows.

ALTER TABLE requests
  ADD COLUMN is_open TINYINT(1) AS
    (status IN ('submitted','acknowledged','in_progress','scheduled','reopened')) VIRTUAL,
  ADD KEY requests_open (is_open, created_at, id),
  ADD KEY requests_open_due (is_open, due_date, id),
  ADD KEY requests_open_dept (department_id, is_open, created_at, id),
  ADD KEY requests_open_dept_due (department_id, is_open, due_date, id);
