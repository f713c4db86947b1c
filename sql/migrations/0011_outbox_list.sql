-- 0011_outbox_list: the staff list of the outbox (/admin/outbox, agora-admin
-- outbox list) shows the queued and the failed messages newest first, a
-- page at a time: one index range per state, read backwards from a cursor.
ALTER TABLE outbox
  ADD KEY outbox_state (state, id);
