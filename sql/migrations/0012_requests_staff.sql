-- 0012_requests_staff: what the staff queue of citizens' requests
-- (/admin/requests, src/admin/db_rq_admin.c) needs beyond 0010.
--
-- Every order the queue offers has an index that gives it without a sort,
-- also within one department (department staff only ever see their own):
-- newest / oldest (created_at, id), due date (due_date, id) and priority
-- (priority, created_at, id).  0009/0010 give the status, category, area,
-- assignee and the whole-table ones.  A response template's creating form
-- keeps its one-time token, so sending it twice makes one template.
-- requests_dept_created also serves a department user's statistics
-- (src/requests/db_stats.c: its requests submitted in a period).

ALTER TABLE requests
  ADD KEY requests_dept_created (department_id, created_at, id),
  ADD KEY requests_dept_due (department_id, due_date, id),
  ADD KEY requests_dept_priority (department_id, priority, created_at, id),
  ADD KEY requests_priority (priority, created_at, id),
  ADD KEY requests_due_all (due_date, id);

ALTER TABLE request_templates
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY request_templates_token (create_token);
