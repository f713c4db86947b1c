#!/usr/bin/env perl
# Citizens' requests, the staff side (/admin/requests): the queue's
# filters, orders and keyset pages; overdue; department scoping (404 on
# another department's request, the queue and the CSV holding only one's
# own, department= refused); handling a request (a status change with a
# public reply shown on the tracking page while the internal note is not,
# resolving without a reply refused with the form as typed, a duplicate
# needing a real code, a category change re-routing and recomputing the
# due date, a stale form answered 409); the CSV parsed back (BOM, quoting,
# the formula guard, no personal data, streamed past one chunk); hiding
# the description (gone from the tracking page, in the audit log);
# response templates and their insertion; 403 without the permission and
# without the CSRF token.  Through nginx and MariaDB.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode qw(decode_utf8);
use Time::Local qw(timegm);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }

# ---- people --------------------------------------------------------------------------
my %who;
for (['disp', ['dispatcher']], ['d4', ['department'], 4], ['d5', ['department'], 5],
     ['ed', ['editor']]) {
    my ($name, $roles, $dept) = @$_;
    my $s = Agora::Staff->new($t);
    my $pw = $s->create($name, roles => $roles, $dept ? (department => $dept) : ());
    is($s->login($name, $pw)->{status}, 303, "$name signs in");
    $who{$name} = $s;
}
my ($disp, $d4, $d5, $ed) = @who{qw(disp d4 d5 ed)};
my $d4_id = one(q{SELECT id FROM users WHERE username = 'd4'});
$t->sql(q{UPDATE users SET display_name = 'Δήμητρα Τέσσερα' WHERE username = 'd4'});

# The demo's requests and templates are there already.
my $demo_requests = one('SELECT COUNT(*) FROM requests');
my $demo_templates = one('SELECT COUNT(*) FROM request_templates');

# ---- requests through the public form ------------------------------------------------------
my $resident = Agora::Staff->new($t);
sub submit_public {
    my (%f) = @_;
    # The form of the category (its extra questions: street lighting asks
    # what is wrong, answered with its first choice).
    my $r = $resident->submit("/requests/new?category=$f{category}", '/requests/new', { consent => 1, %f });
    my ($code) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})\?new=1};
    return $code;
}
my ($lamp_out) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 1 ORDER BY sort_order LIMIT 1});
my $lamp = submit_public(category => 1, q1 => $lamp_out->[0], description => 'Σβηστή λάμπα στην πλατεία',
    address => 'Πλατεία Σαπφούς 3', name => 'Ελένη Ιδιώτου', email => 'eleni@example.org',
    phone => '6912345678');
my $bins = submit_public(category => 4, description => 'Γεμάτοι κάδοι', address => 'Ερμού 40',
    email => 'kadoi@example.org');
ok($lamp && $bins, "two requests through the public form ($lamp, $bins)");
is(one("SELECT department_id FROM requests WHERE code = '$lamp'"), 4, '... the lamp went to department 4');
is(one("SELECT department_id FROM requests WHERE code = '$bins'"), 5, '... the bins to department 5');

# Many more through SQL: a year of 2020, every status, priority and channel.
my %dept_of = (1 => 4, 2 => 4, 3 => 4, 4 => 5, 5 => 5, 6 => 9, 7 => 9, 8 => undef);
my @st = qw(submitted acknowledged in_progress scheduled resolved rejected duplicate not_ours reopened);
my @ch = qw(web phone open311);
my $N = 1150;
my @vals;
for my $i (1 .. $N) {
    my $cat = $i % 8 + 1;
    my $dept = $dept_of{$cat} // 'NULL';
    my $status = $st[$i % 9];
    my $prio = $i % 3 + 1;
    my $area = $i % 5 ? ($i % 8) + 1 : 'NULL';
    my $as = $i % 7 == 0 && $dept eq '4' ? $d4_id : 'NULL';
    # Two requests in the same second now and then: the cursor holds the id.
    my $h = $i - ($i % 10 == 0 ? 1 : 0);
    my $desc = $i == 7 ? q{'=HYPERLINK("http://evil"), με κόμμα, "εισαγωγικά"\nκαι νέα γραμμή'}
                       : "'Περιγραφή $i'";
    push @vals, sprintf("('2020-%06d', 2020, %d, '%s', %d, %s, %s, %s, 'Οδός %d', '%s', '%s',"
        . " 'Κρυφό Όνομα $i', 'secret$i\@example.org', '69000%05d', NOW(), '2020-01-01' + INTERVAL %d HOUR,"
        . " DATE('2020-01-01' + INTERVAL %d HOUR) + INTERVAL 10 DAY, %d, %s)",
        $i, $i, sprintf('tok%040d', $i), $cat, $dept, $area, $desc, $i, $status, $ch[$i % 3],
        $i, $h, $h, $prio, $as);
}
$t->sql('INSERT INTO requests (code, year, protocol_no, token, category_id, department_id, area_id,'
    . ' description, address, status, channel, name, email, phone, consent_at, created_at, due_date,'
    . ' priority, assignee_id) VALUES ' . join(',', @vals));
