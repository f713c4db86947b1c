-- 0013_requests_stats: the index the statistics of one department read
-- (/admin/stats for a department user, src/requests/db_stats.c): its
-- requests submitted in a period.  The period of every department reads
-- requests_created (0010).
ALTER TABLE requests
  ADD KEY requests_dept_created (department_id, created_at, id);
