-- 0020_search_index: the search's own index.  InnoDB's FULLTEXT index
-- hands every match of a word to a temporary table and sorts it: a word
-- in most items (δήμος) cost 8 s at 100 000 news items and timed out at a
-- million, even for a count or the first ten.  search_terms keeps one row
-- per item and word key (src/site/search/stem.h: the word folded, its
-- ending taken off), written by the worker when staff save an item and by
-- agora-admin search reindex (src/site/search/index.c).  The page of
-- results reads search_terms_rank from the top, best tier first and then
-- the newest, and stops after its ten: its cost does not grow with the
-- number of matches.  w is the tier: 3 the word is in a title, 2 in a
-- summary, 1 only in a body; d is the item's date (news: published,
-- events: starts, pages: last edited).  kind is 'n' news, 'p' page,
-- 'e' event.  Only published items are kept (pages: with every ancestor
-- published), and shown_at is when the item appears (scheduled news,
-- events and pages: later), so the walk tells what the public may see
-- from the index alone.  The primary key answers "has this item that word
-- too" for a query of several words, and "every row of this item" when it
-- is saved again or deleted.
--
-- Filled by the first agora-admin search reindex (agora-admin migrate
-- runs it when it applies this migration).  An InnoDB table like the
-- others: a Galera cluster replicates it with the content it indexes, in
-- the same transaction.

CREATE TABLE search_terms (
  kind    CHAR(1) CHARACTER SET ascii NOT NULL,
  item_id INT UNSIGNED NOT NULL,
  term    VARBINARY(96) NOT NULL,
  w       TINYINT UNSIGNED NOT NULL,
  d       DATETIME NOT NULL,
  shown_at DATETIME NOT NULL,
  PRIMARY KEY (kind, item_id, term),
  KEY search_terms_rank (term, w, d, kind, item_id, shown_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The public search no longer asks InnoDB's full-text indexes; the staff's
-- news list still searches news_search.  The others only cost writes.
ALTER TABLE news DROP KEY news_search_en;
ALTER TABLE pages DROP KEY pages_search, DROP KEY pages_search_en;
ALTER TABLE events DROP KEY events_search, DROP KEY events_search_en;
