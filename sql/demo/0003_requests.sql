-- 0003_requests: the demo's routing of request categories to its
-- departments, and the municipal communities of Mytilene.
UPDATE request_categories SET department_id = 4 WHERE id IN (1, 2, 3);
UPDATE request_categories SET department_id = 5 WHERE id IN (4, 5);
UPDATE request_categories SET department_id = 9 WHERE id IN (6, 7);
INSERT INTO areas (name_el, name_en, sort_order) VALUES
  ('Μυτιλήνη', 'Mytilene', 1),
  ('Μόρια', 'Moria', 2),
  ('Λουτρά', 'Loutra', 3),
  ('Αγία Μαρίνα', 'Agia Marina', 4),
  ('Παναγιούδα', 'Panagiouda', 5),
  ('Αφάλωνας', 'Afalonas', 6),
  ('Κάτω Τρίτος', 'Kato Tritos', 7),
  ('Πάμφιλα', 'Pamfila', 8);

-- Extra questions of some categories (request_questions, 0010).  A choice
-- with a stop message ends the submission with it.  IGNORE: loading the
-- demo again keeps them once.
INSERT IGNORE INTO request_questions (id, category_id, kind, label_el, label_en, hint_el, hint_en,
                               required, min_value, max_value, sort_order) VALUES
  (1, 1, 'choice', 'Τι ακριβώς συμβαίνει;', 'What exactly is wrong?', '', '', 1, NULL, NULL, 1),
  (2, 1, 'text', 'Αριθμός κολόνας', 'Pole number',
   'Αν φαίνεται, γραμμένος πάνω στην κολόνα.', 'If visible, written on the pole.', 0, NULL, 20, 2),
  (3, 2, 'number', 'Πόσο μεγάλη είναι η λακκούβα (εκατοστά);', 'How large is the pothole (centimetres)?',
   'Περίπου, το πλάτος της.', 'Roughly, its width.', 0, 1, 2000, 1),
  (4, 5, 'multi', 'Τι παρατηρείτε;', 'What do you notice?',
   'Επιλέξτε όσα ισχύουν.', 'Choose all that apply.', 1, NULL, NULL, 1),
  (5, 6, 'choice', 'Το ζώο είναι τραυματισμένο ή επιθετικό;', 'Is the animal injured or aggressive?',
   '', '', 1, NULL, NULL, 1);
INSERT IGNORE INTO request_question_choices (id, question_id, label_el, label_en, stop_el, stop_en, sort_order) VALUES
  (1, 1, 'Σβηστή λάμπα', 'The lamp is out', NULL, NULL, 1),
  (2, 1, 'Αναβοσβήνει', 'It flickers', NULL, NULL, 2),
  (3, 1, 'Ανάβει και τη μέρα', 'It is lit in daytime', NULL, NULL, 3),
  (4, 1, 'Πεσμένη κολόνα ή κρεμασμένα καλώδια', 'A fallen pole or hanging cables',
   'Πεσμένη κολόνα ή κρεμασμένα καλώδια είναι κίνδυνος: μην πλησιάσετε, καλέστε τώρα τον ΔΕΔΔΗΕ στο 11500 ή το 112.',
   'A fallen pole or hanging cables are dangerous: keep away and call HEDNO on 11500 or 112 now.', 4),
  (5, 4, 'Διαρροή νερού στον δρόμο', 'Water leaking in the street', NULL, NULL, 1),
  (6, 4, 'Δεν έχουμε νερό', 'No water at home', NULL, NULL, 2),
  (7, 4, 'Θολό νερό στη βρύση', 'Cloudy tap water', NULL, NULL, 3),
  (8, 4, 'Βουλωμένο φρεάτιο ή αποχέτευση', 'A blocked drain or sewer', NULL, NULL, 4),
  (9, 4, 'Μυρωδιά γκαζιού', 'A smell of gas',
   'Για μυρωδιά γκαζιού καλέστε τώρα την Πυροσβεστική στο 199 και απομακρυνθείτε· μην ανάβετε φώτα ή διακόπτες.',
   'For a smell of gas call the Fire Service on 199 now and move away; do not switch lights on or off.', 5),
  (10, 5, 'Όχι', 'No', NULL, NULL, 1),
  (11, 5, 'Τραυματισμένο', 'Injured', NULL, NULL, 2),
  (12, 5, 'Επιθετικό', 'Aggressive', NULL, NULL, 3);
