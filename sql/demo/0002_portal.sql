-- sql/demo/0002_portal.sql: demo content for the public portal of issue 3.
--
-- Runs right after 0001_news.sql, in the same session.  It adds
--   * English versions of thirteen of the existing news items
--   * ten more news items (ids 37 to 46), five of them tenders
--   * deadlines for every tender, lead images and tender attachments
--   * the tenders' numbers on Diavgeia, ΚΗΜΔΗΣ and ΕΣΗΔΗΣ
--   * tags and the tags of the news items
--   * the page tree under /p/ (ids 1 to 17, one of them a draft)
--   * the department directory, the events and two alerts.
-- Text columns hold Markdown: the loader renders the html columns and
-- computes the slugs of news and events, so those are left NULL or empty.
-- Static files referenced here live in views/static/img/news and
-- views/static/docs, and size_bytes is the real size of each PDF.
-- Strings contain no backslashes and single quotes are doubled.
-- The demo is the portal as it was on Saturday 28 November 2026.  Its
-- history keeps its dates.  What was still ahead on that day is written
-- with placeholders between double curly braces (shown here as <W ...>:
-- comments are filled in too) that agora-admin demo fills in relative to
-- the time it runs (src/cli/agora_admin.c, demo_expand), so the demo
-- never ages:
--   * the two open tenders (ids 37 and 38), <W ...>: moved by whole
--     weeks, they close about 2 and 7 weeks after the demo is loaded
--   * the upcoming events (ids 8 to 16), <Y ...>: moved by whole 52-week
--     years, the same weekday and season, until the first is still ahead
--   * the active alert, <H-2> to <H+6>: issued two hours before the
--     demo is loaded, in force six hours after.
-- Dates in their text are placeholders too (<W 2026-12-14 el> is
-- 14 Δεκεμβρίου 2026, moved).  The closed tenders, the past events and the
-- expired alert keep their 2026 dates.  At the end, every row gets the
-- updated_at of its own history, not the time of loading.

SET NAMES utf8mb4;

-- English versions of existing news items

UPDATE news SET
 title_en = 'Mytilene''s new web portal is online, the fruit of a broad partnership with the Municipality of Trikala',
 summary_en = 'The new web portal of the Municipality of Mytilene (www.mytilene.gr) is up and running. Built with the Municipality of Trikala and e-trikala, it includes a platform for handling citizens'' requests.',
 body_en = 'A “smart” partnership with the Municipality of Trikala

In March 2020 the Municipality of Mytilene began a productive partnership with the Municipality of Trikala and its company, e-trikala.

The Deputy Mayor for Technical Services, Stratis Tzimis, together with the Chair of the Municipal Council, Dimosthenis Chatzigiannis, and the Mayor''s Special Adviser, Tasos Balis, visited the Mayor of Trikala, Dimitris Papastergiou, and the Managing Director of e-trikala, Odysseas Raptis. The aim was to set up a framework of cooperation for upgrading the “smart” services of the Municipality of Mytilene, drawing on the recognised expertise of Trikala.

Upgrading the Municipality''s services with advanced “smart” applications is a commitment of the Mayor, Stratis Kytelis, and his team.

Only a few days after the visit to Trikala, the partnership had to be put to work in a hurry: the coronavirus lockdown had begun.

In March 2020 the pandemic created unprecedented conditions in our town and new needs among our fellow citizens. They were served through an online citizen-support platform, set up straight away and run through the municipal citizens'' phone line. The Municipality reacted quickly and stood by those in need: the platform took care of medicines, groceries, meals and errands for vulnerable people, and also offered medical advice and psychological support.

Residents embraced the initiative, and it was a complete success, always in cooperation with the Municipality of Trikala, e-trikala, the Deputy Mayor for Volunteering, Dimitra Alexandri, and the “Help at Home” social care programme under the guidance of Dimitris Varvagiannis. The effort was also recognised nationally, with a Silver Award at the BEST CITY AWARDS 2020.

It would be remiss not to mention the volunteer support of the doctors Ms Christopoulou and Ms Lagoutari, the psychologist Ms Papachiou, and the President of the Panhellenic Pharmaceutical Association, Apostolos Valtas, who made it possible to link the Municipality''s platform with that of the Pharmacists'' Association, so that citizens were served quickly and safely.

A year later, on Monday 8 March 2021, the Municipality welcomed Mr Raptis for the handover of its new web portal (www.mytilene.gr) to the people of Mytilene. Among other things the portal offers a platform for citizens'' requests, launching the first integrated infrastructure of “smart” services for the residents of Mytilene.

The new portal is a modern source of information for residents and visitors alike. The Municipality is renewing its relationship with citizens by offering advanced services and “smart” tools.

The first step of Mytilene''s digital plan may have been taken, but the road to the “smart city” we want is still long. That is why new projects continue to be planned for the “Antonis Tritsis” development programme, and delivered, by the excellent staff of the Municipality''s Information and Communication Technology department and its head, Michalis Chtenellis.

The new portal is an invitation to build a local community of active citizens, each contributing in their own way to a better life in our town and to the development of our municipality.'
WHERE id = 1;

UPDATE news SET
 title_en = 'Open electronic tender for the supply of fuel and lubricants, 2026–2027',
 summary_en = 'The Municipality of Mytilene invites tenders, with a budget of €1,054,000.00 plus VAT, for the supply of fuel and lubricants for its vehicles and buildings.',
 body_en = 'The Municipality of Mytilene is holding an open electronic tender, through the National Electronic Public Procurement System (ESIDIS), for the supply of fuel and lubricants to the Municipality and its legal entities in 2026 and 2027. The total budget of the contract is €1,054,000.00 plus 24% VAT, that is €1,306,960.00 including VAT.

The supply is divided into four lots:

- unleaded petrol
- diesel for vehicles
- heating oil
- lubricants

Bidders may tender for one or more lots, but always for the full quantity of each lot. The contract will be awarded to the most economically advantageous tender, meaning the largest percentage discount on the average retail price recorded by the Regional Unit of Lesvos on the day of delivery.

The deadline for tenders is Monday 12 January 2026 at 15:00. The tenders will be opened electronically by the Tender Committee on Friday 16 January 2026 at 10:00.

The full tender documents are available at www.promitheus.gov.gr, in the Central Electronic Register of Public Contracts (KIMDIS) and in the Tenders section of this website. For information, contact the Procurement Department on working days, on [22513 50500](tel:+302251350500).'
WHERE id = 2;

UPDATE news SET
 title_en = 'Mytilene''s 2026 budget approved',
 summary_en = 'The Municipal Council approved the 2026 budget by a majority vote, with an emphasis on cleaning, road maintenance and social services.',
 body_en = 'At its meeting on Thursday 11 December, the Municipal Council of Mytilene approved by a majority the Municipality''s budget for the 2026 financial year, together with the Integrated Action Plan. The budget was drawn up by the Municipal Committee after consultation with the councils of the local communities.

The budget gives particular weight to cleaning and recycling, to the upkeep of roads and municipal buildings, and to the Municipality''s social services, such as the “Help at Home” programme and the Social Grocery. It also provides funds to continue the digital transformation projects and to upgrade the sports facilities in Moria, Thermi and Plomari.

“This is a realistic budget, based on secure revenue, that puts residents'' daily lives first,” said the Mayor of Mytilene. “I thank all the groups on the council for a constructive debate, and the staff of the Finance Department for their excellent preparation.”

The budget will now be sent to the Decentralised Administration of the Aegean for the statutory legality check. It will then be published on the Municipality''s website and on the Diavgeia transparency portal.'
WHERE id = 3;

UPDATE news SET
 title_en = 'The Christmas tree is lit in Sappho Square',
 summary_en = 'With music, choirs and big crowds, Mytilene''s Christmas tree was lit on Saturday, opening the Municipality''s festive season.',
 body_en = 'Mytilene''s Christmas tree in Sappho Square, in the heart of the town, was lit in a festive atmosphere on Saturday 13 December. Hundreds of people, young and old, filled the square and the waterfront to enjoy the concert that came before.

Children''s choirs from the town''s primary schools sang carols, followed by a concert of Christmas tunes by the Municipal Philharmonic Band. Next to the tree, this year''s “Christmas Village” offers wooden chalets, workshops for children and Santa''s house.

In a short address, the Mayor of Mytilene thanked the volunteers, associations and municipal services who decorated the town. He also spoke about local traders, asking residents to do their holiday shopping in the town''s own shops.

The Christmas Village is open every day from 17:00 to 21:00 until Tuesday 6 January 2026. The full programme of events in Mytilene, Thermi, Agiasos and Plomari will be announced in the coming days.'
WHERE id = 4;

UPDATE news SET
 title_en = 'Severe weather warning: Civil Protection advice on snow and frost',
 summary_en = 'According to an emergency bulletin of the National Meteorological Service, snow is expected in the mountain villages and strong north winds from Wednesday to Friday. Municipal services are on standby.',
 body_en = 'The Civil Protection Office of the Municipality of Mytilene informs the public that, according to the emergency bulletin of the National Meteorological Service (EMY), snow is expected in mountain and hill areas from Wednesday 21 to Friday 23 January 2026, together with gale-force north winds and a sharp drop in temperature. Snow is expected mainly in Agiasos, in the villages around Mount Olympus and in the hills above Plomari.

The Municipality''s snow ploughs and gritters are already in position at key points, and enough salt has been stocked. Crews will be on standby around the clock, working with the Region of the North Aegean, the Fire Service and the Hellenic Police.

Residents are advised to:

- limit travel while the weather is at its worst, and drive on mountain roads only with snow chains
- protect water meters and outdoor pipes from frost
- secure objects that the wind could blow away
- never use braziers or makeshift heaters indoors

A heated room will be open for homeless people at the Community Centre, and the “Help at Home” programme will contact every beneficiary who lives alone. For any problem, call the Municipality on [22513 50500](tel:+302251350500). In an emergency, call [112](tel:112).'
WHERE id = 7;

UPDATE news SET
 title_en = 'Public auction for the lease of the municipal café at Tsamakia beach',
 summary_en = 'Open public auction for a six-year lease of the café at Tsamakia beach, with a minimum first bid of €24,000.00 a year.',
 body_en = 'The Mayor of Mytilene announces an open, oral, ascending public auction for the lease of the municipal café at Tsamakia beach, Mytilene, for a period of six (6) years. The property includes an indoor space of 85 m² and an outdoor seating area of 220 m².

The auction will be held on Wednesday 18 February 2026, from 11:00 to 11:30, in the meeting room of the Town Hall, before the Auction Committee and under Presidential Decree 270/1981. The minimum first bid is €24,000.00 a year, plus stamp duty.

To take part, bidders need a letter of guarantee from a recognised credit institution, or a deposit slip of the Deposits and Loans Fund, for 10% of the minimum annual rent, that is €2,400.00. The highest bidder must present a creditworthy guarantor, who will sign the auction record together with them.

The auction notice and terms are available from the Municipal Property Department on working days from 08:00 to 14:00, and on this website. Information on [22513 50500](tel:+302251350500).'
WHERE id = 8;

UPDATE news SET
 title_en = '“The Light of the Aegean”: a new painting exhibition at the Municipal Art Gallery',
 summary_en = 'Works by painters and printmakers from Lesvos, from the Municipality''s own collection, in the Municipal Art Gallery''s new exhibition, on until the end of June.',
 body_en = 'The exhibition “The Light of the Aegean” opens at the Municipal Art Gallery of Mytilene on Monday 20 April 2026 at 19:30. It presents more than sixty paintings and prints from the Municipality''s collection, many of them on show for the first time.

The works span almost a century of art on Lesvos and show how artists have seen the landscape, the sea and the everyday life of the island. Highlights include views of Mytilene harbour, of the olive groves of Agiasos and of the fishing villages of Thermi and Skala Loutron.

During the exhibition there will be guided tours for schools and painting workshops for children every Saturday morning. Schools can book a tour on [22513 50500](tel:+302251350500).

The exhibition runs until Tuesday 30 June 2026 and is open Tuesday to Sunday, 10:00–14:00 and 18:00–21:00. Admission is free.'
WHERE id = 16;

UPDATE news SET
 title_en = 'Blue Flags 2026 for five beaches of the Municipality of Mytilene',
 summary_en = 'Five of the Municipality''s beaches have been awarded the Blue Flag this year, the international mark of clean water, safety and good environmental management.',
 body_en = 'Five beaches of the Municipality of Mytilene have been awarded a Blue Flag for 2026:

- Tsamakia, in the town of Mytilene
- Agios Ermogenis and Charamida, near Loutra
- Agios Isidoros and Melinta, near Plomari

The results were announced by the Hellenic Society for the Protection of Nature, the national operator of the programme.

The Blue Flag goes to beaches that meet strict criteria for bathing water quality, cleanliness, swimmer safety and environmental education. It recognises the steady work of the Municipality''s services and is a valuable tool for promoting the island to visitors.

Ahead of the swimming season, the Municipality is installing access walkways for people with disabilities, renewing signs and stepping up beach cleaning. From 1 June the Blue Flag beaches will have lifeguards every day from 10:30 to 18:30.

We ask swimmers to respect the environment, to leave no litter or cigarette ends on the sand, and to use the recycling bins. A clean beach is everyone''s business.'
WHERE id = 20;

UPDATE news SET
 title_en = 'The Tourist Information Kiosk at Mytilene harbour is open',
 summary_en = 'From today until the end of October, the Municipality''s Tourist Information Kiosk on the waterfront welcomes visitors to the island.',
 body_en = 'The Municipality of Mytilene''s Tourist Information Kiosk opened today for the season. It stands on the waterfront, opposite the harbour passenger terminal, and is open every day from 09:00 to 21:00 until 31 October 2026.

The staff give information in Greek, English, German and Turkish about sights, museums, beaches, walking routes and transport all over the island. Visitors can pick up free maps and guides to Mytilene, Agiasos and Plomari, as well as to Molyvos, Petra and Kalloni.

More than forty cruise ship calls are expected this year, and there are more visitors from the Turkish coast as well. On cruise days the Municipality organises walks to get to know the town, starting at the kiosk and heading to the Castle and the shops of Ermou Street.

We invite tourism businesses to tell the kiosk about the events and activities they organise, so that they can be listed in the weekly information sheet. Contact: [22513 50500](tel:+302251350500).

See also our pages for visitors: [Visiting Mytilene](/p/episkeftite-ti-mytilini).'
WHERE id = 24;

UPDATE news SET
 title_en = 'Cultural Summer 2026: concerts, theatre and cinema at the Castle of Mytilene',
 summary_en = 'From 10 July to 30 August, the Castle of Mytilene and village squares host more than thirty events.',
 body_en = 'With more than thirty events in Mytilene and the villages, the Municipality''s “Cultural Summer 2026” runs from Friday 10 July to Sunday 30 August. The programme includes concerts, plays, dance, film screenings and events for children.

