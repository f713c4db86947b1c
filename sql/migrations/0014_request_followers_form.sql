-- 0014_request_followers_form: what following a request by e-mail needs
-- beyond 0010's request_followers.
--
-- form_token: the one-time token of the last follow form that reached
--   this row (http/token.h).  The same form sent twice (a double click, a
--   retry after a timeout) finds it taken and sends no second mail.
-- mailed_at: when the confirmation (or "you follow it already") mail was
--   last queued: a follow form sent again and again for one address mails
--   it at most once in a quarter of an hour, so the form cannot be used to
--   flood somebody's mailbox.

ALTER TABLE request_followers
  ADD COLUMN form_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD COLUMN mailed_at  DATETIME NULL,
  ADD UNIQUE KEY request_followers_form_token (form_token);