my $total = one('SELECT COUNT(*) FROM requests');
is($total, $demo_requests + $N + 2, "$total requests in all");

# ---- who may ----------------------------------------------------------------------------------
is(Agora::Staff->new($t)->get('/admin/requests')->{status}, 401, 'anonymous: 401');
is($ed->get('/admin/requests')->{status}, 403, 'an editor (no PERM_REQUESTS): 403');
is($ed->get("/admin/requests/$lamp")->{status}, 403, '... nor a request');
is($ed->get('/admin/requests.csv')->{status}, 403, '... nor the CSV');
like($t->text($d4->get('/admin')), qr{href="/admin/requests">Αιτήματα πολιτών<}, 'the menu has "Αιτήματα πολιτών" for department staff');
unlike($t->text($ed->get('/admin')), qr{href="/admin/requests"}, '... and not for an editor');
is($d4->get('/admin/requests/templates')->{status}, 403, 'templates: department staff 403');

# ---- the queue, its pages and orders -------------------------------------------------------------
# Every code the pages list, following "next" from PATH.
sub walk {
    my ($s, $path) = @_;
    my (@codes, $pages);
    while (defined $path) {
        my $r = $s->get($path);
        is($r->{status}, 200, "GET $path") or last;
        my $h = $t->text($r);
        push @codes, $h =~ m{<th scope="row"><a href="/admin/requests/(\d{4}-\d{6})">}g;
        $pages++;
        ($path) = $h =~ m{<a href="([^"]+)" rel="next">};
        $path =~ s/&amp;/&/g if defined $path;
        last if $pages > 40;
    }
    return ($pages, @codes);
}
sub codes_sql { map { $_->[0] } $t->sql($_[0]) }

my ($pages, @codes) = walk($disp, '/admin/requests?category=8');
my @want = codes_sql('SELECT code FROM requests WHERE category_id = 8 ORDER BY created_at DESC, id DESC');
cmp_ok($pages, '>', 1, "category=8: $pages pages");
is_deeply(\@codes, \@want, '... every request once, newest first, ids breaking ties');

($pages, @codes) = walk($disp, '/admin/requests?status=open&sort=priority');
@want = codes_sql(q{SELECT code FROM requests WHERE status NOT IN ('resolved','rejected','duplicate','not_ours')
                    ORDER BY priority, created_at, id});
is_deeply(\@codes, \@want, "status=open&sort=priority over $pages pages: urgent first, then oldest");

(undef, @codes) = walk($disp, '/admin/requests?sort=due&area=3&channel=phone');
@want = codes_sql(q{SELECT code FROM requests WHERE area_id = 3 AND channel = 'phone' ORDER BY due_date, id});
is_deeply(\@codes, \@want, 'sort=due with area and channel');

(undef, @codes) = walk($disp, '/admin/requests?sort=old&priority=1&status=resolved');
@want = codes_sql(q{SELECT code FROM requests WHERE priority = 1 AND status = 'resolved' ORDER BY created_at, id});
is_deeply(\@codes, \@want, 'sort=old with priority and status');

(undef, @codes) = walk($disp, '/admin/requests?overdue=1&department=9');
@want = codes_sql(q{SELECT code FROM requests WHERE department_id = 9 AND due_date < CURDATE()
                    AND status NOT IN ('resolved','rejected','duplicate','not_ours') ORDER BY created_at DESC, id DESC});
ok(@want > 0, 'there are overdue requests in department 9');
is_deeply(\@codes, \@want, 'overdue=1: only open requests past their due date');
my $h = $t->text($disp->get('/admin/requests?overdue=1&department=9'));
like($h, qr{<strong class="tag overdue-tag">Εκπρόθεσμο</strong>}, '... marked in words, not colour alone');

