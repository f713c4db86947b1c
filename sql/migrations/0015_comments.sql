-- 0015_comments: reader comments on news items and on citizens' requests
-- (src/comments/), their moderation (src/admin/comments.c), readers'
-- flags, the moderators' blocklist and the log of moderators' edits.

-- Moderation per news category: 'pre' (a comment waits for a moderator,
-- the default) or 'post' (it is published at once and moderated after).
ALTER TABLE categories
  ADD COLUMN comment_moderation ENUM('pre','post') NOT NULL DEFAULT 'pre';

-- Per article: comments_closed 1 closes them whatever the date (conf
-- comment_close_days closes them that many days after publication);
-- comment_count is the number of published comments and replies, kept by
-- the comments module in the transaction that changes a status, for the
-- lists.
ALTER TABLE news
  ADD COLUMN comments_closed TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN comment_count INT UNSIGNED NOT NULL DEFAULT 0;

-- A comment, on a news item or on a request (exactly one of news_id and
-- request_id).  parent_id: the comment it answers (one level: a parent
-- has no parent).  status:
--   pending   waiting for a moderator (pre-moderation, or hidden by flags)
--   approved  published
--   rejected, spam   refused by a moderator (kept for abuse review)
--   deleted   removed by its author (signed link): text and name erased
--             (one with published replies stays approved, deleted_at set)
-- official: written by staff (user_id) as the municipality's answer.
-- email is never shown anywhere; ip (INET6_ATON) is kept for the rate
-- limit and abuse review and set to NULL after conf comment_ip_days
-- (agora-admin comments purge).  body_hash (SHA-256 of the folded text)
-- finds identical repeats.  form_token makes a repeated POST harmless.
-- answer_event: on a request, the history row (request_events) that is
-- the municipality's public reply to this comment.
CREATE TABLE comments (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  news_id      INT UNSIGNED NULL,
  request_id   INT UNSIGNED NULL,
  parent_id    BIGINT UNSIGNED NULL,
  status       ENUM('pending','approved','rejected','spam','deleted') NOT NULL DEFAULT 'pending',
  official     TINYINT(1) NOT NULL DEFAULT 0,
  user_id      INT UNSIGNED NULL,
  author_name  VARCHAR(80) NOT NULL,
  email        VARCHAR(254) NULL,
  body         TEXT NOT NULL,
  links_allowed TINYINT(1) NOT NULL DEFAULT 0,
  lang         CHAR(2) CHARACTER SET ascii NOT NULL DEFAULT 'el',
  ip           VARBINARY(16) NULL,
  body_hash    BINARY(32) NOT NULL,
  flag_count   SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  hidden_by_flags TINYINT(1) NOT NULL DEFAULT 0,
  digested     TINYINT(1) NOT NULL DEFAULT 0,
  form_token   CHAR(43) CHARACTER SET ascii NULL,
  answer_event BIGINT UNSIGNED NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_at DATETIME NULL,
  moderated_at DATETIME NULL,
  moderated_by INT UNSIGNED NULL,
  edited_at    DATETIME NULL,
  -- deleted by its author while it had published replies: kept, empty,
  -- as "deleted by its author", so that the replies keep their place
  deleted_at   DATETIME NULL,
  UNIQUE KEY comments_token (form_token),
  -- a thread's page: the top-level comments of an item in order
  KEY comments_news (news_id, status, parent_id, id),
  KEY comments_request (request_id, status, parent_id, id),
  -- the replies to the comments of a page
  KEY comments_parent (parent_id, status, id),
  -- the moderation queue, newest first, by status
  KEY comments_status (status, id),
  -- the rate limit and identical repeats (recent rows of an address)
  KEY comments_ip (ip, created_at),
  KEY comments_hash (body_hash, created_at),
  -- the digest of what waits, and the purge of old addresses
  KEY comments_digest (digested, status, id),
  KEY comments_created (created_at, id),
  CONSTRAINT comments_news FOREIGN KEY (news_id) REFERENCES news (id) ON DELETE CASCADE,
  CONSTRAINT comments_request FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE CASCADE,
  CONSTRAINT comments_parent FOREIGN KEY (parent_id) REFERENCES comments (id) ON DELETE CASCADE,
  CONSTRAINT comments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT comments_one_target CHECK ((news_id IS NULL) <> (request_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reader's flag on a published comment: one per address and comment
-- (ip as in comments, erased with it; the row stays to count).
CREATE TABLE comment_flags (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id  BIGINT UNSIGNED NOT NULL,
  reason      ENUM('spam','offensive','off_topic') NOT NULL,
  ip          VARBINARY(16) NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY comment_flags_once (comment_id, ip),
  KEY comment_flags_created (created_at, id),
  CONSTRAINT comment_flags_comment FOREIGN KEY (comment_id) REFERENCES comments (id)
    ON DELETE CASCADE
) ENGINE=InnoDB;

-- A moderator's edit of a comment: the text before and after, who, when.
CREATE TABLE comment_edits (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id  BIGINT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  body_before TEXT NOT NULL,
  body_after  TEXT NOT NULL,
  KEY comment_edits_comment (comment_id, id),
  CONSTRAINT comment_edits_comment FOREIGN KEY (comment_id) REFERENCES comments (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The moderators' blocklist: PCRE2 patterns (UTF, caseless) matched
-- against a comment's name and text; a match refuses the post.
CREATE TABLE comment_blocklist (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  pattern     VARCHAR(500) NOT NULL,
  note        VARCHAR(200) NOT NULL DEFAULT '',
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- On a request: the history row that answers a resident's comment.
ALTER TABLE request_events
  ADD COLUMN comment_id BIGINT UNSIGNED NULL;