Once again the main venue is the Castle of Mytilene, one of the largest castles in the Mediterranean, which hosts the big concerts and the plays. The open-air cinema is set up every Wednesday in Sappho Square, with films for the whole family.

Events will also take place in Agiasos, Plomari, Thermi, Mantamados and Skala Loutron, together with local cultural associations. Highlights include the traditional village festivals of August and an evening of songs from Lesvos.

Admission to all events is free, except for three plays, with tickets at €10 (reduced €5). The detailed programme is announced every week on this website and on the Municipality''s social media. See also the [events calendar](/events).'
WHERE id = 27;

UPDATE news SET
 title_en = 'Open electronic procedure for the project “Maintenance of rural roads in Agiasos and Plomari”',
 summary_en = 'Open procedure for a project with a budget of €620,000.00 including VAT, for the maintenance of rural roads in Agiasos and Plomari. Tenders by Thursday 5 November 2026.',
 body_en = 'The Municipality of Mytilene is holding an open electronic procedure, through ESIDIS, for the project “Maintenance of rural roads in the municipal units of Agiasos and Plomari”. The budget of the project is €500,000.00 plus 24% VAT, that is €620,000.00 including VAT.

The project covers:

- regrading and repairing about 35 kilometres of rural roads
- building storm water drains and culverts
- concrete paving on the steepest sections

The works will make it easier for farmers to reach their olive groves, and for fire engines to reach remote areas. The project must be completed within twelve (12) months.

The procedure is open to contractors registered in the relevant register of construction firms, in the road works category, under the terms of the notice. The contract will be awarded to the most economically advantageous tender, on price alone.

The deadline for tenders is Thursday 5 November 2026 at 11:00, and the tenders will be opened electronically on Tuesday 10 November 2026 at 10:00. The tender documents are available at www.promitheus.gov.gr and on this website. For information, contact the Directorate of Technical Services on [22513 50500](tel:+302251350500).'
WHERE id = 33;

UPDATE news SET
 title_en = 'New online services for residents on the Municipality''s web portal',
 summary_en = 'Online applications for certificates, card payments of municipal charges and tracking of requests: the web portal of the Municipality of Mytilene gains new features.',
 body_en = 'The Municipality of Mytilene is continuing its digital transformation, adding new services for residents and businesses to its web portal. The services are available from today, with login through Taxisnet credentials.

Residents can now:

- apply online for certificates from the municipal register
- pay charges and fines by card
- follow their requests about broken street lights, potholes or cleaning problems in real time

Every request receives a reference number, and the applicant is notified by e-mail whenever its status changes.

The new portal is designed to work fast on any device, even on a slow connection, and to be accessible to people with disabilities. The services were developed by the Municipality''s ICT Department, building on the experience of its cooperation with other municipalities in Greece.

“We want residents to be served without having to travel to the Town Hall from Plomari or Mantamados for a simple certificate,” said the Mayor of Mytilene. For those who are not comfortable with the internet, the call centre on [22513 50500](tel:+302251350500) and the Citizen Service Centres (KEP) remain at their service. See [Certificates](/p/ypiresies/pistopoiitika) for details.'
WHERE id = 34;

UPDATE news SET
 title_en = 'Mytilene celebrates the 114th anniversary of its liberation',
 summary_en = 'With a thanksgiving service, the laying of wreaths and a parade, Mytilene honoured the anniversary of its liberation on 8 November 1912.',
 body_en = 'The 114th anniversary of the liberation of Mytilene from Ottoman rule was celebrated with splendour and emotion on Sunday 8 November. The day began with a thanksgiving service at the Metropolitan Church of Agios Athanasios, attended by the local authorities.

A memorial prayer and the laying of wreaths at the town''s war memorial followed, and then the traditional parade of school pupils, scouts and military units along the waterfront. Thousands of residents applauded the marchers, despite a strong north wind that had been blowing since the morning.

On the eve of the anniversary, Saturday 7 November, the Municipal Theatre of Mytilene hosted a musical performance with songs and texts of the period, prepared together with schools and associations of the town. The evening ended with traditional dances by the dance groups of cultural associations from Agiasos and Thermi.

The Mayor of Mytilene thanked everyone who contributed to the organisation of the celebrations, from the military and police authorities to the teachers and volunteers. He stressed that historical memory is a compass for the future of the island and its young people.'
WHERE id = 35;

-- Deadlines of the existing tenders, as stated in their text: all have passed

UPDATE news SET deadline = '2026-01-12 15:00:00' WHERE id = 2;
UPDATE news SET deadline = '2026-02-18 11:00:00' WHERE id = 8;
UPDATE news SET deadline = '2026-04-03 23:59:00' WHERE id = 14;
UPDATE news SET deadline = '2026-05-21 15:00:00' WHERE id = 17;
UPDATE news SET deadline = '2026-07-06 14:00:00' WHERE id = 22;
UPDATE news SET deadline = '2026-09-22 15:00:00' WHERE id = 29;
UPDATE news SET deadline = '2026-11-05 11:00:00' WHERE id = 33;

-- More news items, ids 37 to 46.  Tenders 37 and 38 are open, 39 to 41 closed.

INSERT INTO news (id, category_id, title, title_en, summary, summary_en, body, body_en, status, published_at, deadline, lead_image, lead_image_alt) VALUES
(37, 4, 'Διακήρυξη ανοικτού ηλεκτρονικού διαγωνισμού για την προμήθεια φωτιστικών LED για τον δημοτικό οδοφωτισμό',
 'Open electronic tender for the supply of LED street lights',
 'Διαγωνισμός προϋπολογισμού 843.200,00 € με ΦΠΑ για την αντικατάσταση περίπου 3.800 φωτιστικών οδοφωτισμού με νέα φωτιστικά LED. Προσφορές έως τη Δευτέρα {{W 2026-12-14 el}}.',
 'Tender with a budget of €843,200.00 including VAT to replace about 3,800 street lights with new LED fittings. Tenders by Monday {{W 2026-12-14 en}}.',
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια και εγκατάσταση φωτιστικών τεχνολογίας LED στο δίκτυο οδοφωτισμού. Ο συνολικός προϋπολογισμός ανέρχεται σε 680.000,00 € πλέον ΦΠΑ 24%, δηλαδή 843.200,00 € συμπεριλαμβανομένου του ΦΠΑ.

## Αντικείμενο της σύμβασης

- αντικατάσταση περίπου 3.800 παλαιών φωτιστικών σε Μυτιλήνη, Θερμή, Λουτρά και Μόρια
- εγκατάσταση συστήματος απομακρυσμένης διαχείρισης και παρακολούθησης βλαβών
- ασφαλής απόσυρση και ανακύκλωση των παλαιών λαμπτήρων

Η εξοικονόμηση ενέργειας εκτιμάται σε ποσοστό άνω του 60%, ενώ ο νέος φωτισμός θα είναι θερμής απόχρωσης, ώστε να σέβεται τον χαρακτήρα του ιστορικού κέντρου.

## Προθεσμίες

| Στάδιο | Ημερομηνία και ώρα |
| --- | --- |
| Υποβολή προσφορών έως | Δευτέρα {{W 2026-12-14 el}}, 15:00 |
| Ηλεκτρονική αποσφράγιση | Παρασκευή {{W 2026-12-18 el}}, 10:00 |

Κριτήριο ανάθεσης είναι η πλέον συμφέρουσα από οικονομική άποψη προσφορά, βάσει βέλτιστης σχέσης ποιότητας και τιμής. Απαιτείται εγγυητική επιστολή συμμετοχής ύψους 13.600,00 €, δηλαδή 2% του προϋπολογισμού χωρίς ΦΠΑ.

Τα τεύχη του διαγωνισμού διατίθενται στο www.promitheus.gov.gr και στα συνημμένα αρχεία αυτής της ανακοίνωσης. Πληροφορίες παρέχει η Διεύθυνση Τεχνικών Υπηρεσιών, στο [22513 50500](tel:+302251350500).',
 'The Municipality of Mytilene is holding an open electronic tender, through ESIDIS, for the supply and installation of LED fittings in its street lighting network. The total budget is €680,000.00 plus 24% VAT, that is €843,200.00 including VAT.

## What the contract covers

- replacing about 3,800 old street lights in Mytilene, Thermi, Loutra and Moria
- installing a system to manage the lighting remotely and detect faults
- safe removal and recycling of the old lamps

Energy savings are estimated at more than 60%. The new lights will have a warm colour, in keeping with the character of the historic centre.

## Deadlines

| Stage | Date and time |
| --- | --- |
| Tenders due by | Monday {{W 2026-12-14 en}}, 15:00 |
| Electronic opening | Friday {{W 2026-12-18 en}}, 10:00 |

The contract will be awarded to the most economically advantageous tender, on the best price-quality ratio. A tender guarantee of €13,600.00 (2% of the budget excluding VAT) is required.

The tender documents are available at www.promitheus.gov.gr and as attachments to this notice. For information, contact the Directorate of Technical Services on [22513 50500](tel:+302251350500).',
 'published', '{{W 2026-11-10 10:40}}', '{{W 2026-12-14 15:00}}', NULL, NULL),

(38, 4, 'Διακήρυξη ανοικτού ηλεκτρονικού διαγωνισμού για την προμήθεια δύο ηλεκτρικών μικρών λεωφορείων για τη δημοτική συγκοινωνία',
 'Open electronic tender for two electric minibuses for the municipal bus service',
 'Διαγωνισμός προϋπολογισμού 446.400,00 € με ΦΠΑ για δύο ηλεκτρικά μικρά λεωφορεία 22 θέσεων, μαζί με δύο σταθμούς φόρτισης. Προσφορές έως τη Δευτέρα {{W 2027-01-18 el}}.',
 'Tender with a budget of €446,400.00 including VAT for two 22-seat electric minibuses and two charging stations. Tenders by Monday {{W 2027-01-18 en}}.',
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια δύο (2) καινούργιων ηλεκτρικών μικρών λεωφορείων, χωρητικότητας 22 θέσεων το καθένα, μαζί με δύο σταθμούς φόρτισης. Ο συνολικός προϋπολογισμός ανέρχεται σε 360.000,00 € πλέον ΦΠΑ 24%, δηλαδή 446.400,00 € συμπεριλαμβανομένου του ΦΠΑ.

Τα νέα οχήματα θα εξυπηρετούν τη δωρεάν δημοτική συγκοινωνία στις γειτονιές της Μυτιλήνης και θα αντικαταστήσουν δύο παλαιά οχήματα πετρελαίου, μειώνοντας τον θόρυβο και τους ρύπους στο κέντρο της πόλης.

### Βασικές απαιτήσεις

- αυτονομία τουλάχιστον 200 χιλιομέτρων με μία φόρτιση
- χαμηλό δάπεδο, ράμπα και θέση για αναπηρικό αμαξίδιο
- εγγύηση των συσσωρευτών για τουλάχιστον οκτώ έτη
- εκπαίδευση των οδηγών και του προσωπικού συντήρησης

Κριτήριο ανάθεσης είναι η πλέον συμφέρουσα από οικονομική άποψη προσφορά, βάσει βέλτιστης σχέσης ποιότητας και τιμής. Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Δευτέρα {{W 2027-01-18 el}} και ώρα 14:00, ενώ η ηλεκτρονική αποσφράγιση θα γίνει την Τετάρτη {{W 2027-01-20 el}} και ώρα 10:00.

Τα τεύχη του διαγωνισμού διατίθενται στο www.promitheus.gov.gr και στα συνημμένα αρχεία. Πληροφορίες στο [22513 50500](tel:+302251350500).',
 'The Municipality of Mytilene is holding an open electronic tender, through ESIDIS, for the supply of two (2) new electric minibuses with 22 seats each, together with two charging stations. The total budget is €360,000.00 plus 24% VAT, that is €446,400.00 including VAT.

The new vehicles will run the free municipal bus service in the neighbourhoods of Mytilene, replacing two old diesel vehicles and cutting noise and pollution in the town centre.

### Main requirements

- a range of at least 200 kilometres on one charge
- low floor, ramp and a wheelchair space
- a battery warranty of at least eight years
- training for drivers and maintenance staff

The contract will be awarded to the most economically advantageous tender, on the best price-quality ratio. Tenders must be submitted by Monday {{W 2027-01-18 en}} at 14:00, and will be opened electronically on Wednesday {{W 2027-01-20 en}} at 10:00.

The tender documents are available at www.promitheus.gov.gr and as attachments below. Information on [22513 50500](tel:+302251350500).',
 'published', '{{W 2026-11-20 12:15}}', '{{W 2027-01-18 14:00}}', '/static/img/news/leoforeio.svg', 'Εικονογράφηση: μπλε λεωφορείο σε δρόμο της πόλης'),

(39, 4, 'Διακήρυξη ανοικτού ηλεκτρονικού διαγωνισμού για την προμήθεια κάδων ανακύκλωσης και οικιακών κομποστοποιητών',
 NULL,
 'Διαγωνισμός προϋπολογισμού 198.400,00 € με ΦΠΑ για 600 μπλε κάδους ανακύκλωσης και 1.000 οικιακούς κομποστοποιητές. Προσφορές έως τη Δευτέρα 23 Μαρτίου 2026.',
 NULL,
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια εξοπλισμού ανακύκλωσης και κομποστοποίησης. Ο συνολικός προϋπολογισμός ανέρχεται σε 160.000,00 € πλέον ΦΠΑ 24%, δηλαδή 198.400,00 € συμπεριλαμβανομένου του ΦΠΑ.

Η προμήθεια υποδιαιρείται σε δύο τμήματα:

1. εξακόσιοι (600) πλαστικοί κάδοι ανακύκλωσης μπλε χρώματος, χωρητικότητας 1.100 λίτρων
2. χίλιοι (1.000) οικιακοί κομποστοποιητές, χωρητικότητας 300 λίτρων

Οι κομποστοποιητές θα διατεθούν δωρεάν σε νοικοκυριά με αυλή ή κήπο, ύστερα από αίτηση, ενώ οι νέοι κάδοι θα πυκνώσουν το δίκτυο ανακύκλωσης στα χωριά της Θερμής, της Μόριας και της Αγιάσου.

Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Δευτέρα 23 Μαρτίου 2026 και ώρα 15:00, ενώ η αποσφράγιση θα γίνει την Παρασκευή 27 Μαρτίου 2026 και ώρα 10:00. Πληροφορίες παρέχει το Τμήμα Προμηθειών στο [22513 50500](tel:+302251350500).',
 NULL,
 'published', '2026-02-20 11:30:00', '2026-03-23 15:00:00', NULL, NULL),

