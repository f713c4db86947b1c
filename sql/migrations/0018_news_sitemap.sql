-- 0018_news_sitemap: the sitemap's "last modified" dates read one index
-- entry each instead of every published row.  The newest change among
-- the visible items (src/site/db_feed.c) walks these backwards from the
-- latest updated_at and stops at the first item already published: at a
-- million rows a MAX(GREATEST(updated_at, published_at)) over the
-- published rows read them all (85 s with 64 MB of buffer pool); the
-- walk reads one entry.  published_at is in the index so the check needs
-- no row.  news_deadline: the staff dashboard's tenders closing within
-- a week, a range of deadlines instead of every published tender.

ALTER TABLE news
  ADD KEY news_public_updated (status, updated_at, published_at),
  ADD KEY news_cat_updated (category_id, status, updated_at, published_at),
  ADD KEY news_deadline (deadline, id);
