-- 0006_help: the support desk (Βοήθεια στο Σπίτι) of the demo, on the
-- morning of a working day: an overdue urgent medicines request with its
-- prescription codes, a groceries list for an elderly resident in Moria,
-- an online request from a daughter waiting for the operator's call back,
-- a request for psychological support, and yesterday's errand, done.  The
-- residents, their phones (2251099xxx, 6999xxxxxx) and their health are
-- invented.  No volunteers: they are staff accounts, made by an admin
-- (README, "Support desk").  IGNORE: loading the demo again keeps them once.

INSERT IGNORE INTO help_beneficiaries (id, first_name, last_name, phone, phone2, address, area_id,
                                      household, lang, consent_at, consent_how, created_at, last_case_at) VALUES
(1, 'Ευανθία', 'Δημητρίου', '2251099101', '', 'Οδός Ελευθερίου Βενιζέλου 14', 1,
 'Μένει μόνη στον δεύτερο όροφο, χωρίς ανελκυστήρα. Το κλειδί το έχει η κυρία Ρένα στο ισόγειο.',
 'el', '{{W 2026-11-20 09:30}}', 'phone', '{{W 2026-11-20 09:30}}', '{{H-3}}'),
(2, 'Παναγιώτης', 'Σταυρέλλης', '2251099202', '6999000202', 'Κεντρική πλατεία 3', 2,
 'Ζει με τη σύζυγό του· δεν οδηγεί πια.', 'el', '{{W 2026-11-24 11:00}}', 'phone',
 '{{W 2026-11-24 11:00}}', '{{H-1}}'),
(3, 'Margaret', 'Collins', '6999000303', '', 'Παραλία Λουτρών 7', 3, '', 'en',
 '{{W 2026-11-25 12:00}}', 'written', '{{W 2026-11-25 12:00}}', '{{W 2026-11-26 10:00}}');

INSERT IGNORE INTO help_health (beneficiary_id, vulnerability, conditions, amka) VALUES
(1, 'elderly_alone,chronic', 'Υπέρταση και διαβήτης τύπου 2.', '12034012345'),
(2, 'mobility', '', '');

INSERT IGNORE INTO help_cases (id, beneficiary_id, area_id, type, errand, details, urgency, wanted_by,
                               channel, status, caller_name, caller_phone, caller_relation,
                               created_at, closed_at) VALUES
(1, 1, 1, 'medicines', NULL, '', 'urgent', '{{H-1}}', 'phone', 'new', '', '', '', '{{H-3}}', NULL),
(2, 2, 2, 'groceries', NULL, 'Ψωμί ολικής άλεσης\nΓάλα 2 λίτρα\nΦακές 1 κιλό\nΜήλα, πορτοκάλια\nΚαφές ελληνικός', 'normal',
 '{{H+6}}', 'phone', 'new', 'Ελένη Σταυρέλλη', '6999000222', 'κόρη', '{{H-1}}', NULL),
(3, NULL, 5, 'groceries', NULL, 'Τα βασικά για μια εβδομάδα: ψωμί, γάλα, φρούτα, ζυμαρικά.', 'normal',
 '{{H+20}}', 'web', 'new', 'Μαρία Κυριακού', '6999000404', 'κόρη', '{{H-2}}', NULL),
(4, 2, 2, 'psych', NULL, '', 'low', '{{H+48}}', 'phone', 'new', '', '', '', '{{H-1}}', NULL),
(5, 3, 3, 'errand', 'bills', 'Πληρωμή λογαριασμού ρεύματος στο ΚΕΠ.', 'normal', '{{W 2026-11-26 18:00}}',
 'walkin', 'done', '', '', '', '{{W 2026-11-26 10:00}}', '{{W 2026-11-26 15:20}}');

INSERT IGNORE INTO help_case_health (case_id, prescriptions, amka, details) VALUES
(1, '2611280012345\n2611280067890', '12034012345', 'Τα μηνιαία φάρμακα της πίεσης και του διαβήτη· τελειώνουν αύριο.'),
(4, '', '', 'Μοναξιά και άγχος από τότε που έκλεισε το καφενείο του χωριού· ζητά να μιλήσει με κάποιον.');

INSERT IGNORE INTO help_web_contacts (case_id, name, phone, address, area_id, email) VALUES
(3, 'Αγγελική Κυριακού', '2251099505', 'Οδός Αγίας Παρασκευής 21', 5, '');

INSERT IGNORE INTO help_case_events (id, case_id, at, kind, status, note) VALUES
(1, 1, '{{H-3}}', 'created', 'new', ''),
(2, 2, '{{H-1}}', 'created', 'new', ''),
(3, 3, '{{H-2}}', 'created', 'new', ''),
(4, 4, '{{H-1}}', 'created', 'new', ''),
(5, 5, '{{W 2026-11-26 10:00}}', 'created', 'new', ''),
(6, 5, '{{W 2026-11-26 15:20}}', 'status', 'done', 'Πληρώθηκε στο ΚΕΠ· η απόδειξη δόθηκε στην ίδια.');
