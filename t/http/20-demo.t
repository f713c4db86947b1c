#!/usr/bin/env perl
# The demo content never ages: agora-admin demo sets what must be ahead of
# the time it runs (open tenders, upcoming events, the scheduled item, the
# active alert) relative to that time, in the rows and in their text, and
# gives every row an "updated" time of its own.  Checked on this stack's
# demo, then on the demo loaded again as if it were other days
# (AGORA_DEMO_NOW), years apart.  Also: the demo's phone numbers are tel:
# links, its links are not broken.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

my @MONTHS_EL = qw(Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου
    Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου);
my @MONTHS_EN = qw(January February March April May June July August
    September October November December);

# "2026-12-14 ..." -> "14 Δεκεμβρίου 2026" / "14 December 2026".
sub date_el { my ($y, $m, $d) = $_[0] =~ /^(\d{4})-(\d\d)-(\d\d)/; "${\ ($d + 0)} $MONTHS_EL[$m - 1] $y" }
sub date_en { my ($y, $m, $d) = $_[0] =~ /^(\d{4})-(\d\d)-(\d\d)/; "${\ ($d + 0)} $MONTHS_EN[$m - 1] $y" }

sub one { my ($sql) = @_; my ($r) = $t->sql($sql); return $r ? $r->[0] : undef }

my $DT = q{'%Y-%m-%d %H:%i:%s'};

