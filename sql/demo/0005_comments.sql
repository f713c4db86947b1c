-- 0005_comments: readers' comments of the demo.  On the storm-damage item
-- (always one of the last week's: its dates move with the demo) a short
-- conversation with the municipality's official answer, one comment still
-- waiting for a moderator and one hidden by readers' flags; on the budget
-- consultation a few published comments; on the newest open request a
-- resident's "still broken" note.  The commenters are invented
-- (example.org); their addresses are not kept (ip NULL).

INSERT INTO comments (id, news_id, request_id, parent_id, status, official, author_name, email,
                      body, lang, body_hash, created_at, published_at, digested,
                      flag_count, hidden_by_flags) VALUES
(1, 36, NULL, NULL, 'approved', 0, 'Ελένη Π.', 'eleni@example.org',
 'Ευχαριστούμε τα συνεργεία που δούλεψαν όλη τη νύχτα στην Επάνω Σκάλα. Το νερό έφυγε από τα σπίτια μας μέχρι το πρωί.',
 'el', UNHEX(SHA2('demo-1', 256)), '{{W 2026-11-27 18:40}}', '{{W 2026-11-27 19:05}}', 1, 0, 0),
(2, 36, NULL, NULL, 'approved', 0, 'Γιώργος Μ.', 'giorgos@example.org',
 'Στην οδό Ερμού η σχάρα της αποχέτευσης είναι ακόμη βουλωμένη από φύλλα και λάσπη. Με την επόμενη βροχή θα πλημμυρίσει ξανά.\nΜπορεί να περάσει συνεργείο;',
 'el', UNHEX(SHA2('demo-2', 256)), '{{W 2026-11-27 19:20}}', '{{W 2026-11-27 19:50}}', 1, 0, 0),
(3, 36, NULL, 2, 'approved', 1, 'Δήμος Μυτιλήνης', NULL,
 'Ευχαριστούμε για την ενημέρωση. Το αίτημα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών και συνεργείο θα καθαρίσει τις σχάρες της οδού Ερμού σήμερα. Για κάθε νέο πρόβλημα μπορείτε να κάνετε αναφορά στην πλατφόρμα εξυπηρέτησης πολιτών.',
 'el', UNHEX(SHA2('demo-3', 256)), '{{W 2026-11-27 20:12}}', '{{W 2026-11-27 20:30}}', 1, 0, 0),
(4, 36, NULL, 2, 'approved', 0, 'Σοφία Κ.', 'sofia@example.org',
 'Το ίδιο και στη Μητροπόλεως, μπροστά στον φούρνο.',
 'el', UNHEX(SHA2('demo-4', 256)), '{{W 2026-11-27 20:35}}', '{{W 2026-11-27 21:02}}', 1, 0, 0),
(5, 36, NULL, NULL, 'approved', 0, 'Nikos A.', 'nikos@example.org',
 'Thank you for the English updates too. Is the road to the airport open again?',
 'en', UNHEX(SHA2('demo-5', 256)), '{{W 2026-11-27 21:10}}', '{{W 2026-11-27 21:45}}', 1, 0, 0),
(6, 36, NULL, NULL, 'pending', 0, 'Δημήτρης', 'dimitris@example.org',
 'Πότε θα αποζημιωθούν τα καταστήματα της προκυμαίας; Χρειαζόμαστε ένα τηλέφωνο επικοινωνίας.',
 'el', UNHEX(SHA2('demo-6', 256)), '{{W 2026-11-27 22:05}}', NULL, 0, 0, 0),
(7, 36, NULL, NULL, 'pending', 0, 'best-deals', 'spam@example.org',
 'Φθηνά δάνεια χωρίς δικαιολογητικά, γράψτε μας στο www.example.org',
 'el', UNHEX(SHA2('demo-7', 256)), '{{W 2026-11-27 22:30}}', '{{W 2026-11-27 22:41}}', 0, 3, 1),
(8, 44, NULL, NULL, 'approved', 0, 'Αντώνης Β.', 'antonis@example.org',
 'Θα ήθελα να δω περισσότερα χρήματα για τα πεζοδρόμια στα χωριά. Στην Αγία Μαρίνα δεν μπορεί να περάσει καροτσάκι.',
 'el', UNHEX(SHA2('demo-8', 256)), '2026-11-17 19:40:00', '2026-11-18 08:10:00', 1, 0, 0),
(9, 44, NULL, NULL, 'approved', 0, 'Μαρία Τ.', 'maria@example.org',
 'Πολύ καλό που δημοσιεύεται ο προϋπολογισμός σε απλή γλώσσα. Πότε είναι η συνεδρίαση της επιτροπής διαβούλευσης;',
 'el', UNHEX(SHA2('demo-9', 256)), '2026-11-18 12:15:00', '2026-11-18 13:00:00', 1, 0, 0),
(10, 44, NULL, 9, 'approved', 1, 'Δήμος Μυτιλήνης', NULL,
 'Η Επιτροπή Διαβούλευσης συνεδριάζει την Πέμπτη 26 Νοεμβρίου στις 18:00 στο Δημαρχείο. Η συνεδρίαση είναι ανοιχτή στο κοινό.',
 'el', UNHEX(SHA2('demo-10', 256)), '2026-11-18 15:30:00', '2026-11-18 15:30:00', 1, 0, 0);

INSERT INTO comment_flags (comment_id, reason, ip, created_at) VALUES
(7, 'spam', NULL, '{{W 2026-11-27 22:55}}'),
(7, 'spam', NULL, '{{W 2026-11-27 23:10}}'),
(7, 'off_topic', NULL, '{{W 2026-11-27 23:20}}');

-- A resident's note on the newest request still being worked on.
INSERT INTO comments (news_id, request_id, status, author_name, email, body, lang, body_hash,
                      created_at, published_at, digested)
SELECT NULL, r.id, 'approved', 'Παναγιώτης Λ.', 'panagiotis@example.org',
       'Ακόμη χαλασμένο σήμερα το πρωί. Περνούν παιδιά από εκεί για το σχολείο, προσέξτε το.',
       'el', UNHEX(SHA2('demo-11', 256)), LEAST(r.created_at + INTERVAL 2 DAY, NOW() - INTERVAL 3 HOUR),
       LEAST(r.created_at + INTERVAL 2 DAY + INTERVAL 1 HOUR, NOW() - INTERVAL 2 HOUR), 1
FROM requests r WHERE r.status = 'in_progress' ORDER BY r.created_at DESC LIMIT 1;

-- The commented items' counts, as the comments module keeps them.
UPDATE news n SET n.comment_count = (SELECT COUNT(*) FROM comments c
  WHERE c.news_id = n.id AND c.status = 'approved' AND c.deleted_at IS NULL),
  n.updated_at = n.updated_at
WHERE n.id IN (36, 44);
