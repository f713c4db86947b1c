-- 0001_init: categories, news items and staff users.
-- Applied by `agora-admin migrate`, which records it in schema_migrations.

CREATE TABLE categories (
  id         TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  slug       VARCHAR(40)  NOT NULL,
  name_el    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  sort_order TINYINT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY categories_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO categories (id, slug, name_el, name_en, sort_order) VALUES
  (1, 'nea',          'Νέα',                        'News',                 1),
  (2, 'anakoinoseis', 'Ανακοινώσεις',               'Announcements',        2),
  (3, 'deltia-typou', 'Δελτία Τύπου',               'Press releases',       3),
  (4, 'prokirixeis',  'Προκηρύξεις / Διαγωνισμοί',  'Tenders and calls',    4);

-- A news item.  body is the text as written by staff; paragraphs are
-- separated by blank lines.  slug is derived from the title (ELOT 743) and
-- only used in the URL: the id is what identifies the item.
CREATE TABLE news (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id  TINYINT UNSIGNED NOT NULL,
  slug         VARCHAR(100) NOT NULL DEFAULT '',
  title        VARCHAR(300) NOT NULL,
  summary      VARCHAR(1000) NOT NULL DEFAULT '',
  body         MEDIUMTEXT NOT NULL,
  status       ENUM('draft','published') NOT NULL DEFAULT 'published',
  published_at DATETIME NOT NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY news_published (status, published_at, id),
  KEY news_category (category_id, status, published_at, id),
  CONSTRAINT news_category_fk FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff accounts.  password_hash is libsodium's crypto_pwhash_str (argon2id).
CREATE TABLE users (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(200) NOT NULL DEFAULT '',
  email         VARCHAR(254) NOT NULL DEFAULT '',
  password_hash VARCHAR(255) NOT NULL,
  role          ENUM('admin','editor','handler','operator','moderator') NOT NULL DEFAULT 'editor',
  active        TINYINT(1) NOT NULL DEFAULT 1,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