# The checks that hold whenever the demo was loaded, at the moment $now
# (an SQL expression: NOW() or a quoted local time).
sub demo_holds {
    my ($now, $when) = @_;

    # Tenders: open ones (published, deadline ahead) and closed ones.
    my @open = $t->sql(qq{SELECT id, DATE_FORMAT(deadline, $DT), summary, summary_en, body, body_en,
      DAYOFWEEK(deadline) FROM news WHERE category_id = 4 AND status = 'published'
      AND published_at <= $now AND deadline > $now ORDER BY id});
    is(scalar @open, 2, "$when: two open tenders");
    cmp_ok(one(qq{SELECT COUNT(*) FROM news WHERE deadline <= $now AND published_at <= $now}), '>=', 5,
        "$when: and closed ones");
    for my $o (@open) {
        my ($id, $dl, $sum, $sum_en, $body, $body_en, $dow) = @$o;
        cmp_ok(one("SELECT TIMESTAMPDIFF(DAY, $now, '$dl')"), '>=', 7, "$when: tender $id closes at least a week ahead ($dl)");
        is($dow, 2, '... on a Monday, as its text says');
        like($sum, qr/Δευτέρα \Q${\ date_el($dl)}\E/, "... its summary says so: Δευτέρα ${\ date_el($dl)}");
        like($body, qr/Δευτέρα \Q${\ date_el($dl)}\E/, '... so does its text');
        like($sum_en, qr/Monday \Q${\ date_en($dl)}\E/, "... in English: Monday ${\ date_en($dl)}");
        like($body_en, qr/Monday \Q${\ date_en($dl)}\E/, '... in the English text too');
    }

    # The scheduled item is still ahead, and says when it starts.
    my ($sched) = $t->sql(qq{SELECT DATE_FORMAT(published_at, $DT), summary, title FROM news WHERE title LIKE 'Προγραμματισμένη:%'});
    ok($sched && one("SELECT '$sched->[0]' > $now"), "$when: the scheduled item is still ahead ($sched->[0])");
    my $from = one(qq{SELECT DATE_FORMAT(published_at + INTERVAL 3 DAY, $DT) FROM news WHERE title LIKE 'Προγραμματισμένη:%'});
    like($sched->[1], qr/Δευτέρα \Q${\ date_el($from)}\E/, '... its text names the Monday it starts on, 3 days later');
    like($sched->[2], qr/για το \Q${\ substr($from, 0, 4)}\E$/, '... and the year of it in the title');

    # Events: 8 upcoming, in the order and on the weekdays they were
    # written with, and 7 past.
    my @up = $t->sql(qq{SELECT id, DATE_FORMAT(starts_at, $DT), DAYOFWEEK(starts_at), title FROM events
      WHERE status = 'published' AND COALESCE(ends_at, starts_at) > $now ORDER BY starts_at, id});
    is_deeply([ map { $_->[0] } @up ], [ 8 .. 15 ], "$when: the 8 upcoming events are ahead, in order");
    is_deeply([ map { $_->[2] } @up ], [ 7, 5, 1, 6, 1, 2, 1, 1 ],
        '... each on its weekday (Saturday, Thursday, Sunday, Friday, Sunday, Monday, Sunday, Sunday)');
    ok(one(qq{SELECT MIN(starts_at) > $now FROM events WHERE id BETWEEN 8 AND 16}), '... none has begun yet');
    cmp_ok(one(qq{SELECT TIMESTAMPDIFF(DAY, $now, MIN(starts_at)) FROM events WHERE id BETWEEN 8 AND 16}), '<', 366,
        '... the first within a year');
    is(one(qq{SELECT COUNT(*) FROM events WHERE status = 'published' AND COALESCE(ends_at, starts_at) <= $now}), 7,
        "$when: 7 past events");
    my ($ex) = $t->sql(qq{SELECT DATE_FORMAT(starts_at, $DT), DATE_FORMAT(ends_at, $DT), body FROM events WHERE id = 11});
    like($ex->[0], qr/ 10:00:00$/, '... the exhibition opens at 10:00');
    like($ex->[1], qr/ 14:00:00$/, '... and its last day ends at 14:00');
    is(one("SELECT DATEDIFF('$ex->[1]', '$ex->[0]') + 1"), 32, '... 32 days later');
    like($ex->[2], qr/\Q${\ date_el($ex->[0])}\E.*\Q${\ date_el($ex->[1])}\E.*10:00 έως τις 14:00/s,
        '... as its text says');
    my ($carnival) = $t->sql(q{SELECT title, YEAR(starts_at) FROM events WHERE id = 12});
    is($carnival->[0], "Αποκριάτικη παρέλαση $carnival->[1]", '... the carnival parade is named after its own year');

    # Alerts: one issued two hours ago (to the hour) and in force for six
    # more, one expired.
    my ($act) = $t->sql(qq{SELECT TIMESTAMPDIFF(MINUTE, starts_at, $now), TIMESTAMPDIFF(MINUTE, $now, ends_at), message, message_en
      FROM alerts WHERE starts_at <= $now AND ends_at > $now});
    ok($act, "$when: an active alert") or return;
    # The hour the demo was loaded in may have ended since (a load at
    # 17:59:35 and this check at 18:00:02): a minute either way.
    ok($act->[0] >= 120 && $act->[0] <= 181, "... issued 2 to 3 hours before ($act->[0] minutes)");
    ok($act->[1] >= 299 && $act->[1] <= 360, "... in force 5 to 6 hours more ($act->[1] minutes)");
    is(one(qq{SELECT TIMESTAMPDIFF(MINUTE, starts_at, ends_at) FROM alerts WHERE starts_at <= $now AND ends_at > $now}),
        480, '... eight hours in all, from an hour on the hour');
    unlike("$act->[2] $act->[3]", qr/\d\d:\d\d/, '... and its text names no time of day of its own');
    is(one(qq{SELECT COUNT(*) FROM alerts WHERE ends_at <= $now}), 1, "$when: an expired alert");

    # Nothing left unfilled.
    for my $tc (['news', 'title, summary, body, title_en, summary_en, body_en'],
                ['events', 'title, summary, body, title_en, summary_en, body_en'],
                ['alerts', 'message, message_en'], ['pages', 'title, summary, body']) {
        is(one("SELECT COUNT(*) FROM $tc->[0] WHERE CONCAT_WS(' ', $tc->[1]) LIKE '%{{%'"), 0,
            "$when: no placeholder left in $tc->[0]");
    }
}

