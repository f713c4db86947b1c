-- sql/demo/0002_portal.sql: demo content for the public portal of issue 3.
--
-- Runs right after 0001_news.sql, in the same session.  It adds
--   * English versions of thirteen of the existing news items
--   * ten more news items (ids 37 to 46), five of them tenders
--   * deadlines for every tender, lead images and tender attachments
--   * tags and the tags of the news items
--   * the page tree under /p/ (ids 1 to 17, one of them a draft)
--   * the department directory, the events and two alerts.
-- Text columns hold Markdown: the loader renders the html columns and
-- computes the slugs of news and events, so those are left NULL or empty.
-- Static files referenced here live in views/static/img/news and
-- views/static/docs, and size_bytes is the real size of each PDF.
-- Strings contain no backslashes and single quotes are doubled.
-- The two open tenders (ids 37 and 38) close on 14 December 2026 and
-- 18 January 2027, the active alert ends on 31 December 2030.

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

The full tender documents are available at www.promitheus.gov.gr, in the Central Electronic Register of Public Contracts (KIMDIS) and in the Tenders section of this website. For information, contact the Procurement Department on working days, on 22513 50500.'
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

A heated room will be open for homeless people at the Community Centre, and the “Help at Home” programme will contact every beneficiary who lives alone. For any problem, call the Municipality on 22513 50500. In an emergency, call 112.'
WHERE id = 7;

UPDATE news SET
 title_en = 'Public auction for the lease of the municipal café at Tsamakia beach',
 summary_en = 'Open public auction for a six-year lease of the café at Tsamakia beach, with a minimum first bid of €24,000.00 a year.',
 body_en = 'The Mayor of Mytilene announces an open, oral, ascending public auction for the lease of the municipal café at Tsamakia beach, Mytilene, for a period of six (6) years. The property includes an indoor space of 85 m² and an outdoor seating area of 220 m².

The auction will be held on Wednesday 18 February 2026, from 11:00 to 11:30, in the meeting room of the Town Hall, before the Auction Committee and under Presidential Decree 270/1981. The minimum first bid is €24,000.00 a year, plus stamp duty.

To take part, bidders need a letter of guarantee from a recognised credit institution, or a deposit slip of the Deposits and Loans Fund, for 10% of the minimum annual rent, that is €2,400.00. The highest bidder must present a creditworthy guarantor, who will sign the auction record together with them.

The auction notice and terms are available from the Municipal Property Department on working days from 08:00 to 14:00, and on this website. Information on 22513 50500.'
WHERE id = 8;

UPDATE news SET
 title_en = '“The Light of the Aegean”: a new painting exhibition at the Municipal Art Gallery',
 summary_en = 'Works by painters and printmakers from Lesvos, from the Municipality''s own collection, in the Municipal Art Gallery''s new exhibition, on until the end of June.',
 body_en = 'The exhibition “The Light of the Aegean” opens at the Municipal Art Gallery of Mytilene on Monday 20 April 2026 at 19:30. It presents more than sixty paintings and prints from the Municipality''s collection, many of them on show for the first time.

The works span almost a century of art on Lesvos and show how artists have seen the landscape, the sea and the everyday life of the island. Highlights include views of Mytilene harbour, of the olive groves of Agiasos and of the fishing villages of Thermi and Skala Loutron.

During the exhibition there will be guided tours for schools and painting workshops for children every Saturday morning. Schools can book a tour on 22513 50500.

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

We invite tourism businesses to tell the kiosk about the events and activities they organise, so that they can be listed in the weekly information sheet. Contact: 22513 50500.

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

The deadline for tenders is Thursday 5 November 2026 at 11:00, and the tenders will be opened electronically on Tuesday 10 November 2026 at 10:00. The tender documents are available at www.promitheus.gov.gr and on this website. For information, contact the Directorate of Technical Services on 22513 50500.'
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

“We want residents to be served without having to travel to the Town Hall from Plomari or Mantamados for a simple certificate,” said the Mayor of Mytilene. For those who are not comfortable with the internet, the call centre on 22513 50500 and the Citizen Service Centres (KEP) remain at their service. See [Certificates](/p/ypiresies/pistopoiitika) for details.'
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
 'Διαγωνισμός προϋπολογισμού 843.200,00 € με ΦΠΑ για την αντικατάσταση περίπου 3.800 φωτιστικών οδοφωτισμού με νέα φωτιστικά LED. Προσφορές έως τη Δευτέρα 14 Δεκεμβρίου 2026.',
 'Tender with a budget of €843,200.00 including VAT to replace about 3,800 street lights with new LED fittings. Tenders by Monday 14 December 2026.',
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια και εγκατάσταση φωτιστικών τεχνολογίας LED στο δίκτυο οδοφωτισμού. Ο συνολικός προϋπολογισμός ανέρχεται σε 680.000,00 € πλέον ΦΠΑ 24%, δηλαδή 843.200,00 € συμπεριλαμβανομένου του ΦΠΑ.

