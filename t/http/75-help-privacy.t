#!/usr/bin/env perl
# The support desk's privacy: a resident's data on request and retention.
#
# Export: an operator downloads /admin/help/people/ID/export, a JSON file
# (never cached) with the registry row, the health row, every case with its
# health part, professionals' notes (their authors' names), history and
# online contact details, times in ISO 8601 with Athens' offset, awkward
# text escaped so it reads back the same; the "help_export" audit row is
# written, and with the audit log refused the answer is 503 without a byte
# of the data; a dispatcher and a volunteer get 403, nobody signed in 401;
# an unknown resident 404; `agora-admin help export ID` prints the same
# document with its own audit row.
#
# Retention (`agora-admin purge`): exactly the closed cases closed more than
# help_retention_days ago are anonymised (their health rows, notes and
# contact details gone, details and callers emptied, history notes
# emptied), recent and open ones untouched, the counts per type unchanged;
# an idle resident's names and phones emptied, health row gone, their
# younger closed case anonymised with them; an active resident and one with
# an open case kept; old pharmacy nonces deleted; old webhook bodies
# emptied; one audit row per run; a second run changes nothing; the
# comments' purge runs too.  help_retention_days from the configuration
# moves the line.  Rows are written with SQL: the desk's forms are not
# needed here.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use JSON::PP ();
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
my $json = JSON::PP->new->utf8;

sub one_in { my ($tt, $sql) = @_; my @r = $tt->sql($sql); return @r ? $r[-1][0] : undef }
sub one { one_in($t, @_) }
sub q_sql {
    my ($s) = @_;
    return 'NULL' unless defined $s;
    $s =~ s/\\/\\\\/g;
    $s =~ s/'/''/g;
    return "'$s'";
}
sub ago { "NOW() - INTERVAL $_[0] DAY" }

# The desk's rows alone: whatever the demo holds goes first.
sub clear_desk {
    my ($tt) = @_;
    $tt->sql($_) for
        'DELETE FROM help_case_health', 'DELETE FROM help_health_notes',
        'DELETE FROM help_web_contacts', 'DELETE FROM help_case_events',
        'DELETE FROM help_cases', 'DELETE FROM help_health',
        'DELETE FROM help_beneficiaries', 'DELETE FROM help_pharmacy_nonces',
        "DELETE FROM outbox WHERE channel = 'webhook'";
}