(undef, @codes) = walk($disp, "/admin/requests?assignee=$d4_id");
@want = codes_sql("SELECT code FROM requests WHERE assignee_id = $d4_id ORDER BY created_at DESC, id DESC");
ok(@want > 0, 'some requests are assigned to d4');
is_deeply(\@codes, \@want, 'assignee=<id>');
(undef, @codes) = walk($d4, '/admin/requests?assignee=me');
is_deeply(\@codes, \@want, 'assignee=me for d4: the same');
($pages) = walk($disp, '/admin/requests?assignee=none&category=1');
@want = codes_sql('SELECT code FROM requests WHERE assignee_id IS NULL AND category_id = 1 ORDER BY created_at DESC, id DESC');
(undef, @codes) = walk($disp, '/admin/requests?assignee=none&category=1');
is_deeply(\@codes, \@want, 'assignee=none');

$h = $t->text($disp->get('/admin/requests?status=resolved&category=3&sort=due&overdue=1&assignee=none'));
like($h, qr{<option value="resolved" selected>}, 'the filter form keeps the status');
like($h, qr{<option value="3" selected>Πράσινο και πάρκα</option>}, '... the category');
like($h, qr{<option value="due" selected>}, '... the order');
like($h, qr{<option value="none" selected>}, '... the assignee');
like($h, qr{id="q-overdue" type="checkbox" name="overdue" value="1" checked}, '... and the overdue box');
like($t->text($disp->get('/admin/requests')), qr{<caption>Αιτήματα, με τα φίλτρα}, 'the table has a caption');

for my $bad ('status=lost', 'sort=random', 'category=abc', 'assignee=someone', 'after=20200101-1',
             'priority=9', 'overdue=yes', 'channel=fax', 'after=x') {
    is($disp->get("/admin/requests?$bad")->{status}, 400, "$bad: 400");
}
my $r = $disp->get("/admin/requests?code=$lamp");
is($r->{status}, 303, 'code= jumps to the request');
is($r->{headers}{location}, "/admin/requests/$lamp", '... to its page');
is($disp->get('/admin/requests?code=1999-000001')->{status}, 404, 'an unknown code: 404');

# ---- department scoping ------------------------------------------------------------------------
(undef, @codes) = walk($d4, '/admin/requests?status=open');
@want = codes_sql(q{SELECT code FROM requests WHERE department_id = 4
                    AND status NOT IN ('resolved','rejected','duplicate','not_ours') ORDER BY created_at DESC, id DESC});
is_deeply(\@codes, \@want, 'department staff: the queue holds their department only');
like($t->text($d4->get('/admin/requests')), qr/Βλέπετε μόνο τα αιτήματα του τμήματός σας/, '... and says so');
is($d4->get('/admin/requests?department=5')->{status}, 403, 'department=5 for a department-4 user: 403');
is($d4->get('/admin/requests?department=4')->{status}, 200, '... their own: 200');
is($d4->get("/admin/requests/$bins")->{status}, 404, "another department's request: 404");
is($d4->get("/admin/requests?code=$bins")->{status}, 404, '... also through code=');
is($d5->get("/admin/requests/$bins")->{status}, 200, '... which its own department opens');
my $page5 = $d5->get("/admin/requests/$bins");
my $form5 = $d5->form($page5, "/admin/requests/$bins");
my $csrf4 = $d4->form($d4->get('/admin'), '/admin/logout')->{csrf};
$r = $d4->post("/admin/requests/$bins", { %$form5, csrf => $csrf4, note => 'ξένο', status => 'acknowledged' });
is($r->{status}, 404, "a POST to another department's request: 404");
$r = $d4->post("/admin/requests/$bins/visibility", { csrf => $csrf4, target => 'description', hidden => 1 });
is($r->{status}, 404, '... hiding its description: 404');
is(one("SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.code = '$bins'"), 1,
    '... nothing was written');
is($d4->get('/admin/requests/x')->{status}, 404, 'a malformed code: 404');

