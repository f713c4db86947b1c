#!/usr/bin/env perl
# The support desk (Βοήθεια στο Σπίτι) through nginx, as each role uses it:
# an operator takes a call from an elderly resident (phone search, a new
# resident, a medicines request with its prescriptions), a second call
# from the same number finds her; the health part is shown only on
# request and every view and write is in the audit log; a dispatcher
# (no health role) assigns a volunteer, who gets a mail with a signed link
# and no resident data, sees only what the errand needs and only while
# the task is open, and closes it; a professional sees their own case's
# health part and adds a note; nobody else sees anything; bad input gets
# a clear Greek answer with what was typed kept; a resubmitted form makes
# nothing twice; nothing of it appears on public pages.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(smtp => 1);
$t->help_wipe;    # the demo's desk: this test counts its own rows
sub audit_count {
    my ($action, $type, $id) = @_;
    my ($n) = $t->sql("SELECT COUNT(*) FROM audit_log WHERE action = '$action'"
        . ($type ? " AND object_type = '$type' AND object_id = '$id'" : ''));
    return $n->[0];
}

# ---- the staff ---------------------------------------------------------------------
my $op = Agora::Staff->new($t);
my $op_pw = $op->create('eleni', roles => ['operator']);
is($op->login('eleni', $op_pw)->{status}, 303, 'an operator signs in');
my $disp = Agora::Staff->new($t);
my $disp_pw = $disp->create('giorgos', roles => ['dispatcher']);
is($disp->login('giorgos', $disp_pw)->{status}, 303, 'a dispatcher signs in');
my $vol = Agora::Staff->new($t);
my $vol_pw = $vol->create('kostas', roles => ['volunteer']);
is($vol->login('kostas', $vol_pw)->{status}, 303, 'a volunteer signs in');
my $vol2 = Agora::Staff->new($t);
my $vol2_pw = $vol2->create('maria', roles => ['volunteer']);
is($vol2->login('maria', $vol2_pw)->{status}, 303, 'another volunteer signs in');
my $doc = Agora::Staff->new($t);
my $doc_pw = $doc->create('iatros', roles => ['professional']);
is($doc->login('iatros', $doc_pw)->{status}, 303, 'a doctor signs in');
my $ed = Agora::Staff->new($t);
my $ed_pw = $ed->create('grafeas', roles => ['editor']);
is($ed->login('grafeas', $ed_pw)->{status}, 303, 'an editor signs in');
my %uid = map { $_->[0] => $_->[1] } $t->sql("SELECT username, id FROM users");
$t->sql("UPDATE users SET email = CONCAT(username, '\@vol.example.org'), display_name = CASE username"
    . " WHEN 'kostas' THEN 'Κώστας Εθελοντής' WHEN 'maria' THEN 'Μαρία Εθελόντρια'"
    . " WHEN 'iatros' THEN 'Δρ Ιατρού' ELSE display_name END");
# Onboarded volunteers (the registry's pages are tested in 73): Kostas
# covers Moria (area 2) with groceries and medicines, Maria Loutra (3).
$t->sql("INSERT INTO help_volunteers (user_id, kind, phone, skills, has_car, notify) VALUES"
    . " ($uid{kostas}, 'volunteer', '6944000111', 'medicines,groceries,errand', 1, 'email'),"
    . " ($uid{maria}, 'volunteer', '6944000222', 'medicines,groceries', 0, 'email'),"
    . " ($uid{iatros}, 'doctor', '6944000333', 'medical', 1, 'email')");
$t->sql("INSERT INTO help_volunteer_areas VALUES ($uid{kostas}, 2), ($uid{maria}, 3)");

# ---- who may open the desk -----------------------------------------------------------------
for ([$ed, 'an editor'], [$vol, 'a volunteer'], [$doc, 'a professional']) {
    is($_->[0]->get('/admin/help')->{status}, 403, "$_->[1] may not open the desk's queue");
    is($_->[0]->get('/admin/help/new')->{status}, 403, "... nor the intake");
}
is($t->get('/admin/help')->{status}, 401, 'without a session: the sign-in form (401)');
my $q = $op->get('/admin/help');
is($q->{status}, 200, 'the operator opens the queue');
like($t->text($q), qr/Βοήθεια στο Σπίτι/, '... in Greek');
like($t->text($op->get('/admin')), qr{href="/admin/help"}, 'the staff menu links the desk');
unlike($t->text($vol->get('/admin')), qr{href="/admin/help"}, '... not for a volunteer');
like($t->text($vol->get('/admin')), qr{href="/admin/help/tasks"}, '... who has "my tasks"');