## Αντικείμενο της σύμβασης

- αντικατάσταση περίπου 3.800 παλαιών φωτιστικών σε Μυτιλήνη, Θερμή, Λουτρά και Μόρια
- εγκατάσταση συστήματος απομακρυσμένης διαχείρισης και παρακολούθησης βλαβών
- ασφαλής απόσυρση και ανακύκλωση των παλαιών λαμπτήρων

Η εξοικονόμηση ενέργειας εκτιμάται σε ποσοστό άνω του 60%, ενώ ο νέος φωτισμός θα είναι θερμής απόχρωσης, ώστε να σέβεται τον χαρακτήρα του ιστορικού κέντρου.

## Προθεσμίες

| Στάδιο | Ημερομηνία και ώρα |
| --- | --- |
| Υποβολή προσφορών έως | Δευτέρα 14 Δεκεμβρίου 2026, 15:00 |
| Ηλεκτρονική αποσφράγιση | Παρασκευή 18 Δεκεμβρίου 2026, 10:00 |

Κριτήριο ανάθεσης είναι η πλέον συμφέρουσα από οικονομική άποψη προσφορά, βάσει βέλτιστης σχέσης ποιότητας και τιμής. Απαιτείται εγγυητική επιστολή συμμετοχής ύψους 13.600,00 €, δηλαδή 2% του προϋπολογισμού χωρίς ΦΠΑ.

Τα τεύχη του διαγωνισμού διατίθενται στο www.promitheus.gov.gr και στα συνημμένα αρχεία αυτής της ανακοίνωσης. Πληροφορίες παρέχει η Διεύθυνση Τεχνικών Υπηρεσιών, στο 22513 50500.',
 'The Municipality of Mytilene is holding an open electronic tender, through ESIDIS, for the supply and installation of LED fittings in its street lighting network. The total budget is €680,000.00 plus 24% VAT, that is €843,200.00 including VAT.

## What the contract covers

- replacing about 3,800 old street lights in Mytilene, Thermi, Loutra and Moria
- installing a system to manage the lighting remotely and detect faults
- safe removal and recycling of the old lamps

Energy savings are estimated at more than 60%. The new lights will have a warm colour, in keeping with the character of the historic centre.

## Deadlines

| Stage | Date and time |
| --- | --- |
| Tenders due by | Monday 14 December 2026, 15:00 |
| Electronic opening | Friday 18 December 2026, 10:00 |

The contract will be awarded to the most economically advantageous tender, on the best price-quality ratio. A tender guarantee of €13,600.00 (2% of the budget excluding VAT) is required.

The tender documents are available at www.promitheus.gov.gr and as attachments to this notice. For information, contact the Directorate of Technical Services on 22513 50500.',
 'published', '2026-11-10 10:40:00', '2026-12-14 15:00:00', NULL, NULL),

