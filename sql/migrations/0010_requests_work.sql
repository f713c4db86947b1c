-- 0010_requests_work: what handling citizens' requests needs, in one place
-- for the public side (questions, photos, the map, following, the signed
-- links), the staff side (priority, assignment, duplicates, templates,
-- escalation) and the mail outbox every service sends through.
--
-- Personal data: requests.name/email/phone (0009), request_followers.email
-- and outbox.rcpt are read by staff pages and the mail sender only.

ALTER TABLE requests
  -- 1 urgent, 2 normal, 3 low
  ADD COLUMN priority       TINYINT UNSIGNED NOT NULL DEFAULT 2,
  ADD COLUMN assignee_id    INT UNSIGNED NULL,
  -- status 'duplicate': the request it repeats
  ADD COLUMN duplicate_of   INT UNSIGNED NULL,
  -- the point given on the map (WGS84), or none
  ADD COLUMN lat            DECIMAL(8,6) NULL,
  ADD COLUMN lon            DECIMAL(9,6) NULL,
  -- staff hid the description from the public (a face, a plate, a name)
  ADD COLUMN description_hidden TINYINT(1) NOT NULL DEFAULT 0,
  -- the staff user who filed it for a caller (channel 'phone')
  ADD COLUMN created_by     INT UNSIGNED NULL,
  ADD COLUMN first_reply_at DATETIME NULL,
  ADD COLUMN resolved_at    DATETIME NULL,
  -- the reporter confirmed the fix through the signed link
  ADD COLUMN confirmed_at   DATETIME NULL,
  -- the day the request was last in an escalation digest
  ADD COLUMN escalated_on   DATE NULL,
  ADD KEY requests_assignee (assignee_id, status, created_at, id),
  ADD KEY requests_due (status, due_date, id),
  ADD KEY requests_updated (updated_at, id),
  ADD KEY requests_created (created_at, id),
  -- open requests of a category near a point (duplicates within 100 m)
  ADD KEY requests_near (category_id, lat, lon),
  ADD CONSTRAINT requests_assignee FOREIGN KEY (assignee_id) REFERENCES users (id)
    ON DELETE SET NULL,
  ADD CONSTRAINT requests_duplicate FOREIGN KEY (duplicate_of) REFERENCES requests (id)
    ON DELETE SET NULL,
  ADD CONSTRAINT requests_created_by FOREIGN KEY (created_by) REFERENCES users (id)
    ON DELETE SET NULL,
  ADD CONSTRAINT requests_lat CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  ADD CONSTRAINT requests_lon CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  ADD CONSTRAINT requests_point CHECK ((lat IS NULL) = (lon IS NULL)),
  ADD CONSTRAINT requests_priority CHECK (priority BETWEEN 1 AND 3);

