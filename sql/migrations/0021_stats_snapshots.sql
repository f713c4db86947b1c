-- 0021_stats_snapshots: the figures of /admin/stats, kept.  Counting a
-- period's requests reads every one of them (1.1 s for a year at 300 000
-- requests), so the page computes its figures for a period and a
-- department at most once every stats_refresh seconds and keeps them here
-- (src/requests/stats.c); every other view reads one row.  scope is
-- "FROM|TO|DEPARTMENT"; data the result sets, packed (src/db/pack.h).
-- claimed_until marks a snapshot being recomputed: the one worker that
-- set it (for 30 s) computes, the others show the figures already kept
-- (a claim in a row rather than GET_LOCK, which a Galera cluster does not
-- share).

CREATE TABLE stats_snapshots (
  scope         VARCHAR(80) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  computed_at   DATETIME NOT NULL,
  claimed_until DATETIME NULL,
  data          MEDIUMBLOB NOT NULL
) ENGINE=InnoDB;