# The demo's requests (0004_requests_demo.sql): a year of them up to the
# last week, none ahead of now, numbered gap-free per year of submission
# with the counters after them, their times agreeing with their history.
sub requests_hold {
    my ($now, $when) = @_;
    is(one('SELECT COUNT(*) FROM requests'), 300, "$when: 300 demo requests");
    is(one(qq{SELECT COUNT(*) FROM requests WHERE created_at > $now OR updated_at > $now}), 0, '... none ahead of now');
    is(one(qq{SELECT COUNT(*) FROM request_events WHERE at > $now}), 0, '... nor an event of theirs');
    cmp_ok(one(qq{SELECT TIMESTAMPDIFF(DAY, MAX(created_at), $now) FROM requests}), '<=', 8, '... the newest in the last week');
    cmp_ok(one(qq{SELECT TIMESTAMPDIFF(DAY, MIN(created_at), $now) FROM requests}), '>=', 360, '... the oldest a year ago');
    is(one(q{SELECT COUNT(*) FROM requests WHERE year <> YEAR(created_at)
      OR code <> CONCAT(year, '-', LPAD(protocol_no, 6, '0'))}), 0, '... codes of the year of submission');
    is(one(q{SELECT COUNT(*) FROM (SELECT year FROM requests GROUP BY year
      HAVING MIN(protocol_no) <> 1 OR MAX(protocol_no) <> COUNT(*)) g}), 0, '... protocol numbers gap-free per year');
    is(one(q{SELECT COUNT(*) FROM (SELECT year, MAX(protocol_no) m FROM requests GROUP BY year) g
      LEFT JOIN protocol_counters c ON c.year = g.year WHERE c.last IS NULL OR c.last <> g.m}), 0,
        '... and the counters continue after them');
    is(one(q{SELECT COUNT(*) FROM requests r WHERE NOT (first_reply_at <=> (SELECT MIN(at) FROM request_events e
      WHERE e.request_id = r.id AND e.reply IS NOT NULL))}), 0, '... first_reply_at is the first public reply');
    is(one(q{SELECT COUNT(*) FROM requests WHERE (status = 'resolved') <> (resolved_at IS NOT NULL)
      OR resolved_at < created_at OR due_date < DATE(created_at)}), 0, '... resolved_at and due_date agree with them');
    is(one(q{SELECT COUNT(*) FROM requests r JOIN requests o ON o.id = r.duplicate_of
      JOIN request_events e ON e.request_id = r.id AND e.status_to = 'duplicate'
      WHERE r.status = 'duplicate' AND e.reply LIKE CONCAT('%', o.code, '%')}),
        one(q{SELECT COUNT(*) FROM requests WHERE status = 'duplicate'}), '... a duplicate names its original');
    is(one(q!SELECT COUNT(*) FROM request_events WHERE CONCAT_WS(' ', reply, note) LIKE '%{{%' OR reply LIKE '%@%@%'!), 0,
        '... no placeholder left in their history');
}

# "Updated" times are the rows' own, not the time of loading.
sub updated_own {
    my ($now, $when) = @_;
    is(one(qq{SELECT COUNT(*) FROM news WHERE updated_at > $now - INTERVAL 30 MINUTE}), 0,
        "$when: no news item was updated at the time of loading");
    is(one(qq{SELECT COUNT(*) FROM news WHERE published_at <= $now AND updated_at <> published_at}), 0,
        '... a published one was last changed when it was published');
    is(one(qq{SELECT COUNT(*) FROM pages WHERE updated_at > $now - INTERVAL 30 MINUTE}), 0,
        '... nor a page');
    cmp_ok(one(q{SELECT COUNT(DISTINCT DATE(updated_at)) FROM pages}), '>', 10, '... pages have dates of their own');
    is(one(qq{SELECT COUNT(*) FROM events WHERE updated_at > $now - INTERVAL 30 MINUTE OR updated_at >= starts_at}), 0,
        '... nor an event, updated before it starts');
}

# ---- the demo as this stack loaded it -----------------------------------------------------

demo_holds('NOW()', 'now');
updated_own('NOW()', 'now');
requests_hold('NOW()', 'now');

my ($p17) = $t->sql(q{SELECT updated_at FROM pages WHERE slug = 'epikoinonia'});
my $html = $t->get_ok('/p/epikoinonia');
my ($ymd) = $p17->[0] =~ /^(\d{4}-\d\d-\d\d)/;
my $shown = date_el($ymd);
like($html, qr{<time datetime="\Q$ymd\E[^"]*">\Q$shown\E</time>}, "a page shows its own \"updated\" date ($shown)");

# The active alert on a page: issued and until, both with <time>.
like($t->get_ok('/'), qr{Ανακοινώθηκε <time datetime="[^"]+">[^<]+</time> · ισχύει έως <time},
    'the banner says when the alert was issued and until when it holds');

# ---- phone numbers are tel: links -----------------------------------------------------------

# Every phone number in <main>: a tel: link, in +30 form for Greek
# numbers.  Emergency numbers (112, 199, 100, 166) are dialled as they are.
sub phones_linked {
    my ($path) = @_;
    my $h = $t->get_ok($path);
    my ($main) = $h =~ m{(<main\b.*?</main>)}s;
    $main //= '';
    (my $outside = $main) =~ s{<a href="tel:[^"]*">[^<]*</a>}{}g;
    my @bare = $outside =~ /(\b2\d{4} ?\d{5}\b)/g;
    is_deeply(\@bare, [], "$path: every phone number is a tel: link") or diag(join ', ', @bare);
    my @links = $main =~ m{<a href="tel:([^"]*)">([^<]*)</a>}g;
    my @bad;
    while (my ($tel, $text) = splice @links, 0, 2) {
        (my $digits = $text) =~ s/\D//g;
        my $want = length($digits) == 10 ? "+30$digits" : $digits;
        push @bad, "$text -> tel:$tel" if $tel ne $want;
    }
    is_deeply(\@bad, [], '... each dialling its own number (+30 and ten digits)');
    return $main;
}