# ---- one request ------------------------------------------------------------------------------
$r = $d4->get("/admin/requests/$lamp");
is($r->{status}, 200, 'the lamp request opens for department 4');
$h = $t->text($r);
like($h, qr/Ελένη Ιδιώτου/, '... with the reporter\'s name');
like($h, qr{href="mailto:eleni\@example.org"}, '... e-mail as mailto:');
like($h, qr{href="tel:\+?3?0?6912345678"}, '... phone as tel:');
like($h, qr/Σβηστή λάμπα στην πλατεία/, '... the description');
like($h, qr/<caption>Όλες οι αλλαγές/, '... and its history as a table');

# A status change with a public reply and an internal note.
$r = $d4->submit($r, "/admin/requests/$lamp", { status => 'acknowledged',
    reply => 'Το συνεργείο θα περάσει την Τρίτη.', note => 'Καλέστε τον εργολάβο πρώτα.' });
is($r->{status}, 303, 'acknowledged with a reply and a note: 303');
like($r->{headers}{location}, qr{^/admin/requests/\Q$lamp\E\?done=saved$}, '... back to the request');
my ($ev) = $t->sql("SELECT e.status_from, e.status_to, e.reply, e.note, e.source, e.user_id FROM request_events e
    JOIN requests r ON r.id = e.request_id WHERE r.code = '$lamp' ORDER BY e.id DESC LIMIT 1");
is_deeply($ev, ['submitted', 'acknowledged', 'Το συνεργείο θα περάσει την Τρίτη.', 'Καλέστε τον εργολάβο πρώτα.',
    'staff', $d4_id], '... one history row: from, to, reply, note, source staff, the user');
ok(defined one("SELECT first_reply_at FROM requests WHERE code = '$lamp'"), '... first_reply_at is set');
my $pub = $t->text($t->get("/requests/$lamp"));
like($pub, qr/Το συνεργείο θα περάσει την Τρίτη\./, 'the tracking page shows the public reply');
like($pub, qr/Παραλήφθηκε από την υπηρεσία/, '... and the new status');
unlike($pub, qr/εργολάβο/, '... never the internal note');
like($t->text($d4->get("/admin/requests/$lamp?done=saved")), qr/Καλέστε τον εργολάβο πρώτα\./,
    'the staff history shows the note');

# Resolving without a reply.
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp",
    { status => 'resolved', note => 'Άλλαξε η λάμπα.' });
is($r->{status}, 422, 'resolved without a public reply: 422');
$h = $t->text($r);
like($h, qr/Για αυτή την κατάσταση γράψτε δημόσια απάντηση/, '... saying why');
like($h, qr{href="#f-reply"}, '... linked to the reply field');
like($h, qr{<option value="resolved" selected>}, '... the status as chosen');
like($h, qr{>Άλλαξε η λάμπα\.</textarea>}, '... and the note as typed');
is(one("SELECT status FROM requests WHERE code = '$lamp'"), 'acknowledged', '... nothing changed');
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp", {});
is($r->{status}, 422, 'nothing changed at all: 422');

# A duplicate needs the original's code.
my $orig = one(q{SELECT code FROM requests WHERE department_id = 4 AND code LIKE '2020-%' ORDER BY id LIMIT 1});
my $other_dept = one(q{SELECT code FROM requests WHERE department_id = 5 AND code LIKE '2020-%' ORDER BY id LIMIT 1});
for ([undef, 'no code'], ['2020-999999', 'an unknown code'], [$lamp, 'its own code'],
     [$other_dept, "another department's code"], ['abc', 'a malformed code']) {
    my ($code, $what) = @$_;
    $r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp",
        { status => 'duplicate', reply => 'Υπάρχει ήδη.', duplicate_of => $code });
    is($r->{status}, 422, "duplicate with $what: 422");
}
like($t->text($r), qr{href="#f-duplicate_of"}, '... pointing at the code field');
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp",
    { status => 'duplicate', reply => 'Υπάρχει ήδη αίτημα.', duplicate_of => $orig });
is($r->{status}, 303, "duplicate of $orig: 303");
is(one("SELECT o.code FROM requests r JOIN requests o ON o.id = r.duplicate_of WHERE r.code = '$lamp'"), $orig,
    '... duplicate_of names the original');
like($t->text($d4->get("/admin/requests/$lamp")), qr{href="/admin/requests/\Q$orig\E">\Q$orig\E</a>}, '... linked on the page');
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp",
    { status => 'reopened', reply => 'Το εξετάζουμε ξανά.' });
