-- scale.sql - script/bench --scale: procedures that grow a demo database
-- to a real municipality's size with synthetic but realistic Greek rows.
-- Loaded into the scale stack's own database (never the developer's);
-- each call adds rows up to a total, so the same database goes from the
-- 1 k stage to the full one:
--
--   CALL agora_scale_news(1000000);       -- news items (and their tags)
--   CALL agora_scale_requests(999);       -- 300 demo requests x (1 + 999)
--   CALL agora_scale_comments(1000000);   -- readers' comments on news
--   CALL agora_scale_help(100000);        -- support-desk cases
--
-- Synthetic ids start at 100001 (news) and are the demo's ids plus
-- k * 10000 for the k-th copy of a demo request or case, so a copy's
-- history is found by arithmetic, through the primary key.  Inserted in
-- chunks of 20 000 rows, each its own statement (autocommit).
-- The texts mix a dozen Greek phrases: «δήμος» is in almost every item,
-- «λιμάνι» in about one in six, as on a real island municipality's site.

DELIMITER //

DROP PROCEDURE IF EXISTS agora_scale_news //
CREATE PROCEDURE agora_scale_news(IN upto INT)
BEGIN
  DECLARE have INT;
  DECLARE chunk INT;
  SELECT COUNT(*) INTO have FROM news WHERE id > 100000;
  WHILE have < upto DO
    SET chunk = LEAST(20000, upto - have);
    INSERT INTO news (id, category_id, slug, title, summary, body, body_html, status,
                      published_at, created_at, updated_at)
    SELECT 100000 + have + seq, 1 + (have + seq) % 4,
      CONCAT('synthetiki-eidisi-', have + seq),
      CONCAT(ELT(1 + (have + seq) % 8, 'Ανακοίνωση', 'Πρόσκληση', 'Ενημέρωση', 'Απόφαση',
                 'Διακοπή', 'Εκδήλωση', 'Πρόγραμμα', 'Έργα'), ' ',
             ELT(1 + ((have + seq) DIV 8) % 12, 'για το λιμάνι της Μυτιλήνης',
                 'για την ύδρευση στα χωριά', 'του Δημοτικού Συμβουλίου',
                 'για την καθαριότητα των ακτών', 'για τις σχολικές μονάδες',
                 'για τον πολιτισμό και τον τουρισμό', 'για την πολιτική προστασία',
                 'για τις συγκοινωνίες με τα νησιά', 'για την οδοποιία',
                 'για την κοινωνική πολιτική', 'για τα αθλητικά κέντρα',
                 'για το λιμάνι του Πλωμαρίου'), ' αρ. ', have + seq),
      'Σύντομη περίληψη της ανακοίνωσης του δήμου προς τους δημότες.',
      CONCAT('Ο δήμος ενημερώνει τους δημότες ', ELT(1 + (have + seq) % 6,
               'ότι οι εργασίες στο λιμάνι συνεχίζονται κανονικά.',
               'για το πρόγραμμα των εργασιών της εβδομάδας.',
               'ότι η υπηρεσία θα λειτουργεί με μειωμένο ωράριο.',
               'για τις αλλαγές στη δημοτική συγκοινωνία.',
               'ότι οι αιτήσεις υποβάλλονται ηλεκτρονικά.',
               'για τις εκδηλώσεις του καλοκαιριού.'),
             '\n\nΠληροφορίες στο τηλέφωνο 22510 12345 τις εργάσιμες ημέρες και ώρες.'),
      CONCAT('<p>Ο δήμος ενημερώνει τους δημότες για την ανακοίνωση αρ. ', have + seq,
             '.</p><p>Πληροφορίες στο τηλέφωνο 22510 12345 τις εργάσιμες ημέρες και ώρες.</p>'),
      IF((have + seq) % 50 = 0, 'draft', 'published'),
      NOW() - INTERVAL (upto - have - seq + 1) * 5 MINUTE - INTERVAL 1 DAY,
      NOW() - INTERVAL (upto - have - seq + 1) * 5 MINUTE - INTERVAL 1 DAY,
      NOW() - INTERVAL (upto - have - seq + 1) * 5 MINUTE - INTERVAL 1 DAY
    FROM seq_1_to_20000 WHERE seq <= chunk;
    -- Two tags each, from the demo's 15: popular tags get tens of
    -- thousands of items, as the issue measured.
    INSERT INTO news_tags (news_id, tag_id)
    SELECT 100000 + have + seq, 1 + (have + seq) % 15 FROM seq_1_to_20000 WHERE seq <= chunk
    UNION ALL
    SELECT 100000 + have + seq, 1 + ((have + seq) * 7 + 3) % 15 FROM seq_1_to_20000
    WHERE seq <= chunk AND ((have + seq) * 7 + 3) % 15 <> (have + seq) % 15;
    SET have = have + chunk;
  END WHILE;