(38, 4, 'Διακήρυξη ανοικτού ηλεκτρονικού διαγωνισμού για την προμήθεια δύο ηλεκτρικών μικρών λεωφορείων για τη δημοτική συγκοινωνία',
 'Open electronic tender for two electric minibuses for the municipal bus service',
 'Διαγωνισμός προϋπολογισμού 446.400,00 € με ΦΠΑ για δύο ηλεκτρικά μικρά λεωφορεία 22 θέσεων, μαζί με δύο σταθμούς φόρτισης. Προσφορές έως τη Δευτέρα 18 Ιανουαρίου 2027.',
 'Tender with a budget of €446,400.00 including VAT for two 22-seat electric minibuses and two charging stations. Tenders by Monday 18 January 2027.',
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια δύο (2) καινούργιων ηλεκτρικών μικρών λεωφορείων, χωρητικότητας 22 θέσεων το καθένα, μαζί με δύο σταθμούς φόρτισης. Ο συνολικός προϋπολογισμός ανέρχεται σε 360.000,00 € πλέον ΦΠΑ 24%, δηλαδή 446.400,00 € συμπεριλαμβανομένου του ΦΠΑ.

Τα νέα οχήματα θα εξυπηρετούν τη δωρεάν δημοτική συγκοινωνία στις γειτονιές της Μυτιλήνης και θα αντικαταστήσουν δύο παλαιά οχήματα πετρελαίου, μειώνοντας τον θόρυβο και τους ρύπους στο κέντρο της πόλης.

### Βασικές απαιτήσεις

- αυτονομία τουλάχιστον 200 χιλιομέτρων με μία φόρτιση
- χαμηλό δάπεδο, ράμπα και θέση για αναπηρικό αμαξίδιο
- εγγύηση των συσσωρευτών για τουλάχιστον οκτώ έτη
- εκπαίδευση των οδηγών και του προσωπικού συντήρησης

Κριτήριο ανάθεσης είναι η πλέον συμφέρουσα από οικονομική άποψη προσφορά, βάσει βέλτιστης σχέσης ποιότητας και τιμής. Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Δευτέρα 18 Ιανουαρίου 2027 και ώρα 14:00, ενώ η ηλεκτρονική αποσφράγιση θα γίνει την Τετάρτη 20 Ιανουαρίου 2027 και ώρα 10:00.

Τα τεύχη του διαγωνισμού διατίθενται στο www.promitheus.gov.gr και στα συνημμένα αρχεία. Πληροφορίες στο 22513 50500.',
 'The Municipality of Mytilene is holding an open electronic tender, through ESIDIS, for the supply of two (2) new electric minibuses with 22 seats each, together with two charging stations. The total budget is €360,000.00 plus 24% VAT, that is €446,400.00 including VAT.

The new vehicles will run the free municipal bus service in the neighbourhoods of Mytilene, replacing two old diesel vehicles and cutting noise and pollution in the town centre.

### Main requirements

- a range of at least 200 kilometres on one charge
- low floor, ramp and a wheelchair space
- a battery warranty of at least eight years
- training for drivers and maintenance staff

The contract will be awarded to the most economically advantageous tender, on the best price-quality ratio. Tenders must be submitted by Monday 18 January 2027 at 14:00, and will be opened electronically on Wednesday 20 January 2027 at 10:00.

The tender documents are available at www.promitheus.gov.gr and as attachments below. Information on 22513 50500.',
 'published', '2026-11-20 12:15:00', '2027-01-18 14:00:00', '/static/img/news/leoforeio.svg', 'Εικονογράφηση: μπλε λεωφορείο σε δρόμο της πόλης'),

(39, 4, 'Διακήρυξη ανοικτού ηλεκτρονικού διαγωνισμού για την προμήθεια κάδων ανακύκλωσης και οικιακών κομποστοποιητών',
 NULL,
 'Διαγωνισμός προϋπολογισμού 198.400,00 € με ΦΠΑ για 600 μπλε κάδους ανακύκλωσης και 1.000 οικιακούς κομποστοποιητές. Προσφορές έως τη Δευτέρα 23 Μαρτίου 2026.',
 NULL,
 'Ο Δήμος Μυτιλήνης διακηρύσσει ανοικτό ηλεκτρονικό διαγωνισμό, μέσω του ΕΣΗΔΗΣ, για την προμήθεια εξοπλισμού ανακύκλωσης και κομποστοποίησης. Ο συνολικός προϋπολογισμός ανέρχεται σε 160.000,00 € πλέον ΦΠΑ 24%, δηλαδή 198.400,00 € συμπεριλαμβανομένου του ΦΠΑ.

Η προμήθεια υποδιαιρείται σε δύο τμήματα:

1. εξακόσιοι (600) πλαστικοί κάδοι ανακύκλωσης μπλε χρώματος, χωρητικότητας 1.100 λίτρων
2. χίλιοι (1.000) οικιακοί κομποστοποιητές, χωρητικότητας 300 λίτρων

Οι κομποστοποιητές θα διατεθούν δωρεάν σε νοικοκυριά με αυλή ή κήπο, ύστερα από αίτηση, ενώ οι νέοι κάδοι θα πυκνώσουν το δίκτυο ανακύκλωσης στα χωριά της Θερμής, της Μόριας και της Αγιάσου.

Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Δευτέρα 23 Μαρτίου 2026 και ώρα 15:00, ενώ η αποσφράγιση θα γίνει την Παρασκευή 27 Μαρτίου 2026 και ώρα 10:00. Πληροφορίες παρέχει το Τμήμα Προμηθειών στο 22513 50500.',
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

Περισσότερα για το πρόγραμμα στη σελίδα [Κοινωνική προστασία](/p/ypiresies/koinoniki-prostasia). Πληροφορίες στο 22513 50500.',
 NULL,
 'published', '2026-07-15 10:20:00', '2026-07-27 14:00:00', NULL, NULL),

