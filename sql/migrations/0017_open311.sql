-- 0017_open311: the keys of the Open311 API (src/open311/keys.c).  An
-- administrator issues a key to an app or a back office in
-- /admin/api-keys; it is shown once, and only its hash is kept, so a
-- copy of the database gives no one a working key.  A key files citizens'
-- requests through POST /open311/v2/requests (channel 'open311'), at most
-- per_hour of them an hour (api_key_hours counts them).

CREATE TABLE api_keys (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- who holds it ("FixMyStreet Λέσβου") and how to reach them (staff only)
  name         VARCHAR(200) NOT NULL,
  contact      VARCHAR(254) NOT NULL DEFAULT '',
  -- the key's first characters after "agora_", to tell keys apart in lists and logs
  prefix       CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- BLAKE2b-256 of the whole key (32 random bytes: a slow hash adds nothing)
  hash         BINARY(32) NOT NULL,
  per_hour     SMALLINT UNSIGNED NOT NULL DEFAULT 100,
  -- the creating form's one-time token: sending it twice makes one key
  create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  created_by   INT UNSIGNED NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_used_at DATETIME NULL,
  revoked_at   DATETIME NULL,
  revoked_by   INT UNSIGNED NULL,
  UNIQUE KEY api_keys_hash (hash),
  UNIQUE KEY api_keys_token (create_token),
  KEY api_keys_list (revoked_at, id),
  CONSTRAINT api_keys_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT api_keys_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- POSTs of a key per clock hour, for its limit; rows older than a day go.
CREATE TABLE api_key_hours (
  key_id INT UNSIGNED NOT NULL,
  hour   DATETIME NOT NULL,
  n      INT UNSIGNED NOT NULL,
  PRIMARY KEY (key_id, hour),
  CONSTRAINT api_key_hours_key FOREIGN KEY (key_id) REFERENCES api_keys (id) ON DELETE CASCADE
) ENGINE=InnoDB;
