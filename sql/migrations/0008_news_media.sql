-- 0008_news_media: a news item's lead image is an upload (media_items,
-- 0005).  The srcset and the size of the file shown are written when the
-- item is saved (like body_html), so showing the item reads no media rows.
-- lead_image keeps the URL of the file shown (the demo's static images
-- have no media item).
ALTER TABLE news
  ADD COLUMN lead_media_id INT UNSIGNED NULL,
  ADD COLUMN lead_image_alt_en VARCHAR(300) NULL,
  ADD COLUMN lead_image_srcset VARCHAR(1000) NULL,
  ADD COLUMN lead_image_width SMALLINT UNSIGNED NULL,
  ADD COLUMN lead_image_height SMALLINT UNSIGNED NULL,
  ADD CONSTRAINT news_lead_media FOREIGN KEY (lead_media_id) REFERENCES media_items (id)
    ON DELETE SET NULL;