(40, 4, 'Ανακοίνωση για την πρόσληψη προσωπικού στο πρόγραμμα «Βοήθεια στο Σπίτι»',
 NULL,
 'Ο Δήμος Μυτιλήνης θα προσλάβει οκτώ άτομα με σύμβαση ορισμένου χρόνου για το πρόγραμμα «Βοήθεια στο Σπίτι». Αιτήσεις έως τη Δευτέρα 27 Ιουλίου 2026.',
 NULL,
 'Ο Δήμος Μυτιλήνης ανακοινώνει την πρόσληψη οκτώ (8) ατόμων με σύμβαση εργασίας ιδιωτικού δικαίου ορισμένου χρόνου, για τις ανάγκες του προγράμματος «Βοήθεια στο Σπίτι», που φροντίζει ηλικιωμένους και άτομα με αναπηρία που ζουν μόνα τους.

| Ειδικότητα | Θέσεις |
| --- | ---: |
| ΠΕ Κοινωνικών Λειτουργών | 2 |
| ΤΕ Νοσηλευτών | 2 |
| ΔΕ Οικογενειακών Βοηθών | 4 |

Οι αιτήσεις, μαζί με τα απαιτούμενα δικαιολογητικά, υποβάλλονται από την Πέμπτη 16 Ιουλίου έως και τη Δευτέρα 27 Ιουλίου 2026, ώρα 14:00, αυτοπροσώπως στο Τμήμα Ανθρώπινου Δυναμικού ή ηλεκτρονικά, μέσω της πλατφόρμας εξυπηρέτησης πολιτών.

Περισσότερα για το πρόγραμμα στη σελίδα [Κοινωνική προστασία](/p/ypiresies/koinoniki-prostasia). Πληροφορίες στο [22513 50500](tel:+302251350500).',
 NULL,
 'published', '2026-07-15 10:20:00', '2026-07-27 14:00:00', NULL, NULL),

(41, 4, 'Διακήρυξη ανοικτής ηλεκτρονικής διαδικασίας για το έργο «Συντήρηση και επισκευή σχολικών κτιρίων 2026»',
 NULL,
 'Έργο προϋπολογισμού 372.000,00 € με ΦΠΑ για επισκευές σε δεκαπέντε σχολικά κτίρια του Δήμου. Προσφορές έως την Τρίτη 20 Οκτωβρίου 2026.',
 NULL,
 'Ο Δήμος Μυτιλήνης προκηρύσσει ανοικτή ηλεκτρονική διαδικασία, μέσω του ΕΣΗΔΗΣ, για την ανάθεση του έργου «Συντήρηση και επισκευή σχολικών κτιρίων 2026». Ο προϋπολογισμός του έργου ανέρχεται σε 300.000,00 € πλέον ΦΠΑ 24%, δηλαδή 372.000,00 € συμπεριλαμβανομένου του ΦΠΑ.

Οι εργασίες αφορούν δεκαπέντε σχολικά κτίρια σε Μυτιλήνη, Θερμή, Μόρια και Πλωμάρι και περιλαμβάνουν στεγανοποίηση δωμάτων, αντικατάσταση κουφωμάτων, ελαιοχρωματισμούς και επισκευές στους χώρους υγιεινής. Οι περισσότερες εργασίες θα γίνουν σε ώρες και περιόδους που δεν λειτουργούν τα σχολεία.

Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Τρίτη 20 Οκτωβρίου 2026 και ώρα 11:00, ενώ η ηλεκτρονική αποσφράγιση θα γίνει την Παρασκευή 23 Οκτωβρίου 2026 και ώρα 10:00. Πληροφορίες παρέχει η Διεύθυνση Τεχνικών Υπηρεσιών στο [22513 50500](tel:+302251350500).',
 NULL,
 'published', '2026-09-22 13:05:00', '2026-10-20 11:00:00', NULL, NULL),

(42, 1, 'Εκατόν πενήντα νέα δέντρα σε σχολεία και γειτονιές της Μυτιλήνης',
 'A hundred and fifty new trees for schools and neighbourhoods of Mytilene',
 'Με τη συμμετοχή μαθητών και εθελοντών ξεκίνησαν οι φθινοπωρινές δεντροφυτεύσεις του Δήμου, με είδη προσαρμοσμένα στο κλίμα του νησιού.',
 'With pupils and volunteers taking part, the Municipality''s autumn tree planting has begun, with species suited to the island''s climate.',
 'Με τη συμμετοχή μαθητών, εκπαιδευτικών και εθελοντών ξεκίνησαν οι φθινοπωρινές δεντροφυτεύσεις του Δήμου Μυτιλήνης. Έως τα τέλη Δεκεμβρίου θα φυτευτούν εκατόν πενήντα (150) νέα δέντρα σε αυλές σχολείων, σε πλατείες και σε γειτονιές της πόλης, αλλά και σε περιοχές που επλήγησαν από την πυρκαγιά του Αυγούστου.

Επιλέχθηκαν είδη που αντέχουν στην ξηρασία και ταιριάζουν στο κλίμα της Λέσβου:

- ελιές και χαρουπιές
- κουτσουπιές και μελιές
- πλατάνια, σε σημεία με επαρκή υγρασία

Η Υπηρεσία Πρασίνου θα φροντίζει για το πότισμα των νέων δέντρων τα δύο πρώτα καλοκαίρια. Οι σύλλογοι και οι γειτονιές που θέλουν να υιοθετήσουν ένα δέντρο μπορούν να επικοινωνήσουν με τον Δήμο στο [22513 50500](tel:+302251350500).',
 'Pupils, teachers and volunteers have joined the Municipality of Mytilene''s autumn tree planting. By the end of December, one hundred and fifty (150) new trees will be planted in school yards, squares and neighbourhoods of the town, and in areas hit by the August fire.

The species were chosen because they withstand drought and suit the climate of Lesvos:

- olive and carob trees
- Judas trees and chinaberry trees
- plane trees, where there is enough moisture

The Parks Department will water the young trees through their first two summers. Associations and neighbourhoods that would like to adopt a tree can contact the Municipality on [22513 50500](tel:+302251350500).',
 'published', '2026-11-23 11:40:00', NULL, '/static/img/news/dentro.svg', 'Εικονογράφηση: μεγάλο πράσινο δέντρο σε λόφο'),

(43, 2, 'Κυκλοφοριακές ρυθμίσεις για το Χριστουγεννιάτικο Χωριό στην πλατεία Σαπφούς',
 NULL,
 'Από το Σάββατο 5 Δεκεμβρίου 2026 έως και την Τετάρτη 6 Ιανουαρίου 2027 ισχύουν προσωρινές κυκλοφοριακές ρυθμίσεις γύρω από την πλατεία Σαπφούς.',
 NULL,
 'Ενόψει της λειτουργίας του «Χριστουγεννιάτικου Χωριού» στην πλατεία Σαπφούς, ο Δήμος Μυτιλήνης, σε συνεργασία με το Τμήμα Τροχαίας, ενημερώνει για τις προσωρινές κυκλοφοριακές ρυθμίσεις που θα ισχύσουν από το Σάββατο 5 Δεκεμβρίου 2026 έως και την Τετάρτη 6 Ιανουαρίου 2027.

- Καθημερινά από τις 16:30 έως τις 22:00 διακόπτεται η κυκλοφορία των οχημάτων στο τμήμα της Προκυμαίας μπροστά από την πλατεία Σαπφούς.
- Απαγορεύεται η στάθμευση περιμετρικά της πλατείας καθ’ όλη τη διάρκεια των εκδηλώσεων.
- Η τροφοδοσία των καταστημάτων γίνεται μόνο έως τις 11:00.

Οι επισκέπτες καλούνται να χρησιμοποιούν τους δημοτικούς χώρους στάθμευσης και τη δωρεάν δημοτική συγκοινωνία. Το πρόγραμμα των εκδηλώσεων θα βρείτε στο [ημερολόγιο εκδηλώσεων](/events).',
 NULL,
 'published', '2026-11-26 13:25:00', NULL, NULL, NULL),

(44, 3, 'Σε δημόσια διαβούλευση ο Προϋπολογισμός του Δήμου για το 2027',
 NULL,
 'Οι Δημότες μπορούν να υποβάλουν προτάσεις για τον Προϋπολογισμό του 2027 έως τη Δευτέρα 30 Νοεμβρίου. Ακολουθεί ανοιχτή συνεδρίαση του Δημοτικού Συμβουλίου την Πέμπτη 10 Δεκεμβρίου.',
 NULL,
 'Το σχέδιο του Προϋπολογισμού του Δήμου Μυτιλήνης για το οικονομικό έτος 2027 τέθηκε σε δημόσια διαβούλευση. Οι Δημότες, οι σύλλογοι και οι φορείς της πόλης μπορούν να υποβάλουν τις προτάσεις τους έως τη Δευτέρα 30 Νοεμβρίου 2026, μέσω της πλατφόρμας εξυπηρέτησης πολιτών ή με επιστολή προς το Πρωτόκολλο του Δήμου.

Το σχέδιο δίνει προτεραιότητα στην αποκατάσταση των ζημιών από την πυρκαγιά του Αυγούστου, στην ενεργειακή αναβάθμιση του δημοτικού φωτισμού και στη στήριξη των κοινωνικών δομών.

Ο Προϋπολογισμός θα συζητηθεί σε ανοιχτή συνεδρίαση του Δημοτικού Συμβουλίου την Πέμπτη 10 Δεκεμβρίου 2026, στις 18:00, στην αίθουσα συνεδριάσεων του Δημαρχείου. Περισσότερα για τη λειτουργία του Συμβουλίου στη σελίδα [Δημοτικό Συμβούλιο](/p/o-dimos/dimotiko-symvoulio).',
 NULL,
 'published', '2026-11-16 14:10:00', NULL, NULL, NULL),

(45, 1, 'Δημοτική συγκοινωνία: νέο δρομολόγιο προς την Επάνω Σκάλα και το Νοσοκομείο',
 'Municipal bus service: a new route to Epano Skala and the hospital',
 'Από τη Δευτέρα 5 Οκτωβρίου, τα δωρεάν μικρά λεωφορεία του Δήμου εξυπηρετούν και την Επάνω Σκάλα και το Βοστάνειο Νοσοκομείο.',
 'From Monday 5 October, the Municipality''s free minibuses also serve Epano Skala and Vostanio Hospital.',
 'Από τη Δευτέρα 5 Οκτωβρίου 2026 η δωρεάν δημοτική συγκοινωνία της Μυτιλήνης αποκτά δεύτερο δρομολόγιο, που συνδέει την πλατεία Σαπφούς με την Επάνω Σκάλα και το Βοστάνειο Νοσοκομείο. Το νέο δρομολόγιο ήταν πάγιο αίτημα των κατοίκων της συνοικίας και των ηλικιωμένων που επισκέπτονται τακτικά το Νοσοκομείο.

| Δρομολόγιο | Πρώτη αναχώρηση | Τελευταία αναχώρηση | Συχνότητα |
| --- | --- | --- | --- |
| Πλατεία Σαπφούς – Επάνω Σκάλα – Νοσοκομείο | 07:00 | 21:00 | κάθε 30 λεπτά |
| Πλατεία Σαπφούς – Τσαμάκια – Καλλιθέα | 07:15 | 20:45 | κάθε 45 λεπτά |

Τα λεωφορεία κυκλοφορούν από Δευτέρα έως Σάββατο και διαθέτουν ράμπα για αναπηρικό αμαξίδιο. Πληροφορίες στο [22513 50500](tel:+302251350500).',
 'From Monday 5 October 2026, Mytilene''s free municipal bus service has a second route, linking Sappho Square with Epano Skala and Vostanio Hospital. Residents of the neighbourhood, and older people who visit the hospital regularly, had long asked for it.

| Route | First departure | Last departure | Frequency |
| --- | --- | --- | --- |
| Sappho Square – Epano Skala – Hospital | 07:00 | 21:00 | every 30 minutes |
| Sappho Square – Tsamakia – Kallithea | 07:15 | 20:45 | every 45 minutes |

The buses run Monday to Saturday and have a wheelchair ramp. Information on [22513 50500](tel:+302251350500).',
 'published', '2026-10-01 12:00:00', NULL, NULL, NULL),

(46, 2, 'Άθληση για Όλους 2026–2027: ξεκινούν οι εγγραφές στα δημοτικά αθλητικά προγράμματα',
 NULL,
 'Δωρεάν προγράμματα γυμναστικής, πιλάτες, παραδοσιακών χορών και περπατήματος για όλες τις ηλικίες. Οι εγγραφές γίνονται από τη Δευτέρα 5 Οκτωβρίου.',
 NULL,
 'Ξεκινούν τη Δευτέρα 5 Οκτωβρίου 2026 οι εγγραφές στα προγράμματα «Άθληση για Όλους» του Δήμου Μυτιλήνης για την περίοδο 2026–2027. Τα προγράμματα είναι δωρεάν και απευθύνονται σε παιδιά, ενήλικες, ηλικιωμένους και άτομα με αναπηρία.

Φέτος περιλαμβάνονται:

- γυμναστική και πιλάτες για ενήλικες
- κινητικά παιχνίδια για παιδιά προσχολικής ηλικίας
- παραδοσιακοί χοροί και ομάδες περπατήματος για ηλικιωμένους
- προσαρμοσμένη άσκηση για άτομα με αναπηρία

Τα τμήματα λειτουργούν στα δημοτικά γυμναστήρια της Μυτιλήνης, της Θερμής, της Μόριας και της Αγιάσου. Για την εγγραφή απαιτείται βεβαίωση υγείας από ιατρό. Πληροφορίες στο [22513 50500](tel:+302251350500).',
 NULL,
 'published', '2026-09-30 09:15:00', NULL, NULL, NULL);

-- Where the tenders are published (migration 0003): the decision on Diavgeia
-- (ΑΔΑ) for every one; the notice in ΚΗΜΔΗΣ (ΑΔΑΜ) and the system number in
-- ΕΣΗΔΗΣ for those run through ΕΣΗΔΗΣ.  The lease auction (8) and the two
-- hiring calls (14, 40) are not public contracts: a decision only.

