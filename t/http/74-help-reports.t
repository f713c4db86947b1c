#!/usr/bin/env perl
# The support desk's reports (/admin/help/reports, src/help/reports.c) on
# cases made with known dates, types, villages, statuses and channels: the
# counts per type, village, ISO week, status and channel, the median and
# 90th percentile hours to completion per type, each volunteer's load -
# every table's numbers exactly, each chart an SVG with role="img" and a
# title, followed by its table; the same tables as CSV (a BOM, an
# attachment, formulas defused); the default period of twelve weeks; bad
# dates answer 422 with the form (400 for the CSV); a volunteer gets 403;
# and no resident's name, phone, address or health appears anywhere.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode_utf8);
use Test::More;
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
$t->help_wipe;    # the demo's desk: this test counts its own rows
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }
sub text { my ($res) = @_; decode_utf8($res->{content} // '') }

my $disp = Agora::Staff->new($t);
$disp->login('disp', $disp->create('disp', roles => ['dispatcher']));
my $oper = Agora::Staff->new($t);
$oper->login('oper', $oper->create('oper', roles => ['operator']));
my $vol = Agora::Staff->new($t);
$vol->login('vola', $vol->create('vola', roles => ['volunteer']));
Agora::Staff->new($t)->create($_, roles => ['volunteer']) for qw(volb volx);
Agora::Staff->new($t)->create('doca', roles => ['professional']);
my %name = (vola => 'Άλκηστη Αλεξίου', volb => 'Βύρων Βασιλείου', doca => 'Γαλάτεια Γιατρού',
    volx => '=HYPERLINK("http://x")');
my %uid;
for my $u (sort keys %name) {
    (my $n = $name{$u}) =~ s/'/''/g;
    $t->sql("UPDATE users SET display_name = '$n' WHERE username = '$u'");
    $uid{$u} = one("SELECT id FROM users WHERE username = '$u'");
    my $kind = $u eq 'doca' ? 'doctor' : 'volunteer';
    $t->sql("INSERT INTO help_volunteers (user_id, kind, skills) VALUES ($uid{$u}, '$kind', 'groceries')");
}
my %area = map { $_->[1] => $_->[0] } $t->sql('SELECT id, name_el FROM areas');

my ($FROM, $TO) = ('2025-03-03', '2025-03-23');    # Monday of ISO week 10 to Sunday of week 12
is(one("SELECT COUNT(*) FROM help_cases WHERE created_at >= '$FROM' AND created_at < '2025-03-24'"), 0,
    'no case in the period before the test makes them');

# A resident with a name, phone and address that must never show.
$t->sql(q{INSERT INTO help_beneficiaries (first_name, last_name, phone, address, area_id)
    VALUES ('Ξενοφών', 'Ζυγομαλάς', '2251099999', 'Οδός Κρυφή 7', 2)});
my $ben = one(q{SELECT id FROM help_beneficiaries WHERE last_name = 'Ζυγομαλάς'});

# created, type, village, status, channel, hours to close, assignee
my @cases = (
    ['2025-03-03 09:00:00', 'groceries', 'Μόρια',   'done',        'phone',  2, 'vola'],
    ['2025-03-04 10:00:00', 'groceries', 'Μόρια',   'done',        'phone',  4, 'vola'],
    ['2025-03-05 12:00:00', 'medicines', 'Λουτρά',  'done',        'web',   10, 'volb'],
    ['2025-03-09 23:59:59', 'meals',     undef,     'new',         'walkin', undef, undef],
    ['2025-03-10 00:00:00', 'groceries', 'Λουτρά',  'done',        'phone',  6, 'volb'],
    ['2025-03-12 08:00:00', 'medical',   'Μόρια',   'done',        'phone',  1, 'doca'],
    ['2025-03-14 08:00:00', 'errand',    'Μόρια',   'unreachable', 'phone',  3, 'vola'],
    ['2025-03-15 08:00:00', 'groceries', 'Μόρια',   'assigned',    'phone',  undef, 'vola'],
    ['2025-03-23 23:00:00', 'psych',     'Πάμφιλα', 'cancelled',   'web',    1, undef],
    # outside the period: the day before and the day after
    ['2025-03-02 23:59:59', 'groceries', 'Μόρια',   'done',        'phone',  5, 'vola'],
    ['2025-03-24 00:00:00', 'groceries', 'Μόρια',   'done',        'phone',  5, 'volb'],
    # long before, still open: vola's load now
    ['2025-01-10 08:00:00', 'groceries', 'Μόρια',   'in_progress', 'phone',  undef, 'vola'],
);
for my $c (@cases) {
    my ($at, $type, $village, $status, $channel, $h, $who) = @$c;
    my $a = defined $village ? $area{$village} : 'NULL';
    my $closed = defined $h ? "'$at' + INTERVAL $h HOUR" : 'NULL';
    my $as = defined $who ? $uid{$who} : 'NULL';
    $t->sql("INSERT INTO help_cases (beneficiary_id, area_id, type, details, wanted_by, channel, status,
        assignee_id, caller_name, caller_phone, created_at, closed_at)
        VALUES ($ben, $a, '$type', 'λίστα για τον Ζυγομαλά', '$at' + INTERVAL 2 DAY, '$channel', '$status',
        $as, 'Ξενοφών Ζυγομαλάς', '6999999999', '$at', $closed)");
}
my $hc = one(q{SELECT MIN(id) FROM help_cases WHERE type = 'medical'});
$t->sql("INSERT INTO help_case_health (case_id, amka, details) VALUES ($hc, '01017012345', 'σακχαρώδης διαβήτης')");

# The rows of the table with this id: [header cell, data cells...].
sub table_rows {
    my ($html, $id) = @_;
    my ($table) = $html =~ m{<table[^>]* id="\Q$id\E">(.*?)</table>}s or return;
    my ($body) = $table =~ m{<tbody>(.*?)</tbody>}s;
    return map { [ m{<th scope="row">(.*?)</th>}s, m{<td>(.*?)</td>}sg ] } ($body // '') =~ m{<tr>(.*?)</tr>}sg;
}
sub unescape { my ($s) = @_; $s =~ s/&#39;/'/g; $s =~ s/&quot;/"/g; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&amp;/&/g; $s }

my $res = $disp->get("/admin/help/reports?from=$FROM&to=$TO");
is($res->{status}, 200, 'the reports open for a dispatcher');
my $html = text($res);
like($html, qr{<strong id="hr-total">9</strong>}, 'nine cases in the period');

is_deeply([ table_rows($html, 'hr-types-table') ], [
    ['Φάρμακα', 1], ['Τρόφιμα και είδη πρώτης ανάγκης', 4], ['Γεύματα', 1],
    ['Εξυπηρέτηση (λογαριασμοί, ταχυδρομείο, άλλο)', 1], ['Ιατρική συμβουλή', 1], ['Ψυχολογική υποστήριξη', 1],
], 'per type, every type, in the shared labels');
my @villages = map { [ $_->[0], $_->[0] eq 'Μόρια' ? 5 : $_->[0] eq 'Λουτρά' ? 2 : $_->[0] eq 'Πάμφιλα' ? 1 : 0 ] }
    $t->sql('SELECT name_el FROM areas ORDER BY sort_order, id');
is_deeply([ table_rows($html, 'hr-villages-table') ], [ @villages, ['Χωρίς χωριό', 1] ],
    'per village, every village, and the case with none');
is_deeply([ table_rows($html, 'hr-weeks-table') ], [
    ['2025-W10 (3/3 – 9/3)', 4], ['2025-W11 (10/3 – 16/3)', 4], ['2025-W12 (17/3 – 23/3)', 1],
], 'per ISO week: Sunday 23:59:59 in its week, Monday 00:00 in the next');
is_deeply([ table_rows($html, 'hr-statuses-table') ], [
    ['Νέο', 1], ['Ανατέθηκε', 1], ['Σε εξέλιξη', 0], ['Ολοκληρώθηκε', 5], ['Ακυρώθηκε', 1],
    ['Δεν βρέθηκε ο ωφελούμενος', 1],
], 'per status');
is_deeply([ table_rows($html, 'hr-channels-table') ], [ ['Τηλέφωνο', 6], ['Διαδίκτυο', 2], ['Αυτοπροσώπως', 1] ],
    'per channel');
is_deeply([ table_rows($html, 'hr-completion-table') ], [
    ['Φάρμακα', 1, '10,0', '10,0'], ['Τρόφιμα και είδη πρώτης ανάγκης', 3, '4,0', '6,0'], ['Γεύματα', 0, '—', '—'],
    ['Εξυπηρέτηση (λογαριασμοί, ταχυδρομείο, άλλο)', 0, '—', '—'], ['Ιατρική συμβουλή', 1, '1,0', '1,0'],
    ['Ψυχολογική υποστήριξη', 0, '—', '—'],
], 'hours to completion: median and 90th percentile of the done ones, per type');
like($html, qr{<tfoot><tr><th scope="row">Όλα τα είδη</th><td>5</td><td>4,0</td><td>10,0</td></tr></tfoot>},
    'and of all types');
is_deeply([ map { [ unescape($_->[0]), @$_[1 .. 4] ] } table_rows($html, 'hr-load-table') ], [
    [ $name{volx}, 'Εθελοντής/τρια', 0, 0, 0 ],
    [ $name{vola}, 'Εθελοντής/τρια', 2, 2, 1 ],
    [ $name{volb}, 'Εθελοντής/τρια', 0, 2, 0 ],
    [ $name{doca}, 'Γιατρός', 0, 1, 0 ],
], "each one's load: open now, done and could not reach in the period");

my @svgs = $html =~ m{(<svg\b[^>]*>.*?</svg>)}sg;
is(scalar @svgs, 7, 'seven charts');
for my $id (qw(hr-types hr-villages hr-weeks hr-statuses hr-channels hr-completion hr-load)) {
    like($html, qr{<svg [^>]*role="img"[^>]*aria-labelledby="$id-title $id-desc"[^>]*><title id="$id-title">[^<]+</title><desc id="$id-desc">}s,
        "$id: an SVG with role img, a title and a description");
    like($html, qr{<svg [^>]*aria-labelledby="$id-title.*?</svg></div>\s*<div class="table-wrap"[^>]*>\s*<table[^>]* id="$id-table">}s,
        "$id: followed by its table");
}
like($html, qr{<title>[^<]*Μόρια[^<]*: 5</title>}, "a bar's tooltip has its label and value");

# ---- CSV ---------------------------------------------------------------------------------------
sub csv {
    my ($table, $from, $to) = @_;
    my $r = $disp->get("/admin/help/reports.csv?table=$table&from=" . ($from // $FROM) . '&to=' . ($to // $TO));
    my $body = text($r);
    return ($r, $body, [ map { [ map { s/^"|"$//gr } split /","/ ] } split /\r\n/, substr($body, 1) ]);
}
my ($r, $body, $rows) = csv('types');
is($r->{status}, 200, 'the CSV of types');
is($r->{headers}{'content-type'}, 'text/csv; charset=utf-8', 'as text/csv in UTF-8');
like($r->{headers}{'content-disposition'} // '', qr{^attachment; filename="help-types-$FROM-$TO\.csv"$}, 'an attachment named by its period');
is(substr($body, 0, 1), "\x{FEFF}", 'with a BOM');
is_deeply($rows, [ ['type,label,cases'], ['medicines', 'Φάρμακα', 1], ['groceries', 'Τρόφιμα και είδη πρώτης ανάγκης', 4],
    ['meals', 'Γεύματα', 1], ['errand', 'Εξυπηρέτηση (λογαριασμοί, ταχυδρομείο, άλλο)', 1],
    ['medical', 'Ιατρική συμβουλή', 1], ['psych', 'Ψυχολογική υποστήριξη', 1] ], 'its rows');
(undef, undef, $rows) = csv('weeks');
is_deeply([ @$rows[1 .. 3] ], [ ['2025-W10', '2025-W10 (3/3 – 9/3)', 4], ['2025-W11', '2025-W11 (10/3 – 16/3)', 4],
    ['2025-W12', '2025-W12 (17/3 – 23/3)', 1] ], 'weeks');
(undef, undef, $rows) = csv('villages');
is_deeply([ grep { $_->[2] } @$rows[1 .. $#$rows] ], [ ['Μόρια', 'Μόρια', 5], ['Λουτρά', 'Λουτρά', 2],
    ['Πάμφιλα', 'Πάμφιλα', 1], ['', 'Χωρίς χωριό', 1] ], 'villages');
(undef, undef, $rows) = csv('completion');
is_deeply([ @$rows[0, 2, 5, 7] ], [ ['type,label,done,median_hours,p90_hours'],
    ['groceries', 'Τρόφιμα και είδη πρώτης ανάγκης', 3, '4.0', '6.0'], ['medical', 'Ιατρική συμβουλή', 1, '1.0', '1.0'],
    ['all', 'Όλα τα είδη', 5, '4.0', '10.0'] ], 'completion, decimals with a point');
(undef, $body, $rows) = csv('load');
is_deeply([ @$rows[0 .. 2] ], [ ['name,kind,open_now,done,unreachable'],
    [ q{'=HYPERLINK(""http://x"")}, 'volunteer', 0, 0, 0 ], [ $name{vola}, 'volunteer', 2, 2, 1 ] ],
    'load, a name that a spreadsheet would run defused with an apostrophe');
(undef, undef, $rows) = csv('statuses');
is(scalar @$rows, 7, 'statuses');
(undef, undef, $rows) = csv('channels');
is_deeply($rows->[1], ['phone', 'Τηλέφωνο', 6], 'channels');
is($disp->get("/admin/help/reports.csv?table=people&from=$FROM&to=$TO")->{status}, 400, 'an unknown table: 400');
is($disp->get('/admin/help/reports.csv')->{status}, 400, 'no table: 400');
($r) = csv('types', '2025-13-01');
is($r->{status}, 400, 'a bad date in the CSV: 400');

# ---- the default period, bad dates ------------------------------------------------------------------
$res = $oper->get('/admin/help/reports');
is($res->{status}, 200, 'an operator sees the reports, by default');
is(scalar(() = table_rows(text($res), 'hr-weeks-table')), 12, 'of the last twelve ISO weeks');
like(text($res), qr{id="f-to"[^>]* value="(\d{4}-\d\d-\d\d)"}, 'the period is in the form');
for my $bad (['from=2025-02-30', 'ΕΕΕΕ-ΜΜ-ΗΗ', 'not a date'], ['from=3/3/2025', 'ΕΕΕΕ-ΜΜ-ΗΗ', 'another format'],
             ['from=2025-03-10&to=2025-03-01', 'μετά το τέλος', 'from after to'],
             ['from=2022-01-01&to=2025-01-01', 'έως δύο χρόνια', 'over two years'],
             ['to=1999-12-31', 'ΕΕΕΕ-ΜΜ-ΗΗ', 'an impossible year']) {
    $res = $disp->get("/admin/help/reports?$bad->[0]");
    is($res->{status}, 422, "$bad->[2]: 422");
    like(text($res), qr/error-summary.*\Q$bad->[1]\E/s, "$bad->[2]: the error is said");
    unlike(text($res), qr/<svg[^>]*aria-labelledby="hr-/, "$bad->[2]: no charts");
}
like(text($disp->get('/admin/help/reports?from=2025-02-30')), qr{id="f-from"[^>]* value="2025-02-30"}, 'the date typed is kept');
is($disp->get('/admin/help/reports?from=2023-03-24&to=2025-03-23')->{status}, 200, 'two years is allowed');

# ---- who may see it, and what is never there ------------------------------------------------------------
is($vol->get('/admin/help/reports')->{status}, 403, 'a volunteer: 403');
is($vol->get("/admin/help/reports.csv?table=types&from=$FROM&to=$TO")->{status}, 403, '... and for the CSV');
my $all = $html;
$all .= text($disp->get("/admin/help/reports.csv?table=$_&from=$FROM&to=$TO")) for qw(types villages weeks completion load statuses channels);
$all .= text($disp->get("/en/admin/help/reports?from=$FROM&to=$TO"));
for my $secret ('Ξενοφών', 'Ζυγομαλ', '2251099999', '6999999999', 'Κρυφή', 'διαβήτης', '01017012345') {
    unlike($all, qr/\Q$secret\E/, "no resident's data ($secret) on the page or in a CSV");
}
$res = $disp->get("/en/admin/help/reports?from=$FROM&to=$TO");
like(text($res), qr{<h2 id="hr-types-h">Requests by type</h2>}, 'in English');
like(text($res), qr{<td>3</td><td>4\.0</td><td>6\.0</td>}, 'with decimal points');
like(text($disp->get('/admin')), qr{href="/admin/help/reports"}, "the dispatcher's menu links to the reports");

done_testing;