is($r->{status}, 303, 'reopened: 303');
is_deeply([ $t->sql("SELECT status, duplicate_of FROM requests WHERE code = '$lamp'") ], [[ 'reopened', undef ]],
    '... no longer a duplicate');

# Two staff at once: the second form is stale.
my $p1 = $d4->get("/admin/requests/$lamp");
my $p2 = $disp->get("/admin/requests/$lamp");
is($disp->submit($p2, "/admin/requests/$lamp", { note => 'Πρώτη σημείωση' })->{status}, 303, 'a first edit: 303');
$r = $d4->submit($p1, "/admin/requests/$lamp", { note => 'Δεύτερη σημείωση από παλιά φόρμα' });
is($r->{status}, 409, 'an edit from a form opened before it: 409');
$h = $t->text($r);
like($h, qr/Κάποιος άλλος άλλαξε το αίτημα/, '... saying so');
like($h, qr{>Δεύτερη σημείωση από παλιά φόρμα</textarea>}, '... with what was typed');
is(one("SELECT COUNT(*) FROM request_events WHERE note = 'Δεύτερη σημείωση από παλιά φόρμα'"), 0, '... not saved');
is($d4->submit($r, "/admin/requests/$lamp", {})->{status}, 303, '... sent again from the new form: saved');

# Priority and assignee.
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp", { priority => 1, assignee => $d4_id });
is($r->{status}, 303, 'priority urgent, assigned to d4: 303');
is_deeply([ $t->sql("SELECT priority, assignee_id FROM requests WHERE code = '$lamp'") ], [[ 1, $d4_id ]], '... stored');
my @notes = map { $_->[0] } $t->sql("SELECT change_note FROM request_events e JOIN requests r ON r.id = e.request_id
    WHERE r.code = '$lamp' AND change_note IS NOT NULL ORDER BY e.id");
ok((grep { /^Προτεραιότητα: Κανονική → Επείγον$/ } @notes), '... a history row for the priority');
ok((grep { /^Ανάθεση: — → Δήμητρα Τέσσερα$/ } @notes), '... and one for the assignee');
my $d5_id = one(q{SELECT id FROM users WHERE username = 'd5'});
$r = $d4->submit("/admin/requests/$lamp", "/admin/requests/$lamp", { assignee => $d5_id });
is($r->{status}, 422, "assigning to another department's user: 422");
# A department user hands a request on to another department.
my $handoff = one(q{SELECT code FROM requests WHERE department_id = 4 AND code LIKE '2020-%' ORDER BY id DESC LIMIT 1});
$r = $d4->submit("/admin/requests/$handoff", "/admin/requests/$handoff", { department => 9 });
is($r->{status}, 303, 'department 4 sends a request to department 9: 303');
is($r->{headers}{location}, '/admin/requests?done=moved', '... back to its queue');
like($t->text($d4->get($r->{headers}{location})), qr/πήγε σε άλλο τμήμα/, '... which says where it went');
is(one("SELECT department_id FROM requests WHERE code = '$handoff'"), 9, '... moved');

# A new category re-routes and recomputes the due date.
my ($created) = $t->sql("SELECT DATE(created_at) FROM requests WHERE code = '$lamp'");
sub working_days {
    my ($ymd, $n) = @_;
    my ($y, $m, $d) = split /-/, $ymd;
    my $tm = timegm(0, 0, 12, $d, $m - 1, $y);
    while ($n > 0) { $tm += 86400; my $wd = (gmtime $tm)[6]; $n-- if $wd != 0 && $wd != 6 }
    my @g = gmtime $tm;
    return sprintf '%04d-%02d-%02d', $g[5] + 1900, $g[4] + 1, $g[3];
}
$r = $disp->submit("/admin/requests/$lamp", "/admin/requests/$lamp", { category => 4 });
is($r->{status}, 303, 'the dispatcher moves it to "cleaning and waste": 303');
is_deeply([ $t->sql("SELECT category_id, department_id, due_date, assignee_id FROM requests WHERE code = '$lamp'") ],
    [[ 4, 5, working_days($created->[0], 3), undef ]],
    '... re-routed to department 5, due 3 working days after it came, the old assignee cleared');
ok((grep { /^Τμήμα: / } map { $_->[0] } $t->sql("SELECT change_note FROM request_events e JOIN requests r
    ON r.id = e.request_id WHERE r.code = '$lamp' AND change_note IS NOT NULL")), '... the department change is in the history');
is($d4->get("/admin/requests/$lamp")->{status}, 404, '... department 4 no longer sees it');
is($d5->get("/admin/requests/$lamp")->{status}, 200, '... department 5 does');
$r = $disp->submit("/admin/requests/$lamp", "/admin/requests/$lamp", { category => 2, department => 9 });
is($r->{status}, 303, 'a category and a department chosen together: 303');
is_deeply([ $t->sql("SELECT category_id, department_id, due_date FROM requests WHERE code = '$lamp'") ],
    [[ 2, 9, working_days($created->[0], 15) ]], '... the chosen department wins, the due date follows the category');

# ---- hiding the description ----------------------------------------------------------------------
like($t->text($t->get("/requests/$bins")), qr/Γεμάτοι κάδοι/, 'the bins description is public');
$page5 = $d5->get("/admin/requests/$bins");
my $hide = $d5->form($page5, "/admin/requests/$bins/visibility");
is($hide->{hidden}, 1, 'the request page has a hide button for the description');
$r = $d5->post("/admin/requests/$bins/visibility", $hide);
is($r->{status}, 303, 'hide: 303');
$pub = $t->text($t->get("/requests/$bins"));
unlike($pub, qr/Γεμάτοι κάδοι/, '... gone from the tracking page');
like($pub, qr/Η περιγραφή δεν δημοσιεύεται/, '... which says so');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'request_hide' AND object_id = '$bins'"), 1, '... in the audit log');
is(one("SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.code = '$bins'
        AND e.change_note = 'Περιγραφή: κρυφή από το κοινό'"), 1, '... and in the history');
like($t->text($d5->get("/admin/requests/$bins")), qr/Γεμάτοι κάδοι/, 'staff still read it');
$r = $d5->post("/admin/requests/$bins/visibility", { csrf => $hide->{csrf}, target => 'description', hidden => 0 });
is($r->{status}, 303, 'show again: 303');
like($t->text($t->get("/requests/$bins")), qr/Γεμάτοι κάδοι/, '... public again');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'request_show' AND object_id = '$bins'"), 1, '... logged');
is($d5->post("/admin/requests/$bins/visibility", { csrf => $hide->{csrf}, target => 'photo-9', hidden => 1 })->{status},
    400, 'a bad target: 400');
is($d5->post("/admin/requests/$bins/visibility", { csrf => $hide->{csrf}, target => 'photo-1', hidden => 1 })->{status},
    404, 'a photo it does not have: 404');

# ---- photos, the point, the extra answers ---------------------------------------------------
my $sha = one("SELECT SHA2('fake-photo', 256)");
$t->sql("INSERT INTO media (sha256, mime, bytes, size, width, height) VALUES ('$sha', 'image/png', 'fake-photo', 10, 640, 480)");
$t->sql("INSERT INTO media_items (kind, source_sha256, width, height, alt_el) VALUES ('image', '$sha', 640, 480, 'Κάδοι στην Ερμού')");
my $item = one("SELECT id FROM media_items WHERE source_sha256 = '$sha'");
my $bins_id = one("SELECT id FROM requests WHERE code = '$bins'");
$t->sql("INSERT INTO media_variants (item_id, sha256) VALUES ($item, '$sha')");
$t->sql("INSERT INTO request_photos (request_id, position, item_id) VALUES ($bins_id, 1, $item)");
$t->sql("INSERT INTO request_questions (category_id, kind, label_el, label_en) VALUES (4, 'text', 'Πόσοι κάδοι;', 'How many bins?')");
my $qid = one("SELECT id FROM request_questions WHERE label_el = 'Πόσοι κάδοι;'");
$t->sql("INSERT INTO request_answers (request_id, question_id, value) VALUES ($bins_id, $qid, 'Τρεις κάδοι')");
$t->sql("UPDATE requests SET lat = 39.1, lon = 26.55 WHERE id = $bins_id");
$h = $t->text($d5->get("/admin/requests/$bins"));
like($h, qr{<img src="/media/$sha\.png" alt="Κάδοι στην Ερμού"}, 'the request page shows its photo from the media store');
like($h, qr{<dt>Πόσοι κάδοι;</dt><dd>Τρεις κάδοι</dd>}, '... the extra answers');
like($h, qr{39\.100000, 26\.550000}, '... and the point');
like($t->text($d5->get("/en/admin/requests/$bins")), qr{<dt>How many bins\?</dt>}, '... in English too');
$r = $d5->post("/admin/requests/$bins/visibility", { csrf => $hide->{csrf}, target => 'photo-1', hidden => 1 });
is($r->{status}, 303, 'hide photo 1: 303');
is(one("SELECT hidden FROM request_photos WHERE request_id = $bins_id AND position = 1"), 1, '... hidden');
is(one("SELECT summary FROM audit_log WHERE action = 'request_hide' AND object_id = '$bins' ORDER BY id DESC LIMIT 1"),
    'Φωτογραφία 1: κρυφή από το κοινό', '... audit-logged');
like($t->text($d5->get("/admin/requests/$bins")), qr{Φωτογραφία 1 · <strong>κρυφή από το κοινό</strong>}, '... and marked so');
is($d5->post("/admin/requests/$bins/visibility", { csrf => $hide->{csrf}, target => 'photo-2', hidden => 1 })->{status},
    404, 'a photo it does not have: 404');

# ---- CSRF ---------------------------------------------------------------------------------------
my $before = one('SELECT COUNT(*) FROM request_events');
my %f = %{ $d5->form($d5->get("/admin/requests/$bins"), "/admin/requests/$bins") };
delete $f{csrf};
is($d5->post("/admin/requests/$bins", { %f, note => 'χωρίς csrf' })->{status}, 403, 'no CSRF token: 403');
is($d5->post("/admin/requests/$bins/visibility", { target => 'description', hidden => 1 })->{status}, 403,
    '... hiding without it: 403');
is(one('SELECT COUNT(*) FROM request_events'), $before, '... nothing written');

# ---- CSV ----------------------------------------------------------------------------------------
sub parse_csv {
    my ($bytes) = @_;
    my $s = decode_utf8($bytes);
    my (@rows, @row, $cell);
    pos($s) = 0;
    while (pos($s) < length $s) {
        if ($s =~ /\G"((?:[^"]|"")*)"/gc) { ($cell = $1) =~ s/""/"/g }
        elsif ($s =~ /\G([^,\r\n"]*)/gc) { $cell = $1 }
        push @row, $cell;
        if ($s =~ /\G,/gc) { next }
        if ($s =~ /\G\r\n/gc) { push @rows, [@row]; @row = (); next }
        last if pos($s) >= length $s;
        die 'bad CSV at ' . pos($s);
    }
    push @rows, [@row] if @row;
    return @rows;
}
$r = $disp->get('/admin/requests.csv');
is($r->{status}, 200, 'the CSV: 200');
like($r->{headers}{'content-type'}, qr{^text/csv; charset=utf-8}, '... text/csv');
like($r->{headers}{'content-disposition'} // '', qr/attachment/, '... as a download');
is(substr($r->{content}, 0, 3), "\xEF\xBB\xBF", '... starting with a BOM');
my @csv = parse_csv(substr($r->{content}, 3));
is($csv[0][0], 'Κωδικός', '... Greek headers');
is(scalar(@csv) - 1, $total, "... every request, $total rows, past one chunk of 1000");
is_deeply([ map { $_->[0] } @csv[1 .. $#csv] ],
    [ codes_sql('SELECT code FROM requests ORDER BY created_at DESC, id DESC') ], '... in the queue\'s order, each once');
my ($seven) = grep { $_->[0] eq '2020-000007' } @csv;
is($seven->[12], qq{'=HYPERLINK("http://evil"), με κόμμα, "εισαγωγικά"\nκαι νέα γραμμή},
    '... a comma, quotes and a line break survive, and a formula is defused with an apostrophe');
unlike($r->{content}, qr/secret\d+\@example|Κρυφό Όνομα|eleni\@example|6900000/, '... no reporter name, e-mail or phone');
ok(!defined $r->{headers}{'content-length'}, '... streamed (no Content-Length)');

$r = $d4->get('/admin/requests.csv?status=open');
@csv = parse_csv(substr($r->{content}, 3));
is_deeply([ map { $_->[0] } @csv[1 .. $#csv] ],
    [ codes_sql(q{SELECT code FROM requests WHERE department_id = 4 AND status NOT IN
      ('resolved','rejected','duplicate','not_ours') ORDER BY created_at DESC, id DESC}) ],
    "department staff's CSV: their department's requests only");
is($d4->get('/admin/requests.csv?department=5')->{status}, 403, '... department=5 refused');
is($disp->get('/admin/requests.csv?status=nope')->{status}, 400, 'a bad filter: 400');

# ---- response templates -------------------------------------------------------------------------
$r = $disp->get('/admin/requests/templates');
is($r->{status}, 200, 'the templates list');
$r = $disp->submit('/admin/requests/templates/new', '/admin/requests/templates/new', { title => '' });
is($r->{status}, 422, 'a template without title or text: 422');
my $new = $disp->get('/admin/requests/templates/new');
my %tpl = (title => 'Προγραμματισμός', status => 'scheduled',
    body_el => 'Το αίτημα {code} ({category}, {address}) θα διεκπεραιωθεί έως {due_date} από: {department}.',
    body_en => 'Request {code} ({category}) is scheduled by {due_date}.', sort_order => 1);
$r = $disp->submit($new, '/admin/requests/templates/new', \%tpl);
is($r->{status}, 303, 'a new template: 303');
my ($tid) = ($r->{headers}{location} // '') =~ m{/admin/requests/templates/(\d+)\?done=saved};
ok($tid, "... template $tid");
is($disp->submit($new, '/admin/requests/templates/new', \%tpl)->{status}, 303, '... the same form again');
is(one('SELECT COUNT(*) FROM request_templates'), $demo_templates + 1, '... still one template more');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'rq_template_create' AND object_id = '$tid'"), 1, '... audit-logged');
like($t->text($disp->get('/admin/requests/templates')), qr/Προγραμματισμός/, '... listed');

# Insert it into the bins request (Greek).
my $due = one("SELECT DATE_FORMAT(due_date, '%e/%c/%Y') FROM requests WHERE code = '$bins'");
$r = $d5->submit("/admin/requests/$bins", "/admin/requests/$bins", { template => $tid, action => 'insert' });
is($r->{status}, 200, '"Εισαγωγή": the form again');
$h = $t->text($r);
like($h, qr{>Το αίτημα \Q$bins\E \(Καθαριότητα και απορρίμματα, Ερμού 40\) θα διεκπεραιωθεί έως \Q$due\E από: [^<]*Καθαριότητ[^<]*\.</textarea>},
    '... the reply filled in, every placeholder substituted');
like($h, qr{<option value="scheduled" selected>}, '... and the status it suits proposed');
is(one("SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.code = '$bins'
        AND e.reply IS NOT NULL"), 0, '... nothing saved yet');
$r = $d5->submit($r, "/admin/requests/$bins", {});
is($r->{status}, 303, '... then saved');
like($t->text($t->get("/requests/$bins")), qr/θα διεκπεραιωθεί έως/, '... and public');
$r = $d5->submit("/admin/requests/$bins", "/admin/requests/$bins", { action => 'insert' });
is($r->{status}, 422, '"Εισαγωγή" without a template: 422');
# An English request gets the English text.
$t->sql("UPDATE requests SET lang = 'en' WHERE code = '$bins'");
$h = $t->text($d5->submit("/admin/requests/$bins", "/admin/requests/$bins", { template => $tid, action => 'insert' }));
like($h, qr{>Request \Q$bins\E \(Cleaning and waste\) is scheduled by \Q$due\E\.</textarea>}, '... in the request\'s language');

# Edit and delete.
$r = $disp->submit("/admin/requests/templates/$tid", "/admin/requests/templates/$tid", { title => 'Προγραμματίστηκε' });
is($r->{status}, 303, 'the template edited');
is(one("SELECT title FROM request_templates WHERE id = $tid"), 'Προγραμματίστηκε', '... saved');
$r = $disp->get("/admin/requests/templates/$tid/delete");
is($r->{status}, 200, 'delete asks first');
$r = $disp->submit($r, "/admin/requests/templates/$tid/delete", {});
is($r->{status}, 303, '... then deletes');
is(one('SELECT COUNT(*) FROM request_templates'), $demo_templates, '... gone');
is(one("SELECT COUNT(*) FROM audit_log WHERE action IN ('rq_template_update', 'rq_template_delete')"), 2,
    '... both audit-logged');
is($disp->get("/admin/requests/templates/$tid")->{status}, 404, 'a deleted template: 404');

done_testing;