(41, 4, 'Διακήρυξη ανοικτής ηλεκτρονικής διαδικασίας για το έργο «Συντήρηση και επισκευή σχολικών κτιρίων 2026»',
 NULL,
 'Έργο προϋπολογισμού 372.000,00 € με ΦΠΑ για επισκευές σε δεκαπέντε σχολικά κτίρια του Δήμου. Προσφορές έως την Τρίτη 20 Οκτωβρίου 2026.',
 NULL,
 'Ο Δήμος Μυτιλήνης προκηρύσσει ανοικτή ηλεκτρονική διαδικασία, μέσω του ΕΣΗΔΗΣ, για την ανάθεση του έργου «Συντήρηση και επισκευή σχολικών κτιρίων 2026». Ο προϋπολογισμός του έργου ανέρχεται σε 300.000,00 € πλέον ΦΠΑ 24%, δηλαδή 372.000,00 € συμπεριλαμβανομένου του ΦΠΑ.

Οι εργασίες αφορούν δεκαπέντε σχολικά κτίρια σε Μυτιλήνη, Θερμή, Μόρια και Πλωμάρι και περιλαμβάνουν στεγανοποίηση δωμάτων, αντικατάσταση κουφωμάτων, ελαιοχρωματισμούς και επισκευές στους χώρους υγιεινής. Οι περισσότερες εργασίες θα γίνουν σε ώρες και περιόδους που δεν λειτουργούν τα σχολεία.

Καταληκτική ημερομηνία υποβολής των προσφορών είναι η Τρίτη 20 Οκτωβρίου 2026 και ώρα 11:00, ενώ η ηλεκτρονική αποσφράγιση θα γίνει την Παρασκευή 23 Οκτωβρίου 2026 και ώρα 10:00. Πληροφορίες παρέχει η Διεύθυνση Τεχνικών Υπηρεσιών στο 22513 50500.',
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

Η Υπηρεσία Πρασίνου θα φροντίζει για το πότισμα των νέων δέντρων τα δύο πρώτα καλοκαίρια. Οι σύλλογοι και οι γειτονιές που θέλουν να υιοθετήσουν ένα δέντρο μπορούν να επικοινωνήσουν με τον Δήμο στο 22513 50500.',
 'Pupils, teachers and volunteers have joined the Municipality of Mytilene''s autumn tree planting. By the end of December, one hundred and fifty (150) new trees will be planted in school yards, squares and neighbourhoods of the town, and in areas hit by the August fire.

The species were chosen because they withstand drought and suit the climate of Lesvos:

- olive and carob trees
- Judas trees and chinaberry trees
- plane trees, where there is enough moisture

The Parks Department will water the young trees through their first two summers. Associations and neighbourhoods that would like to adopt a tree can contact the Municipality on 22513 50500.',
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

Τα λεωφορεία κυκλοφορούν από Δευτέρα έως Σάββατο και διαθέτουν ράμπα για αναπηρικό αμαξίδιο. Πληροφορίες στο 22513 50500.',
 'From Monday 5 October 2026, Mytilene''s free municipal bus service has a second route, linking Sappho Square with Epano Skala and Vostanio Hospital. Residents of the neighbourhood, and older people who visit the hospital regularly, had long asked for it.

| Route | First departure | Last departure | Frequency |
| --- | --- | --- | --- |
| Sappho Square – Epano Skala – Hospital | 07:00 | 21:00 | every 30 minutes |
| Sappho Square – Tsamakia – Kallithea | 07:15 | 20:45 | every 45 minutes |

The buses run Monday to Saturday and have a wheelchair ramp. Information on 22513 50500.',
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

Τα τμήματα λειτουργούν στα δημοτικά γυμναστήρια της Μυτιλήνης, της Θερμής, της Μόριας και της Αγιάσου. Για την εγγραφή απαιτείται βεβαίωση υγείας από ιατρό. Πληροφορίες στο 22513 50500.',
 NULL,
 'published', '2026-09-30 09:15:00', NULL, NULL, NULL);

-- Lead images of existing items

UPDATE news SET lead_image = '/static/img/news/engrafo.svg',
 lead_image_alt = 'Εικονογράφηση: επίσημο έγγραφο με σφραγίδα έγκρισης' WHERE id = 3;
UPDATE news SET lead_image = '/static/img/news/kastro-thalassa.svg',
 lead_image_alt = 'Εικονογράφηση: το Κάστρο της Μυτιλήνης πάνω από τη θάλασσα, με ένα ιστιοφόρο' WHERE id = 24;
UPDATE news SET lead_image = '/static/img/news/kastro-thalassa.svg',
 lead_image_alt = 'Εικονογράφηση: το Κάστρο της Μυτιλήνης πάνω από τη θάλασσα, με ένα ιστιοφόρο' WHERE id = 27;
UPDATE news SET lead_image = '/static/img/news/dentro.svg',
 lead_image_alt = 'Εικονογράφηση: μεγάλο πράσινο δέντρο σε λόφο' WHERE id = 25;