my @bodies = $t->sql(q{SELECT CONCAT('/news/', id, '-', slug) FROM news
  WHERE status = 'published' AND published_at <= NOW() AND body LIKE '%22513%' ORDER BY id LIMIT 6});
cmp_ok(scalar @bodies, '>=', 5, 'news items with phone numbers');
phones_linked($_->[0]) for @bodies, ['/p/o-dimos/ypiresies-dimou'], ['/p/o-dimos/dimarchos'];
phones_linked('/en' . $bodies[0][0]);

my $contact = phones_linked('/p/epikoinonia');
for my $e ([112, 'Ευρωπαϊκός Αριθμός Έκτακτης Ανάγκης'], [199, 'Πυροσβεστική'], [100, 'Αστυνομία'], [166, 'ΕΚΑΒ']) {
    like($contact, qr{<tr>\s*<th scope="row">[^<]*\Q$e->[1]\E[^<]*</th>\s*<td><a href="tel:$e->[0]">$e->[0]</a></td>\s*</tr>},
        "/p/epikoinonia: $e->[1], a row headed by its name, dials tel:$e->[0]");
}
like($contact, qr{<th scope="row">Τηλεφωνικό κέντρο</th>\s*<td><a href="tel:\+302251350500">22513 50500</a></td>},
    '... and the switchboard, tel:+302251350500');
unlike($contact, qr{<td>(?:Τηλεφωνικό κέντρο|Διεύθυνση)</td>}, '... the first column is row headers, not data cells');
my $contact_en = phones_linked('/en/p/epikoinonia');
like($contact_en, qr{<th scope="row">Fire Service</th>\s*<td><a href="tel:199">199</a></td>}, '... in English too');
my $footer = $t->get_ok('/');
like($footer, qr{<footer.*<a href="tel:\+30\d{10}">[^<]+</a>}s, 'the footer phone is a tel: link');
my $statement = $t->get_ok('/accessibility');
like($statement, qr{<main.*<a href="tel:\+30\d{10}">[^<]+</a>.*</main>}s,
    'the accessibility statement phone is a tel: link');

# ---- links ---------------------------------------------------------------------------------------

my ($a1) = $t->sql(q{SELECT CONCAT('/news/', id, '-', slug), body_html FROM news WHERE id = 1});
unlike($a1->[1], qr{href="[^"]*mytilene\.gr\)}, 'item 1: the link www.mytilene.gr does not take in the ")," after it');
like($t->get_ok($a1->[0]), qr{\(<a href="http://www\.mytilene\.gr">www\.mytilene\.gr</a>\), η οποία},
    '... it is (www.mytilene.gr), η οποία');

# ---- the demo loaded on other days -------------------------------------------------------------

my $WIPE = 'SET FOREIGN_KEY_CHECKS = 0; '
    . join(' ', map { "TRUNCATE TABLE $_;" } qw(news_tags news_attachments news tags pages departments events alerts
        request_events requests request_templates protocol_counters areas comments comment_flags comment_edits
        help_case_health help_health_notes help_web_contacts help_case_events help_cases help_health help_beneficiaries))
    . ' SET FOREIGN_KEY_CHECKS = 1;';
for my $day ('2026-12-20 09:15', '2027-06-15 12:00', '2028-01-10 08:30', '2031-03-01 23:45') {
    $t->sql($WIPE);
    my ($rc, $out);
    {
        local $ENV{AGORA_DEMO_NOW} = $day;
        ($rc, $out) = $t->admin('demo');
    }
    is($rc, 0, "agora-admin demo as if it were $day") or diag($out);
    demo_holds("'$day:00'", $day);
    updated_own("'$day:00'", $day);
    requests_hold("'$day:00'", $day);
}

{
    local $ENV{AGORA_DEMO_NOW} = 'tomorrow';
    $t->sql($WIPE);
    my ($rc, $out) = $t->admin('demo');
    is($rc, 1, 'AGORA_DEMO_NOW that is not a date: agora-admin demo fails');
    like($out, qr/AGORA_DEMO_NOW/, '... and says why');
}

done_testing;