# A resident; returns the id.
sub resident {
    my ($tt, %r) = @_;
    $tt->sql(sprintf q{INSERT INTO help_beneficiaries (first_name, last_name, phone, phone2,
        address, area_id, household, consent_at, consent_how, created_at, last_case_at)
        VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'phone', %s, %s)},
        q_sql($r{first}), q_sql($r{last} // 'Δοκιμαστική'), q_sql($r{phone} // '2251023456'),
        q_sql($r{phone2} // ''), q_sql($r{address} // 'Οδός Ελπίδας 4'), $r{area} // 'NULL',
        q_sql($r{household} // ''), $r{created} // ago(500), $r{created} // ago(500),
        $r{last_case} // 'NULL');
    return one_in($tt, 'SELECT MAX(id) FROM help_beneficiaries');
}

# A case; returns the id.
sub case {
    my ($tt, %c) = @_;
    $tt->sql(sprintf q{INSERT INTO help_cases (beneficiary_id, area_id, type, details, urgency,
        wanted_by, channel, status, assignee_id, caller_name, caller_phone, caller_relation,
        form_token, created_at, closed_at)
        VALUES (%s, %s, '%s', %s, 'normal', %s, '%s', '%s', %s, %s, %s, %s, %s, %s, %s)},
        $c{ben} // 'NULL', $c{area} // 'NULL', $c{type}, q_sql($c{details} // 'Λεπτομέρειες'),
        $c{created} // ago(1), $c{channel} // 'phone', $c{status}, $c{assignee} // 'NULL',
        q_sql($c{caller} // 'Γιώργος Ανιψιός'), q_sql('6944000111'), q_sql('ανιψιός'),
        defined $c{token} ? q_sql($c{token}) : 'NULL', $c{created} // ago(1), $c{closed} // 'NULL');
    return one_in($tt, 'SELECT MAX(id) FROM help_cases');
}

sub case_extras {
    my ($tt, $id, %x) = @_;
    $tt->sql(sprintf q{INSERT INTO help_case_health (case_id, prescriptions, amka, details)
        VALUES (%d, %s, '01015012345', %s)}, $id, q_sql("1234567890123\n9876543210987"),
        q_sql('Ινσουλίνη, δύο κουτιά')) if $x{health};
    $tt->sql(sprintf q{INSERT INTO help_health_notes (case_id, user_id, at, body)
        VALUES (%d, %s, NOW() - INTERVAL 2 DAY, %s)}, $id, $x{author} // 'NULL',
        q_sql('Πίεση 14/9, να ξαναδεί τον γιατρό')) if $x{note};
    $tt->sql(sprintf q{INSERT INTO help_case_events (case_id, user_id, kind, status, note)
        VALUES (%d, %s, 'created', 'new', ''), (%d, %s, 'status', 'done', %s)},
        $id, $x{author} // 'NULL', $id, $x{author} // 'NULL', q_sql('Παραδόθηκαν στην κυρία Ελένη'));
    $tt->sql(sprintf q{INSERT INTO help_web_contacts (case_id, name, phone, address, email)
        VALUES (%d, 'Ελένη από τη φόρμα', '2251099999', 'Πλατεία 1', 'eleni@example.gr')}, $id)
        if $x{web};
}

clear_desk($t);
my $area = one('SELECT MIN(id) FROM areas');

# ---- people --------------------------------------------------------------------------
my $op = Agora::Staff->new($t);
my $op_pw = $op->create('hx-op', roles => ['operator']);
is($op->login('hx-op', $op_pw)->{status}, 303, 'an operator signs in');
$t->sql(q{UPDATE users SET display_name = 'Άννα Χειρίστρια' WHERE username = 'hx-op'});
my $op_id = one(q{SELECT id FROM users WHERE username = 'hx-op'});
my $disp = Agora::Staff->new($t);
my $disp_pw = $disp->create('hx-disp', roles => ['dispatcher']);
is($disp->login('hx-disp', $disp_pw)->{status}, 303, 'a dispatcher signs in');
my $vol = Agora::Staff->new($t);
my $vol_pw = $vol->create('hx-vol', roles => ['volunteer']);
is($vol->login('hx-vol', $vol_pw)->{status}, 303, 'a volunteer signs in');
$t->sql(q{UPDATE users SET display_name = 'Βασίλης Εθελοντής' WHERE username = 'hx-vol'});
my $vol_id = one(q{SELECT id FROM users WHERE username = 'hx-vol'});

# ---- the residents and their cases ---------------------------------------------------
my $awkward = qq{Ζει με την κόρη "Μαρία"; κλειδί \\ κάτω από τη γλάστρα\n\tσκύλος <script>alert(1)</script> \x01 τέλος};
my $eleni = resident($t, first => 'Ελένη', last => 'Παπαδοπούλου', phone => '2251011111',
    phone2 => '6944123456', area => $area, household => $awkward, last_case => ago(40));
$t->sql("INSERT INTO help_health (beneficiary_id, vulnerability, conditions, amka, updated_by)
    VALUES ($eleni, 'elderly_alone,chronic', 'Διαβήτης τύπου 2', '01015012345', $op_id)");
my $old1 = case($t, ben => $eleni, area => $area, type => 'medicines', status => 'done',
    assignee => $vol_id, details => 'Φάρμακα από το φαρμακείο της πλατείας',
    token => 'T' x 43, created => ago(410), closed => ago(400));
case_extras($t, $old1, health => 1, note => 1, author => $op_id, web => 1);
my $old2 = case($t, ben => $eleni, area => $area, type => 'groceries', status => 'cancelled',
    details => 'Ψώνια: γάλα, ψωμί', created => ago(402), closed => ago(401));
case_extras($t, $old2);
my $recent = case($t, ben => $eleni, area => $area, type => 'medicines', status => 'done',
    details => 'Σιρόπι για τον βήχα', created => ago(45), closed => ago(40));
case_extras($t, $recent, health => 1, note => 1, author => $op_id);
my $open = case($t, ben => $eleni, area => $area, type => 'errand', status => 'assigned',
    assignee => $vol_id, details => 'Λογαριασμός ΔΕΗ', created => ago(420));
case_extras($t, $open, health => 1);

my $idle = resident($t, first => 'Κώστας', last => 'Ιδλος', phone => '2251022222',
    household => 'Μένει μόνος', last_case => ago(400));
$t->sql("INSERT INTO help_health (beneficiary_id, vulnerability, conditions)
    VALUES ($idle, 'mobility', 'Περπατά με Π')");
my $idle_case = case($t, ben => $idle, type => 'meals', status => 'done',
    details => 'Γεύματα για μία εβδομάδα', created => ago(400), closed => ago(100));
case_extras($t, $idle_case, health => 1, note => 1);
my $never = resident($t, first => 'Σοφία', last => 'Χωρίςαίτημα', created => ago(500));
my $young = resident($t, first => 'Νίκος', last => 'Νέος', created => ago(10));
my $waiting = resident($t, first => 'Μαρία', last => 'Περιμένει', last_case => ago(400));
my $waiting_case = case($t, ben => $waiting, type => 'psych', status => 'new', created => ago(400));

# Online requests never matched with a resident.
my $web_closed = case($t, type => 'groceries', status => 'cancelled', channel => 'web',
    created => ago(420), closed => ago(410));
case_extras($t, $web_closed, web => 1);
my $web_open = case($t, type => 'meals', status => 'new', channel => 'web', created => ago(420));
case_extras($t, $web_open, web => 1);

# The pharmacists' callbacks and the prescriptions sent them.
$t->sql(q{INSERT INTO help_pharmacy_nonces (nonce, at) VALUES
    ('old-nonce', NOW() - INTERVAL 1 HOUR), ('fresh-nonce', NOW() - INTERVAL 10 SECOND)});
for my $o (['old-sent', 400, 'sent'], ['new-sent', 40, 'sent'], ['old-queued', 400, 'queued'],
           ['old-failed', 380, 'failed']) {
    $t->sql(sprintf q{INSERT INTO outbox (kind, channel, rcpt, subject, body_text, message_id,
        state, created_at) VALUES ('help_pharmacy', 'webhook', 'pharmacy', '', %s, %s, '%s', %s)},
        q_sql(qq({"amka":"01015012345","prescriptions":["1234567890123"],"id":"$o->[0]"})),
        q_sql("hx-$o->[0]"), $o->[2], ago($o->[1]));
}
$t->sql(sprintf q{INSERT INTO outbox (kind, channel, rcpt, subject, body_text, message_id,
    state, created_at) VALUES ('help_task', 'mail', 'vol@example.gr', 'Εργασία', 'Κείμενο',
    'hx-old-mail', 'sent', %s)}, ago(400));

# ---- export: who may -----------------------------------------------------------------
my $path = "/admin/help/people/$eleni/export";
my $anon = Agora::Staff->new($t);
my $res = $anon->get($path);
is($res->{status}, 401, 'nobody signed in: 401');
like($t->text($res), qr{action="/admin/login"}, '... with the sign-in form');
is($disp->get($path)->{status}, 403, 'a dispatcher (no health data): 403');
is($vol->get($path)->{status}, 403, 'a volunteer: 403');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_export'"), 0,
    '... and none of them left an export in the audit log');
is($op->get('/admin/help/people/99999999/export')->{status}, 404, 'an unknown resident: 404');
is($op->get('/admin/help/people/0/export')->{status}, 404, 'resident 0: 404');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_export'"), 0,
    '... no audit row for what does not exist');

# ---- export: the document ------------------------------------------------------------
$res = $op->get($path);
is($res->{status}, 200, 'the operator downloads the export');
is($res->{headers}{'content-type'}, 'application/json; charset=utf-8', '... as JSON');
is($res->{headers}{'content-disposition'}, qq{attachment; filename="agora-help-$eleni.json"},
    '... as a file named after the resident');
like($res->{headers}{'cache-control'} // '', qr/\bno-store\b/, '... never stored by a cache');
my $doc = eval { $json->decode($res->{content}) };
ok($doc, 'the body is JSON') or diag($@, substr($res->{content} // '', 0, 500));
$doc ||= {};
my $r = $doc->{resident} || {};
is($r->{id}, $eleni, 'the resident\'s number');
is($r->{first_name}, 'Ελένη', 'first name');
is($r->{last_name}, 'Παπαδοπούλου', 'last name');
is($r->{phone}, '2251011111', 'phone');
is($r->{phone2}, '6944123456', 'second phone');
is($r->{address}, 'Οδός Ελπίδας 4', 'address');
is($r->{area_id}, $area, 'the village, by number');
is($r->{area}, one("SELECT name_el FROM areas WHERE id = $area"), '... and by name');
is($r->{household}, $awkward, 'quotes, backslashes, newlines, tabs, control characters and markup read back the same');
is($r->{consent_how}, 'phone', 'how consent was given');
like($r->{consent_at} // '', qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00$/,
    'times are ISO 8601 with the offset of Athens');
is($r->{anonymised_at}, undef, 'not anonymised: null');
is_deeply($doc->{health}{vulnerability}, ['elderly_alone', 'chronic'], 'the health row: vulnerability');
is($doc->{health}{conditions}, 'Διαβήτης τύπου 2', '... conditions');
is($doc->{health}{amka}, '01015012345', '... AMKA');
is($doc->{health}{updated_by}, 'Άννα Χειρίστρια', '... who wrote it');
my @cases = @{ $doc->{cases} || [] };
is_deeply([map { $_->{id} } @cases], [$old1, $old2, $recent, $open], 'every case of hers, oldest first');
my ($c1) = grep { $_->{id} == $old1 } @cases;
$c1 ||= {};
is($c1->{type}, 'medicines', 'a case: its type');
is($c1->{status}, 'done', '... status');
is($c1->{details}, 'Φάρμακα από το φαρμακείο της πλατείας', '... details');
is($c1->{caller_name}, 'Γιώργος Ανιψιός', '... who called');
is($c1->{assignee}, 'Βασίλης Εθελοντής', '... who carried it out');
like($c1->{closed_at} // '', qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00$/, '... when it closed');
is_deeply($c1->{health}{prescriptions}, ['1234567890123', '9876543210987'], '... its prescriptions');
is($c1->{health}{details}, 'Ινσουλίνη, δύο κουτιά', '... its health details');
is(scalar @{ $c1->{health_notes} || [] }, 1, '... one professional\'s note');
is($c1->{health_notes}[0]{author}, 'Άννα Χειρίστρια', '... with its author\'s name');
is($c1->{health_notes}[0]{body}, 'Πίεση 14/9, να ξαναδεί τον γιατρό', '... and its text');
is_deeply([map { [$_->{kind}, $_->{status}, $_->{note}] } @{ $c1->{events} || [] }],
    [['created', 'new', ''], ['status', 'done', 'Παραδόθηκαν στην κυρία Ελένη']], '... its history');
is($c1->{events}[0]{by}, 'Άννα Χειρίστρια', '... by whom');
is($c1->{web_contact}{email}, 'eleni@example.gr', '... the online contact details');
my ($c2) = grep { $_->{id} == $old2 } @cases;
is($c2->{health}, undef, 'a case without a health part: null');
is($c2->{web_contact}, undef, '... without contact details: null');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_export' AND object_type = 'help_beneficiary'
        AND object_id = '$eleni' AND username = 'hx-op' AND user_id = $op_id"), 1,
    'the export is in the audit log, under the operator\'s name');

# The command line: the same document, its own audit row.
my ($rc, $out) = $t->admin('help', 'export', $eleni);
is($rc, 0, 'agora-admin help export ID');
my $cli = eval { $json->decode($out) };
ok($cli, '... prints JSON') or diag($@, substr($out, 0, 500));
delete $_->{export}{at} for grep { ref } $cli, $doc;
is_deeply($cli, $doc, '... the same document as the page');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_export' AND object_id = '$eleni'
        AND username = 'agora-admin' AND user_id IS NULL"), 1, '... with its own audit row');
($rc, $out) = $t->admin('help', 'export', '99999999');
is($rc, 1, 'agora-admin help export of an unknown resident fails');
like($out, qr/no resident 99999999/, '... saying so');

# No read without its record: with the audit log refused, nothing is sent.
$t->sql(q{REVOKE INSERT ON agora.audit_log FROM 'agora'@'localhost'});
$res = $op->get($path);
$t->sql(q{GRANT INSERT ON agora.audit_log TO 'agora'@'localhost'});
is($res->{status}, 503, 'the audit row cannot be written: 503');
unlike($t->text($res), qr/Παπαδοπούλου|Διαβήτης/, '... and none of the data');

# ---- retention -----------------------------------------------------------------------
sub per_type { join ',', map { "$_->[0]=$_->[1]" } $t->sql('SELECT type, COUNT(*) FROM help_cases GROUP BY type ORDER BY type') }
sub per_area { join ',', map { ($_->[0] // 'none') . "=$_->[1]" } $t->sql('SELECT area_id, COUNT(*) FROM help_cases GROUP BY area_id ORDER BY area_id') }
my ($types0, $areas0) = (per_type(), per_area());

($rc, $out) = $t->admin('purge');
is($rc, 0, 'agora-admin purge');
like($out, qr/^help purge: 3 closed cases anonymised/m, '... 3 old closed cases')
    or diag($out);
like($out, qr/^help purge: 2 residents anonymised .* with 1 more of their closed cases/m,
    '... 2 idle residents, with 1 younger case');
like($out, qr/^help purge: 1 pharmacy callback nonces deleted/m, '... 1 nonce');
like($out, qr/^help purge: 2 webhook bodies \(prescriptions\) emptied/m, '... 2 webhook bodies');
like($out, qr/^comments purge: /m, '... and the comments\' purge ran');
unlike($out, qr/\r|\e/, '... in plain lines when not on a terminal');

my %anonymised = map { $_->[0] => 1 } $t->sql('SELECT id FROM help_cases WHERE anonymised_at IS NOT NULL');
is_deeply([sort { $a <=> $b } keys %anonymised], [sort { $a <=> $b } $old1, $old2, $idle_case, $web_closed],
    'exactly the old closed cases and the idle resident\'s are anonymised');
for my $id ($old1, $old2, $idle_case, $web_closed) {
    my ($row) = $t->sql("SELECT details, caller_name, caller_phone, caller_relation,
        COALESCE(form_token, 'none'), status, type FROM help_cases WHERE id = $id");
    is_deeply([@$row[0 .. 4]], ['', '', '', '', 'none'], "case $id: details, caller and token emptied");
    is(one("SELECT COUNT(*) FROM help_case_health WHERE case_id = $id")
       + one("SELECT COUNT(*) FROM help_health_notes WHERE case_id = $id")
       + one("SELECT COUNT(*) FROM help_web_contacts WHERE case_id = $id"), 0,
       "case $id: health part, notes and contact details deleted");
    is(one("SELECT COUNT(*) FROM help_case_events WHERE case_id = $id AND note <> ''"), 0,
       "case $id: the history's notes emptied");
}
is(one("SELECT COUNT(*) FROM help_case_events WHERE case_id = $old1"), 2, 'the history\'s rows stay (kinds, statuses)');
is(one("SELECT CONCAT(status, ' ', type, ' ', area_id, ' ', assignee_id, ' ', closed_at IS NOT NULL) FROM help_cases WHERE id = $old1"),
    "done medicines $area $vol_id 1", 'what the reports count stays: status, type, village, assignee, dates');
is(per_type(), $types0, 'the counts per type are unchanged');
is(per_area(), $areas0, 'the counts per village are unchanged');
is(one("SELECT details FROM help_cases WHERE id = $recent"), 'Σιρόπι για τον βήχα', 'a case closed 40 days ago is untouched');
is(one("SELECT COUNT(*) FROM help_case_health WHERE case_id = $recent")
   + one("SELECT COUNT(*) FROM help_health_notes WHERE case_id = $recent"), 2, '... its health part and note too');
is(one("SELECT details FROM help_cases WHERE id = $open"), 'Λογαριασμός ΔΕΗ', 'an open case made 420 days ago is untouched');
is(one("SELECT COUNT(*) FROM help_case_health WHERE case_id = $open"), 1, '... its health part too');
is(one("SELECT COUNT(*) FROM help_web_contacts WHERE case_id = $web_open"), 1,
    'an unmatched online request still open keeps its contact details');
is(one("SELECT anonymised_at IS NULL FROM help_cases WHERE id = $waiting_case"), 1, 'an open case of an idle resident: untouched');

my ($p) = $t->sql("SELECT first_name, last_name, phone, phone2, address, household,
    consent_how, anonymised_at IS NOT NULL FROM help_beneficiaries WHERE id = $idle");
is_deeply($p, ['', '', '', '', '', '', 'phone', 1], 'the idle resident: names, phones, address, household emptied; consent kept');
is(one("SELECT COUNT(*) FROM help_health WHERE beneficiary_id = $idle"), 0, '... health row deleted');
is(one("SELECT CONCAT(first_name, anonymised_at IS NOT NULL) FROM help_beneficiaries WHERE id = $never"), '1',
    'a resident without a case, registered 500 days ago: anonymised');
is(one("SELECT CONCAT(first_name, anonymised_at IS NULL) FROM help_beneficiaries WHERE id = $eleni"), 'Ελένη1',
    'a resident with a case 40 days ago: kept');
is(one("SELECT COUNT(*) FROM help_health WHERE beneficiary_id = $eleni"), 1, '... with her health row');
is(one("SELECT CONCAT(first_name, anonymised_at IS NULL) FROM help_beneficiaries WHERE id = $young"), 'Νίκος1',
    'a resident registered 10 days ago: kept');
is(one("SELECT CONCAT(first_name, anonymised_at IS NULL) FROM help_beneficiaries WHERE id = $waiting"), 'Μαρία1',
    'an idle resident with an open case: kept');

is(join(',', map { $_->[0] } $t->sql('SELECT nonce FROM help_pharmacy_nonces ORDER BY nonce')), 'fresh-nonce',
    'the nonce older than twice the tolerance is deleted, the fresh one kept');
my %body = map { $_->[0] => $_->[1] } $t->sql("SELECT message_id, body_text FROM outbox WHERE message_id LIKE 'hx-%'");
is($body{'hx-old-sent'}, '', 'an old webhook\'s body (a prescription) is emptied');
is($body{'hx-old-failed'}, '', '... a failed one too');
like($body{'hx-new-sent'}, qr/1234567890123/, 'a webhook of 40 days ago keeps its body');
like($body{'hx-old-queued'}, qr/1234567890123/, 'a webhook still queued keeps its body');
is($body{'hx-old-mail'}, 'Κείμενο', 'a mail is not a webhook: kept');

my @audit = $t->sql("SELECT username, COALESCE(user_id, 'none'), summary FROM audit_log WHERE action = 'help_purge'");
is(scalar @audit, 1, 'one audit row for the run');
is($audit[0][0], 'agora-admin', '... by agora-admin');
is($audit[0][1], 'none', '... no user');
like($audit[0][2] // '', qr/retention 365 days: 3 closed cases anonymised, 2 residents anonymised \(with 1 more of their cases\), 1 pharmacy nonces deleted, 2 webhook bodies emptied/,
    '... with the counts');

# An anonymised resident exports what is left.
$res = $op->get("/admin/help/people/$idle/export");
is($res->{status}, 200, 'an anonymised resident\'s export');
my $left = eval { $json->decode($res->{content}) } || {};
is($left->{resident}{first_name}, '', '... no name');
like($left->{resident}{anonymised_at} // '', qr/^\d{4}-\d\d-\d\dT/, '... when it was anonymised');
is($left->{health}, undef, '... no health row');
is($left->{cases}[0]{type}, 'meals', '... the case\'s type');
is($left->{cases}[0]{details}, '', '... without its details');
is($left->{cases}[0]{health}, undef, '... nor its health part');

# A second run changes nothing.
sub snapshot {
    join "\n", map { join "\t", map { $_ // 'NULL' } @$_ }
        $t->sql('SELECT id, details, caller_name, form_token, anonymised_at, updated_at, status FROM help_cases ORDER BY id'),
        $t->sql('SELECT id, first_name, phone, anonymised_at, updated_at FROM help_beneficiaries ORDER BY id'),
        $t->sql('SELECT id, note FROM help_case_events ORDER BY id'),
        $t->sql('SELECT (SELECT COUNT(*) FROM help_case_health), (SELECT COUNT(*) FROM help_health_notes),
                 (SELECT COUNT(*) FROM help_web_contacts), (SELECT COUNT(*) FROM help_health),
                 (SELECT COUNT(*) FROM help_pharmacy_nonces)'),
        $t->sql("SELECT message_id, body_text FROM outbox WHERE message_id LIKE 'hx-%' ORDER BY id");
}
my $before = snapshot();
($rc, $out) = $t->admin('help', 'purge');
is($rc, 0, 'agora-admin help purge, again');
like($out, qr/^help purge: 0 closed cases.*\n.*0 residents.*0 more.*\n.*0 pharmacy.*\n.*0 webhook/m, '... finds nothing to do')
    or diag($out);
unlike($out, qr/comments purge/, '... and is the desk\'s part only');
is(snapshot(), $before, '... and changes nothing');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_purge'"), 2, '... its own audit row');

($rc, $out) = $t->admin('help', 'nonsense');
is($rc, 2, 'agora-admin help with an unknown command: usage (2)');

# ---- help_retention_days from the configuration --------------------------------------
my $t30 = Agora::Test->new(conf => { help_retention_days => 30 });
clear_desk($t30);
my $ben40 = resident($t30, first => 'Σαράντα', last_case => ago(40));
my $ben20 = resident($t30, first => 'Είκοσι', last_case => ago(20), created => ago(25));
my $c40 = case($t30, ben => $ben40, type => 'meals', status => 'done', created => ago(45), closed => ago(40));
my $c20 = case($t30, ben => $ben20, type => 'meals', status => 'done', created => ago(25), closed => ago(20));
($rc, $out) = $t30->admin('help', 'purge');
is($rc, 0, 'with help_retention_days = 30: agora-admin help purge');
like($out, qr/^help purge: 1 closed cases anonymised \(closed more than 30 days ago\)/m, '... one case');
is(one_in($t30, "SELECT anonymised_at IS NOT NULL FROM help_cases WHERE id = $c40"), 1, '... the case closed 40 days ago');
is(one_in($t30, "SELECT anonymised_at IS NULL FROM help_cases WHERE id = $c20"), 1, '... not the one closed 20 days ago');
is(one_in($t30, "SELECT CONCAT('[', first_name, ']') FROM help_beneficiaries WHERE id = $ben40"), '[]',
    'a resident idle for 40 days is anonymised');
is(one_in($t30, "SELECT first_name FROM help_beneficiaries WHERE id = $ben20"), 'Είκοσι', 'one with a case 20 days ago is kept');

done_testing;
