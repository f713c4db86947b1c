-- 0006_schedule: scheduled publication of pages and events, and what the
-- staff editors of pages, events, the alert banner and the department
-- directory need (src/admin/pages.c, events.c, alerts.c, departments.c).
--
-- publish_at: NULL, or the time a published page or event appears on the
-- portal; until then the public queries hide it (SQL_PAGE_PUBLIC and
-- SQL_EVENT_PUBLIC in src/db/public.h), as news' published_at does.
-- updated_by: who saved it last.  create_token: the one-time token of the
-- staff form that created the row, so a form sent twice creates one row.
-- updated_at on alerts and departments: the version a staff form was
-- opened at, so two people saving the same row are told (as pages and
-- events already have it).
ALTER TABLE pages
  ADD COLUMN publish_at DATETIME NULL AFTER status,
  ADD COLUMN updated_by INT UNSIGNED NULL,
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY pages_create_token (create_token);

ALTER TABLE events
  ADD COLUMN publish_at DATETIME NULL AFTER status,
  ADD COLUMN updated_by INT UNSIGNED NULL,
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY events_create_token (create_token),
  -- the staff list of every status, in starting order
  ADD KEY events_starts_all (starts_at, id);

ALTER TABLE alerts
  ADD COLUMN updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ADD COLUMN updated_by INT UNSIGNED NULL,
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY alerts_create_token (create_token);

ALTER TABLE departments
  ADD COLUMN updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ADD COLUMN updated_by INT UNSIGNED NULL,
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY departments_create_token (create_token);
