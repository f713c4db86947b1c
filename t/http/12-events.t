#!/usr/bin/env perl
# The events calendar: the list (upcoming, then past with a keyset pager),
# the event page in both languages, and the iCalendar feeds (RFC 5545).
# Events are inserted relative to NOW(), so the test does not age.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode ();
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

my @MONTHS_EL = qw(Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου
    Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου);

sub location_is {
    my ($res, $path, $name) = @_;
    my $loc = $res->{headers}{location} // '';
    ok($loc eq $path || $loc eq $t->url($path), $name) or diag("Location: '$loc', want '$path'");
}

# Insert one event; the values are SQL expressions.  Returns its id.
my $n = 0;
sub event {
    my (%e) = @_;
    my $slug = $e{slug} // 'ekdilosi-' . ++$n;
    my %col = (
        slug => "'$slug'", title => "'x'", summary => "''", body => "''",
        place => "''", status => "'published'", %e, slug => "'$slug'",
    );
    my @k = sort keys %col;
    $t->sql('INSERT INTO events (' . join(', ', @k) . ') VALUES ('
        . join(', ', map { $col{$_} } @k) . ')');
    my ($row) = $t->sql("SELECT MAX(id) FROM events WHERE slug = '$slug'");
    return $row->[0];
}

# SQL string literal of a Perl string.
sub q_ { my ($s) = @_; $s =~ s/\\/\\\\/g; $s =~ s/'/''/g; "'$s'" }

my $in10 = 'DATE(NOW()) + INTERVAL 10 DAY';
my $up = event(slug => 'synavlia-sto-kastro', title => q_('Συναυλία στο Κάστρο'),
    title_en => q_('Concert at the Castle'),
    summary => q_('Βραδιά μουσικής <b>και</b> τραγουδιού.'), summary_en => q_('An evening of music.'),
    place => q_('Κάστρο Μυτιλήνης'), place_en => q_('Mytilene Castle'),
    body => q_('Κείμενο.'), body_en => q_('Text.'),
    body_html => q_('<p>Κείμενο με <strong>έμφαση</strong>.</p>'),
    body_en_html => q_('<p>Text with <strong>emphasis</strong>.</p>'),
    starts_at => "$in10 + INTERVAL 18 HOUR", ends_at => "$in10 + INTERVAL 21 HOUR",
    lat => '39.110800', lon => '26.557000');
my $up2 = event(slug => 'agora-vivliou', title => q_('Αγορά βιβλίου'),
    summary => q_('Μόνο στα ελληνικά.'), place => q_('Πλατεία Σαπφούς'),
    body => q_('Μόνο ελληνικό κείμενο.'), body_html => q_('<p>Μόνο ελληνικό κείμενο.</p>'),
    starts_at => 'NOW() + INTERVAL 20 DAY');
my $ongoing = event(slug => 'ekthesi', title => q_('Έκθεση σε εξέλιξη'),
    starts_at => 'NOW() - INTERVAL 3 DAY', ends_at => 'NOW() + INTERVAL 3 DAY');
my $past = event(slug => 'palia-giorti', title => q_('Παλιά γιορτή'),
    starts_at => 'NOW() - INTERVAL 5 DAY', ends_at => 'NOW() - INTERVAL 5 DAY + INTERVAL 2 HOUR');
my $draft_up = event(slug => 'proxeiro-mellon', title => q_('Πρόχειρη μελλοντική'),
    status => "'draft'", starts_at => 'NOW() + INTERVAL 2 DAY');
my $draft_past = event(slug => 'proxeiro-parelthon', title => q_('Πρόχειρη περασμένη'),
    status => "'draft'", starts_at => 'NOW() - INTERVAL 2 DAY');
my $evil_title = q{<script>alert(1)</script> Χορός, τραγούδι; και \ κάθετος "&'};
my $evil = event(slug => 'evil', title => q_($evil_title),
    summary => q_("Πρώτη γραμμή\nδεύτερη <img src=x onerror=alert(2)>"),
    place => q_('Αίθουσα <i>Α</i>'), body => q_('<script>alert(3)</script>'),
    starts_at => 'NOW() + INTERVAL 4 DAY');
my $long_title = 'Μεγάλη ετήσια γιορτή του ελαιολάδου και των παραδοσιακών προϊόντων της Λέσβου '
    . 'με μουσική, χορό, γευσιγνωσία, εκθέσεις φωτογραφίας και εργαστήρια για μικρούς και μεγάλους';
my $long = event(slug => 'megali-giorti', title => q_($long_title),
    place => q_('Αγιάσος'), starts_at => 'NOW() + INTERVAL 30 DAY',
    ends_at => 'NOW() + INTERVAL 32 DAY', lat => '39.090000', lon => '26.376000');
my $old = event(slug => 'poly-palia', title => q_('Πολύ παλιά εκδήλωση'),
    starts_at => 'NOW() - INTERVAL 90 DAY');
# An exhibition open every day from 10:00 to 14:00 for 32 days: the table
# has a start and an end, and the times of day are its daily hours.
my $daily = event(slug => 'ekthesi-kathe-mera', title => q_('Έκθεση κάθε μέρα'),
    starts_at => 'DATE(NOW()) + INTERVAL 40 DAY + INTERVAL 10 HOUR',
    ends_at => 'DATE(NOW()) + INTERVAL 71 DAY + INTERVAL 14 HOUR');

# ---- the list ------------------------------------------------------------------
my $res = $t->get('/events');
is($res->{status}, 200, 'GET /events answers 200');
my $html = $t->text($res);
my $pos_past = index($html, 'id="events-past"');
ok(index($html, 'id="events-upcoming"') >= 0 && $pos_past > index($html, 'id="events-upcoming"'),
    'the upcoming section comes before the past one');
my $at = sub { my ($id) = @_; $html =~ m{href="/events/$id-} ? $-[0] : -1 };
ok($at->($up) >= 0 && $at->($up) < $pos_past, 'an upcoming event is in the upcoming section');
ok($at->($ongoing) >= 0 && $at->($ongoing) < $pos_past, 'an event still running counts as upcoming');
ok($at->($past) > $pos_past, 'a past event is in the past section');
# A missing event is at -1: each must be found in the upcoming section
# before its order counts.
my @soon = map { $at->($_) } ($ongoing, $evil, $up, $up2);
is(scalar(grep { $_ < 0 || $_ > $pos_past } @soon), 0,
    'the running and the three upcoming events are all in the upcoming section')
    or diag("positions (ongoing, evil, up, up2): @soon; past section at $pos_past");
ok($soon[1] >= 0 && $soon[1] < $soon[2] && $soon[2] < $soon[3], 'upcoming events are soonest first');
ok($soon[0] >= 0 && $soon[0] < $soon[1], '... the running one (started earlier) first');
is($at->($draft_up), -1, 'an upcoming draft is not listed');
is($at->($draft_past), -1, 'a past draft is not listed');
unlike($html, qr/Πρόχειρη/, 'no draft title anywhere');
like($html, qr{<a href="/events\.ics"[^>]*>[^<]+</a>}, 'a link to subscribe to /events.ics');
my ($y, $m, $d) = @{ ($t->sql("SELECT YEAR($in10), MONTH($in10), DAY($in10)"))[0] };
my $when = "$d $MONTHS_EL[$m - 1] $y";
like($html, qr{<time datetime="\d{4}-\d\d-\d\dT18:00:00\+0[23]:00">\Q$when\E, 18:00</time>–<time datetime="\d{4}-\d\d-\d\dT21:00:00\+0[23]:00">21:00</time>},
    "a one-day event reads '$when, 18:00–21:00' in <time> elements");
like($html, qr{<ul class="event-list">}, 'events are a list');
unlike($html, qr/<script>alert|<img src=x|<b>και/, 'no raw HTML from the database in the list');
ok(index($html, html_escape($evil_title)) >= 0, 'the title is HTML-escaped');

# ---- the event page -----------------------------------------------------------
$res = $t->get("/events/$up-synavlia-sto-kastro");
is($res->{status}, 200, 'the event page answers 200');
$html = $t->text($res);
like($html, qr{<h1>Συναυλία στο Κάστρο</h1>}, 'its title is the <h1>');
like($html, qr{<title>Συναυλία στο Κάστρο — }, '... and in <title>');
like($html, qr{<strong>έμφαση</strong>}, 'the rendered body (body_html) is on the page');
like($html, qr{\Q$when\E, 18:00</time>–<time[^>]*>21:00</time>}, 'the date range');
like($html, qr{Κάστρο Μυτιλήνης}, 'the place');
like($html, qr{39\.1108, 26\.557}, 'the coordinates');
like($html, qr{<a href="https://www\.openstreetmap\.org/\?mlat=39\.1108&amp;mlon=26\.557#map=17/39\.1108/26\.557">},
    'a plain link to OpenStreetMap');
unlike($html, qr/<iframe|<script/i, 'no embedded map or script');
like($html, qr{<a href="/events/$up\.ics"}, "a link to the event's .ics");
like($html, qr{<nav class="breadcrumbs".*<a href="/">[^<]+</a>.*<a href="/events">Εκδηλώσεις</a>.*Συναυλία στο Κάστρο</span>}s,
    'breadcrumbs: Home › Events › title');
my @h = $html =~ /<h([1-6])/g;
is($h[0], 1, 'the first heading is an <h1>');

$res = $t->get("/events/$evil-evil");
$html = $t->text($res);
is($res->{status}, 200, 'an event with HTML in its text answers 200');
unlike($html, qr/<script>alert|<img src=x|<i>Α/, 'no raw HTML from its title, summary, place or body');
like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the title is escaped');
like($html, qr/&lt;script&gt;alert\(3\)/, 'the unrendered body is shown as escaped text');

$res = $t->get("/events/$up-lathos");
is($res->{status}, 301, 'a wrong slug redirects permanently');
location_is($res, "/events/$up-synavlia-sto-kastro", '... to the canonical URL');
$res = $t->get("/events/$up");
is($res->{status}, 301, 'a missing slug redirects');
location_is($res, "/events/$up-synavlia-sto-kastro", '... to the canonical URL');
$res = $t->get("/en/events/$up-x?a=1");
is($res->{status}, 301, 'in English too');
location_is($res, "/en/events/$up-synavlia-sto-kastro", '... to the English canonical URL');

$res = $t->get('/events/987654321-den-yparchei');
is($res->{status}, 404, 'an unknown id answers 404');
like($t->text($res), qr/Η εκδήλωση που ζητήσατε δεν υπάρχει/, '... saying so in Greek');
is($t->get('/events/9999999999-x')->{status}, 404, 'an id above the column range answers 404');
is($t->get("/events/$draft_up-proxeiro-mellon")->{status}, 404, 'a draft answers 404');

# ---- English ------------------------------------------------------------------
$res = $t->get('/en/events');
is($res->{status}, 200, 'GET /en/events answers 200');
$html = $t->text($res);
like($html, qr{<html[^>]*lang="en"}, 'an English page');
like($html, qr{<h1>Events</h1>}, 'with an English heading');
like($html, qr{<a href="/en/events/$up-synavlia-sto-kastro">Concert at the Castle</a>}, 'English titles, /en links');
like($html, qr{<h3 lang="el"><a href="/en/events/$up2-agora-vivliou">Αγορά βιβλίου</a>}, 'a title without English is the Greek one, marked lang="el"');
like($html, qr{class="fallback-note"}, '... and the page says some content is in Greek');
like($html, qr{<a href="/en/events\.ics"}, 'subscribe link in English');

$res = $t->get("/en/events/$up-synavlia-sto-kastro");
$html = $t->text($res);
is($res->{status}, 200, 'the English event page answers 200');
like($html, qr{<h1>Concert at the Castle</h1>}, 'English title');
like($html, qr{<strong>emphasis</strong>}, 'English body');
like($html, qr{Mytilene Castle}, 'English place');
unlike($html, qr{fallback-note}, 'no fallback note when all is in English');
like($html, qr{<a href="/en/events">Events</a>}, 'English breadcrumbs');

$res = $t->get("/en/events/$up2-agora-vivliou");
$html = $t->text($res);
is($res->{status}, 200, 'an event without English answers 200 in English');
like($html, qr{class="fallback-note"}, '... with the fallback note');
like($html, qr{<h1 lang="el">Αγορά βιβλίου</h1>}, '... the Greek title marked lang="el"');
like($html, qr{<div class="body" lang="el">\s*<p>Μόνο ελληνικό κείμενο\.</p>}, '... the Greek body marked lang="el"');

# ---- past events, page by page ---------------------------------------------------
for my $i (1 .. 24) {
    event(slug => "palia-$i", title => q_("Περασμένη εκδήλωση $i"),
        starts_at => "NOW() - INTERVAL $i DAY - INTERVAL $i HOUR");
}
# Three more start at the same moment as the 20th past event, so that
# events with equal starts_at straddle the first page's end: the id
# breaks the tie.
my $PAST = q{FROM events WHERE status = 'published' AND COALESCE(ends_at, starts_at) < NOW()
  ORDER BY starts_at DESC, id DESC};
my ($tie) = $t->sql("SELECT DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i:%s') $PAST LIMIT 19, 1");
event(slug => "idia-ora-$_", title => q_("Ίδια ώρα $_"), starts_at => "'$tie->[0]'") for 1 .. 3;
my @want = map { $_->[0] } $t->sql("SELECT id $PAST");
ok(@want > 20, scalar(@want) . ' past events to page through');
my (@got, $pages, $path, %seen_cursor);
$path = '/events';
while (defined $path) {
    $res = $t->get($path);
    is($res->{status}, 200, "GET $path answers 200") or last;
    $html = $t->text($res);
    my $section = $path eq '/events' ? substr($html, index($html, 'id="events-past"')) : $html;
    my @ids = $section =~ m{<h3[^>]*><a href="/events/(\d+)-}g;
    ok(@ids <= 20, 'at most 20 past events on a page');
    push @got, @ids;
    $pages++;
    if ($html =~ m{<a href="/events\?before=([^"]+)" rel="next">}) {
        my $c = $1;
        like($c, qr/^\d{14}-\d+$/, "the cursor is YYYYMMDDHHMMSS-id ($c)");
        ok(@ids == 20, '... given on a full page');
        last if $seen_cursor{$c}++;
        $path = "/events?before=$c";
    } else {
        undef $path;
    }
    last if $pages > 10;
}
ok($pages >= 2, "$pages pages");
is_deeply(\@got, \@want, 'all past events, newest first, none twice, ties broken by id');
$html = $t->text($t->get('/events?before=' . (sort keys %seen_cursor)[0]));
unlike($html, qr/id="events-upcoming"/, 'a later page shows the past only');
like($html, qr{<a href="/events">}, '... with a way back to the first page');

for my $bad ('', 'x', '2026', '20261301000000-1', '20260132000000-1', '20260101250000-1',
    '20260101000000-', '20260101000000-12345678901', '20260101000000-1x', '2026010100000-1',
    '20260101000000_1', '-1', '20260231120000-1', '20250229000000-1') {
    $res = $t->get("/events?before=$bad");
    is($res->{status}, 400, "a malformed cursor '$bad' answers 400");
}
like($t->text($t->get('/events?before=x')), qr/δεν είναι έγκυρη/, '... with a Greek message');
like($t->text($t->get('/en/events?before=x')), qr/is not valid/, '... or an English one');

# ---- iCalendar ---------------------------------------------------------------------
# The checks every .ics must pass; returns the VEVENTs as hashes of
# property name (with parameters) -> value, after unfolding.
sub ics_ok {
    my ($res, $what) = @_;
    is($res->{status}, 200, "$what answers 200");
    like($res->{headers}{'content-type'} // '', qr{^text/calendar;\s*charset=utf-8$}i, "$what is text/calendar in UTF-8");
    like($res->{headers}{'content-disposition'} // '', qr{^attachment;\s*filename="[\w.-]+\.ics"$}, "$what is an attachment with a file name");
    my $b = $res->{content};
    ok(eval { Encode::decode('UTF-8', my $copy = $b, Encode::FB_CROAK); 1 }, "$what is valid UTF-8");
    like($b, qr/\ABEGIN:VCALENDAR\r\n/, "$what starts with BEGIN:VCALENDAR");
    like($b, qr/\r\nEND:VCALENDAR\r\n\z/, "$what ends with END:VCALENDAR");
    ok($b !~ /(?<!\r)\n/ && $b !~ /\r(?!\n)/, "$what: every line ends in CRLF");
    my @long = grep { length($_) > 75 } split /\r\n/, $b;    # bytes: $b is not decoded
    is(scalar @long, 0, "$what: no line longer than 75 octets") or diag($long[0]);
    my $text = Encode::decode('UTF-8', $b);
    (my $unfolded = $text) =~ s/\r\n[ \t]//g;
    like($unfolded, qr/^VERSION:2\.0\r$/m, "$what: VERSION:2.0");
    like($unfolded, qr/^PRODID:.+\r$/m, "$what: PRODID");
    like($unfolded, qr/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Athens\r$/m, "$what: VTIMEZONE Europe/Athens");
    my @ev;
    while ($unfolded =~ /^BEGIN:VEVENT\r\n(.*?)^END:VEVENT\r$/msg) {
        my %p;
        for (split /\r\n/, $1) {
            my ($k, $v) = /^([^:]+):(.*)$/ or next;
            $p{$k} = $v;
        }
        push @ev, \%p;
    }
    my @bad = grep { !$_->{UID} || !$_->{DTSTAMP} || !$_->{'DTSTART;TZID=Europe/Athens'} } @ev;
    ok(@ev && !@bad, "$what: every VEVENT has UID, DTSTAMP and DTSTART");
    ok(!grep({ $_->{DTSTAMP} !~ /^\d{8}T\d{6}Z$/ } @ev), "$what: DTSTAMP in UTC");
    return @ev;
}

sub unescape_text {
    my ($s) = @_;
    $s =~ s/\\([\\;,nN])/$1 eq 'n' || $1 eq 'N' ? "\n" : $1/ge;
    return $s;
}

my @ev = ics_ok($t->get('/events.ics'), '/events.ics');
my %by = map { ($_->{UID} =~ /^event-(\d+)@/)[0] => $_ } @ev;
ok(!grep({ $_->{UID} !~ /^event-\d+\@127\.0\.0\.1$/ } @ev), 'UIDs are event-<id>@<host of site_url>');
is(scalar(keys %by), scalar(@ev), 'UIDs are unique');
ok($by{$up} && $by{$past} && $by{$ongoing}, 'upcoming, running and recent past events are in the feed');
ok(!$by{$old}, 'an event over for more than 30 days is not');
ok(!$by{$draft_up} && !$by{$draft_past}, 'drafts are not');
my ($st) = $t->sql("SELECT DATE_FORMAT(starts_at, '%Y%m%dT%H%i%s'), DATE_FORMAT(ends_at, '%Y%m%dT%H%i%s') FROM events WHERE id = $up");
is($by{$up}{'DTSTART;TZID=Europe/Athens'}, $st->[0], 'DTSTART is the local start time with TZID');
is($by{$up}{'DTEND;TZID=Europe/Athens'}, $st->[1], 'DTEND likewise');
ok(!exists $by{$up}{RRULE}, '... and no RRULE for an event on one day');
my ($nd) = $t->sql("SELECT DATE_FORMAT(starts_at + INTERVAL 1 HOUR, '%Y%m%dT%H%i%s') FROM events WHERE id = $up2");
is($by{$up2}{'DTEND;TZID=Europe/Athens'}, $nd->[0], 'an event without an end gets one: an hour after its start');
my ($dl) = $t->sql("SELECT DATE_FORMAT(starts_at, '%Y%m%dT%H%i%s'), DATE_FORMAT(starts_at + INTERVAL 4 HOUR, '%Y%m%dT%H%i%s')
  FROM events WHERE id = $daily");
is($by{$daily}{'DTSTART;TZID=Europe/Athens'}, $dl->[0], 'an exhibition held daily 10:00-14:00 for 32 days: DTSTART 10:00 on its first day');
is($by{$daily}{'DTEND;TZID=Europe/Athens'}, $dl->[1], '... DTEND 14:00 on that same day, not 32 days later');
is($by{$daily}{RRULE}, 'FREQ=DAILY;COUNT=32', '... repeated daily, 32 times (RRULE)');
my ($lg) = $t->sql("SELECT DATE_FORMAT(ends_at, '%Y%m%dT%H%i%s') FROM events WHERE id = $long");
is($by{$long}{'DTEND;TZID=Europe/Athens'}, $lg->[0], 'an event over three days that ends at its starting time of day is one block');
ok(!exists $by{$long}{RRULE}, '... without RRULE');
is($by{$up}{GEO}, '39.1108;26.557', 'GEO when coordinates exist');
ok(!exists $by{$up2}{GEO}, 'no GEO without them');
is($by{$up}{LOCATION}, 'Κάστρο Μυτιλήνης', 'LOCATION');
like($by{$up}{URL} // '', qr{^http://[^/]+/events/$up-synavlia-sto-kastro$}, 'URL of the event page');
is(unescape_text($by{$long}{SUMMARY}), $long_title, 'a long Greek SUMMARY is restored exactly by unfolding');
is($by{$evil}{SUMMARY}, q{<script>alert(1)</script> Χορός\, τραγούδι\; και \\\\ κάθετος "&'},
    'SUMMARY escapes , ; and \\ (RFC 5545 3.3.11)');
is($by{$evil}{DESCRIPTION}, 'Πρώτη γραμμή\\nδεύτερη <img src=x onerror=alert(2)>',
    'DESCRIPTION writes a newline as \\n');

@ev = ics_ok($t->get('/en/events.ics'), '/en/events.ics');
%by = map { ($_->{UID} =~ /^event-(\d+)@/)[0] => $_ } @ev;
is($by{$up}{SUMMARY}, 'Concert at the Castle', 'in English, SUMMARY is the English title');
is($by{$up2}{SUMMARY}, 'Αγορά βιβλίου', '... or the Greek one when there is none');
like($by{$up}{URL}, qr{/en/events/$up-}, '... and URL the English page');

@ev = ics_ok($t->get("/events/$long.ics"), "/events/$long.ics");
is(scalar @ev, 1, 'one event in its own .ics');
is(unescape_text($ev[0]{SUMMARY}), $long_title, '... the right one');
like($t->get("/events/$long.ics")->{headers}{'content-disposition'}, qr/filename="event-$long\.ics"/, '... named after it');
is($t->get("/events/$draft_up.ics")->{status}, 404, 'a draft .ics answers 404');
is($t->get('/events/987654321.ics')->{status}, 404, 'an unknown .ics answers 404');
is($t->request('HEAD', '/events.ics')->{status}, 200, 'HEAD /events.ics answers 200');

# ---- empty calendar ------------------------------------------------------------------
$t->sql('DELETE FROM events');
$html = $t->text($t->get('/events'));
like($html, qr/Δεν έχουν ανακοινωθεί προσεχείς εκδηλώσεις/, 'empty upcoming list, in Greek');
like($html, qr/Δεν υπάρχουν προηγούμενες εκδηλώσεις/, 'empty past list, in Greek');
$html = $t->text($t->get('/en/events'));
like($html, qr/No upcoming events have been announced/, 'empty upcoming list, in English');
like($html, qr/There are no past events/, 'empty past list, in English');
my $empty = $t->get('/events.ics');
is($empty->{status}, 200, 'an empty calendar answers 200');
like($empty->{content}, qr/\ABEGIN:VCALENDAR\r\n.*END:VCALENDAR\r\n\z/s, '... and is a calendar');
unlike($empty->{content}, qr/BEGIN:VEVENT/, '... without events');

done_testing;
