-- 0004_staff: the staff area - roles, departments of staff, the second
-- factor, sessions, login throttling, the audit log and content revisions.
--
-- The workers' database account gets SELECT, INSERT, UPDATE, DELETE on
-- every table except audit_log, where it gets SELECT and INSERT only:
-- `agora-admin grants` prints those grants for the current schema (run
-- after every migrate, see README).

-- A user may hold several roles; the C table src/http/perm.c says what
-- each role may do.  department: the department whose citizens' requests
-- a "department" user handles (every query such a user runs is scoped by
-- it in its SQL).
CREATE TABLE user_roles (
  user_id INT UNSIGNED NOT NULL,
  role    ENUM('admin','editor','moderator','dispatcher','department',
               'operator','volunteer','professional') NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO user_roles (user_id, role)
  SELECT id, CASE role WHEN 'handler' THEN 'department' ELSE role END FROM users;

-- totp_secret: the RFC 6238 key (20 random bytes) once enrolment is
--   confirmed; totp_pending the key shown during enrolment, until the
--   user proves it with a code.  totp_last_step: the last time step
--   accepted, so a code is never accepted twice (RFC 6238 5.2).
-- password_changed_at, must_change: an admin's reset sets must_change, and
--   the user chooses a new password at the next login.
ALTER TABLE users
  DROP COLUMN role,
  ADD COLUMN department_id INT UNSIGNED NULL AFTER email,
  ADD COLUMN totp_secret VARBINARY(64) NULL,
  ADD COLUMN totp_pending VARBINARY(64) NULL,
  ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN must_change TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN password_changed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN last_login_at DATETIME NULL,
  ADD CONSTRAINT users_department FOREIGN KEY (department_id) REFERENCES departments (id);

-- Ten one-time recovery codes per user, stored as keyed BLAKE2b hashes
-- (the codes are random: a slow hash adds nothing, the key keeps a stolen
-- table from being checked offline).
CREATE TABLE recovery_codes (
  user_id   INT UNSIGNED NOT NULL,
  code_hash BINARY(32) NOT NULL,
  used_at   DATETIME NULL,
  PRIMARY KEY (user_id, code_hash),
  CONSTRAINT recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions.  The cookie holds 32 random bytes; the table only their
-- BLAKE2b hash, so a copy of the table signs nobody in.  stage: 'totp'
-- after the password when a code is still due, 'enrol' when the user must
-- first set up a second factor, 'full' once signed in.  csrf: the token
-- every state-changing form of the session carries.
CREATE TABLE sessions (
  id_hash      BINARY(32) NOT NULL PRIMARY KEY,
  user_id      INT UNSIGNED NOT NULL,
  stage        ENUM('totp','enrol','full') NOT NULL,
  csrf         CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at   DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  ip           VARCHAR(45) NOT NULL DEFAULT '',
  user_agent   VARCHAR(300) NOT NULL DEFAULT '',
  KEY sessions_user (user_id, last_seen_at),
  CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed logins, per account name (whether the account exists or not, so
-- the answers say nothing about it) and per client address.
CREATE TABLE login_throttle (
  kind         ENUM('user','ip') NOT NULL,
  k            VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  failures     INT UNSIGNED NOT NULL DEFAULT 0,
  last_failure DATETIME NOT NULL,
  locked_until DATETIME NULL,
  PRIMARY KEY (kind, k)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every staff write and every login event.  Append-only: the workers'
-- account may INSERT and SELECT, never UPDATE or DELETE (agora-admin
-- grants).  username is copied so a row still says who after the user is
-- renamed; summary is the before/after in words.
CREATE TABLE audit_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  user_id     INT UNSIGNED NULL,
  username    VARCHAR(64) NOT NULL DEFAULT '',
  action      VARCHAR(40) CHARACTER SET ascii NOT NULL,
  object_type VARCHAR(40) CHARACTER SET ascii NOT NULL DEFAULT '',
  object_id   VARCHAR(64) NOT NULL DEFAULT '',
  summary     TEXT NOT NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  KEY audit_at (at, id),
  KEY audit_user (user_id, id),
  KEY audit_action (action, id),
  KEY audit_object (object_type, object_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Revisions of everything staff edit: one row per save, with every field
-- of the item as it was saved (revision_fields), so any two can be
-- compared field by field and an earlier one restored.
CREATE TABLE revisions (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  object_type VARCHAR(40) CHARACTER SET ascii NOT NULL,
  object_id   INT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  user_id     INT UNSIGNED NULL,
  username    VARCHAR(64) NOT NULL DEFAULT '',
  note        VARCHAR(200) NOT NULL DEFAULT '',
  KEY revisions_object (object_type, object_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revision_fields (
  revision_id BIGINT UNSIGNED NOT NULL,
  name        VARCHAR(40) CHARACTER SET ascii NOT NULL,
  value       MEDIUMTEXT NULL,
  PRIMARY KEY (revision_id, name),
  CONSTRAINT revision_fields_revision FOREIGN KEY (revision_id) REFERENCES revisions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who last changed a news item (the admin list shows it); published_at
-- in the future is a scheduled item (SQL_NEWS_PUBLIC hides it until then).
ALTER TABLE news
  ADD COLUMN updated_by INT UNSIGNED NULL,
  -- the one-time token of the staff form that created it: a form sent
  -- twice creates one item
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY news_create_token (create_token),
  ADD KEY news_updated (updated_at, id),
  ADD KEY news_published_all (published_at, id);