# ---- a call: search by phone, nobody, a new resident with a medicines request --------------
my $page = $op->get('/admin/help/new?phone=22510%2044%20555');
is($page->{status}, 200, 'the operator searches the caller\'s number');
like($t->text($page), qr/Κανείς στο μητρώο με αυτό το τηλέφωνο/, '... nobody has it');
like($t->text($page), qr{href="/admin/help/new\?new=1&amp;phone=2251044555"}, '... a link to register her, with the number');
$page = $op->get('/admin/help/new?new=1&phone=2251044555');
like($t->text($page), qr{name="phone"[^>]*value="2251044555"}, 'the form has the number typed');
my %call = (first => 'Ευανθία', last => 'Παπαδάκη', address => 'Οδός Αγίου Νικολάου 12',
    area => 2, household => 'Μένει μόνη, το κλειδί το έχει η γειτόνισσα.',
    vulnerability => 'elderly_alone', lang => 'el', consent => 'phone', type => 'medicines',
    prescriptions => "1234567890123\n9876 5432 10987", amka => '01014012345',
    health => 'Υπέρταση, παίρνει φάρμακα κάθε πρωί.', urgency => 'urgent', channel => 'phone');

# Hostile and mistaken input first: a clear answer, what was typed kept.
my $r = $op->submit($page, '/admin/help/new', { %call, first => '', prescriptions => "12ab\n" });
is($r->{status}, 422, 'no name and a wrong code: 422');
my $body = $t->text($r);
like($body, qr/Γράψτε το όνομα του ωφελούμενου/, '... says the name is missing');
like($body, qr/Οι κωδικοί συνταγών είναι αριθμοί/, '... and what a prescription code is');
like($body, qr/Οδός Αγίου Νικολάου 12/, '... keeps the address typed');
like($body, qr/<title>Σφάλμα/, '... the title says there is an error');
$r = $op->submit($page, '/admin/help/new', { %call, phone => '12ab' });
is($r->{status}, 422, 'a phone that is not one: 422');
like($t->text($r), qr/Γράψτε έναν αριθμό τηλεφώνου με ψηφία/, '... with the message in Greek');
$r = $op->submit($page, '/admin/help/new', { %call, amka => '123' });
like($t->text($r), qr/Ο ΑΜΚΑ έχει 11 ψηφία/, 'a short AMKA is refused');
$r = $op->submit($page, '/admin/help/new', { %call, type => 'bananas' });
is($r->{status}, 422, 'an unknown type: 422');
$r = $op->submit($page, '/admin/help/new', { %call, first => "Ευ\x{0}ανθία" });
ok($r->{status} == 400 || $r->{status} == 422, 'a NUL in a field: refused, no crash');
$r = $op->submit($page, '/admin/help/new', { %call, wanted_by => '2001-01-01T10:00' });
like($t->text($r), qr/Η προθεσμία έχει ήδη περάσει/, 'a wanted-by time in the past is refused');
$r = $op->post('/admin/help/new', [ %call, phone => '2251044555' ]);
is($r->{status}, 403, 'without the CSRF token: 403');
my ($none) = $t->sql('SELECT COUNT(*) FROM help_cases');
is($none->[0], 0, 'nothing was stored by the refused forms');

