#!/usr/bin/env perl
# Citizens' requests in numbers, on the demo's 300 requests: /admin/stats
# (per month, category, status and area, the medians, the overdue count)
# agrees with SQL counts for the default period and a chosen one; every
# chart is well-formed SVG (xmllint) with an accessible name and is
# followed by its table; bad months answer 422 with the form; a department
# user's statistics and dashboard counts are their department's only; the
# dashboard's panel links to the queue with counts that match SQL; and
# agora-admin requests escalate, run twice on one day, queues its digests
# once, one per recipient, each with the right codes.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use File::Temp ();
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }

my $disp = Agora::Staff->new($t);
$disp->login('disp', $disp->create('disp', roles => ['dispatcher']));
my $tech = Agora::Staff->new($t);
$tech->login('tech', $tech->create('tech', roles => ['department'], department => 4));
my $ed = Agora::Staff->new($t);
$ed->login('ed', $ed->create('ed', roles => ['editor']));

my @MONTHS = qw(Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος
    Αύγουστος Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος);
my %MONTH_NO = map { $MONTHS[$_] => $_ + 1 } 0 .. 11;
my %STATUS = ('Υποβλήθηκε' => 'submitted', 'Παραλήφθηκε' => 'acknowledged', 'Σε εξέλιξη' => 'in_progress',
    'Προγραμματίστηκε' => 'scheduled', 'Επιλύθηκε' => 'resolved', 'Άνοιξε ξανά' => 'reopened',
    'Απορρίφθηκε' => 'rejected', 'Διπλό' => 'duplicate', 'Εκτός αρμοδιότητας' => 'not_ours');
my $OPEN = q{status IN ('submitted','acknowledged','in_progress','scheduled','reopened')};

