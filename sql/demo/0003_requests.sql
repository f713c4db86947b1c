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
