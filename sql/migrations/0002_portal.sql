-- 0002_portal: the public portal of issue 3 - English versions, Markdown
-- rendered at save time, tenders, tags, attachments, the page tree, the
-- department directory, events, alerts, accessibility feedback and the
-- full-text indexes of the search.

-- News: optional English title/summary/body; body (Markdown, as written by
-- staff) is rendered once into body_html when saved.  A tender has a
-- deadline; an item may have a lead image (a path under /static/ or /media/).
ALTER TABLE news
  ADD COLUMN title_en     VARCHAR(300)  NULL AFTER title,
  ADD COLUMN summary_en   VARCHAR(1000) NULL AFTER summary,
  ADD COLUMN body_en      MEDIUMTEXT    NULL AFTER body,
  ADD COLUMN body_html    MEDIUMTEXT    NULL AFTER body_en,
  ADD COLUMN body_en_html MEDIUMTEXT    NULL AFTER body_html,
  ADD COLUMN lead_image     VARCHAR(255) NULL,
  ADD COLUMN lead_image_alt VARCHAR(300) NULL,
  ADD COLUMN deadline     DATETIME NULL,
  ADD FULLTEXT KEY news_search (title, summary, body),
  ADD FULLTEXT KEY news_search_en (title_en, summary_en, body_en);

CREATE TABLE tags (
  id      INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug    VARCHAR(80)  NOT NULL,
  name_el VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NULL,
  UNIQUE KEY tags_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE news_tags (
  news_id INT UNSIGNED NOT NULL,
  tag_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (news_id, tag_id),
  KEY news_tags_tag (tag_id, news_id),
  CONSTRAINT news_tags_news FOREIGN KEY (news_id) REFERENCES news (id) ON DELETE CASCADE,
  CONSTRAINT news_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Documents attached to an item (tenders: the call, the budget, forms).
CREATE TABLE news_attachments (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  news_id    INT UNSIGNED NOT NULL,
  title      VARCHAR(300) NOT NULL,
  title_en   VARCHAR(300) NULL,
  url        VARCHAR(500) NOT NULL,
  mime       VARCHAR(100) NOT NULL DEFAULT 'application/pdf',
  size_bytes INT UNSIGNED NOT NULL DEFAULT 0,
  sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  KEY news_attachments_news (news_id, sort_order),
  CONSTRAINT news_attachments_news FOREIGN KEY (news_id) REFERENCES news (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The tree of pages under /p/.  A page's URL is the slugs of its ancestors
-- and its own; sort_order orders siblings (and the main menu, built from
-- the top level pages with in_menu = 1).
CREATE TABLE pages (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id    INT UNSIGNED NULL,
  slug         VARCHAR(100) NOT NULL,
  title        VARCHAR(300) NOT NULL,
  title_en     VARCHAR(300) NULL,
  summary      VARCHAR(1000) NOT NULL DEFAULT '',
  summary_en   VARCHAR(1000) NULL,
  body         MEDIUMTEXT NOT NULL,
  body_en      MEDIUMTEXT NULL,
  body_html    MEDIUMTEXT NULL,
  body_en_html MEDIUMTEXT NULL,
  sort_order   SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  in_menu      TINYINT(1) NOT NULL DEFAULT 0,
  -- 'departments': the page also shows the department directory
  special      ENUM('none','departments') NOT NULL DEFAULT 'none',
  status       ENUM('draft','published') NOT NULL DEFAULT 'published',
  updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  -- parent_id NULL is not unique in SQL: root_key makes top-level slugs unique
  root_key     INT UNSIGNED AS (COALESCE(parent_id, 0)) PERSISTENT,
  UNIQUE KEY pages_slug (root_key, slug),
  KEY pages_children (parent_id, sort_order),
  FULLTEXT KEY pages_search (title, summary, body),
  FULLTEXT KEY pages_search_en (title_en, summary_en, body_en),
  CONSTRAINT pages_parent FOREIGN KEY (parent_id) REFERENCES pages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The department directory: structured contact data, not free text.
CREATE TABLE departments (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(300) NOT NULL,
  name_en    VARCHAR(300) NULL,
  head       VARCHAR(200) NOT NULL DEFAULT '',   -- the office, e.g. "Προϊστάμενος"
  phone      VARCHAR(40)  NOT NULL DEFAULT '',
  email      VARCHAR(254) NOT NULL DEFAULT '',
  hours      VARCHAR(200) NOT NULL DEFAULT '',
  hours_en   VARCHAR(200) NULL,
  address    VARCHAR(300) NOT NULL DEFAULT '',
  address_en VARCHAR(300) NULL,
  sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  KEY departments_order (sort_order, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE events (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug         VARCHAR(100) NOT NULL DEFAULT '',
  title        VARCHAR(300) NOT NULL,
  title_en     VARCHAR(300) NULL,
  summary      VARCHAR(1000) NOT NULL DEFAULT '',
  summary_en   VARCHAR(1000) NULL,
  body         MEDIUMTEXT NOT NULL,
  body_en      MEDIUMTEXT NULL,
  body_html    MEDIUMTEXT NULL,
  body_en_html MEDIUMTEXT NULL,
  starts_at    DATETIME NOT NULL,
  ends_at      DATETIME NULL,
  place        VARCHAR(300) NOT NULL DEFAULT '',
  place_en     VARCHAR(300) NULL,
  lat          DECIMAL(9,6) NULL,
  lon          DECIMAL(9,6) NULL,
  status       ENUM('draft','published') NOT NULL DEFAULT 'published',
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY events_starts (status, starts_at, id),
  FULLTEXT KEY events_search (title, summary, body),
  FULLTEXT KEY events_search_en (title_en, summary_en, body_en)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Site-wide emergency alerts, shown on every page while active.
CREATE TABLE alerts (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  severity   ENUM('info','warning','critical') NOT NULL DEFAULT 'warning',
  message    VARCHAR(500) NOT NULL,
  message_en VARCHAR(500) NULL,
  starts_at  DATETIME NOT NULL,
  ends_at    DATETIME NOT NULL,
  KEY alerts_active (ends_at, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Messages from the accessibility statement's feedback form.  Name and
-- e-mail are personal data: staff only, never shown publicly.  token is the
-- form's one-time token: a resubmitted form hits the UNIQUE key and is
-- answered "already received" instead of stored twice.
CREATE TABLE accessibility_feedback (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token      CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name       VARCHAR(200) NOT NULL DEFAULT '',
  email      VARCHAR(254) NOT NULL DEFAULT '',
  page_url   VARCHAR(500) NOT NULL DEFAULT '',
  message    TEXT NOT NULL,
  lang       CHAR(2) NOT NULL DEFAULT 'el',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  notified_at DATETIME NULL,
  UNIQUE KEY accessibility_feedback_token (token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