my $form = $op->form($page, '/admin/help/new');
$r = $op->post('/admin/help/new', { %$form, %call });
is($r->{status}, 303, 'the call is saved: 303');
my ($case) = ($r->{headers}{location} // '') =~ m{/admin/help/cases/(\d+)\?done=created};
ok($case, "... to case $case");
my $r2 = $op->post('/admin/help/new', { %$form, %call });
is($r2->{status}, 303, 'the same form sent again (a double click) ...');
like($r2->{headers}{location}, qr{/admin/help/cases/$case\?done=again}, '... leads to the same case');
my ($n) = $t->sql('SELECT COUNT(*) FROM help_cases');
is($n->[0], 1, '... and there is one case');
my ($row) = $t->sql("SELECT c.type, c.status, c.urgency, c.channel, c.details, b.first_name, b.phone, b.consent_how,"
    . " b.consent_by = $uid{eleni}, c.area_id, c.wanted_by > NOW() + INTERVAL 3 HOUR AND c.wanted_by < NOW() + INTERVAL 5 HOUR"
    . " FROM help_cases c JOIN help_beneficiaries b ON b.id = c.beneficiary_id WHERE c.id = $case");
is_deeply($row, ['medicines', 'new', 'urgent', 'phone', '', 'Ευανθία', '2251044555', 'phone', 1, 2, 1],
    '... a new medicines case for the new resident, consent recorded by the operator, due in 4 hours');
my ($h) = $t->sql("SELECT prescriptions, amka, details FROM help_case_health WHERE case_id = $case");
is_deeply($h, ["1234567890123\n9876543210987", '01014012345', 'Υπέρταση, παίρνει φάρμακα κάθε πρωί.'],
    'the prescriptions, AMKA and health details are in the health table, normalised');
my ($hv) = $t->sql("SELECT vulnerability FROM help_health");
is($hv->[0], 'elderly_alone', '... the vulnerability too');
my ($leak) = $t->sql("SELECT COUNT(*) FROM help_cases WHERE details LIKE '%Υπέρταση%' OR details LIKE '%1234567890123%'");
is($leak->[0], 0, 'nothing of it in the ordinary columns');
ok(audit_count('help_health_write', 'help_case', $case) >= 1, 'the health write is in the audit log');

# ---- the case page: the health part only on request, each view logged ----------------------
my $cp = $op->get("/admin/help/cases/$case?done=created");
is($cp->{status}, 200, 'the case page');
$body = $t->text($cp);
like($body, qr/Το αίτημα καταχωρίστηκε/, '... says it was saved');
like($body, qr/Ευανθία Παπαδάκη/, '... names the resident');
like($body, qr{href="tel:\+302251044555"}, '... with a tel: link');
like($body, qr/Εμφάνιση στοιχείων υγείας/, '... offers to show the health data');
unlike($body, qr/1234567890123|Υπέρταση|01014012345/, '... but does not show them');
my $reads = audit_count('help_health_read', 'help_case', $case);
is($reads, 0, 'no health read logged yet');
$cp = $op->get("/admin/help/cases/$case?health=1");
$body = $t->text($cp);
like($body, qr/1234567890123/, 'on request: the prescription codes');
like($body, qr/Υπέρταση/, '... the health details');
like($body, qr/Ηλικιωμένος\/η που ζει μόνος\/η/, '... the vulnerability');
like($body, qr/Αυτή η προβολή καταγράφηκε/, '... saying the view was recorded');
is(audit_count('help_health_read', 'help_case', $case), 1, 'the view is in the audit log');
$op->get("/admin/help/cases/$case?health=1");
is(audit_count('help_health_read', 'help_case', $case), 2, '... every view');

my $dp = $disp->get("/admin/help/cases/$case?health=1");
is($dp->{status}, 200, 'the dispatcher opens the case');
$body = $t->text($dp);
unlike($body, qr/1234567890123|Υπέρταση|01014012345/, '... but never sees health data, even asking');
like($body, qr/τα βλέπουν μόνο οι χειριστές/, '... and is told who does');
is(audit_count('help_health_read', 'help_case', $case), 2, '... and no read was logged for them');

# ---- a second call from the same number finds her ----------------------------------------------
$page = $op->get('/admin/help/new?phone=2251044555');
like($t->text($page), qr/Ευανθία Παπαδάκη/, 'the same number again: she is found');
my ($ben) = $t->text($page) =~ m{/admin/help/new\?ben=(\d+)};
ok($ben, '... with a link to pick her');
my $lk = $op->get('/admin/help/lookup?phone=225104');
is($lk->{status}, 200, 'the as-you-type lookup answers for the first digits');
like($t->text($lk), qr/Ευανθία Παπαδάκη/, '... with her');
unlike($t->text($lk), qr/<html/, '... as a fragment');
is($op->get('/admin/help/lookup?phone=%3Cscript%3E')->{status}, 400, 'a lookup that is no number: 400');
# A new resident with her number is a duplicate unless the operator says otherwise.
$page = $op->get('/admin/help/new?new=1&phone=2251044555');
$r = $op->submit($page, '/admin/help/new', { %call, first => 'Ευάγγελος', type => 'groceries',
    details => 'Ψωμί, γάλα', prescriptions => '', amka => '', health => '' });
is($r->{status}, 422, 'registering her number again: 422');
like($t->text($r), qr/Υπάρχει ήδη ωφελούμενος με αυτό το τηλέφωνο/, '... says so');
$page = $op->get("/admin/help/new?ben=$ben");
like($t->text($page), qr/Αίτημα για Ευανθία Παπαδάκη/, 'picked: the form is for her');
unlike($t->text($page), qr/name="first"/, '... without the resident\'s fields');
$r = $op->submit($page, '/admin/help/new', { type => 'groceries', details => '', urgency => 'normal', channel => 'phone' });
like($t->text($r), qr/Γράψτε τι χρειάζεται/, 'groceries without a list: refused');
$r = $op->submit($page, '/admin/help/new', { type => 'groceries', urgency => 'normal', channel => 'phone',
    details => "Ψωμί\nΓάλα 2 λίτρα\nΜήλα", caller_name => 'Νίκος Παπαδάκης', caller_relation => 'γιος',
    caller_phone => '6977 555 444' });
is($r->{status}, 303, 'a groceries request for her, called in by her son') or diag join "\n", $t->text($r) =~ /<li><a href="#(f-[^"]*)">([^<]*)/g;
my ($case2) = ($r->{headers}{location} // '') =~ m{/admin/help/cases/(\d+)};
my ($c2) = $t->sql("SELECT beneficiary_id, caller_phone, area_id FROM help_cases WHERE id = $case2");
is_deeply($c2, [$ben, '6977555444', 2], '... on her record, with the caller\'s number, in her village');

# ---- the queue: overdue first, and marked ----------------------------------------------------
$t->sql("UPDATE help_cases SET wanted_by = NOW() - INTERVAL 1 HOUR WHERE id = $case");
$q = $t->text($op->get('/admin/help'));
like($q, qr/Εκπρόθεσμα αιτήματα: 1/, 'the queue counts the overdue case');
like($q, qr{<tr class="overdue"><th scope="row"><a href="/admin/help/cases/$case">}, '... first, marked overdue');
like($q, qr{/admin/help/cases/$case2}, '... the groceries case after it');
unlike($q, qr/Παπαδάκη/, '... the queue shows a first name and initial, not the full name');
is($op->get('/admin/help?status=bogus')->{status}, 400, 'a bad filter: 400');
like($t->text($op->get('/admin/help?type=groceries')), qr{/admin/help/cases/$case2}, 'the type filter');
unlike($t->text($op->get('/admin/help?type=groceries')), qr{/admin/help/cases/$case"}, '... leaves out the other');

# ---- the dashboard: the desk's counts, nothing of a resident -----------------------------------
my $dash = $t->text($op->get('/admin'));
like($dash, qr{id="dash-help-new" href="/admin/help\?status=new"><strong>2</strong>},
    "the operator's dashboard counts the two new cases");
like($dash, qr{id="dash-help-overdue" href="/admin/help\?overdue=1"><strong>1</strong>}, '... one overdue');
unlike($dash, qr/Ευανθία|Παπαδάκη|2251044555/, '... and names no one');
like($t->text($disp->get('/admin')), qr{id="dash-help-new"[^>]*><strong>2</strong>}, "the dispatcher's too");
unlike($t->text($ed->get('/admin')), qr/dash-help|dash-tasks/, "an editor's has no desk panel");
like($t->text($vol->get('/admin')), qr{id="dash-tasks-open" href="/admin/help/tasks"><strong>0</strong>},
    "a volunteer's shows his open tasks: none yet");

# ---- a resident with a foreign mobile: kept in E.164, found however it is typed ---------------
$page = $op->get('/admin/help/new?phone=%2B44%207700%20900123');
like($t->text($page), qr{href="/admin/help/new\?new=1&amp;phone=%2B447700900123"},
    'a British number, nobody yet: the link to register keeps its plus, encoded');
$page = $op->get('/admin/help/new?new=1&phone=%2B447700900123');
like($t->text($page), qr{name="phone"[^>]*value="\+447700900123"}, '... and the form has it as typed');
$r = $op->submit($page, '/admin/help/new', { %call, first => 'Margaret', last => 'Hughes', lang => 'en',
    type => 'groceries', details => 'Bread, milk', prescriptions => '', amka => '', health => '' });
is($r->{status}, 303, '... registered with a groceries request');
my ($case_uk) = ($r->{headers}{location} // '') =~ m{/admin/help/cases/(\d+)};
is(($t->sql("SELECT b.phone FROM help_cases c JOIN help_beneficiaries b ON b.id = c.beneficiary_id"
    . " WHERE c.id = $case_uk"))[0][0], '+447700900123', '... stored as +447700900123, not as a Greek number');
like($t->text($op->get("/admin/help/cases/$case_uk")), qr{<a href="tel:\+447700900123">\+447700900123</a>},
    '... dialled as it is, without +30');
like($t->text($op->get('/admin/help/lookup?phone=0044%207700')), qr/Margaret Hughes/,
    'typed with 00 instead of +: the lookup finds her');
unlike($t->text($op->get('/admin/help/lookup?phone=447700')), qr/Margaret Hughes/,
    '... but not as a Greek number starting 44');
like($t->text($op->get('/admin/help/new?phone=%2B30%202251%20044')), qr/Ευανθία Παπαδάκη/,
    'a Greek number typed with +30: found as the national number');
is($op->submit($op->get('/admin/help/new?new=1'), '/admin/help/new',
    { %call, phone => '+44 123', first => 'X' })->{status}, 422, 'a foreign number too short: 422');

# ---- assignment: only a dispatcher, to someone who takes the work ----------------------------
$cp = $op->get("/admin/help/cases/$case2");
unlike($t->text($cp), qr{action="/admin/help/cases/$case2/assign"}, 'the operator has no assignment form');
$cp = $disp->get("/admin/help/cases/$case2");
$body = $t->text($cp);
like($body, qr{action="/admin/help/cases/$case2/assign"}, 'the dispatcher has');
like($body, qr/Κώστας Εθελοντής — εθελοντής\/τρια, καλύπτει το χωριό/, '... suggesting first the volunteer who covers her village');
ok(index($body, 'Κώστας Εθελοντής') < index($body, 'Μαρία Εθελόντρια'), '... before the one who does not');
unlike($body, qr/Δρ Ιατρού/, '... and not the doctor for groceries');
$r = $disp->submit($cp, "/admin/help/cases/$case2/assign", { assignee => $uid{iatros} });
is($r->{status}, 422, 'assigning groceries to the doctor: refused');
$r = $disp->submit($cp, "/admin/help/cases/$case2/assign", { assignee => $uid{kostas}, note => 'Έχει αυτοκίνητο.' });
is($r->{status}, 303, 'assigned to Kostas');
my ($as) = $t->sql("SELECT status, assignee_id FROM help_cases WHERE id = $case2");
is_deeply($as, ['assigned', $uid{kostas}], '... the case is his');
ok(audit_count('help_case_assign', 'help_case', $case2) == 1, '... in the audit log');
my ($rc, $out) = $t->outbox_send;
is($rc, 0, 'the outbox is sent') or diag $out;
my @m = grep { ($_->{headers}{to} // '') =~ /kostas\@vol\.example\.org/ } $t->mails;
is(scalar @m, 1, 'Kostas got one mail');
like($m[0]{text}, qr{/admin/help/tasks/$case2\?k=[A-Za-z0-9_-]{43}}, '... with the signed link to his task');
unlike($m[0]{text}, qr/Ευανθία|Παπαδάκη|Αγίου Νικολάου|2251044555|Ψωμί/, '... and none of her data');
my ($link) = $m[0]{text} =~ m{(/admin/help/tasks/$case2\?k=[A-Za-z0-9_-]{43})};
like($t->text($vol->get('/admin')), qr{id="dash-tasks-open"[^>]*><strong>1</strong>},
    "his dashboard counts the task");
unlike($t->text($vol->get('/admin')), qr/dash-help-new/, '... and has no panel of the whole desk');

# ---- the volunteer's view: his own, open tasks, only what he needs ---------------------------
my $tl = $t->text($vol->get('/admin/help/tasks'));
like($tl, qr{/admin/help/tasks/$case2}, 'Kostas\'s tasks list it');
my $tp = $vol->get($link);
is($tp->{status}, 200, 'the link in the mail opens his task');
$body = $t->text($tp);
like($body, qr/Ευανθία/, '... her first name');
unlike($body, qr/Παπαδάκη/, '... not her last name');
like($body, qr/Οδός Αγίου Νικολάου 12/, '... the address');
like($body, qr{href="tel:\+302251044555"}, '... a tel: link');
like($body, qr/Γάλα 2 λίτρα/, '... the list');
unlike($body, qr/Υπέρταση|1234567890123|01014012345|κλειδί/, '... nothing of her health or household');
is($vol2->get($link)->{status}, 404, 'the same link for Maria: 404');
is($vol2->get("/admin/help/tasks/$case2")->{status}, 404, '... nor without the link');
is($vol->get("/admin/help/tasks/$case")->{status}, 404, 'Kostas cannot open a case that is not his');
is($vol->get("/admin/help/tasks/$case2?k=AAAA")->{status}, 404, 'a forged signature: 404');
is($vol->get("/admin/help/cases/$case2")->{status}, 403, 'the desk\'s case page: 403 for a volunteer');
is($vol->get("/admin/help/people/$ben")->{status}, 403, '... the registry too');
$r = $vol->submit($tp, "/admin/help/tasks/$case2", { status => 'unreachable' });
is($r->{status}, 422, '"could not reach" without a note: refused');
like($t->text($r), qr/Γράψτε μια σημείωση/, '... asking for one');
$r = $vol->submit($tp, "/admin/help/tasks/$case2", { status => 'in_progress', note => 'Ξεκινάω για το σούπερ μάρκετ.' });
is($r->{status}, 303, 'he starts');
$tp = $vol->get("/admin/help/tasks/$case2");
$r = $vol->submit($tp, "/admin/help/tasks/$case2", { status => 'done', note => 'Παραδόθηκαν στην ίδια.' });
is($r->{status}, 303, 'and closes it');
like($r->{headers}{location}, qr{/admin/help/tasks\?done=closed}, '... back to his list');
my ($st) = $t->sql("SELECT status, closed_at IS NOT NULL FROM help_cases WHERE id = $case2");
is_deeply($st, ['done', 1], 'the case is done, with its closing time');
is($vol->get($link)->{status}, 404, 'once closed, the task is gone for the volunteer');
like($t->text($op->get("/admin/help/cases/$case2")), qr/Παραδόθηκαν στην ίδια\./, 'the desk sees his note in the history');

# ---- a professional: their own case, its health part, a note ---------------------------------
$page = $op->get("/admin/help/new?ben=$ben");
$r = $op->submit($page, '/admin/help/new', { type => 'medical', urgency => 'normal', channel => 'phone',
    health => 'Ζαλάδες το πρωί εδώ και τρεις μέρες.' });
is($r->{status}, 303, 'a request for medical advice');
my ($case3) = ($r->{headers}{location} // '') =~ m{/admin/help/cases/(\d+)};
$cp = $disp->get("/admin/help/cases/$case3");
like($t->text($cp), qr/Δρ Ιατρού — γιατρός/, 'the dispatcher is offered the doctor');
unlike($t->text($cp), qr/Κώστας Εθελοντής/, '... not a volunteer');
is($disp->submit($cp, "/admin/help/cases/$case3/assign", { assignee => $uid{iatros} })->{status}, 303, 'assigned to the doctor');
is($doc->get("/admin/help/tasks/$case2")->{status}, 404, 'the doctor cannot open another\'s task');
my $before = audit_count('help_health_read', 'help_case', $case3);
$tp = $doc->get("/admin/help/tasks/$case3");
$body = $t->text($tp);
like($body, qr/Ζαλάδες το πρωί/, 'the doctor sees the health details of his case');
like($body, qr/Ευανθία Παπαδάκη/, '... with her full name');
is(audit_count('help_health_read', 'help_case', $case3), $before + 1, '... and the read is logged');
$r = $doc->submit($tp, "/admin/help/tasks/$case3", { status => 'done', note => 'Μιλήσαμε στο τηλέφωνο.',
    health_note => 'Πίεση 15/9, συστήθηκε επίσκεψη στο κέντρο υγείας.' });
is($r->{status}, 303, 'the doctor closes it with a note and a health note');
my ($hn) = $t->sql("SELECT body FROM help_health_notes WHERE case_id = $case3");
like($hn->[0], qr/Πίεση 15\/9/, '... the health note is in the health table');
my ($en) = $t->sql("SELECT COUNT(*) FROM help_case_events WHERE case_id = $case3 AND note LIKE '%Πίεση%'");
is($en->[0], 0, '... not in the ordinary history');
$tp = $doc->get("/admin/help/tasks/$case3");
is($tp->{status}, 200, 'a professional still sees a closed case of theirs (its history)');
like($t->text($tp), qr/Πίεση 15\/9/, '... with the notes');

# ---- the resident's page: health on request, edits audited -------------------------------------
my $pp = $op->get("/admin/help/people/$ben");
is($pp->{status}, 200, 'the resident\'s page');
$body = $t->text($pp);
like($body, qr/Προφορικά, στο τηλέφωνο/, '... how consent was given');
like($body, qr{/admin/help/cases/$case}, '... her cases');
unlike($body, qr/Ηλικιωμένος/, '... health only on request');
$pp = $op->get("/admin/help/people/$ben?health=1");
like($t->text($pp), qr/Ηλικιωμένος\/η που ζει μόνος\/η/, 'on request it is shown');
is(audit_count('help_health_read', 'help_beneficiary', $ben) >= 1, 1, '... and logged');
$r = $op->submit($pp, "/admin/help/people/$ben/health", { vulnerability => 'chronic', conditions => 'Διαβήτης', amka => '01014012345' });
is($r->{status}, 303, 'the operator corrects her health data');
my ($hv2) = $t->sql("SELECT vulnerability, conditions FROM help_health WHERE beneficiary_id = $ben");
is_deeply($hv2, ['chronic', 'Διαβήτης'], '... stored');
is($disp->post("/admin/help/people/$ben/health", { csrf => 'x' })->{status}, 403, 'a dispatcher may not write health data');
my $dpp = $t->text($disp->get("/admin/help/people/$ben?health=1"));
unlike($dpp, qr/Διαβήτης/, '... nor read it on the resident\'s page');
$pp = $op->get("/admin/help/people/$ben");
$r = $op->submit($pp, "/admin/help/people/$ben", { first => 'Ευανθία', last => 'Παπαδάκη-Λέκκα', phone => '2251044555',
    lang => 'el', consent => 'written' });
is($r->{status}, 303, 'her record corrected, consent now written');
my ($cw) = $t->sql("SELECT last_name, consent_how FROM help_beneficiaries WHERE id = $ben");
is_deeply($cw, ['Παπαδάκη-Λέκκα', 'written'], '... stored');
like($t->text($op->get('/admin/help/people?q=%CE%A0%CE%B1%CF%80%CE%B1%CE%B4%CE%AC%CE%BA%CE%B7')), qr{/admin/help/people/$ben}, 'the registry finds her by last name');
like($t->text($op->get('/admin/help/people?q=2251044')), qr{/admin/help/people/$ben}, '... and by the start of her number');

# ---- status rules ----------------------------------------------------------------------------
$cp = $op->get("/admin/help/cases/$case");
$r = $op->submit($cp, "/admin/help/cases/$case/status", { status => 'cancelled' });
is($r->{status}, 422, 'cancelling without a note: 422');
$r = $op->submit($cp, "/admin/help/cases/$case/status", { status => 'cancelled', note => 'Τα πήρε ο γιος της.' });
is($r->{status}, 303, 'cancelled with a note');
$r = $op->submit($cp, "/admin/help/cases/$case/status", { status => 'cancelled', note => 'Τα πήρε ο γιος της.' });
is($r->{status}, 303, 'the same form again: no error ...');
my ($ev) = $t->sql("SELECT COUNT(*) FROM help_case_events WHERE case_id = $case AND kind = 'status'");
is($ev->[0], 1, '... and one history row');
is($op->get('/admin/help/cases/999999')->{status}, 404, 'an unknown case: 404');
is($op->get('/admin/help/people/999999')->{status}, 404, 'an unknown resident: 404');

# ---- nothing public ----------------------------------------------------------------------------
for my $path ('/', '/news', '/feed.atom', '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml', '/requests', '/en/', '/help') {
    my $res = $t->get($path);
    unlike($t->text($res), qr/Παπαδάκη|Ευανθία|2251044555|Υπέρταση|1234567890123/, "nothing of the desk on $path");
}
# A search for her name finds nothing of hers (the query itself is echoed).
my $sr = $t->text($t->get('/search?q=%CE%95%CF%85%CE%B1%CE%BD%CE%B8%CE%AF%CE%B1'));
unlike($sr, qr{/admin/help|Παπαδάκη|Αγίου Νικολάου}, 'a search for her name finds nothing of the desk');
done_testing;