END //

-- The demo's 300 requests copied k_to times (the k-th copy: id + k * 10000,
-- protocol number + k * 1000, its own code and token), with their public
-- history; after the third copy they are closed (resolved), as the past
-- years of a real municipality are.  Only the demo's own rows (id < 10000) are copied.
DROP PROCEDURE IF EXISTS agora_scale_requests //
CREATE PROCEDURE agora_scale_requests(IN k_to INT)
BEGIN
  DECLARE k INT;
  DECLARE cols TEXT;
  DECLARE sel TEXT;
  SELECT COALESCE(MAX(id) DIV 10000, 0) + 1 INTO k FROM requests;
  SELECT GROUP_CONCAT(CONCAT('`', column_name, '`') ORDER BY ordinal_position),
         GROUP_CONCAT(CONCAT('r.`', column_name, '`') ORDER BY ordinal_position)
    INTO cols, sel FROM information_schema.columns
   WHERE table_schema = DATABASE() AND table_name = 'requests'
     AND column_name NOT IN ('id', 'code', 'protocol_no', 'token', 'duplicate_of')
     AND is_generated = 'NEVER';
  WHILE k <= k_to DO
    SET @q = CONCAT('INSERT INTO requests (id, code, protocol_no, token, ', cols, ') ',
      'SELECT r.id + ', k, ' * 10000, CONCAT(r.year, ''-'', LPAD(r.protocol_no + ', k,
      ' * 1000, 6, ''0'')), r.protocol_no + ', k, ' * 1000, LEFT(SHA2(CONCAT(r.token, ',
      k, '), 256), 43), ', sel, ' FROM requests r WHERE r.id < 10000');
    PREPARE st FROM @q;
    EXECUTE st;
    DEALLOCATE PREPARE st;
    -- The years behind a municipality are closed: only the first three
    -- copies keep the demo's open requests open (a few hundred in all).
    IF k > 3 THEN
      UPDATE requests SET status = 'resolved', updated_at = updated_at
       WHERE id BETWEEN k * 10000 AND k * 10000 + 9999 AND is_open = 1;
    END IF;
    INSERT INTO request_events (request_id, at, status_from, status_to, reply, note, user_id)
    SELECT e.request_id + k * 10000, e.at, e.status_from, e.status_to, e.reply, e.note, e.user_id
      FROM request_events e WHERE e.request_id < 10000;
    SET k = k + 1;
  END WHILE;
END //

