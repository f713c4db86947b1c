-- 0005_media: uploaded images and PDF documents (src/media/media.h).
--
-- media holds bytes, once each, keyed by their SHA-256: the variants
-- media_process makes of an image (320, 640, 1280 pixels wide and the
-- largest, at most 2560) and PDFs as uploaded.  An image's original is never
-- stored: it may carry the camera's GPS position, and the variants are all
-- that is published.  media_items is what staff uploaded (one image or one
-- document); media_variants links an item to its rows of media.  The same
-- bytes uploaded twice are one row of media shared by two items.
--
-- Bytes up to 32 MiB (MEDIA_MAX_PDF_BYTES) travel in one statement: the
-- server's max_allowed_packet (16M by default) must be larger than that.

CREATE TABLE media (
  sha256     CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  mime       ENUM('image/jpeg','image/png','image/webp','application/pdf')
             CHARACTER SET ascii NOT NULL,
  bytes      LONGBLOB NOT NULL,
  -- LENGTH(bytes), so that a list of files need not read the blobs.
  size       INT UNSIGNED NOT NULL,
  -- An image's size in pixels; NULL for a PDF.
  width      SMALLINT UNSIGNED NULL,
  height     SMALLINT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT media_sha256 CHECK (sha256 REGEXP '^[0-9a-f]{64}\\z'),
  CONSTRAINT media_size CHECK (size = LENGTH(bytes)),
  CONSTRAINT media_dims CHECK ((mime = 'application/pdf') = (width IS NULL)
                               AND (width IS NULL) = (height IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One upload.  alt_el and alt_en describe an image for those who cannot see
-- it: the application requires them for images (the database does not, so
-- that a decorative image can later be marked as such with an empty alt).
-- filename is the name it was uploaded under, shown as a document's link
-- text; it is never used as a path, and never tells the type (media.mime
-- does, from the bytes).  source_sha256 is of the uploaded bytes, to find a
-- re-upload of the same original.  uploaded_by is NULL once the user is
-- deleted (or for a file loaded by agora-admin).
CREATE TABLE media_items (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          ENUM('image','pdf') NOT NULL,
  source_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  width         SMALLINT UNSIGNED NULL,
  height        SMALLINT UNSIGNED NULL,
  filename      VARCHAR(255) NOT NULL DEFAULT '',
  alt_el        VARCHAR(1000) NOT NULL DEFAULT '',
  alt_en        VARCHAR(1000) NOT NULL DEFAULT '',
  uploaded_by   INT UNSIGNED NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY media_items_source (source_sha256),
  KEY media_items_created (created_at, id),
  CONSTRAINT media_items_source_hex CHECK (source_sha256 REGEXP '^[0-9a-f]{64}\\z'),
  CONSTRAINT media_items_user_fk FOREIGN KEY (uploaded_by) REFERENCES users (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The files of an upload: an image's variants (their widths are in media),
-- a document's one file.  Bytes are kept while an item names them.
CREATE TABLE media_variants (
  item_id INT UNSIGNED NOT NULL,
  sha256  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (item_id, sha256),
  KEY media_variants_sha256 (sha256),
  CONSTRAINT media_variants_item_fk FOREIGN KEY (item_id) REFERENCES media_items (id)
    ON DELETE CASCADE,
  CONSTRAINT media_variants_media_fk FOREIGN KEY (sha256) REFERENCES media (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
