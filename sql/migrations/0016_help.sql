-- 0016_help: the support desk for vulnerable residents (Βοήθεια στο
-- Σπίτι, src/help/): the beneficiaries' registry, their cases (requests
-- for medicines, groceries, meals, errands, medical advice, psychological
-- support), the volunteers and professionals who carry them out, and the
-- link to the pharmacists' association.
--
-- Special-category data (GDPR Art. 9: health) lives only in the three
-- tables help_health, help_case_health and help_health_notes.  Only
-- src/help/health.c reads them, for the roles that need them, and every
-- read writes a row of audit_log in the same request.  Nothing of these
-- tables ever appears on a public page, feed or API.

-- A resident who receives help.  phone is the key an operator searches
-- by: digits only, normalised by help_phone_norm (no spaces, no +30).
-- area_id is the village (areas, shared with citizens' requests).
-- household: ordinary notes on the household (who lives there, how to
-- get in, a dog); anything about health goes to help_health.
-- consent_*: when, how and by whom the resident's consent was recorded.
-- anonymised_at: set by `agora-admin help purge` when the resident had no
-- case for help_retention_days: every personal field is then emptied.
CREATE TABLE help_beneficiaries (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  first_name    VARCHAR(100) NOT NULL,
  last_name     VARCHAR(100) NOT NULL DEFAULT '',
  phone         VARCHAR(20) CHARACTER SET ascii NOT NULL,
  phone2        VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  address       VARCHAR(200) NOT NULL DEFAULT '',
  area_id       SMALLINT UNSIGNED NULL,
  household     VARCHAR(1000) NOT NULL DEFAULT '',
  lang          ENUM('el','en') NOT NULL DEFAULT 'el',
  consent_at    DATETIME NULL,
  consent_how   ENUM('phone','written','web','representative') NULL,
  consent_by    INT UNSIGNED NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by    INT UNSIGNED NULL,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  last_case_at  DATETIME NULL,
  anonymised_at DATETIME NULL,
  KEY help_ben_phone (phone),
  KEY help_ben_phone2 (phone2),
  KEY help_ben_name (last_name, first_name),
  KEY help_ben_idle (anonymised_at, last_case_at),
  CONSTRAINT help_ben_area FOREIGN KEY (area_id) REFERENCES areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Special category: the resident's vulnerability and health.  One row per
-- beneficiary who has any.  amka: the social security number (11 digits),
-- given for prescriptions.
CREATE TABLE help_health (
  beneficiary_id INT UNSIGNED NOT NULL PRIMARY KEY,
  vulnerability  SET('elderly_alone','disability','chronic','quarantine','mobility','other') NOT NULL DEFAULT '',
  conditions     VARCHAR(2000) NOT NULL DEFAULT '',
  amka           CHAR(11) CHARACTER SET ascii NOT NULL DEFAULT '',
  updated_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  updated_by     INT UNSIGNED NULL,
  CONSTRAINT help_health_ben FOREIGN KEY (beneficiary_id) REFERENCES help_beneficiaries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A request for help (a case).  beneficiary_id is NULL only for an online
-- request (/help) that an operator has not yet matched with a resident of
-- the registry; its contact details are then in help_web_contacts.
-- area_id is copied from the beneficiary when the case is made, so the
-- reports keep the village after anonymisation.
-- details: the ordinary part (the groceries list, the errand, the meals);
-- the health part (prescriptions, symptoms) is in help_case_health.
-- pharmacy_state: where the pharmacists' association has the prescription
-- ('none' until it is sent; then the states of its callbacks).
-- form_token: the one-time token of the form that made it (UNIQUE: a
-- repeated POST finds the case it made).
CREATE TABLE help_cases (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  beneficiary_id INT UNSIGNED NULL,
  area_id        SMALLINT UNSIGNED NULL,
  type           ENUM('medicines','groceries','meals','errand','medical','psych') NOT NULL,
  errand         ENUM('bills','post','other') NULL,
  details        TEXT NOT NULL,
  urgency        ENUM('low','normal','urgent') NOT NULL DEFAULT 'normal',
  wanted_by      DATETIME NOT NULL,
  channel        ENUM('phone','web','walkin') NOT NULL,
  status         ENUM('new','assigned','in_progress','done','cancelled','unreachable') NOT NULL DEFAULT 'new',
  assignee_id    INT UNSIGNED NULL,
  caller_name    VARCHAR(200) NOT NULL DEFAULT '',
  caller_phone   VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  caller_relation VARCHAR(100) NOT NULL DEFAULT '',
  pharmacy_state ENUM('none','queued','received','prepared','ready','delivered','problem') NOT NULL DEFAULT 'none',
  pharmacy_at    DATETIME NULL,
  form_token     CHAR(43) CHARACTER SET ascii NULL,
  created_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_by     INT UNSIGNED NULL,
  updated_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  assigned_at    DATETIME NULL,
  closed_at      DATETIME NULL,
  anonymised_at  DATETIME NULL,
  UNIQUE KEY help_cases_token (form_token),
  KEY help_cases_queue (status, wanted_by, id),
  KEY help_cases_assignee (assignee_id, status, wanted_by, id),
  KEY help_cases_ben (beneficiary_id, id),
  KEY help_cases_closed (anonymised_at, closed_at),
  KEY help_cases_created (created_at, id),
  CONSTRAINT help_cases_ben FOREIGN KEY (beneficiary_id) REFERENCES help_beneficiaries (id),
  CONSTRAINT help_cases_area FOREIGN KEY (area_id) REFERENCES areas (id),
  CONSTRAINT help_cases_assignee FOREIGN KEY (assignee_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Special category: the health part of a case.  prescriptions: the
-- e-prescription barcode numbers, one per line; amka as given for this
-- case; details: what the advice or support is about, the medicines by
-- name, symptoms.
CREATE TABLE help_case_health (
  case_id       INT UNSIGNED NOT NULL PRIMARY KEY,
  prescriptions VARCHAR(1000) CHARACTER SET ascii NOT NULL DEFAULT '',
  amka          CHAR(11) CHARACTER SET ascii NOT NULL DEFAULT '',
  details       TEXT NOT NULL,
  CONSTRAINT help_case_health_case FOREIGN KEY (case_id) REFERENCES help_cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Special category: a professional's notes on a case (medical advice,
-- psychological support): the case's history as its professional sees it.
CREATE TABLE help_health_notes (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id     INT UNSIGNED NOT NULL,
  user_id     INT UNSIGNED NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  body        TEXT NOT NULL,
  KEY help_health_notes_case (case_id, id),
  CONSTRAINT help_health_notes_case FOREIGN KEY (case_id) REFERENCES help_cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An online request's contact details until an operator matches it with
-- a resident of the registry (then the row is deleted): the person to
-- help, and the one asking when it is someone else (a relative).
CREATE TABLE help_web_contacts (
  case_id      INT UNSIGNED NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  phone        VARCHAR(20) CHARACTER SET ascii NOT NULL,
  address      VARCHAR(200) NOT NULL DEFAULT '',
  area_id      SMALLINT UNSIGNED NULL,
  email        VARCHAR(254) NOT NULL DEFAULT '',
  CONSTRAINT help_web_case FOREIGN KEY (case_id) REFERENCES help_cases (id),
  CONSTRAINT help_web_area FOREIGN KEY (area_id) REFERENCES areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A case's history: every status change with its note, assignment,
-- link to the registry, pharmacy callback and notification.  note is
-- ordinary text (a professional's health notes go to help_health_notes).
-- user_id NULL: the system (an online request, the association).
CREATE TABLE help_case_events (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id     INT UNSIGNED NOT NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  user_id     INT UNSIGNED NULL,
  kind        ENUM('created','status','assigned','note','linked','pharmacy','notified') NOT NULL,
  status      VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  assignee_id INT UNSIGNED NULL,
  note        VARCHAR(2000) NOT NULL DEFAULT '',
  KEY help_events_case (case_id, id),
  CONSTRAINT help_events_case FOREIGN KEY (case_id) REFERENCES help_cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The volunteers and professionals: one row per staff account with role
-- volunteer or professional, made by an admin at onboarding.  kind says
-- which work they take: a volunteer's skills are the case types they
-- carry out; a doctor takes medical advice, a psychologist psychological
-- support.  available 0: not taking tasks now (holiday, ill).
CREATE TABLE help_volunteers (
  user_id      INT UNSIGNED NOT NULL PRIMARY KEY,
  kind         ENUM('volunteer','doctor','psychologist') NOT NULL DEFAULT 'volunteer',
  phone        VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  skills       SET('medicines','groceries','meals','errand','medical','psych') NOT NULL DEFAULT '',
  has_car      TINYINT(1) NOT NULL DEFAULT 0,
  available    TINYINT(1) NOT NULL DEFAULT 1,
  availability VARCHAR(200) NOT NULL DEFAULT '',
  notify       ENUM('email','sms','both') NOT NULL DEFAULT 'email',
  notes        VARCHAR(1000) NOT NULL DEFAULT '',
  onboarded_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  onboarded_by INT UNSIGNED NULL,
  KEY help_vol_kind (kind, available),
  CONSTRAINT help_vol_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The villages a volunteer covers.
CREATE TABLE help_volunteer_areas (
  user_id  INT UNSIGNED NOT NULL,
  area_id  SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, area_id),
  KEY help_vol_area (area_id, user_id),
  CONSTRAINT help_vol_area_user FOREIGN KEY (user_id) REFERENCES help_volunteers (user_id),
  CONSTRAINT help_vol_area_area FOREIGN KEY (area_id) REFERENCES areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The nonces of the pharmacists' association's callbacks already taken
-- (/api/pharmacy/callback): a second use is a replay.  Rows older than
-- the signature's tolerance are useless and deleted by the purge.
CREATE TABLE help_pharmacy_nonces (
  nonce  VARCHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY help_nonces_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The outbox carries more than mail: a signed webhook (the prescription
-- to the pharmacists' association; rcpt names the endpoint of the
-- configuration, 'pharmacy') and an SMS through the configured HTTP
-- gateway (rcpt: the phone number).  For both, body_text is what is sent
-- and message_id the delivery's nonce; the secret and the URL are read
-- from the configuration when it is sent, never stored here.
ALTER TABLE outbox
  ADD COLUMN channel ENUM('mail','webhook','sms') NOT NULL DEFAULT 'mail' AFTER kind;