# The rows of the table with this id: [header cell, data cells...].
sub table_rows {
    my ($html, $id) = @_;
    my ($table) = $html =~ m{<table[^>]* id="\Q$id\E">(.*?)</table>}s or return;
    my ($body) = $table =~ m{<tbody>(.*?)</tbody>}s;
    my @rows;
    for my $tr ($body =~ m{<tr>(.*?)</tr>}sg) {
        my ($th) = $tr =~ m{<th scope="row">(.*?)</th>}s;
        push @rows, [ $th, $tr =~ m{<td>(.*?)</td>}sg ];
    }
    return @rows;
}
sub unescape { my ($s) = @_; $s =~ s/&#39;/'/g; $s =~ s/&quot;/"/g; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&amp;/&/g; $s }
sub as_hash { my %h = map { (unescape($_->[0]) => $_->[1]) } @_; \%h }

# What SQL says of the period [from, to) and a department (0: all).
sub expected {
    my ($from, $to, $dept) = @_;
    my $w = "created_at >= '$from' AND created_at < '$to'" . ($dept ? " AND department_id = $dept" : '');
    my %e;
    $e{total} = one("SELECT COUNT(*) FROM requests WHERE $w");
    $e{month} = { map { $_->[0] => $_->[1] } $t->sql("SELECT DATE_FORMAT(created_at, '%Y-%m'), COUNT(*) FROM requests WHERE $w GROUP BY 1") };
    $e{status} = { map { $_->[0] => $_->[1] } $t->sql("SELECT status, COUNT(*) FROM requests WHERE $w GROUP BY 1") };
    my $keep = $dept ? "(c.active = 1 AND c.department_id = $dept)" : 'c.active = 1';
    $e{category} = [ $t->sql("SELECT c.name_el, (SELECT COUNT(*) FROM requests WHERE category_id = c.id AND $w) n,
        $keep k FROM request_categories c ORDER BY c.sort_order, c.id") ];
    $e{category} = [ map { [ $_->[0], $_->[1] ] } grep { $_->[1] > 0 || $_->[2] } @{ $e{category} } ];
    $e{area} = [ map { [ $_->[0], $_->[1] ] } $t->sql("SELECT a.name_el, (SELECT COUNT(*) FROM requests WHERE area_id = a.id AND $w)
        FROM areas a ORDER BY a.sort_order, a.id") ];
    my $none = one("SELECT COUNT(*) FROM requests WHERE area_id IS NULL AND $w");
    push @{ $e{area} }, [ 'Χωρίς κοινότητα', $none ] if $none;
    my ($m) = $t->sql("SELECT DISTINCT MEDIAN(TIMESTAMPDIFF(MINUTE, created_at, first_reply_at)) OVER (),
        MEDIAN(TIMESTAMPDIFF(MINUTE, created_at, resolved_at)) OVER (), COUNT(first_reply_at) OVER (), COUNT(resolved_at) OVER ()
        FROM requests WHERE $w");
    $e{medians} = [ map { days($_) } $m->[0], $m->[1] ];
    $e{counted} = [ $m->[2], $m->[3] ];
    $e{overdue} = one("SELECT COUNT(*) FROM requests WHERE $OPEN AND due_date < CURDATE()" . ($dept ? " AND department_id = $dept" : ''));
    return \%e;
}
sub days { my ($min) = @_; return '—' unless defined $min; (my $s = sprintf('%.1f', $min / 1440)) =~ s/\./,/; $s }

# The page agrees with SQL.
sub check_page {
    my ($html, $e, $months, $what) = @_;
    my ($total) = $html =~ m{<strong id="stats-total">(\d+)</strong>};
    is($total, $e->{total}, "$what: the total, $e->{total}");
    cmp_ok($total, '>', 0, '... not zero') if $what !~ /empty/;
    my @m = table_rows($html, 'chart-month-table');
    my @want_m = map { [ $_, $e->{month}{$_} // 0 ] } @$months;
    my @got_m = map { my ($n, $y) = $_->[0] =~ /^(\S+) (\d{4})$/; [ sprintf('%04d-%02d', $y, $MONTH_NO{$n} // 0), $_->[1] ] } @m;
    is_deeply(\@got_m, \@want_m, "... per month: every month of the period, counts as in SQL");
    my @c = map { [ unescape($_->[0]), $_->[1] ] } table_rows($html, 'chart-category-table');
    is_deeply(\@c, $e->{category}, '... per category');
    my %s = map { ($STATUS{ $_->[0] } // "?$_->[0]") => $_->[1] } table_rows($html, 'chart-status-table');
    is_deeply(\%s, { (map { $_ => 0 } values %STATUS), %{ $e->{status} } }, '... per status, every status shown');
    my @a = map { [ unescape($_->[0]), $_->[1] ] } table_rows($html, 'chart-area-table');
    is_deeply(\@a, $e->{area}, '... per community');
    my ($overall) = table_rows($html, 'medians-table');
    is_deeply([ @$overall[1 .. 4] ], [ $e->{medians}[0], $e->{counted}[0], $e->{medians}[1], $e->{counted}[1] ],
        "... the medians in days over all categories ($e->{medians}[0], $e->{medians}[1])");
    my ($od) = $html =~ m{<strong id="stats-overdue">(\d+)</strong>};
    is($od, $e->{overdue}, "... overdue now: $e->{overdue}");
    for my $id (qw(chart-month chart-category chart-status chart-area)) {
        my ($tfoot) = $html =~ m{id="\Q$id\E-table">.*?<tfoot><tr><th scope="row">[^<]+</th><td>(\d+)</td>}s;
        is($tfoot, $e->{total}, "... $id: the table's total is the period's");
    }
}

# Each chart: well-formed SVG, named by its title, followed by its table.
sub check_charts {
    my ($html, $what) = @_;
    my @sections = $html =~ m{(<section class="stats-chart".*?</section>)}sg;
    my @svgs = $html =~ m{(<svg\b.*?</svg>)}sg;
    is(scalar @svgs, 4, "$what: four charts");
    for my $sec (@sections) {
        my ($svg) = $sec =~ m{(<svg\b.*?</svg>)}s or next;
        my ($id) = $svg =~ m{aria-labelledby="([a-z-]+)-title};
        ok($id, "... a chart named by its title ($id)");
        like($svg, qr{^<svg xmlns="http://www\.w3\.org/2000/svg"[^>]* role="img"}, "... $id: role img");
        like($svg, qr{<title id="\Q$id\E-title">[^<]+</title>}, '... with its <title>');
        my $tmp = File::Temp->new(SUFFIX => '.svg');
        binmode $tmp, ':encoding(UTF-8)';
        print $tmp $svg;
        close $tmp;
        my $out = `xmllint --noout $tmp 2>&1`;
        is($? >> 8, 0, '... well-formed XML (xmllint)') or diag($out);
        like($sec, qr{</svg>.*<table class="admin-table stats-table" id="\Q$id\E-table">\s*<caption>[^<]+</caption>}s,
            '... followed by its table, with a caption');
        like($sec, qr{<th scope="col">.*<th scope="row">}s, '... and header cells for columns and rows');
    }
}

# ---- access -----------------------------------------------------------------------

is($ed->get('/admin/stats')->{status}, 403, 'an editor may not see the statistics');
unlike($t->text($ed->get('/admin')), qr/p-requests/, '... nor the requests panel on the dashboard');
is($t->get('/admin/stats')->{status}, 401, 'nobody signed in: 401');

# ---- the default period: the last 12 months -----------------------------------------

my ($from, $to, $fm) = @{ ($t->sql(q{SELECT DATE_FORMAT(NOW() - INTERVAL 11 MONTH, '%Y-%m-01 00:00:00'),
    DATE_FORMAT(NOW() + INTERVAL 1 MONTH, '%Y-%m-01 00:00:00'), DATE_FORMAT(NOW() - INTERVAL 11 MONTH, '%Y-%m')}))[0] };
my @months = map { $_->[0] } $t->sql("SELECT DATE_FORMAT('$from' + INTERVAL n MONTH, '%Y-%m') FROM
    (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6
     UNION SELECT 7 UNION SELECT 8 UNION SELECT 9 UNION SELECT 10 UNION SELECT 11) k ORDER BY n");
my $r = $disp->get('/admin/stats');
is($r->{status}, 200, 'a dispatcher opens /admin/stats');
my $html = $t->text($r);
like($html, qr{<input id="f-from" name="from" type="text" inputmode="numeric" autocomplete="off" value="\Q$fm\E"}, "... the period starts $fm");
unlike($html, qr/<script/i, '... no JavaScript');
check_page($html, expected($from, $to, 0), \@months, 'default period');
check_charts($html, 'default period');

# ---- a chosen period: the demo's year --------------------------------------------------

my ($first, $last) = @{ ($t->sql(q{SELECT DATE_FORMAT(MIN(created_at), '%Y-%m'), DATE_FORMAT(MAX(created_at), '%Y-%m') FROM requests}))[0] };
my @all = map { $_->[0] } $t->sql("SELECT DISTINCT DATE_FORMAT(created_at, '%Y-%m') FROM requests ORDER BY 1");
$r = $disp->get("/admin/stats?from=$first&to=$last");
is($r->{status}, 200, "from $first to $last: 200");
$html = $t->text($r);
my $e = expected("$first-01 00:00:00", one("SELECT DATE_FORMAT('$last-01' + INTERVAL 1 MONTH, '%Y-%m-01 00:00:00')"), 0);
is($e->{total}, one('SELECT COUNT(*) FROM requests'), '... which holds every demo request');
check_page($html, $e, \@all, 'the demo year');
my @cat = table_rows($html, 'medians-table');
is(scalar @cat, 1 + one("SELECT COUNT(DISTINCT category_id) FROM requests"), '... medians overall and for each category with requests');
my ($lamp) = grep { $_->[0] eq 'Ηλεκτροφωτισμός' } @cat;
is($lamp->[1], days(one(q{SELECT DISTINCT MEDIAN(TIMESTAMPDIFF(MINUTE, created_at, first_reply_at)) OVER () FROM requests WHERE category_id = 1})),
    '... street lighting: the median to the first reply as SQL has it');

# One month, and a period without requests.
$r = $disp->get("/admin/stats?from=$last&to=$last");
is($r->{status}, 200, 'a single month: 200');
is(scalar(table_rows($t->text($r), 'chart-month-table')), 1, '... one month in the table');
$r = $disp->get('/admin/stats?from=2001-01&to=2001-12');
is($r->{status}, 200, 'a year without requests: 200');
$html = $t->text($r);
like($html, qr{<strong id="stats-total">0</strong>}, '... total 0');
check_charts($html, 'no requests');
like($html, qr{<td>—</td>}, '... medians shown as —');

# English.
$r = $disp->get('/en/admin/stats');
is($r->{status}, 200, 'in English: 200');
like($t->text($r), qr{Requests by month of submission.*Requests by category}s, '... English headings');

# ---- bad input: 422 with the form ---------------------------------------------------------

for my $bad (['from=2026-13', 'from'], ['from=abcd', 'from'], ['from=2026-1', 'from'], ['to=2026-00', 'to'],
             ['from=1999-12', 'from'], ['from=2026-06&to=2026-01', 'to'], ['from=2020-01&to=2026-01', 'to'],
             ['from=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'from'], ['to=2026-01-01', 'to'],
             ['from=%D9%A2%D9%A0%D9%A2%D9%A6-01', 'from']) {
    my $res = $disp->get("/admin/stats?$bad->[0]");
    is($res->{status}, 422, "?$bad->[0]: 422");
    my $h = $t->text($res);
    like($h, qr{<form class="filters" method="get" action="/admin/stats"}, '... with the form');
    like($h, qr{<a href="#f-$bad->[1]">}, "... the error names the field \"$bad->[1]\"");
    like($h, qr{id="f-$bad->[1]"[^>]* aria-invalid="true"}, '... which is marked invalid');
    unlike($h, qr{<svg|<script}, '... no charts, nothing unescaped');
}

like($t->text($disp->get('/admin/stats?from=2026-13&to=2026-02')), qr{name="from" [^>]*value="2026-13"}, 'a 422 shows the month as typed');

# ---- a department user: their department only ----------------------------------------------

$r = $tech->get("/admin/stats?from=$first&to=$last");
is($r->{status}, 200, 'a department user (Technical Services) opens the statistics');
$html = $t->text($r);
like($html, qr/Βλέπετε μόνο τα αιτήματα του τμήματός σας/, '... told they are their department\'s');
my $e4 = expected("$first-01 00:00:00", one("SELECT DATE_FORMAT('$last-01' + INTERVAL 1 MONTH, '%Y-%m-01 00:00:00')"), 4);
cmp_ok($e4->{total}, '<', $e->{total}, "... fewer than all ($e4->{total} of $e->{total})");
check_page($html, $e4, \@all, 'department 4');
unlike($html, qr/Αδέσποτα ζώα/, '... no category of another department');

# ---- the dashboard -----------------------------------------------------------------------------

sub dash_counts {
    my ($html) = @_;
    my %c;
    for my $k (qw(new overdue reopened)) {
        my ($href, $n) = $html =~ m{<a id="dash-rq-$k" href="([^"]+)"><strong>(\d+)</strong>};
        $c{$k} = [ $href, $n ];
    }
    return \%c;
}
sub dash_want {
    my ($dept) = @_;
    my $d = $dept ? " AND department_id = $dept" : '';
    return { new => [ '/admin/requests?status=submitted', one("SELECT COUNT(*) FROM requests WHERE status = 'submitted'$d") ],
             overdue => [ '/admin/requests?overdue=1', one("SELECT COUNT(*) FROM requests WHERE $OPEN AND due_date < CURDATE()$d") ],
             reopened => [ '/admin/requests?status=reopened', one("SELECT COUNT(*) FROM requests WHERE status = 'reopened'$d") ] };
}
my $all_want = dash_want(0);
cmp_ok($all_want->{$_}[1], '>', 0, "the demo has $_ requests ($all_want->{$_}[1])") for qw(new overdue reopened);
is_deeply(dash_counts($t->text($disp->get('/admin'))), $all_want, 'the dispatcher\'s dashboard: new, overdue, reopened of all, linking to the queue');
my $dep_want = dash_want(4);
is_deeply(dash_counts($t->text($tech->get('/admin'))), $dep_want, 'the department user\'s: their department\'s');
ok($dep_want->{overdue}[1] < $all_want->{overdue}[1], "... fewer overdue ($dep_want->{overdue}[1] of $all_want->{overdue}[1])");
like($t->text($disp->get('/en/admin')), qr{<a id="dash-rq-overdue" href="/en/admin/requests\?overdue=1"><strong>\d+</strong> Overdue}, '... in English too');

# ---- escalation ------------------------------------------------------------------------------------

# Recipients: the departments' e-mails (in the demo), the department user
# "tech" (4), a disabled department user of 4, a department user of 5
# without an e-mail, the dispatcher, and one who is both a dispatcher and a
# department user of 5 (one mail for them, the dispatchers').
$t->sql(q{UPDATE users SET email = 'tech@example.org' WHERE username = 'tech'});
$t->sql(q{UPDATE users SET email = 'Disp@Example.org' WHERE username = 'disp'});
Agora::Staff->new($t)->create($_->[0], roles => $_->[1], department => $_->[2])
    for ['gone', ['department'], 4], ['clean', ['department'], 5], ['both', ['dispatcher', 'department'], 5];
$t->sql(q{UPDATE users SET email = 'gone@example.org', active = 0 WHERE username = 'gone'});
$t->sql(q{UPDATE users SET email = 'both@example.net' WHERE username = 'both'});
# The same address as a department's: one mail for it.
$t->sql(q{INSERT INTO users (username, display_name, email, password_hash, department_id)
          SELECT 'head5', 'Head', email, 'x', 5 FROM departments WHERE id = 5});
$t->sql(q{INSERT INTO user_roles (user_id, role) SELECT id, 'department' FROM users WHERE username = 'head5'});
my $before = one('SELECT COUNT(*) FROM outbox');

my $late = "$OPEN AND due_date < CURDATE() - INTERVAL 3 DAY";
# One of them not routed to a department yet: the dispatchers' alone.
$t->sql("UPDATE requests SET department_id = NULL WHERE $late AND department_id = 4 ORDER BY id LIMIT 1");
my %codes_of;    # department id (0: none) -> [codes]
push @{ $codes_of{ $_->[1] // 0 } }, $_->[0] for $t->sql("SELECT code, department_id FROM requests WHERE $late ORDER BY code");
my @late_depts = grep { $_ } sort keys %codes_of;
my @all_codes = sort map { @$_ } values %codes_of;
cmp_ok(scalar @late_depts, '>=', 2, "requests overdue by more than 3 days in departments @late_depts");
is(scalar @{ $codes_of{0} || [] }, 1, '... and one in none');

my %want;
$want{ lc $_->[0] } = $_->[1] for $t->sql('SELECT email, id FROM departments WHERE id IN (' . join(',', @late_depts) . ") AND email <> ''");
$want{'tech@example.org'} = 4 if $codes_of{4};
$want{'disp@example.org'} = 'all';
$want{'both@example.net'} = 'all';
my ($rc, $out) = $t->admin('requests', 'escalate');
is($rc, 0, 'agora-admin requests escalate') or diag($out);
my ($said) = $out =~ /^(escalate .*)$/m;
like($said, qr/${\ scalar @all_codes} requests overdue by more than 3 days, ${\ scalar keys %want} digests queued/, "... $said");
my %mail = map { lc($_->[0]) => [ $_->[1], $_->[2], $_->[3] ] }
    $t->sql("SELECT rcpt, subject, body_text, kind FROM outbox WHERE id > 0 ORDER BY id");
is(one("SELECT COUNT(*) FROM outbox WHERE kind = 'requests.escalation'"), scalar keys %mail, '... one digest per recipient');
is_deeply([ sort keys %mail ], [ sort keys %want ], '... to the departments, their active users with an e-mail and the dispatchers: ' . join(', ', sort keys %want));
for my $to (sort keys %want) {
    my $body = $mail{$to}[1];
    my @want_codes = $want{$to} eq 'all' ? @all_codes : @{ $codes_of{ $want{$to} } };
    my @got = sort $body =~ /^- (\d{4}-\d{6}) /mg;
    is_deeply(\@got, [ sort @want_codes ], "$to: the codes of " . ($want{$to} eq 'all' ? 'every department' : "department $want{$to}") . ' (' . scalar(@want_codes) . ')');
    like($mail{$to}[0], qr/^Εκπρόθεσμα αιτήματα/, '... its subject says what it is');
    like($body, qr{/admin/requests\?overdue=1}, '... and it links to the queue');
    my @links = sort $body =~ m{/admin/requests/(\d{4}-\d{6})$}mg;
    is_deeply(\@links, \@got, '... and to each request\'s page');
}
my $unrouted = $codes_of{0}[0];
like($mail{'disp@example.org'}[1], qr/\nΧωρίς τμήμα, για δρομολόγηση[^\n]*\n- \Q$unrouted\E /, 'the dispatchers\' digest lists the request not routed yet under its own heading');
is(one("SELECT COUNT(*) FROM requests WHERE escalated_on = CURDATE()"), scalar @all_codes, 'the requests are marked escalated today');
is(one("SELECT COUNT(*) FROM requests WHERE escalated_on IS NOT NULL AND NOT ($late)"), 0, '... and no other');
is(one("SELECT COUNT(*) FROM job_runs WHERE job = 'escalate' AND day = CURDATE()"), 1, '... today\'s run recorded');

my $n = one('SELECT COUNT(*) FROM outbox');
($rc, $out) = $t->admin('requests', 'escalate');
is($rc, 0, 'escalate again the same day: exit 0');
like($out, qr/already sent/, '... saying it was done');
is(one('SELECT COUNT(*) FROM outbox'), $n, '... and nothing more queued');

# The next day (as if): a new digest; requests already in one are no
# longer "first time".
$t->sql(q{UPDATE job_runs SET day = day - INTERVAL 1 DAY});
$t->sql(q{UPDATE requests SET escalated_on = CURDATE() - INTERVAL 1 DAY WHERE escalated_on IS NOT NULL});
($rc, $out) = $t->admin('requests', 'escalate');
is($rc, 0, 'a day later: escalate again');
is(one('SELECT COUNT(*) FROM outbox') - $n, scalar keys %want, '... the same recipients, one mail each');
unlike(one("SELECT body_text FROM outbox WHERE rcpt = 'tech\@example.org' ORDER BY id DESC LIMIT 1"), qr/πρώτη φορά/,
    '... no request marked as new in it');

# Nothing overdue long enough: the run is recorded, nobody is mailed.
$t->sql(q{DELETE FROM job_runs});
{
    my $t2n = one('SELECT COUNT(*) FROM outbox');
    $t->sql(qq{UPDATE requests SET due_date = CURDATE() WHERE $late});
    ($rc, $out) = $t->admin('requests', 'escalate');
    is($rc, 0, 'nothing overdue by more than 3 days: exit 0');
    ($said) = $out =~ /^(escalate .*)$/m;
    like($said, qr/: 0 requests overdue.*, 0 digests/, "... $said");
    is(one('SELECT COUNT(*) FROM outbox'), $t2n, '... no mail');
}

done_testing;
