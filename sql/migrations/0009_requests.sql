-- 0009_requests: citizens' requests (αιτήματα πολιτών), first part: the
-- categories (in groups, each routed to a department with a service level
-- in working days), the municipal communities a request is in, the
-- requests themselves and their history.
--
-- Personal data (name, email, phone) lives in requests and is read by
-- staff pages only; no public query selects those columns.

CREATE TABLE request_groups (
  id         TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  name_el    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  sort_order TINYINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE request_categories (
  id              SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  group_id        TINYINT UNSIGNED NOT NULL,
  name_el         VARCHAR(150) NOT NULL,
  name_en         VARCHAR(150) NOT NULL,
  department_id   INT UNSIGNED NULL,        -- NULL: the dispatchers route it
  sla_days        TINYINT UNSIGNED NOT NULL DEFAULT 10,  -- working days
  allow_anonymous TINYINT(1) NOT NULL DEFAULT 0,
  active          TINYINT(1) NOT NULL DEFAULT 1,
  sort_order      TINYINT UNSIGNED NOT NULL DEFAULT 0,
  CONSTRAINT request_categories_group FOREIGN KEY (group_id) REFERENCES request_groups (id),
  CONSTRAINT request_categories_department FOREIGN KEY (department_id) REFERENCES departments (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The usual categories of a Greek municipality; a site routes them to its
-- departments (the demo does).
INSERT INTO request_groups (id, name_el, name_en, sort_order) VALUES
  (1, 'Δρόμοι και κοινόχρηστοι χώροι', 'Streets and public spaces', 1),
  (2, 'Καθαριότητα και περιβάλλον', 'Cleaning and environment', 2),
  (3, 'Άλλα θέματα', 'Other matters', 3);
INSERT INTO request_categories (id, group_id, name_el, name_en, sla_days, allow_anonymous, sort_order) VALUES
  (1, 1, 'Ηλεκτροφωτισμός', 'Street lighting', 5, 1, 1),
  (2, 1, 'Δρόμοι και πεζοδρόμια', 'Roads and pavements', 15, 1, 2),
  (3, 1, 'Πράσινο και πάρκα', 'Greenery and parks', 10, 1, 3),
  (4, 2, 'Καθαριότητα και απορρίμματα', 'Cleaning and waste', 3, 1, 4),
  (5, 2, 'Ύδρευση και αποχέτευση', 'Water and sewage', 3, 0, 5),
  (6, 2, 'Αδέσποτα ζώα', 'Stray animals', 7, 1, 6),
  (7, 3, 'Θόρυβος', 'Noise', 10, 0, 7),
  (8, 3, 'Άλλο', 'Other', 15, 0, 8);

-- The municipal communities (δημοτικές / τοπικές κοινότητες).
CREATE TABLE areas (
  id         SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name_el    VARCHAR(150) NOT NULL,
  name_en    VARCHAR(150) NOT NULL,
  sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The yearly protocol numbers (αριθμός πρωτοκόλλου): one row per year,
-- its last number; taken in the submission's transaction (row lock), so
-- the numbers have no gaps and no doubles.
CREATE TABLE protocol_counters (
  year SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE requests (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          CHAR(11) CHARACTER SET ascii NOT NULL,       -- "2026-000123"
  year          SMALLINT UNSIGNED NOT NULL,
  protocol_no   INT UNSIGNED NOT NULL,
  token         CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  category_id   SMALLINT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NULL,
  area_id       SMALLINT UNSIGNED NULL,
  description   TEXT NOT NULL,
  address       VARCHAR(300) NOT NULL,
  status        ENUM('submitted','acknowledged','in_progress','scheduled','resolved',
                     'rejected','duplicate','not_ours','reopened') NOT NULL DEFAULT 'submitted',
  channel       ENUM('web','phone','open311') NOT NULL DEFAULT 'web',
  -- personal data: staff only
  name          VARCHAR(200) NOT NULL DEFAULT '',
  email         VARCHAR(254) NOT NULL DEFAULT '',
  phone         VARCHAR(40) NOT NULL DEFAULT '',
  consent_at    DATETIME NOT NULL,
  lang          CHAR(2) NOT NULL DEFAULT 'el',
  due_date      DATE NOT NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY requests_code (code),
  UNIQUE KEY requests_protocol (year, protocol_no),
  UNIQUE KEY requests_token (token),
  KEY requests_status (status, created_at, id),
  KEY requests_category (category_id, created_at, id),
  KEY requests_area (area_id, created_at, id),
  KEY requests_department (department_id, status, created_at, id),
  CONSTRAINT requests_category FOREIGN KEY (category_id) REFERENCES request_categories (id),
  CONSTRAINT requests_department FOREIGN KEY (department_id) REFERENCES departments (id)
    ON DELETE SET NULL,
  CONSTRAINT requests_area FOREIGN KEY (area_id) REFERENCES areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The history of a request: every change of status, every public reply
-- (shown on the tracking page) and internal note (staff only).
CREATE TABLE request_events (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id  INT UNSIGNED NOT NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  status_from VARCHAR(20) CHARACTER SET ascii NULL,
  status_to   VARCHAR(20) CHARACTER SET ascii NULL,
  reply       TEXT NULL,        -- public
  note        TEXT NULL,        -- internal
  user_id     INT UNSIGNED NULL,
  KEY request_events_request (request_id, id),
  CONSTRAINT request_events_request FOREIGN KEY (request_id) REFERENCES requests (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