UPDATE news SET diavgeia_ada = '6ΖΛΘΩΡΙ-Β4Κ', kimdis_adam = '25PROC017941286', esidis_no = 219874 WHERE id = 2;
UPDATE news SET diavgeia_ada = 'ΨΗ2ΧΩΡΙ-8ΑΟ' WHERE id = 8;
UPDATE news SET diavgeia_ada = '67ΒΣΩΡΙ-ΤΡ9' WHERE id = 14;
UPDATE news SET diavgeia_ada = 'ΡΕΛ7ΩΡΙ-Δ2Ν', kimdis_adam = '26PROC018560931', esidis_no = 227302 WHERE id = 17;
UPDATE news SET diavgeia_ada = 'ΨΩ5ΝΩΡΙ-ΗΚ3', kimdis_adam = '26PROC018977104', esidis_no = 230186 WHERE id = 22;
UPDATE news SET diavgeia_ada = 'ΩΛ8ΔΩΡΙ-5ΣΥ', kimdis_adam = '26PROC019342668', esidis_no = 233051 WHERE id = 29;
UPDATE news SET diavgeia_ada = 'ΨΖΓ3ΩΡΙ-ΚΘ6', kimdis_adam = '26PROC019790245', esidis_no = 236122 WHERE id = 33;
UPDATE news SET diavgeia_ada = '9ΙΛ4ΩΡΙ-ΞΒ6', kimdis_adam = '26PROC020114587', esidis_no = 238560 WHERE id = 37;
UPDATE news SET diavgeia_ada = '6Ν2ΤΩΡΙ-Α0Χ', kimdis_adam = '26PROC020377919', esidis_no = 240213 WHERE id = 38;
UPDATE news SET diavgeia_ada = '9Τ4ΕΩΡΙ-ΜΛΦ', kimdis_adam = '26PROC018203557', esidis_no = 224415 WHERE id = 39;
UPDATE news SET diavgeia_ada = '6ΦΙ1ΩΡΙ-Ζ7Γ' WHERE id = 40;
UPDATE news SET diavgeia_ada = '9ΒΑΜΩΡΙ-Π1Ε', kimdis_adam = '26PROC019618420', esidis_no = 234907 WHERE id = 41;

-- Lead images of existing items

UPDATE news SET lead_image = '/static/img/news/engrafo.svg',
 lead_image_alt = 'Εικονογράφηση: επίσημο έγγραφο με σφραγίδα έγκρισης' WHERE id = 3;
UPDATE news SET lead_image = '/static/img/news/kastro-thalassa.svg',
 lead_image_alt = 'Εικονογράφηση: το Κάστρο της Μυτιλήνης πάνω από τη θάλασσα, με ένα ιστιοφόρο' WHERE id = 24;
UPDATE news SET lead_image = '/static/img/news/kastro-thalassa.svg',
 lead_image_alt = 'Εικονογράφηση: το Κάστρο της Μυτιλήνης πάνω από τη θάλασσα, με ένα ιστιοφόρο' WHERE id = 27;
UPDATE news SET lead_image = '/static/img/news/dentro.svg',
 lead_image_alt = 'Εικονογράφηση: μεγάλο πράσινο δέντρο σε λόφο' WHERE id = 25;

-- Documents of the tenders: small sample PDFs in views/static/docs