-- Readers' comments on the synthetic news (the newest 100 000 items get
-- about ten each; call agora_scale_news first), approved, one in five a reply.
DROP PROCEDURE IF EXISTS agora_scale_comments //
CREATE PROCEDURE agora_scale_comments(IN upto INT)
BEGIN
  DECLARE have INT;
  DECLARE chunk INT;
  DECLARE top_news INT;
  DECLARE span INT;
  SELECT COUNT(*) INTO have FROM comments WHERE author_name LIKE 'Συνθετικός %';
  SELECT MAX(id), LEAST(100000, COUNT(*)) INTO top_news, span FROM news WHERE id > 100000;
  WHILE have < upto DO
    SET chunk = LEAST(20000, upto - have);
    INSERT INTO comments (news_id, status, author_name, body, lang, body_hash,
                          created_at, published_at, digested)
    SELECT top_news - (have + seq) % span, 'approved',
      CONCAT('Συνθετικός ', have + seq),
      CONCAT(ELT(1 + (have + seq) % 5, 'Συμφωνώ με την απόφαση του δήμου.',
                 'Πότε θα τελειώσουν οι εργασίες στο λιμάνι;',
                 'Ευχαριστούμε για την ενημέρωση.',
                 'Στο χωριό μας το νερό κόβεται συχνά τα απογεύματα.',
                 'Χρειάζονται περισσότερα δρομολόγια το χειμώνα.'), ' (', have + seq, ')'),
      'el', UNHEX(SHA2(CONCAT('scale-comment-', have + seq), 256)),
      NOW() - INTERVAL (upto - have - seq + 1) MINUTE, NOW() - INTERVAL (upto - have - seq + 1) MINUTE, 1
    FROM seq_1_to_20000 WHERE seq <= chunk;
    SET have = have + chunk;
  END WHILE;
  UPDATE news n JOIN (SELECT news_id, COUNT(*) AS k FROM comments
                       WHERE news_id IS NOT NULL AND status = 'approved' GROUP BY news_id) c
      ON c.news_id = n.id
     SET n.comment_count = c.k, n.updated_at = n.updated_at;
END //

-- The demo's support-desk cases copied until there are upto of them (the
-- k-th copy: id + k * 10000, no form token), with their history.
DROP PROCEDURE IF EXISTS agora_scale_help //
CREATE PROCEDURE agora_scale_help(IN upto INT)
BEGIN
  DECLARE k INT;
  DECLARE demo INT;
  DECLARE cols TEXT;
  DECLARE sel TEXT;
  DECLARE ecols TEXT;
  DECLARE esel TEXT;
  DECLARE n INT;
  SELECT COUNT(*) INTO demo FROM help_cases WHERE id < 10000;
  SELECT COUNT(*) INTO n FROM help_cases;
  SELECT GROUP_CONCAT(CONCAT('`', column_name, '`') ORDER BY ordinal_position),
         GROUP_CONCAT(CONCAT('e.`', column_name, '`') ORDER BY ordinal_position)
    INTO ecols, esel FROM information_schema.columns
   WHERE table_schema = DATABASE() AND table_name = 'help_case_events'
     AND column_name NOT IN ('id', 'case_id');
  SELECT COALESCE(MAX(id) DIV 10000, 0) + 1 INTO k FROM help_cases;
  SELECT GROUP_CONCAT(CONCAT('`', column_name, '`') ORDER BY ordinal_position),
         GROUP_CONCAT(CONCAT('c.`', column_name, '`') ORDER BY ordinal_position)
    INTO cols, sel FROM information_schema.columns
   WHERE table_schema = DATABASE() AND table_name = 'help_cases'
     AND column_name NOT IN ('id', 'form_token');
  WHILE demo > 0 AND n < upto DO
    SET @q = CONCAT('INSERT INTO help_cases (id, ', cols, ') SELECT c.id + ', k,
      ' * 10000, ', sel, ' FROM help_cases c WHERE c.id < 10000');
    PREPARE st FROM @q;
    EXECUTE st;
    DEALLOCATE PREPARE st;
    -- As with the requests: after the third copy, the cases are closed.
    IF k > 3 THEN
      UPDATE help_cases SET status = 'done', closed_at = COALESCE(closed_at, wanted_by)
       WHERE id BETWEEN k * 10000 AND k * 10000 + 9999 AND status IN ('new', 'assigned', 'in_progress');
    END IF;
    SET @q = CONCAT('INSERT INTO help_case_events (case_id, ', ecols, ') SELECT e.case_id + ',
      k, ' * 10000, ', esel, ' FROM help_case_events e WHERE e.case_id < 10000');
    PREPARE st FROM @q;
    EXECUTE st;
    DEALLOCATE PREPARE st;
    SET k = k + 1;
    SET n = n + demo;
  END WHILE;
END //

DELIMITER ;