ALTER TABLE request_events
  -- who is meant: a change of department, assignee, category or priority
  -- is written here as text ("Τμήμα: Α → Β"), shown to staff only
  ADD COLUMN change_note VARCHAR(500) NULL,
  -- 'web' (the reporter's signed link), 'staff', 'system'
  ADD COLUMN source ENUM('staff','reporter','system') NOT NULL DEFAULT 'staff',
  ADD KEY request_events_at (at, id);

-- Per-category extra questions: text, number, one choice or several.
-- A choice with a stop message ends the submission with that message
-- ("for a gas smell call 199 now").
CREATE TABLE request_questions (
  id          SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id SMALLINT UNSIGNED NOT NULL,
  kind        ENUM('text','number','choice','multi') NOT NULL,
  label_el    VARCHAR(300) NOT NULL,
  label_en    VARCHAR(300) NOT NULL DEFAULT '',
  hint_el     VARCHAR(300) NOT NULL DEFAULT '',
  hint_en     VARCHAR(300) NOT NULL DEFAULT '',
  required    TINYINT(1) NOT NULL DEFAULT 0,
  -- number: the range accepted; text: max_value is the length
  min_value   INT NULL,
  max_value   INT NULL,
  active      TINYINT(1) NOT NULL DEFAULT 1,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  KEY request_questions_category (category_id, active, sort_order),
  CONSTRAINT request_questions_category FOREIGN KEY (category_id)
    REFERENCES request_categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE request_question_choices (
  id          SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  question_id SMALLINT UNSIGNED NOT NULL,
  label_el    VARCHAR(300) NOT NULL,
  label_en    VARCHAR(300) NOT NULL DEFAULT '',
  stop_el     VARCHAR(1000) NULL,
  stop_en     VARCHAR(1000) NULL,
  sort_order  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  KEY request_question_choices_question (question_id, sort_order),
  CONSTRAINT request_question_choices_question FOREIGN KEY (question_id)
    REFERENCES request_questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answers of a request (staff only).  value: the text or number as
-- given; for choices the chosen labels, "; "-separated, as they were when
-- answered (a later edit of a question does not rewrite what was said).
CREATE TABLE request_answers (
  request_id  INT UNSIGNED NOT NULL,
  question_id SMALLINT UNSIGNED NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (request_id, question_id),
  CONSTRAINT request_answers_request FOREIGN KEY (request_id) REFERENCES requests (id)
    ON DELETE CASCADE,
  CONSTRAINT request_answers_question FOREIGN KEY (question_id) REFERENCES request_questions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Up to 3 photos of a request: uploads through the media pipeline
-- (re-encoded, no EXIF, no GPS).  hidden: staff hid it from the public.
CREATE TABLE request_photos (
  request_id INT UNSIGNED NOT NULL,
  position   TINYINT UNSIGNED NOT NULL,
  item_id    INT UNSIGNED NOT NULL,
  hidden     TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (request_id, position),
  CONSTRAINT request_photos_request FOREIGN KEY (request_id) REFERENCES requests (id)
    ON DELETE CASCADE,
  CONSTRAINT request_photos_item FOREIGN KEY (item_id) REFERENCES media_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anyone may follow a request by e-mail: double opt-in (confirmed_at is
-- set by the link in the first mail), one-click unsubscribe with the same
-- random token.
CREATE TABLE request_followers (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id   INT UNSIGNED NOT NULL,
  email        VARCHAR(254) NOT NULL,
  lang         CHAR(2) NOT NULL DEFAULT 'el',
  token        CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  confirmed_at DATETIME NULL,
  UNIQUE KEY request_followers_token (token),
  UNIQUE KEY request_followers_email (request_id, email),
  CONSTRAINT request_followers_request FOREIGN KEY (request_id) REFERENCES requests (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Response templates for common replies.  The bodies may name the
-- request's fields: {code}, {category}, {address}, {due_date}, {department}.
CREATE TABLE request_templates (
  id         SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title      VARCHAR(150) NOT NULL,
  -- the status the reply suits (offered first there); NULL: any
  status     VARCHAR(20) CHARACTER SET ascii NULL,
  body_el    TEXT NOT NULL,
  body_en    TEXT NOT NULL,
  sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  KEY request_templates_order (sort_order, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The mail outbox (src/mail/outbox.h).  A message is a row committed in
-- the same transaction as what it tells of; `agora-admin outbox send`
-- delivers it.  message_id is made at insert, so a message sent twice
-- after a crash between SMTP's answer and the UPDATE is recognisable at
-- the receiver.  A sender claims a row until claimed_until (so that two
-- senders never send the same row at once); a failure sets next_try_at
-- with exponential backoff, and after the last try state 'failed'.
CREATE TABLE outbox (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          VARCHAR(40) CHARACTER SET ascii NOT NULL,
  rcpt          VARCHAR(254) NOT NULL,
  subject       VARCHAR(500) NOT NULL,
  body_text     MEDIUMTEXT NOT NULL,
  body_html     MEDIUMTEXT NULL,
  -- List-Unsubscribe: the one-click URL, where the message has one
  unsubscribe   VARCHAR(500) NULL,
  message_id    VARCHAR(200) CHARACTER SET ascii NOT NULL,
  state         ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  tries         TINYINT UNSIGNED NOT NULL DEFAULT 0,
  last_error    VARCHAR(500) NOT NULL DEFAULT '',
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  next_try_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  claimed_until DATETIME NULL,
  sent_at       DATETIME NULL,
  UNIQUE KEY outbox_message_id (message_id),
  KEY outbox_due (state, next_try_at, id),
  KEY outbox_created (created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Daily jobs that must run once a day however often they are started
-- (the escalation digest): the row for (job, day) is taken in the job's
-- transaction.
CREATE TABLE job_runs (
  job VARCHAR(40) CHARACTER SET ascii NOT NULL,
  day DATE NOT NULL,
  at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (job, day)
) ENGINE=InnoDB;