INSERT INTO news_attachments (news_id, title, title_en, url, mime, size_bytes, sort_order) VALUES
(2,  'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(2,  'Μελέτη και ενδεικτικός προϋπολογισμός', 'Technical study and indicative budget', '/static/docs/proypologismos-meleti.pdf', 'application/pdf', 1036, 2),
(2,  'Απόφαση κατακύρωσης', 'Award decision', '/static/docs/apofasi-katakyrosis.pdf', 'application/pdf', 995, 3),
(8,  'Διακήρυξη και όροι της δημοπρασίας', 'Auction notice and terms', '/static/docs/oroi-dimoprasias.pdf', 'application/pdf', 1005, 1),
(14, 'Ανακοίνωση ΣΟΧ 1/2026', 'Recruitment notice SOCH 1/2026', '/static/docs/anakoinosi-proslipsis.pdf', 'application/pdf', 1018, 1),
(14, 'Έντυπο αίτησης', 'Application form', '/static/docs/aitisi-symmetochis.pdf', 'application/pdf', 996, 2),
(17, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(17, 'Τεχνικές προδιαγραφές', 'Technical specifications', '/static/docs/technikes-prodiagrafes.pdf', 'application/pdf', 1008, 2),
(22, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(22, 'Μελέτη και ενδεικτικός προϋπολογισμός', 'Technical study and indicative budget', '/static/docs/proypologismos-meleti.pdf', 'application/pdf', 1036, 2),
(22, 'Απόφαση κατακύρωσης', 'Award decision', '/static/docs/apofasi-katakyrosis.pdf', 'application/pdf', 995, 3),
(29, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(29, 'Έντυπο οικονομικής προσφοράς', 'Financial offer form', '/static/docs/entypo-oikonomikis-prosforas.pdf', 'application/pdf', 1010, 2),
(33, 'Διακήρυξη της διαδικασίας', 'Notice of the procedure', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(33, 'Τεχνική έκθεση και προϋπολογισμός', 'Technical report and budget', '/static/docs/proypologismos-meleti.pdf', 'application/pdf', 1036, 2),
(37, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(37, 'Τεχνικές προδιαγραφές', 'Technical specifications', '/static/docs/technikes-prodiagrafes.pdf', 'application/pdf', 1008, 2),
(37, 'Έντυπο οικονομικής προσφοράς', 'Financial offer form', '/static/docs/entypo-oikonomikis-prosforas.pdf', 'application/pdf', 1010, 3),
(38, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(38, 'Τεχνικές προδιαγραφές', 'Technical specifications', '/static/docs/technikes-prodiagrafes.pdf', 'application/pdf', 1008, 2),
(39, 'Διακήρυξη του διαγωνισμού', 'Tender notice', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(39, 'Απόφαση κατακύρωσης', 'Award decision', '/static/docs/apofasi-katakyrosis.pdf', 'application/pdf', 995, 2),
(40, 'Ανακοίνωση πρόσληψης', 'Recruitment notice', '/static/docs/anakoinosi-proslipsis.pdf', 'application/pdf', 1018, 1),
(40, 'Έντυπο αίτησης', 'Application form', '/static/docs/aitisi-symmetochis.pdf', 'application/pdf', 996, 2),
(41, 'Διακήρυξη της διαδικασίας', 'Notice of the procedure', '/static/docs/diakiryxi.pdf', 'application/pdf', 1034, 1),
(41, 'Τεχνική έκθεση και προϋπολογισμός', 'Technical report and budget', '/static/docs/proypologismos-meleti.pdf', 'application/pdf', 1036, 2);

-- Tags (slugs in ELOT 743) and the tags of the news items.  The draft (19)
-- and the scheduled item (23) have tags too: tag pages must hide them.

INSERT INTO tags (id, slug, name_el, name_en) VALUES
(1,  'politismos',          'Πολιτισμός',          'Culture'),
(2,  'perivallon',          'Περιβάλλον',          'Environment'),
(3,  'ydrefsi',             'Ύδρευση',             'Water supply'),
(4,  'politiki-prostasia',  'Πολιτική Προστασία',  'Civil protection'),
(5,  'tourismos',           'Τουρισμός',           'Tourism'),
(6,  'koinoniki-politiki',  'Κοινωνική πολιτική',  'Social policy'),
(7,  'erga',                'Έργα',                'Public works'),
(8,  'kathariotita',        'Καθαριότητα',         'Cleaning and recycling'),
(9,  'athlitismos',         'Αθλητισμός',          'Sport'),
(10, 'psifiakes-ypiresies', 'Ψηφιακές υπηρεσίες',  'Digital services'),
(11, 'sygkoinonies',        'Συγκοινωνίες',        'Transport'),
(12, 'paideia',             'Παιδεία',             'Education'),
(13, 'dimotiko-symvoulio',  'Δημοτικό Συμβούλιο',  'Municipal Council'),
(14, 'kykloforia',          'Κυκλοφορία',          'Traffic'),
(15, 'oikonomika',          'Οικονομικά',          'Finance');

INSERT INTO news_tags (news_id, tag_id) VALUES
(1, 10), (1, 6),
(2, 15),
(3, 15), (3, 13),
(4, 1),
(5, 8),
(6, 14), (6, 1),
(7, 4),
(8, 5), (8, 15),
(9, 6),
(10, 1),
(11, 3),
(12, 9), (12, 7),
(13, 5),
(14, 5),
(15, 7), (15, 14),
(16, 1),
(17, 8), (17, 15),
(18, 4), (18, 2),
(19, 12),
(20, 2), (20, 5),
(21, 13),
(22, 7),
(23, 8),
(24, 5),
(25, 2), (25, 8),
(26, 3),
(27, 1), (27, 5),
(28, 4),
(29, 12), (29, 6),
(30, 12), (30, 6),
(31, 11), (31, 2),
(32, 6),
(33, 7),
(34, 10),
(35, 1),
(36, 4), (36, 7),
(37, 7), (37, 2),
(38, 11), (38, 2),
(39, 8), (39, 2),
(40, 6),
(41, 7), (41, 12),
(42, 2), (42, 12),
(43, 14), (43, 1),
(44, 15), (44, 13),
(45, 11),
(46, 9);

-- The page tree under /p/.  Explicit ids, parents first.
--   1 o-dimos             2 dimarchos  3 dimotiko-symvoulio
--                         4 ypiresies-dimou (department directory)
--                         5 istoria    6 proschedio (draft, never shown)
--   7 ypiresies           8 pistopoiitika  9 kathariotita
--                        10 koinoniki-prostasia  11 dimotika-teli
--  12 episkeftite-ti-mytilini  13 axiotheata  14 kastro-mytilinis (under 13)
--                        15 paralies  16 pos-tha-erthete
--  17 epikoinonia

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(1, NULL, 'o-dimos', 'Ο Δήμος', 'The Municipality',
 'Ο Δήμος Μυτιλήνης, η διοίκησή του, οι υπηρεσίες του και η ιστορία της πόλης.',
 'The Municipality of Mytilene: its administration, its departments and the history of the town.',
 'Ο Δήμος Μυτιλήνης καλύπτει το ανατολικό και το νότιο τμήμα της Λέσβου, από τον Μανταμάδο στα βόρεια έως την Αγιάσο και το Πλωμάρι στα νότια. Έδρα του είναι η πόλη της Μυτιλήνης, πρωτεύουσα του νησιού και της Περιφέρειας Βορείου Αιγαίου.

Ο Δήμος διοικείται από τον Δήμαρχο και το Δημοτικό Συμβούλιο, που εκλέγονται από τους δημότες κάθε πέντε χρόνια. Στα χωριά λειτουργούν Συμβούλια Δημοτικών Κοινοτήτων, που μεταφέρουν τα τοπικά ζητήματα στη δημοτική αρχή.

Σε αυτή την ενότητα θα βρείτε:

- [Ο Δήμαρχος](/p/o-dimos/dimarchos): ο ρόλος και οι αρμοδιότητές του
- [Δημοτικό Συμβούλιο](/p/o-dimos/dimotiko-symvoulio): σύνθεση και συνεδριάσεις
- [Διευθύνσεις και τμήματα](/p/o-dimos/ypiresies-dimou): τηλέφωνα, ωράρια και διευθύνσεις των υπηρεσιών
- [Ιστορία της πόλης](/p/o-dimos/istoria): από την αρχαία Μυτιλήνη έως σήμερα',
 'The Municipality of Mytilene covers the east and south of Lesvos, from Mantamados in the north to Agiasos and Plomari in the south. Its seat is the town of Mytilene, capital of the island and of the North Aegean Region.

The Municipality is governed by the Mayor and the Municipal Council, elected by residents every five years. Each village has a local community council that brings local issues to the municipal authority.

In this section you will find:

- [The Mayor](/p/o-dimos/dimarchos): the role and responsibilities of the office
- [Municipal Council](/p/o-dimos/dimotiko-symvoulio): members and meetings (in Greek)
- [Departments](/p/o-dimos/ypiresies-dimou): phone numbers, opening hours and addresses
- [History of the town](/p/o-dimos/istoria): from ancient Mytilene to the present day (in Greek)',
 1, 1, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(2, 1, 'dimarchos', 'Ο Δήμαρχος', 'The Mayor',
 'Ο Δήμαρχος είναι ο επικεφαλής της δημοτικής αρχής και εκπροσωπεί τον Δήμο Μυτιλήνης.',
 'The Mayor heads the municipal authority and represents the Municipality of Mytilene.',
 'Ο Δήμαρχος Μυτιλήνης εκλέγεται άμεσα από τους δημότες, μαζί με το Δημοτικό Συμβούλιο, για πενταετή θητεία. Είναι το εκτελεστικό όργανο του Δήμου και ο προϊστάμενος όλων των υπηρεσιών του.

## Αρμοδιότητες

- εκπροσωπεί τον Δήμο δικαστικά και εξώδικα
- εκτελεί τις αποφάσεις του Δημοτικού Συμβουλίου και της Δημοτικής Επιτροπής
- προΐσταται των υπηρεσιών και του προσωπικού του Δήμου
- ορίζει τους Αντιδημάρχους και τους αναθέτει τομείς ευθύνης
- συντονίζει τη δράση του Δήμου σε καταστάσεις έκτακτης ανάγκης, μαζί με την [Πολιτική Προστασία](/p/o-dimos/ypiresies-dimou)

## Επικοινωνία με το Γραφείο Δημάρχου

Το Γραφείο Δημάρχου βρίσκεται στον πρώτο όροφο του Δημαρχείου. Για ραντεβού καλέστε στο [22513 50500](tel:+302251350500), τις εργάσιμες ημέρες από τις 08:00 έως τις 14:00. Μπορείτε επίσης να γράψετε στον Δήμαρχο μέσω της σελίδας [Επικοινωνία](/p/epikoinonia).',
 'The Mayor of Mytilene is elected directly by residents, together with the Municipal Council, for a five-year term. The Mayor is the executive body of the Municipality and heads all of its departments.

## Responsibilities

- representing the Municipality in and out of court
- carrying out the decisions of the Municipal Council and the Municipal Committee
- heading the Municipality''s departments and staff
- appointing the Deputy Mayors and assigning their portfolios
- coordinating the Municipality''s response to emergencies, together with [Civil Protection](/p/o-dimos/ypiresies-dimou)

## Contacting the Mayor''s Office

The Mayor''s Office is on the first floor of the Town Hall. To book an appointment, call [22513 50500](tel:+302251350500) on working days between 08:00 and 14:00. You can also write to the Mayor through the [Contact](/p/epikoinonia) page.',
 1, 0, 'none', 'published'),

(3, 1, 'dimotiko-symvoulio', 'Δημοτικό Συμβούλιο', NULL,
 'Το Δημοτικό Συμβούλιο αποφασίζει για όλα τα σημαντικά ζητήματα του Δήμου. Οι συνεδριάσεις του είναι δημόσιες.',
 NULL,
 'Το Δημοτικό Συμβούλιο είναι το κύριο αποφασιστικό όργανο του Δήμου Μυτιλήνης. Εγκρίνει τον Προϋπολογισμό και τον Απολογισμό, το Τεχνικό Πρόγραμμα, τους κανονισμούς και τα δημοτικά τέλη, και ελέγχει τη δημοτική αρχή.

Τα μέλη του εκλέγονται από τους δημότες μαζί με τον Δήμαρχο. Το Συμβούλιο εκλέγει τον Πρόεδρο και το Προεδρείο του, καθώς και τα μέλη της Δημοτικής Επιτροπής.

## Συνεδριάσεις

- Το Συμβούλιο συνεδριάζει τακτικά, συνήθως μία φορά τον μήνα, στην αίθουσα συνεδριάσεων του Δημαρχείου.
- Οι συνεδριάσεις είναι ανοιχτές στο κοινό και μεταδίδονται ζωντανά από την ιστοσελίδα του Δήμου.
- Η πρόσκληση και η ημερήσια διάταξη δημοσιεύονται στις [ανακοινώσεις](/news) τουλάχιστον πέντε ημέρες πριν.
- Οι αποφάσεις αναρτώνται στη Διαύγεια.

Οι προσεχείς συνεδριάσεις εμφανίζονται και στο [ημερολόγιο εκδηλώσεων](/events).',
 NULL,
 2, 0, 'none', 'published'),

(4, 1, 'ypiresies-dimou', 'Διευθύνσεις και τμήματα', NULL,
 'Τηλέφωνα, διευθύνσεις ηλεκτρονικού ταχυδρομείου και ωράρια των υπηρεσιών του Δήμου Μυτιλήνης.',
 NULL,
 'Παρακάτω θα βρείτε τις κύριες υπηρεσίες του Δήμου Μυτιλήνης, με τον υπεύθυνο, το τηλέφωνο, το ηλεκτρονικό ταχυδρομείο και τις ώρες εξυπηρέτησης του κοινού.

Αν δεν γνωρίζετε ποια υπηρεσία είναι αρμόδια για το θέμα σας, καλέστε το τηλεφωνικό κέντρο του Δήμου στο [22513 50500](tel:+302251350500) ή απευθυνθείτε στο ΚΕΠ. Για βλάβες, λακκούβες και θέματα καθαριότητας μπορείτε να υποβάλετε αίτημα και ηλεκτρονικά.',
 NULL,
 3, 0, 'departments', 'published'),

(5, 1, 'istoria', 'Ιστορία της πόλης', NULL,
 'Από την αρχαία πόλη της Σαπφούς και του Αλκαίου έως την απελευθέρωση του 1912 και τη σύγχρονη πανεπιστημιούπολη.',
 NULL,
 'Η Μυτιλήνη είναι μία από τις σημαντικότερες πόλεις του αρχαίου Αιγαίου. Τον 7ο και τον 6ο αιώνα π.Χ. γνώρισε μεγάλη ακμή: εδώ έζησαν η ποιήτρια Σαπφώ και ο λυρικός ποιητής Αλκαίος, ενώ ο Πιττακός, ένας από τους επτά σοφούς της αρχαιότητας, κυβέρνησε την πόλη. Από την αρχαία πόλη σώζεται, μεταξύ άλλων, το ελληνιστικό θέατρο στον λόφο πάνω από το λιμάνι.

## Από το Βυζάντιο στην απελευθέρωση

- Στα βυζαντινά χρόνια οχυρώθηκε ο λόφος βόρεια του λιμανιού, όπου βρίσκεται σήμερα το [Κάστρο](/p/episkeftite-ti-mytilini/axiotheata/kastro-mytilinis).
- Το 1355 το νησί περιήλθε στους Γενουάτες Γατελούζους, που ενίσχυσαν τις οχυρώσεις.
- Το 1462 η Λέσβος κατακτήθηκε από τους Οθωμανούς.
- Στις 8 Νοεμβρίου 1912 η Μυτιλήνη απελευθερώθηκε και ενώθηκε με την Ελλάδα. Η επέτειος γιορτάζεται κάθε χρόνο με λαμπρότητα.

## Η σύγχρονη πόλη

Μετά το 1922 η πόλη υποδέχθηκε χιλιάδες πρόσφυγες από τα απέναντι μικρασιατικά παράλια, που άφησαν βαθύ αποτύπωμα στη ζωή και στον πολιτισμό της. Σήμερα η Μυτιλήνη είναι έδρα του Πανεπιστημίου Αιγαίου και μια ζωντανή πόλη όλο τον χρόνο, με αρχοντικά, μουσεία και την πολύβουη αγορά της οδού Ερμού.',
 NULL,
 4, 0, 'none', 'published'),

(6, 1, 'proschedio', 'Προσχέδιο: Οι Δημοτικές Κοινότητες', NULL,
 'Πρόχειρη σελίδα σε επεξεργασία. Δεν πρέπει να εμφανίζεται στο κοινό.',
 NULL,
 'Πρόχειρο κείμενο για τις Δημοτικές Κοινότητες του Δήμου. Η σελίδα βρίσκεται σε επεξεργασία και δεν πρέπει να εμφανίζεται ούτε στο μενού, ούτε στην αναζήτηση, ούτε στη διεύθυνσή της.',
 NULL,
 5, 0, 'none', 'draft');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(7, NULL, 'ypiresies', 'Υπηρεσίες', 'Services',
 'Πιστοποιητικά, καθαριότητα, κοινωνική προστασία και δημοτικά τέλη: ό,τι χρειάζεστε από τον Δήμο.',
 'Certificates, waste collection, social care and municipal charges: what the Municipality can do for you.',
 'Ο Δήμος Μυτιλήνης εξυπηρετεί τους δημότες στο Δημαρχείο, στα ΚΕΠ, στα Δημοτικά Καταστήματα των χωριών και, όλο και περισσότερο, ηλεκτρονικά.

- [Πιστοποιητικά και βεβαιώσεις](/p/ypiresies/pistopoiitika): δημοτολόγιο, ληξιαρχείο, βεβαιώσεις μόνιμης κατοικίας
- [Καθαριότητα και ανακύκλωση](/p/ypiresies/kathariotita): πρόγραμμα αποκομιδής, κάδοι, ογκώδη αντικείμενα
- [Κοινωνική προστασία](/p/ypiresies/koinoniki-prostasia): «Βοήθεια στο Σπίτι», Κοινωνικό Παντοπωλείο, στήριξη ευπαθών ομάδων
- [Δημοτικά τέλη](/p/ypiresies/dimotika-teli): τέλη καθαριότητας και φωτισμού, κοινόχρηστοι χώροι, τρόποι πληρωμής

Για βλάβες στον φωτισμό, λακκούβες ή προβλήματα καθαριότητας μπορείτε να υποβάλετε αίτημα μέσω της πλατφόρμας εξυπηρέτησης πολιτών και να παρακολουθείτε την πορεία του. Για οτιδήποτε άλλο καλέστε το [22513 50500](tel:+302251350500).',
 'The Municipality of Mytilene serves residents at the Town Hall, at the Citizen Service Centres (KEP), at the local offices in the villages and, more and more, online.

- [Certificates](/p/ypiresies/pistopoiitika): municipal and civil registers, proof of residence
- [Waste and recycling](/p/ypiresies/kathariotita): collection times, bins, bulky items
- [Social care](/p/ypiresies/koinoniki-prostasia): “Help at Home”, the Social Grocery, support for vulnerable people
- [Municipal charges](/p/ypiresies/dimotika-teli): cleaning and lighting charges, use of public space, how to pay

These pages are in Greek. To report a broken street light, a pothole or a cleaning problem, use the citizens'' requests platform and follow your request online. For anything else, call [22513 50500](tel:+302251350500).',
 2, 1, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(8, 7, 'pistopoiitika', 'Πιστοποιητικά και βεβαιώσεις', NULL,
 'Πώς θα εκδώσετε πιστοποιητικά του δημοτολογίου και του ληξιαρχείου, ηλεκτρονικά ή στο ΚΕΠ.',
 NULL,
 'Τα περισσότερα πιστοποιητικά εκδίδονται πλέον ηλεκτρονικά, χωρίς να χρειαστεί να επισκεφθείτε καμία υπηρεσία. Αρκούν οι κωδικοί Taxisnet.

| Έγγραφο | Πού εκδίδεται | Χρόνος έκδοσης |
| --- | --- | --- |
| Πιστοποιητικό οικογενειακής κατάστασης | gov.gr, ΚΕΠ, Δημοτολόγιο | άμεσα |
| Πιστοποιητικό εγγραφής στο δημοτολόγιο | gov.gr, ΚΕΠ, Δημοτολόγιο | άμεσα |
| Ληξιαρχική πράξη γέννησης ή γάμου | gov.gr, ΚΕΠ, Ληξιαρχείο | άμεσα |
| Βεβαίωση μόνιμης κατοικίας | ηλεκτρονική αίτηση στον Δήμο, ΚΕΠ | έως 3 εργάσιμες ημέρες |

## Αυτοπροσώπως

Αν προτιμάτε να εξυπηρετηθείτε αυτοπροσώπως, το Δημοτολόγιο και το ΚΕΠ του Δημαρχείου λειτουργούν τις εργάσιμες ημέρες. Φέρτε μαζί σας την αστυνομική σας ταυτότητα ή το διαβατήριό σας. Τα τηλέφωνα και τα ωράρια θα τα βρείτε στη σελίδα [Διευθύνσεις και τμήματα](/p/o-dimos/ypiresies-dimou).

Η έκδοση όλων των παραπάνω εγγράφων είναι δωρεάν.',
 NULL,
 1, 0, 'none', 'published'),

(9, 7, 'kathariotita', 'Καθαριότητα και ανακύκλωση', NULL,
 'Τι πετάμε σε κάθε κάδο, πότε περνά το απορριμματοφόρο και πώς ζητάμε αποκομιδή ογκωδών αντικειμένων.',
 NULL,
 'Η Διεύθυνση Καθαριότητας και Ανακύκλωσης συλλέγει τα απορρίμματα σε όλες τις Δημοτικές Ενότητες, καθημερινά στο κέντρο της Μυτιλήνης και σύμφωνα με εβδομαδιαίο πρόγραμμα στα χωριά.

## Τι πάει σε κάθε κάδο

| Κάδος | Τι τοποθετούμε | Τι δεν τοποθετούμε |
| --- | --- | --- |
| Μπλε | χαρτί, πλαστικό, αλουμίνιο, γυάλινες φιάλες | λερωμένες συσκευασίες, ρούχα |
| Καφέ | υπολείμματα τροφών, κατακάθι καφέ, χαρτοπετσέτες | πλαστικές σακούλες, λάδια, στάχτες |
| Πράσινος | ό,τι δεν ανακυκλώνεται | μπαταρίες, ηλεκτρικές συσκευές, μπάζα |

## Ογκώδη αντικείμενα και κλαδέματα

Έπιπλα, στρώματα, ηλεκτρικές συσκευές και κλαδέματα συλλέγονται δωρεάν, κατόπιν ραντεβού. Κλείστε ραντεβού στο [22513 50500](tel:+302251350500) ή ηλεκτρονικά, και βγάλτε τα αντικείμενα έξω μόνο το βράδυ πριν από την ημέρα που θα σας οριστεί.

Σας παρακαλούμε να τοποθετείτε τα σακουλάκια με τα απορρίμματα στους κάδους μετά τις 20:00 και ποτέ δίπλα σε αυτούς.',
 NULL,
 2, 0, 'none', 'published'),

(10, 7, 'koinoniki-prostasia', 'Κοινωνική προστασία', NULL,
 'Το πρόγραμμα «Βοήθεια στο Σπίτι», το Κοινωνικό Παντοπωλείο και η στήριξη των ευπαθών ομάδων από τον Δήμο Μυτιλήνης.',
 NULL,
 'Η Διεύθυνση Κοινωνικής Προστασίας του Δήμου στέκεται δίπλα σε ηλικιωμένους, άτομα με αναπηρία, οικογένειες με χαμηλό εισόδημα και συμπολίτες μας που περνούν δύσκολες στιγμές.

## «Βοήθεια στο Σπίτι»

Το πρόγραμμα «Βοήθεια στο Σπίτι» προσφέρει δωρεάν κατ’ οίκον φροντίδα σε ηλικιωμένους και άτομα με αναπηρία που ζουν μόνα τους ή δεν μπορούν να αυτοεξυπηρετηθούν. Κοινωνικοί λειτουργοί, νοσηλευτές και οικογενειακοί βοηθοί επισκέπτονται τακτικά τους ωφελούμενους και τους βοηθούν:

- με τη νοσηλευτική φροντίδα και τη λήψη των φαρμάκων τους
- με τα ψώνια, τις πληρωμές και τις εξωτερικές δουλειές
- με την επικοινωνία με γιατρούς και υπηρεσίες
- με ψυχολογική υποστήριξη και συντροφιά

Κατά την πανδημία του 2020, η πλατφόρμα υποστήριξης πολιτών του Δήμου, σε συνεργασία με το πρόγραμμα, εθελοντές γιατρούς και τον Φαρμακευτικό Σύλλογο, εξυπηρέτησε με ασφάλεια τις ευπαθείς ομάδες και τιμήθηκε με Ασημένιο Βραβείο στα Best City Awards 2020.

## Κοινωνικό Παντοπωλείο

Οικογένειες με χαμηλό εισόδημα μπορούν να λαμβάνουν δωρεάν τρόφιμα και είδη πρώτης ανάγκης. Οι αιτήσεις υποβάλλονται στη Διεύθυνση Κοινωνικής Προστασίας.

Για να ενταχθείτε σε κάποιο πρόγραμμα, ή αν γνωρίζετε κάποιον που χρειάζεται βοήθεια, καλέστε στο [22513 50500](tel:+302251350500).',
 NULL,
 3, 0, 'none', 'published'),

(11, 7, 'dimotika-teli', 'Δημοτικά τέλη', NULL,
 'Τα δημοτικά τέλη του 2026, όπως τα καθόρισε το Δημοτικό Συμβούλιο, και οι τρόποι πληρωμής τους.',
 NULL,
 'Τα δημοτικά τέλη καθορίζονται κάθε χρόνο με απόφαση του Δημοτικού Συμβουλίου. Τα τέλη καθαριότητας και φωτισμού και ο φόρος ηλεκτροδοτούμενων χώρων χρεώνονται μέσω του λογαριασμού ρεύματος.

## Τέλη για το 2026

| Τέλος | Κατηγορία | Ποσό |
| --- | --- | ---: |
| Καθαριότητας και φωτισμού | κατοικίες, ανά τ.μ. και έτος | 1,35 € |
| Καθαριότητας και φωτισμού | καταστήματα και γραφεία, ανά τ.μ. και έτος | 4,20 € |
| Καθαριότητας και φωτισμού | ξενοδοχεία και καταλύματα, ανά τ.μ. και έτος | 3,10 € |
| Κατάληψης κοινόχρηστου χώρου | τραπεζοκαθίσματα στο κέντρο, ανά τ.μ. και έτος | 32,00 € |
| Κατάληψης κοινόχρηστου χώρου | υλικά οικοδομών, ανά τ.μ. και μήνα | 6,00 € |
| Χρήσης αιθουσών Δημοτικού Θεάτρου | ανά εκδήλωση | 250,00 € |

## Μειώσεις και απαλλαγές

- Απαλλάσσονται από τα τέλη καθαριότητας και φωτισμού οι δικαιούχοι του Ελάχιστου Εγγυημένου Εισοδήματος.
- Μείωση 50% δικαιούνται οι πολύτεκνες οικογένειες και τα άτομα με αναπηρία 67% και άνω, ύστερα από αίτηση.

## Πληρωμή

Τα υπόλοιπα τέλη πληρώνονται στην Ταμειακή Υπηρεσία, με κάρτα μέσω της διαδικτυακής πύλης ή με τραπεζική κατάθεση, αναγράφοντας τον κωδικό οφειλής. Για βεβαιώσεις οφειλών και διακανονισμούς απευθυνθείτε στην Ταμειακή Υπηρεσία, στο [22513 50500](tel:+302251350500).',
 NULL,
 4, 0, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(12, NULL, 'episkeftite-ti-mytilini', 'Επισκεφθείτε τη Μυτιλήνη', 'Visiting Mytilene',
 'Αξιοθέατα, παραλίες και χρήσιμες πληροφορίες για όσους επισκέπτονται τη Μυτιλήνη και τη Λέσβο.',
 'Sights, beaches and practical information for visitors to Mytilene and Lesvos.',
 'Η Μυτιλήνη είναι μια πόλη που ζει όλο τον χρόνο: ένα ζωντανό λιμάνι με αρχοντικά, εκκλησίες και ουζερί, ένα από τα μεγαλύτερα κάστρα της Μεσογείου και παραλίες λίγα λεπτά από το κέντρο. Από εδώ ξεκινούν οι διαδρομές για τους ελαιώνες της Αγιάσου, το Πλωμάρι του ούζου και τα χωριά της Γέρας.

- [Αξιοθέατα](/p/episkeftite-ti-mytilini/axiotheata): το Κάστρο, το αρχαίο θέατρο, τα μουσεία
- [Παραλίες](/p/episkeftite-ti-mytilini/paralies): από τα Τσαμάκια έως τον Άγιο Ισίδωρο
- [Πώς θα έρθετε](/p/episkeftite-ti-mytilini/pos-tha-erthete): αεροπλάνο, πλοίο και συγκοινωνίες στο νησί

Από τον Μάιο έως τον Οκτώβριο λειτουργεί στην Προκυμαία το Περίπτερο Τουριστικής Πληροφόρησης του Δήμου, καθημερινά από τις 09:00 έως τις 21:00. Δείτε επίσης τι γίνεται στην πόλη στο [ημερολόγιο εκδηλώσεων](/events).',
 'Mytilene is a town that lives all year round: a busy harbour with mansions, churches and ouzeries, one of the largest castles in the Mediterranean, and beaches a few minutes from the centre. It is also the starting point for the olive groves of Agiasos, Plomari, home of ouzo, and the villages around the Gulf of Gera.

- [Sights](/p/episkeftite-ti-mytilini/axiotheata): the Castle, the ancient theatre, the museums
- [Beaches](/p/episkeftite-ti-mytilini/paralies): from Tsamakia to Agios Isidoros
- [Getting here](/p/episkeftite-ti-mytilini/pos-tha-erthete): by air, by sea and around the island

From May to October the Municipality''s Tourist Information Kiosk on the waterfront is open every day from 09:00 to 21:00. See also what is on in town in the [events calendar](/events).',
 3, 1, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(13, 12, 'axiotheata', 'Αξιοθέατα', 'Sights',
 'Το Κάστρο, το αρχαίο θέατρο, η οδός Ερμού και τα μουσεία της Μυτιλήνης.',
 'The Castle, the ancient theatre, Ermou Street and the museums of Mytilene.',
 'Η Μυτιλήνη συνδυάζει αρχαία μνημεία, βυζαντινές και οθωμανικές οχυρώσεις και την αστική αρχιτεκτονική του 19ου αιώνα. Τα περισσότερα αξιοθέατα απέχουν λίγα λεπτά με τα πόδια από το λιμάνι.

## Στην πόλη

- **[Το Κάστρο της Μυτιλήνης](/p/episkeftite-ti-mytilini/axiotheata/kastro-mytilinis)**: στον λόφο βόρεια του λιμανιού, με θέα σε όλη την πόλη και στα μικρασιατικά παράλια.
- **Το αρχαίο θέατρο**: ένα από τα μεγαλύτερα θέατρα της ελληνιστικής εποχής, στο δάσος πάνω από την πόλη.
- **Ο Ιερός Ναός του Αγίου Θεράποντος**: ο επιβλητικός τρούλος του ξεχωρίζει από κάθε σημείο του λιμανιού.
- **Η οδός Ερμού**: η παραδοσιακή αγορά της πόλης, από την πλατεία Σαπφούς έως το βόρειο λιμάνι.
- **Το Αρχαιολογικό Μουσείο**: ευρήματα από όλη τη Λέσβο, με τα ψηφιδωτά της «Οικίας του Μενάνδρου».

## Λίγο έξω από την πόλη

Στη Βαρειά, τέσσερα χιλιόμετρα νότια του κέντρου, βρίσκονται το Μουσείο Θεόφιλου, με έργα του λαϊκού ζωγράφου από τη Λέσβο, και το Μουσείο Τεριάντ, με εκδόσεις και έργα σημαντικών καλλιτεχνών του 20ού αιώνα.',
 'Mytilene combines ancient monuments, Byzantine and Ottoman fortifications, and the town architecture of the 19th century. Most sights are a few minutes'' walk from the harbour.

## In town

- **[The Castle of Mytilene](/p/episkeftite-ti-mytilini/axiotheata/kastro-mytilinis)**: on the hill north of the harbour, with views over the whole town and across to the coast of Asia Minor.
- **The ancient theatre**: one of the largest theatres of the Hellenistic period, in the pine woods above the town.
- **The Church of Agios Therapon**: its great dome stands out from everywhere in the harbour.
- **Ermou Street**: the town''s traditional market street, from Sappho Square to the north harbour.
- **The Archaeological Museum**: finds from all over Lesvos, including the mosaics of the “House of Menander”.

## Just outside town

In Varia, four kilometres south of the centre, are the Theophilos Museum, with works by the folk painter from Lesvos, and the Tériade Museum, with books and works by major artists of the 20th century.',
 1, 0, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(14, 13, 'kastro-mytilinis', 'Το Κάστρο της Μυτιλήνης', 'The Castle of Mytilene',
 'Ένα από τα μεγαλύτερα κάστρα της Μεσογείου, με ιστορία δεκαπέντε αιώνων και θέα σε όλη την πόλη.',
 'One of the largest castles in the Mediterranean, with fifteen centuries of history and views over the whole town.',
 'Το Κάστρο της Μυτιλήνης δεσπόζει στον δασωμένο λόφο ανάμεσα στα δύο λιμάνια της πόλης. Είναι ένα από τα μεγαλύτερα κάστρα της Μεσογείου και ένα από τα σημαντικότερα μνημεία της Λέσβου.

## Ιστορία

Ο λόφος ήταν οχυρωμένος ήδη από την αρχαιότητα. Το κάστρο που βλέπουμε σήμερα χτίστηκε στα βυζαντινά χρόνια, ενισχύθηκε σημαντικά από τους Γενουάτες Γατελούζους τον 14ο αιώνα και επεκτάθηκε από τους Οθωμανούς, που πρόσθεσαν το Κάτω Κάστρο. Μέσα στα τείχη σώζονται πύλες, πύργοι, υπόγειες δεξαμενές, ερείπια των ανακτόρων των Γατελούζων και κτίρια της οθωμανικής περιόδου, όπως ένας μεντρεσές.

## Χρήσιμες πληροφορίες

| Πληροφορία | Λεπτομέρειες |
| --- | --- |
| Τοποθεσία | λόφος βόρεια του κέντρου, 10 λεπτά με τα πόδια από την πλατεία Σαπφούς |
| Πρόσβαση | με τα πόδια ή με αυτοκίνητο, με χώρο στάθμευσης στην είσοδο |
| Αρμόδια υπηρεσία | Εφορεία Αρχαιοτήτων Λέσβου |
| Εκδηλώσεις | συναυλίες και θέατρο κάθε καλοκαίρι, κούλουμα την Καθαρά Δευτέρα |

Το καλοκαίρι το Κάστρο φιλοξενεί τις μεγάλες εκδηλώσεις του Πολιτιστικού Καλοκαιριού του Δήμου. Δείτε το [ημερολόγιο εκδηλώσεων](/events).',
 'The Castle of Mytilene crowns the wooded hill between the town''s two harbours. It is one of the largest castles in the Mediterranean and one of the most important monuments on Lesvos.

## History

The hill was fortified in antiquity. The castle we see today was built in Byzantine times, greatly strengthened by the Genoese Gattilusi family in the 14th century and extended by the Ottomans, who added the Lower Castle. Inside the walls you can see gates, towers, underground cisterns, the ruins of the Gattilusi palace and buildings of the Ottoman period, such as a medrese.

## Practical information

| Item | Details |
| --- | --- |
| Location | the hill north of the centre, a 10-minute walk from Sappho Square |
| Access | on foot or by car, with parking at the entrance |
| Managed by | the Ephorate of Antiquities of Lesvos |
| Events | concerts and theatre every summer, the Clean Monday picnic |

In summer the Castle hosts the main events of the Municipality''s Cultural Summer. See the [events calendar](/events).',
 1, 0, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(15, 12, 'paralies', 'Παραλίες', 'Beaches',
 'Οργανωμένες ακτές με Γαλάζια Σημαία και ήσυχοι κολπίσκοι, λίγα λεπτά ή λίγα χιλιόμετρα από τη Μυτιλήνη.',
 'Organised beaches with Blue Flags and quiet coves, a few minutes or a few kilometres from Mytilene.',
 'Ο Δήμος Μυτιλήνης έχει δεκάδες παραλίες, από την αστική ακτή των Τσαμακίων έως τα βότσαλα του Πλωμαρίου. Πέντε από αυτές τιμήθηκαν με Γαλάζια Σημαία το 2026.

| Παραλία | Περιοχή | Απόσταση από το κέντρο | Γαλάζια Σημαία |
| --- | --- | --- | --- |
| Τσαμάκια | Μυτιλήνη | 1,5 χλμ. | ναι |
| Άγιος Ερμογένης | Λουτρά | περίπου 12 χλμ. | ναι |
| Χαράμιδα | Λουτρά | περίπου 13 χλμ. | ναι |
| Λουτρόπολη Θερμής | Θερμή | περίπου 12 χλμ. | όχι |
| Άγιος Ισίδωρος | Πλωμάρι | περίπου 45 χλμ. | ναι |
| Μελίντα | Πλωμάρι | περίπου 50 χλμ. | ναι |

Στις οργανωμένες ακτές υπάρχει ναυαγοσωστική κάλυψη από την 1η Ιουνίου έως τις 30 Σεπτεμβρίου, καθημερινά από τις 10:30 έως τις 18:30, καθώς και διάδρομοι πρόσβασης για άτομα με αναπηρία.

Σας παρακαλούμε να μην αφήνετε απορρίμματα και αποτσίγαρα στην άμμο και να χρησιμοποιείτε τους κάδους ανακύκλωσης. Μια καθαρή ακτή είναι υπόθεση όλων μας.',
 'The Municipality of Mytilene has dozens of beaches, from Tsamakia in town to the pebble coves of Plomari. Five of them were awarded a Blue Flag in 2026.

| Beach | Area | Distance from the centre | Blue Flag |
| --- | --- | --- | --- |
| Tsamakia | Mytilene | 1.5 km | yes |
| Agios Ermogenis | Loutra | about 12 km | yes |
| Charamida | Loutra | about 13 km | yes |
| Loutropoli Thermis | Thermi | about 12 km | no |
| Agios Isidoros | Plomari | about 45 km | yes |
| Melinta | Plomari | about 50 km | yes |

The organised beaches have lifeguards from 1 June to 30 September, every day from 10:30 to 18:30, and access walkways for people with disabilities.

Please leave no litter or cigarette ends on the sand and use the recycling bins. A clean beach is everyone''s business.',
 2, 0, 'none', 'published'),

(16, 12, 'pos-tha-erthete', 'Πώς θα έρθετε', 'Getting here',
 'Με αεροπλάνο ή με πλοίο από τον Πειραιά, τη Θεσσαλονίκη και τα τουρκικά παράλια, και πώς θα κινηθείτε στο νησί.',
 'By air or by ferry from Piraeus, Thessaloniki and the Turkish coast, and how to get around the island.',
 'Η Μυτιλήνη συνδέεται όλο τον χρόνο με την Αθήνα και τη Θεσσαλονίκη, αεροπορικώς και ακτοπλοϊκώς.

## Με αεροπλάνο

Ο κρατικός αερολιμένας Μυτιλήνης «Οδυσσέας Ελύτης» βρίσκεται οκτώ χιλιόμετρα νότια της πόλης. Υπάρχουν καθημερινές πτήσεις από την Αθήνα (περίπου 50 λεπτά) και τακτικές πτήσεις από τη Θεσσαλονίκη, ενώ το καλοκαίρι προστίθενται πτήσεις από πόλεις της Ευρώπης. Από το αεροδρόμιο θα έρθετε στην πόλη με ταξί ή με το λεωφορείο του ΚΤΕΛ.

## Με πλοίο

- από τον Πειραιά, καθημερινά, με ενδιάμεσους σταθμούς τη Χίο ή τη Λήμνο
- από τη Θεσσαλονίκη και την Καβάλα, μερικές φορές την εβδομάδα
- από το Αϊβαλί και το Δικελί της Τουρκίας, με μικρότερα πλοία, κυρίως την τουριστική περίοδο

Το επιβατικό λιμάνι βρίσκεται στο κέντρο της πόλης, στην Προκυμαία.

## Στο νησί

Τα υπεραστικά λεωφορεία του ΚΤΕΛ Λέσβου συνδέουν τη Μυτιλήνη με όλα τα μεγάλα χωριά. Μέσα στην πόλη κυκλοφορούν τα αστικά λεωφορεία και η δωρεάν δημοτική συγκοινωνία.',
 'Mytilene is linked all year round with Athens and Thessaloniki, by air and by sea.

## By air

Mytilene “Odysseas Elytis” airport is eight kilometres south of the town. There are daily flights from Athens (about 50 minutes) and regular flights from Thessaloniki, with flights from European cities added in summer. From the airport, take a taxi or the KTEL bus into town.

## By sea

- from Piraeus, daily, calling at Chios or Limnos
- from Thessaloniki and Kavala, a few times a week
- from Ayvalık and Dikili in Turkey, on smaller boats, mainly in the tourist season

The passenger port is right in the town centre, on the waterfront.

## Around the island

KTEL Lesvos intercity buses link Mytilene with all the larger villages. In town there are city buses and the free municipal bus service.',
 3, 0, 'none', 'published');

INSERT INTO pages (id, parent_id, slug, title, title_en, summary, summary_en, body, body_en, sort_order, in_menu, special, status) VALUES
(17, NULL, 'epikoinonia', 'Επικοινωνία', 'Contact',
 'Πώς θα επικοινωνήσετε με τον Δήμο Μυτιλήνης: τηλεφωνικό κέντρο, Δημαρχείο, ηλεκτρονικά αιτήματα και αριθμοί έκτακτης ανάγκης.',
 'How to contact the Municipality of Mytilene: switchboard, Town Hall, online requests and emergency numbers.',
 'Το τηλεφωνικό κέντρο του Δήμου Μυτιλήνης απαντά τις εργάσιμες ημέρες και σας συνδέει με την υπηρεσία που χρειάζεστε.

| Στοιχείο | Λεπτομέρειες |
| --- | --- |
| Τηλεφωνικό κέντρο | [22513 50500](tel:+302251350500) |
| Ηλεκτρονικό ταχυδρομείο | info@mytilene.gr |
| Διεύθυνση | Δημαρχείο Μυτιλήνης, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη |
| Ωράριο εξυπηρέτησης | Δευτέρα–Παρασκευή 07:30–15:00 |

Τα τηλέφωνα και τα ωράρια κάθε υπηρεσίας θα τα βρείτε στη σελίδα [Διευθύνσεις και τμήματα](/p/o-dimos/ypiresies-dimou).

## Αιτήματα και αναφορές

Για βλάβες στον φωτισμό, λακκούβες, θέματα καθαριότητας ή πρασίνου, υποβάλετε αίτημα μέσω της πλατφόρμας εξυπηρέτησης πολιτών. Θα λάβετε αριθμό πρωτοκόλλου και θα ενημερώνεστε για την πορεία του.

## Έκτακτη ανάγκη

Σε περίπτωση έκτακτης ανάγκης καλέστε, όλο το 24ωρο και χωρίς χρέωση, από σταθερό ή κινητό:

| Υπηρεσία | Τηλέφωνο |
| --- | --- |
| Ευρωπαϊκός Αριθμός Έκτακτης Ανάγκης | [112](tel:112) |
| Πυροσβεστική Υπηρεσία | [199](tel:199) |
| Ελληνική Αστυνομία | [100](tel:100) |
| ΕΚΑΒ (ασθενοφόρο) | [166](tel:166) |',
 'The Municipality of Mytilene''s switchboard answers on working days and puts you through to the department you need.

| Item | Details |
| --- | --- |
| Switchboard | [22513 50500](tel:+302251350500) |
| E-mail | info@mytilene.gr |
| Address | Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene, Greece |
| Opening hours | Monday–Friday 07:30–15:00 |

Phone numbers and opening hours of every department are listed under [Departments](/p/o-dimos/ypiresies-dimou).

## Requests and reports

To report a broken street light, a pothole, or a cleaning or parks problem, submit a request through the citizens'' requests platform. You will receive a reference number and updates on its progress.

## Emergencies

In an emergency, call, day and night and free of charge, from a landline or a mobile:

| Service | Phone |
| --- | --- |
| European emergency number | [112](tel:112) |
| Fire Service | [199](tel:199) |
| Hellenic Police | [100](tel:100) |
| EKAV (ambulance) | [166](tel:166) |',
 4, 1, 'none', 'published');

-- The department directory, shown on the page ypiresies-dimou

INSERT INTO departments (id, name, name_en, head, phone, email, hours, hours_en, address, address_en, sort_order) VALUES
(1, 'ΚΕΠ Δημαρχείου Μυτιλήνης', 'Citizen Service Centre (KEP), Town Hall',
 'Προϊστάμενος ΚΕΠ', '22513 50530', 'kep@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00', 'Monday–Friday 07:30–15:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 1),
(2, 'Τμήμα Δημοτολογίου και Ληξιαρχείου', 'Municipal and Civil Registry',
 'Προϊστάμενος Τμήματος', '22513 50520', 'dimotologio@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00', 'Monday–Friday 07:30–15:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 2),
(3, 'Ταμειακή Υπηρεσία', 'Treasury',
 'Προϊστάμενος Ταμειακής Υπηρεσίας', '22513 50540', 'tameio@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–14:00', 'Monday–Friday 07:30–14:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 3),
(4, 'Διεύθυνση Τεχνικών Υπηρεσιών', 'Directorate of Technical Services',
 'Διευθυντής Τεχνικών Υπηρεσιών', '22513 50600', 'techniki@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00', 'Monday–Friday 07:30–15:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 4),
(5, 'Διεύθυνση Καθαριότητας και Ανακύκλωσης', 'Directorate of Cleaning and Recycling',
 'Διευθυντής Καθαριότητας', '22513 50650', 'kathariotita@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:00–15:00, αιτήματα αποκομιδής και το Σάββατο 08:00–13:00', 'Monday–Friday 07:00–15:00, collection requests also on Saturday 08:00–13:00',
 'Αμαξοστάσιο Δήμου, Καρά Τεπέ, 811 00 Μυτιλήνη', 'Municipal depot, Kara Tepe, 811 00 Mytilene', 5),
(6, 'Διεύθυνση Κοινωνικής Προστασίας', 'Directorate of Social Protection',
 'Διευθυντής Κοινωνικής Προστασίας', '22513 50700', 'koinoniki@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00', 'Monday–Friday 07:30–15:00',
 'Κέντρο Κοινότητας του Δήμου, 811 00 Μυτιλήνη', 'Municipal Community Centre, 811 00 Mytilene', 6),
(7, 'Τμήμα Αδειοδοτήσεων και Ρύθμισης Εμπορικών Δραστηριοτήτων', 'Licensing Department',
 'Προϊστάμενος Τμήματος', '22513 50620', 'adeies@mytilene.gr',
 'Δευτέρα–Παρασκευή 08:00–14:00', 'Monday–Friday 08:00–14:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 7),
(8, 'Τμήμα Τεχνολογιών Πληροφορικής και Επικοινωνιών (ΤΠΕ)', 'Information and Communication Technology Department (ICT)',
 'Προϊστάμενος Τμήματος ΤΠΕ', '22513 50580', 'tpe@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00', 'Monday–Friday 07:30–15:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 8),
(9, 'Δημοτική Αστυνομία', 'Municipal Police',
 'Διοικητής Δημοτικής Αστυνομίας', '22513 50590', 'dimotiki.astynomia@mytilene.gr',
 'Καθημερινά 07:00–22:00', 'Every day 07:00–22:00',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 9),
(10, 'Γραφείο Πολιτικής Προστασίας', 'Civil Protection Office',
 'Αντιδήμαρχος Πολιτικής Προστασίας', '22513 50560', 'politiki.prostasia@mytilene.gr',
 'Δευτέρα–Παρασκευή 07:30–15:00, σε έκτακτες καταστάσεις όλο το 24ωρο', 'Monday–Friday 07:30–15:00, around the clock in emergencies',
 'Δημαρχείο, Ελ. Βενιζέλου 13–17, 811 00 Μυτιλήνη', 'Town Hall, 13–17 El. Venizelou Street, 811 00 Mytilene', 10);

-- Events: 7 past (2026), 8 upcoming (December 2026 to May 2027, moved by
-- whole 52-week years until the first is still ahead) and one draft.  The
-- Clean Monday picnic has no end time.  An event that ends on a later day
-- at a later time of day than it starts is held daily at those hours (the
-- Christmas Village, the photography exhibition: 10:00 to 14:00 for 32
-- days), which is how the iCalendar feed exports it.

INSERT INTO events (id, slug, title, title_en, summary, summary_en, body, body_en, starts_at, ends_at, place, place_en, lat, lon, status) VALUES
(1, '', 'Θεοφάνεια 2026: ο Καθαγιασμός των Υδάτων στο λιμάνι', NULL,
 'Η τελετή του Καθαγιασμού των Υδάτων και η ρίψη του Τιμίου Σταυρού στο λιμάνι της Μυτιλήνης.', NULL,
 'Την Τρίτη 6 Ιανουαρίου 2026, μετά τη Θεία Λειτουργία, η πομπή κατευθύνεται στην Προκυμαία, όπου τελείται ο Καθαγιασμός των Υδάτων και η ρίψη του Τιμίου Σταυρού στο λιμάνι.

Από τις 09:00 έως τις 13:00 η κυκλοφορία των οχημάτων στην Προκυμαία διακόπτεται. Δείτε τις [κυκλοφοριακές ρυθμίσεις](/news/6).', NULL,
 '2026-01-06 10:30:00', '2026-01-06 12:30:00', 'Προκυμαία Κουντουριώτη, λιμάνι Μυτιλήνης', NULL, 39.106000, 26.557500, 'published'),

(2, '', 'Αποκριάτικη παρέλαση 2026', NULL,
 'Η μεγάλη παρέλαση αρμάτων και πεζών τμημάτων στην Προκυμαία της Μυτιλήνης.', NULL,
 'Την Κυριακή 22 Φεβρουαρίου 2026, στις 12:00, ξεκινά από την Προκυμαία η μεγάλη αποκριάτικη παρέλαση, με άρματα, πεζά τμήματα, σχολεία, συλλόγους και παρέες.

Μετά την παρέλαση ακολουθεί γλέντι με ζωντανή μουσική στην πλατεία Σαπφούς.', NULL,
 '2026-02-22 12:00:00', '2026-02-22 15:00:00', 'Προκυμαία Μυτιλήνης', NULL, 39.106000, 26.557500, 'published'),

(3, '', 'Κούλουμα 2026 στο Κάστρο', NULL,
 'Νηστίσιμα εδέσματα, λαγάνα, ζωντανή μουσική και χαρταετοί στο Κάστρο της Μυτιλήνης την Καθαρά Δευτέρα.', NULL,
 'Ο Δήμος προσκαλεί τους Δημότες στο Κάστρο της Μυτιλήνης για τα παραδοσιακά κούλουμα της Καθαράς Δευτέρας.

- νηστίσιμα εδέσματα και λαγάνα
- ζωντανή λαϊκή μουσική
- εργαστήρι κατασκευής χαρταετού για παιδιά

Η είσοδος είναι ελεύθερη.', NULL,
 '2026-02-23 11:00:00', '2026-02-23 17:00:00', 'Κάστρο Μυτιλήνης', NULL, 39.113600, 26.560500, 'published'),

(4, '', 'Έκθεση ζωγραφικής «Το φως του Αιγαίου»', NULL,
 'Περισσότερα από εξήντα έργα Λεσβίων ζωγράφων και χαρακτών από τη συλλογή του Δήμου.', NULL,
 'Η περιοδική έκθεση «Το φως του Αιγαίου» παρουσιάζει περισσότερα από εξήντα έργα ζωγραφικής και χαρακτικής από τη συλλογή του Δήμου, πολλά από τα οποία εκτίθενται για πρώτη φορά.

| Ημέρες | Ώρες |
| --- | --- |
| Τρίτη έως Κυριακή | 10:00–14:00 και 18:00–21:00 |
| Δευτέρα | κλειστά |

Η είσοδος είναι ελεύθερη.', NULL,
 '2026-04-20 19:30:00', '2026-06-30 21:00:00', 'Δημοτική Πινακοθήκη Μυτιλήνης', NULL, NULL, NULL, 'published'),

(5, '', 'Πολιτιστικό Καλοκαίρι 2026', 'Cultural Summer 2026',
 'Περισσότερες από τριάντα συναυλίες, θεατρικές παραστάσεις και προβολές ταινιών στο Κάστρο και στα χωριά.',
 'More than thirty concerts, plays and film screenings at the Castle and in the villages.',
 'Το «Πολιτιστικό Καλοκαίρι 2026» του Δήμου Μυτιλήνης περιλαμβάνει συναυλίες, θέατρο, χορό, θερινό σινεμά και εκδηλώσεις για παιδιά.

- οι μεγάλες συναυλίες και οι θεατρικές παραστάσεις στο Κάστρο
- θερινό σινεμά κάθε Τετάρτη στην πλατεία Σαπφούς
- εκδηλώσεις σε Αγιάσο, Πλωμάρι, Θερμή, Μανταμάδο και Σκάλα Λουτρών

Η είσοδος είναι ελεύθερη, εκτός από τρεις θεατρικές παραστάσεις (εισιτήριο 10 €, μειωμένο 5 €).',
 'The Municipality''s “Cultural Summer 2026” brings concerts, theatre, dance, open-air cinema and events for children.

- the big concerts and plays at the Castle
- open-air cinema every Wednesday in Sappho Square
- events in Agiasos, Plomari, Thermi, Mantamados and Skala Loutron

Admission is free, except for three plays (tickets €10, reduced €5).',
 '2026-07-10 21:00:00', '2026-08-30 23:30:00', 'Κάστρο Μυτιλήνης και πλατείες των χωριών', 'Castle of Mytilene and village squares', 39.113600, 26.560500, 'published'),

(6, '', 'Ποδηλατοβόλτα της Ευρωπαϊκής Εβδομάδας Κινητικότητας', 'European Mobility Week family bike ride',
 'Ποδηλατοβόλτα για όλη την οικογένεια, από την πλατεία Σαπφούς έως την παραλία Τσαμάκια.',
 'A bike ride for the whole family, from Sappho Square to Tsamakia beach.',
 'Στο πλαίσιο της Ευρωπαϊκής Εβδομάδας Κινητικότητας, ο Δήμος διοργανώνει ποδηλατοβόλτα για όλη την οικογένεια, με αφετηρία την πλατεία Σαπφούς και τερματισμό στην παραλία Τσαμάκια.

Η συμμετοχή είναι δωρεάν. Η χρήση κράνους είναι υποχρεωτική.',
 'As part of European Mobility Week, the Municipality organises a bike ride for the whole family, from Sappho Square to Tsamakia beach.

Taking part is free. Helmets are compulsory.',
 '2026-09-20 10:00:00', '2026-09-20 12:30:00', 'Πλατεία Σαπφούς', 'Sappho Square', 39.104700, 26.556000, 'published'),

(7, '', '114η επέτειος της Απελευθέρωσης της Μυτιλήνης', '114th anniversary of the liberation of Mytilene',
 'Δοξολογία, κατάθεση στεφάνων και παρέλαση για την επέτειο της απελευθέρωσης της πόλης, στις 8 Νοεμβρίου 1912.',
 'Thanksgiving service, laying of wreaths and parade for the anniversary of the town''s liberation on 8 November 1912.',
 'Πρόγραμμα εκδηλώσεων της Κυριακής 8 Νοεμβρίου 2026:

| Ώρα | Εκδήλωση |
| --- | --- |
| 09:30 | Δοξολογία στον Μητροπολιτικό Ναό του Αγίου Αθανασίου |
| 10:30 | Επιμνημόσυνη δέηση και κατάθεση στεφάνων στο Ηρώο |
| 11:30 | Παρέλαση στην Προκυμαία |',
 'Programme for Sunday 8 November 2026:

| Time | Event |
| --- | --- |
| 09:30 | Thanksgiving service at the Metropolitan Church of Agios Athanasios |
| 10:30 | Memorial prayer and laying of wreaths at the war memorial |
| 11:30 | Parade on the waterfront |',
 '2026-11-08 09:30:00', '2026-11-08 12:30:00', 'Προκυμαία Μυτιλήνης', 'Mytilene waterfront', 39.106000, 26.557500, 'published');

INSERT INTO events (id, slug, title, title_en, summary, summary_en, body, body_en, starts_at, ends_at, place, place_en, lat, lon, status) VALUES
(8, '', 'Χριστουγεννιάτικο Χωριό στην πλατεία Σαπφούς', 'Christmas Village in Sappho Square',
 'Ξύλινα σπιτάκια, εργαστήρια για παιδιά, το σπίτι του Άη Βασίλη και μουσική κάθε βράδυ στην καρδιά της πόλης.',
 'Wooden chalets, workshops for children, Santa''s house and music every evening in the heart of the town.',
 'Το «Χριστουγεννιάτικο Χωριό» του Δήμου Μυτιλήνης ανοίγει το Σάββατο {{Y 2026-12-05 el-dm}}, με τη φωταγώγηση του Χριστουγεννιάτικου δέντρου στις 18:30, και λειτουργεί έως και τα Θεοφάνεια.

| Ημέρες | Ώρες |
| --- | --- |
| Δευτέρα έως Παρασκευή | 17:00–21:00 |
| Σάββατο, Κυριακή και αργίες | 11:00–14:00 και 17:00–22:00 |
| 24 και 31 Δεκεμβρίου | 11:00–16:00 |

Κάθε Σάββατο παιδικές χορωδίες λένε τα κάλαντα, ενώ τα εργαστήρια για παιδιά είναι δωρεάν. Κατά τη διάρκεια της λειτουργίας του ισχύουν [κυκλοφοριακές ρυθμίσεις](/news/43).',
 'The Municipality of Mytilene''s “Christmas Village” opens on Saturday {{Y 2026-12-05 en-dm}}, when the Christmas tree is lit at 18:30, and stays open until Epiphany.

| Days | Hours |
| --- | --- |
| Monday to Friday | 17:00–21:00 |
| Saturday, Sunday and holidays | 11:00–14:00 and 17:00–22:00 |
| 24 and 31 December | 11:00–16:00 |

Children''s choirs sing carols every Saturday, and the children''s workshops are free. Traffic restrictions apply around the square while the village is open.',
 '{{Y 2026-12-05 17:00}}', '{{Y 2027-01-06 21:00}}', 'Πλατεία Σαπφούς, Μυτιλήνη', 'Sappho Square, Mytilene', 39.104700, 26.556000, 'published'),

(9, '', 'Ανοιχτή συνεδρίαση του Δημοτικού Συμβουλίου για τον Προϋπολογισμό {{Y 2027-06-30 year}}', 'Open Municipal Council meeting on the {{Y 2027-06-30 year}} budget',
 'Το Δημοτικό Συμβούλιο συζητά και ψηφίζει τον Προϋπολογισμό του {{Y 2027-06-30 year}}. Η συνεδρίαση είναι ανοιχτή στο κοινό.',
 'The Municipal Council debates and votes on the {{Y 2027-06-30 year}} budget. The meeting is open to the public.',
 'Το Δημοτικό Συμβούλιο Μυτιλήνης συνεδριάζει δημόσια για τη συζήτηση και την ψήφιση του Προϋπολογισμού και του Τεχνικού Προγράμματος του {{Y 2027-06-30 year}}. Οι Δημότες μπορούν να παρακολουθήσουν τη συνεδρίαση από την αίθουσα ή ζωντανά από την ιστοσελίδα του Δήμου.

Περισσότερα για τη λειτουργία του Συμβουλίου στη σελίδα [Δημοτικό Συμβούλιο](/p/o-dimos/dimotiko-symvoulio).',
 'The Municipal Council of Mytilene meets in public to debate and vote on the {{Y 2027-06-30 year}} budget and technical programme. Residents can follow the meeting in the council chamber or live on the Municipality''s website.',
 '{{Y 2026-12-10 18:00}}', '{{Y 2026-12-10 21:00}}', 'Αίθουσα συνεδριάσεων, Δημαρχείο Μυτιλήνης', 'Council chamber, Mytilene Town Hall', 39.107800, 26.554600, 'published'),

(10, '', 'Πρωτοχρονιάτικη συναυλία της Φιλαρμονικής του Δήμου', 'New Year concert of the Municipal Philharmonic Band',
 'Βαλς, πόλκες και ελληνικές μελωδίες για να υποδεχθούμε το {{Y 2027-01-03 year}}.',
 'Waltzes, polkas and Greek tunes to welcome {{Y 2027-01-03 year}}.',
 'Η Φιλαρμονική του Δήμου Μυτιλήνης υποδέχεται το νέο έτος με την καθιερωμένη Πρωτοχρονιάτικη συναυλία της. Στο πρόγραμμα βαλς και πόλκες της Βιέννης, κομμάτια από ελληνικές κινηματογραφικές ταινίες και λεσβιακές μελωδίες.

Η είσοδος είναι ελεύθερη, με σειρά προσέλευσης. Οι πόρτες ανοίγουν στις 18:30.',
 'The Municipal Philharmonic Band of Mytilene welcomes the new year with its traditional New Year concert: Viennese waltzes and polkas, music from Greek films and tunes from Lesvos.

Admission is free, first come first served. Doors open at 18:30.',
 '{{Y 2027-01-03 19:00}}', '{{Y 2027-01-03 21:00}}', 'Δημοτικό Θέατρο Μυτιλήνης', 'Municipal Theatre of Mytilene', 39.105800, 26.555300, 'published'),

(11, '', 'Έκθεση φωτογραφίας «Λέσβος, τόπος ελαιώνων»', NULL,
 'Φωτογραφίες από τη ζωή και τη δουλειά στους ελαιώνες της Λέσβου, από τα αρχεία του Δήμου και σύγχρονους φωτογράφους.', NULL,
 'Η Δημοτική Πινακοθήκη παρουσιάζει την έκθεση φωτογραφίας «Λέσβος, τόπος ελαιώνων», αφιερωμένη στο τοπίο, στους ανθρώπους και στη δουλειά της ελιάς. Ιστορικές φωτογραφίες από τα αρχεία του Δήμου συνομιλούν με έργα σύγχρονων φωτογράφων.

Η έκθεση ανοίγει την Παρασκευή {{Y 2027-01-22 el}} και μένει ανοιχτή έως και τη Δευτέρα {{Y 2027-02-22 el}}, καθημερινά από τις 10:00 έως τις 14:00, με ελεύθερη είσοδο.', NULL,
 '{{Y 2027-01-22 10:00}}', '{{Y 2027-02-22 14:00}}', 'Δημοτική Πινακοθήκη Μυτιλήνης', NULL, NULL, NULL, 'published'),

(12, '', 'Αποκριάτικη παρέλαση {{Y 2027-03-14 year}}', 'Carnival parade {{Y 2027-03-14 year}}',
 'Άρματα, μασκαράδες και μουσική στην Προκυμαία, την Κυριακή της Τυρινής.',
 'Floats, costumes and music on the waterfront on the last Sunday of Carnival.',
 'Η μεγάλη αποκριάτικη παρέλαση του Δήμου Μυτιλήνης ξεκινά την Κυριακή {{Y 2027-03-14 el}}, στις 12:00, από την Προκυμαία. Σχολεία, σύλλογοι και παρέες μπορούν να δηλώσουν συμμετοχή έως τις {{Y 2027-02-26 el-dm}}, στο [22513 50500](tel:+302251350500).

Μετά την παρέλαση ακολουθεί αποκριάτικο γλέντι στην πλατεία Σαπφούς.',
 'The Municipality''s big carnival parade sets off from the waterfront on Sunday {{Y 2027-03-14 en}} at 12:00. Schools, associations and groups of friends can sign up by {{Y 2027-02-26 en-dm}} on [22513 50500](tel:+302251350500).

The parade is followed by a carnival party in Sappho Square.',
 '{{Y 2027-03-14 12:00}}', '{{Y 2027-03-14 15:00}}', 'Προκυμαία Μυτιλήνης', 'Mytilene waterfront', 39.106000, 26.557500, 'published'),

(13, '', 'Κούλουμα {{Y 2027-03-15 year}} στο Κάστρο', NULL,
 'Γιορτάζουμε την Καθαρά Δευτέρα στο Κάστρο της Μυτιλήνης, με λαγάνα, μουσική και χαρταετούς.', NULL,
 'Την Καθαρά Δευτέρα ο Δήμος προσκαλεί μικρούς και μεγάλους στο Κάστρο της Μυτιλήνης, για νηστίσιμα εδέσματα, ζωντανή μουσική και πέταγμα χαρταετού. Η είσοδος είναι ελεύθερη.', NULL,
 '{{Y 2027-03-15 11:00}}', NULL, 'Κάστρο Μυτιλήνης', NULL, 39.113600, 26.560500, 'published'),

(14, '', 'Ημιμαραθώνιος «Τρέχουμε στη Μυτιλήνη»', 'Half marathon “Run in Mytilene”',
 'Ημιμαραθώνιος, αγώνας 5 χιλιομέτρων και παιδικός αγώνας, με αφετηρία και τερματισμό την πλατεία Σαπφούς.',
 'Half marathon, 5 km race and children''s race, starting and finishing in Sappho Square.',
 'Ο Δήμος Μυτιλήνης, με τους αθλητικούς συλλόγους της πόλης, διοργανώνει αγώνες δρόμου για όλες τις ηλικίες.

| Αγώνας | Εκκίνηση |
| --- | --- |
| Ημιμαραθώνιος (21,1 χλμ.) | 08:30 |
| Αγώνας 5 χλμ. | 09:00 |
| Παιδικός αγώνας 1 χλμ. | 11:00 |

Η διαδρομή του ημιμαραθωνίου περνά από την Προκυμαία, τα Τσαμάκια και το Κάστρο. Κατά τη διάρκεια των αγώνων θα ισχύσουν κυκλοφοριακές ρυθμίσεις.',
 'The Municipality of Mytilene and the town''s sports clubs organise road races for all ages.

| Race | Start |
| --- | --- |
| Half marathon (21.1 km) | 08:30 |
| 5 km race | 09:00 |
| Children''s race, 1 km | 11:00 |

The half marathon route runs along the waterfront, past Tsamakia and around the Castle. Traffic restrictions apply during the races.',
 '{{Y 2027-04-11 08:30}}', '{{Y 2027-04-11 13:00}}', 'Πλατεία Σαπφούς, Μυτιλήνη', 'Sappho Square, Mytilene', 39.104700, 26.556000, 'published'),

(15, '', 'Εθελοντικός καθαρισμός της ακτής Τσαμάκια', NULL,
 'Καθαρίζουμε μαζί την παραλία Τσαμάκια πριν από την κολυμβητική περίοδο.', NULL,
 'Ο Δήμος Μυτιλήνης, με περιβαλλοντικούς συλλόγους και σχολεία, καλεί τους Δημότες σε εθελοντικό καθαρισμό της ακτής Τσαμάκια, ενόψει της νέας κολυμβητικής περιόδου.

Γάντια, σακούλες και νερό θα διατεθούν επί τόπου. Σημείο συνάντησης: το αναψυκτήριο της παραλίας.', NULL,
 '{{Y 2027-05-16 10:00}}', '{{Y 2027-05-16 13:00}}', 'Παραλία Τσαμάκια, Μυτιλήνη', NULL, 39.098500, 26.568000, 'published'),

(16, '', 'Πρόχειρο: Γιορτή της Σαπφούς {{Y 2027-05-29 year}}', NULL,
 'Πρόχειρη εκδήλωση σε προετοιμασία. Δεν πρέπει να εμφανίζεται στο κοινό.', NULL,
 'Πρόχειρο κείμενο για εκδήλωση που δεν έχει ακόμη επιβεβαιωθεί.', NULL,
 '{{Y 2027-05-29 19:00}}', '{{Y 2027-05-29 22:00}}', 'Πλατεία Σαπφούς, Μυτιλήνη', NULL, NULL, NULL, 'draft');

-- Alerts: one active (issued two hours before the demo is loaded, in
-- force for six hours after: the banner says both), one that has expired

INSERT INTO alerts (id, severity, message, message_en, starts_at, ends_at) VALUES
(1, 'warning', 'Διακοπή υδροδότησης στο κέντρο της Μυτιλήνης λόγω εργασιών της ΔΕΥΑΛ στο δίκτυο ύδρευσης.',
 'Water supply interrupted in central Mytilene while DEYAL, the municipal water company, works on the network.',
 '{{H-2}}', '{{H+6}}'),
(2, 'critical', 'Έκτακτο δελτίο επικίνδυνων καιρικών φαινομένων: θυελλώδεις άνεμοι και ισχυρές βροχές. Αποφύγετε τις άσκοπες μετακινήσεις. Σε έκτακτη ανάγκη καλέστε το 112.',
 'Severe weather warning: gale-force winds and heavy rain. Avoid unnecessary travel. In an emergency, call 112.',
 '2026-02-14 06:00:00', '2026-02-15 18:00:00');

-- "Updated" times of their own: a news item was last changed when it was
-- published (the scheduled one before now), a page on a day of 2026, an
-- event three weeks before it starts (or the day before loading, for those
-- far ahead).  The loader renders the Markdown without touching them.

UPDATE news SET updated_at = LEAST(published_at, '{{H-1}}');
UPDATE pages SET updated_at = TIMESTAMP('2026-02-02 09:30:00') + INTERVAL (id * 17) DAY + INTERVAL (id * 37) MINUTE;
UPDATE events SET updated_at = LEAST(starts_at - INTERVAL 21 DAY, '{{H-24}}');
