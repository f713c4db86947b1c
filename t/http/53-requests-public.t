#!/usr/bin/env perl
# Citizens' requests seen by the public: the list /requests with its
# filters (category, status open/closed/one, community) and keyset pages,
# descriptions staff hid left out, the map's data on the items; a request's
# Atom feed (parsed by xmllint) with its public events only; following a
# request by e-mail (a neutral answer, one mail per form, a GET of the link
# changing nothing, confirmation by POST, RFC 8058 one-click unsubscribe);
# the update mails of rq_notify_update through the test route; Leaflet
# served by nginx and the tiles allowed by the CSP.  Distinctive names,
# e-mails and phones of reporters and followers are looked for on every
# public page, feed and map attribute, and never found.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode_utf8);
use File::Temp qw(tempfile);
use IPC::Open3 qw(open3);
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $XMLLINT = (grep { -x "$_/xmllint" } split /:/, $ENV{PATH} // '')[0];
if (!$XMLLINT) {
    fail('xmllint is installed (Debian package libxml2-utils)');
    done_testing;
    exit 1;
}
$XMLLINT .= '/xmllint';

my $t = Agora::Test->new(conf => { test_routes => 1 });
my $br = Agora::Staff->new($t);    # a resident's browser
my $site = $t->url('');

# What must never be shown publicly.
my %PRIVATE = (
    name      => 'Ζηνοβία Κρυφοπούλου',
    email     => 'zenovia.krufo@example.org',
    phone     => '6987654321',
    follower  => 'akolouthos.krufos@example.net',
    follower2 => 'second.follower@example.com',
    note      => 'ΕΣΩΤΕΡΙΚΗ-ΣΗΜΕΙΩΣΗ-ΜΟΝΟ-ΓΙΑ-ΥΠΑΛΛΗΛΟΥΣ',
    change    => 'ΑΛΛΑΓΗ-ΤΜΗΜΑΤΟΣ-ΕΣΩΤΕΡΙΚΗ',
);
my $HIDDEN = 'ΚΡΥΦΗ-ΠΕΡΙΓΡΑΦΗ-ΠΙΝΑΚΙΔΑ';

# no_private(NAME, TEXT): none of the private strings, nor a hidden
# description, is in TEXT.
sub no_private {
    my ($name, $text) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my @found = grep { index($text, $_) >= 0 } (values %PRIVATE, $HIDDEN);
    ok(!@found, "$name: no reporter's or follower's data, no note, no hidden description")
        or diag("found: @found");
}

sub xmllint {
    my ($bytes, @args) = @_;
    my ($fh, $file) = tempfile('agora-xml-XXXXXX', TMPDIR => 1, UNLINK => 1);
    binmode $fh;
    print $fh $bytes;
    close $fh;
    my $pid = open3(my $in, my $out, undef, $XMLLINT, @args, $file);
    close $in;
    local $/;
    my $text = <$out> // '';
    waitpid $pid, 0;
    unlink $file;
    return ($? >> 8, decode_utf8($text));
}

sub xp {
    my ($bytes, $expr) = @_;
    $expr =~ s/\ba:([A-Za-z]+)/*[local-name()='$1']/g;
    my ($rc, $out) = xmllint($bytes, '--nonet', '--xpath', $expr);
    return '' if $rc != 0;
    $out =~ s/\n\z//;
    return $out;
}

# ---- 70 requests of every status, category and community ------------------------------
my @areas = map { $_->[0] } $t->sql('SELECT id FROM areas ORDER BY id LIMIT 3');
is(scalar @areas, 3, 'the demo has communities');
my @statuses = qw(submitted acknowledged in_progress scheduled resolved rejected duplicate not_ours reopened);
my %open = map { $_ => 1 } qw(submitted acknowledged in_progress scheduled reopened);
# The list is checked against these requests alone: the demo's go first.
$t->sql('DELETE FROM requests');
my @rows;
for my $i (1 .. 70) {
    my $code = sprintf('2025-%06d', $i);
    my $status = $statuses[$i % 9];
    my $cat = 1 + $i % 8;
    my $area = $i % 5 == 0 ? 'NULL' : $areas[$i % 3];
    my $hidden = $i % 7 == 0 ? 1 : 0;
    my $desc = $hidden ? "$HIDDEN $i" : $i == 1 ? 'Μεγάλη περιγραφή ' . ('λ' x 300) : "Περιγραφή του αιτήματος $i";
    my ($lat, $lon) = $i % 2 == 0 ? (sprintf('%.6f', 39.1 + $i / 10000), sprintf('%.6f', 26.55 + $i / 10000)) : ('NULL', 'NULL');
    # Two requests share each hour: the cursor's id breaks the tie.
    my $hours = int($i / 2);
    push @rows, "('$code', 2025, $i, '" . sprintf('%043d', $i) . "', $cat, $area, '$desc', 'Οδός $i',"
        . " '$status', '$PRIVATE{name}', '$PRIVATE{email}', '$PRIVATE{phone}', NOW(), 'el',"
        . " CURDATE(), NOW() - INTERVAL $hours HOUR, $lat, $lon, $hidden)";
}
$t->sql('INSERT INTO requests (code, year, protocol_no, token, category_id, area_id, description,'
    . ' address, status, name, email, phone, consent_at, lang, due_date, created_at, lat, lon,'
    . ' description_hidden) VALUES ' . join(',', @rows));
$t->sql(q{INSERT INTO request_events (request_id, status_to) SELECT id, 'submitted' FROM requests});
my @all = map { $_->[0] } $t->sql('SELECT code FROM requests ORDER BY created_at DESC, id DESC');
is(scalar @all, 70, '70 requests stored');

# walk(QUERY): every code of the list with that query string, following
# the "older" links; (codes, pages, html of the first page).
sub walk {
    my ($q) = @_;
    my $path = '/requests' . ($q ? "?$q" : '');
    my (@codes, $first, $pages);
    while ($path) {
        my $r = $t->get($path);
        is($r->{status}, 200, "GET $path") or last;
        my $html = $t->text($r);
        $first //= $html;
        $pages++;
        push @codes, $html =~ /<li class="rq-item"[^>]*data-code="(\d{4}-\d{6})"/g;
        ($path) = $html =~ /<a href="([^"]+)" rel="next">/;
        $path =~ s/&amp;/&/g if $path;
        last if $pages > 10;
    }
    return (\@codes, $pages, $first);
}

# ---- the list ------------------------------------------------------------------------
my ($codes, $pages, $html) = walk('');
is($pages, 3, 'the whole list: three pages of 30');
is_deeply($codes, \@all, '... newest first, each request once, ties broken by id');
like($html, qr/<h1>Αιτήματα πολιτών<\/h1>/, 'the list has its heading');
like($html, qr{<a href="/requests"[^>]*aria-current="page"}, '... and is in the site navigation');
no_private('the list', join '', map { $t->text($t->get($_)) } '/requests', '/requests?after=20991231000000-1');
like($html, qr/Η περιγραφή δεν δημοσιεύεται/, 'a hidden description: the neutral line instead');
my ($long) = $html =~ /<p class="request-excerpt" lang="el">(Μεγάλη περιγραφή λ+…)<\/p>/;
is(length($long // ''), 201, 'a long description: its first 200 characters and an ellipsis');
like($html, qr{<a href="/requests/2025-000001">Αίτημα 2025-000001</a>}, 'each item links to its tracking page');
like($html, qr{<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d">}, '... with its date in the municipality\'s zone');
like($html, qr/Ανοιχτά/, 'the status filter offers "open"');

# Filters, alone and together: every request that matches, no other.
my %want = (
    'category=3' => [ grep { 1 + ($_ % 8) == 3 } 1 .. 70 ],
    'status=open' => [ grep { $open{ $statuses[$_ % 9] } } 1 .. 70 ],
    'status=closed' => [ grep { !$open{ $statuses[$_ % 9] } } 1 .. 70 ],
    'status=resolved' => [ grep { $statuses[$_ % 9] eq 'resolved' } 1 .. 70 ],
    "area=$areas[1]" => [ grep { $_ % 5 && $_ % 3 == 1 } 1 .. 70 ],
    "category=2&status=open&area=$areas[1]" =>
        [ grep { 1 + ($_ % 8) == 2 && $open{ $statuses[$_ % 9] } && $_ % 5 && $_ % 3 == 1 } 1 .. 70 ],
    "area=$areas[2]&status=closed" => [ grep { $_ % 5 && $_ % 3 == 2 && !$open{ $statuses[$_ % 9] } } 1 .. 70 ],
);
my %pos = map { $all[$_] => $_ } 0 .. $#all;
for my $q (sort keys %want) {
    my ($got, undef, $first) = walk($q);
    my @expect = sort { $pos{$a} <=> $pos{$b} } map { sprintf('2025-%06d', $_) } @{ $want{$q} };
    is_deeply($got, \@expect, "?$q: the " . scalar(@expect) . ' matching requests, newest first');
    for my $pair (split /&/, $q) {
        my ($k, $v) = split /=/, $pair;
        like($first, qr/<select id="rq-$k" name="$k">.*?<option value="$v" selected>/s,
            "?$q: the form keeps $k=$v");
    }
}
my ($few) = walk('category=3');
ok(@$few > 0 && @$few < 30, 'one page only when fewer than 30 match');
for my $bad ('category=abc', 'category=999', 'status=bogus', 'area=999', 'after=yesterday', 'after=20261301000000-5') {
    my $r = $t->get("/requests?$bad");
    is($r->{status}, 400, "?$bad: 400");
    like($t->text($r), qr/δεν είναι έγκυρ/, '... with a message');
}
my $en = $t->get('/en/requests');
is($en->{status}, 200, 'the list in English');
like($t->text($en), qr/Citizens' requests|Citizens&#39; requests/, '... in English');
like($t->text($en), qr{href="/en/requests/2025-000001"}, '... linking to English tracking pages');

# ---- the map's data -------------------------------------------------------------------
like($html, qr{<li class="rq-item" data-lat="39\.100200" data-lon="26\.550200" data-code="2025-000002" data-category="[^"]+" data-url="/requests/2025-000002">},
    'an item with a point carries it for the map');
like($html, qr{<li class="rq-item" data-code="2025-000001"}, 'an item without one carries none');
like($html, qr{id="rq-list-map"[^>]*data-tiles="https://tile\.openstreetmap\.org/\{z\}/\{x\}/\{y\}\.png"[^>]*data-lat="39\.1045" data-lon="26\.5550" data-zoom="13"},
    'the map has its tiles, centre and zoom from the configuration');
like($html, qr{<section class="rq-map-section"[^>]*hidden}, '... hidden until its script shows it (no empty box without JavaScript)');
like($html, qr{<script src="/static/leaflet/leaflet\.js" defer></script>}, 'Leaflet is loaded from our own host');
like($html, qr{<script src="/static/js/requests-map\.js" defer></script>}, '... and the map script');
like($html, qr{id="rq-map-note">[^<]+<a href="#rq-list">}, 'the map has a text alternative and a link past it');
unlike($html, qr/<script>|<script [^>]*>[^<]/, 'no inline script');
my $nomap = $t->text($t->get('/requests?category=2'));
unlike($nomap, qr/id="rq-list-map"|leaflet/, 'a page without points: no map and no map scripts');

# ---- nginx: Leaflet, our scripts, the CSP -----------------------------------------------
for my $f ('/static/leaflet/leaflet.js', '/static/leaflet/leaflet.css', '/static/leaflet/images/marker-icon.png',
    '/static/js/requests-map.js', '/static/js/request-form-map.js') {
    my $r = $t->get($f);
    is($r->{status}, 200, "nginx serves $f");
}
like($t->get('/static/leaflet/leaflet.js')->{content}, qr/Leaflet/, '... the real Leaflet');
my $csp = $t->get('/requests')->{headers}{'content-security-policy'} // '';
like($csp, qr/(?:^|;)\s*img-src [^;]*https:\/\/tile\.openstreetmap\.org(?:\s|;|$)/, 'the CSP lets the map load its tiles');
like($csp, qr/(?:^|;)\s*script-src 'self';/, '... and scripts still only from our host');
unlike($csp, qr/openstreetmap[^;]*;.*openstreetmap/, '... the tile host in img-src only');

# ---- the feed -------------------------------------------------------------------------
my $code = '2025-000002';
my ($rid) = map { $_->[0] } $t->sql("SELECT id FROM requests WHERE code = '$code'");
$t->sql("INSERT INTO request_events (request_id, at, status_from, status_to, reply, note, change_note)"
    . " VALUES ($rid, NOW(), 'submitted', 'acknowledged', 'Η υπηρεσία θα έρθει την Τρίτη & θα το δει.', '$PRIVATE{note}', '$PRIVATE{change}'),"
    . " ($rid, NOW(), NULL, NULL, NULL, '$PRIVATE{note} 2', NULL)");
my $feed = $t->get("/requests/$code/feed.atom");
is($feed->{status}, 200, 'the feed of a request');
like($feed->{headers}{'content-type'}, qr{^application/atom\+xml}, '... is Atom');
my ($rc, $err) = xmllint($feed->{content}, '--noout', '--nonet');
is($rc, 0, '... well-formed XML') or diag($err);
is(xp($feed->{content}, 'count(/a:feed)'), 1, '... an Atom feed element');
for my $el (qw(id title updated author)) {
    is(xp($feed->{content}, "count(/a:feed/a:$el)"), 1, "... with its $el");
}
is(xp($feed->{content}, 'count(/a:feed/a:entry)'), 2, '... two public events (the internal note alone is not one)');
is(xp($feed->{content}, 'count(/a:feed/a:entry[a:id and a:title and a:updated and a:link])'), 2, '... each with id, title, updated and link');
is(xp($feed->{content}, 'string(/a:feed/a:entry[1]/a:title)'), 'Παραλήφθηκε από την υπηρεσία', '... the newest first, titled with its status');
is(xp($feed->{content}, 'string(/a:feed/a:entry[1]/a:content)'), 'Η υπηρεσία θα έρθει την Τρίτη & θα το δει.', '... the public reply as its text');
is(xp($feed->{content}, 'string(/a:feed/a:link[@rel="self"]/@href)'), "$site/requests/$code/feed.atom", '... its self link');
like(xp($feed->{content}, 'string(/a:feed/a:updated)'), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/, '... RFC 3339 times');
no_private('the feed', $t->text($feed));
my $en_feed = $t->get("/en/requests/$code/feed.atom");
is(xp($en_feed->{content}, 'string(/a:feed/a:entry[1]/a:title)'), 'Acknowledged by the department', 'the English feed: English labels')
    or diag(substr($t->text($en_feed), 0, 600));
is($t->get('/requests/2025-999999/feed.atom')->{status}, 404, 'the feed of an unknown request: 404');

my $track = $t->get("/requests/$code");
my $th = $t->text($track);
is($track->{status}, 200, 'the tracking page');
like($th, qr{<link rel="alternate" type="application/atom\+xml" href="/requests/$code/feed\.atom"}, '... names its feed in the head');
like($th, qr{<a href="/requests/$code/feed\.atom" type="application/atom\+xml">}, '... and links to it');
like($th, qr{<a href="/requests">}, '... and to the list');
like($th, qr{<form id="follow" method="post" action="/requests/$code/follow"}, '... with the follow form');
no_private('the tracking page', $th);

# submit_en(PAGE, ACTION, {FIELDS}): submit() to the English form of ACTION
# (Agora::Staff posts to the action without its /en).
sub submit_en {
    my ($page, $action, $fields) = @_;
    my $form = $br->form($br->get($page), $action) // die "no form $action on $page";
    return $br->post("/en$action", { %$form, %$fields });
}

# ---- following --------------------------------------------------------------------------
sub outbox { $t->sql("SELECT kind, rcpt, subject, body_text, unsubscribe FROM outbox WHERE rcpt = '$_[0]' ORDER BY id") }

my $r = $br->submit("/requests/$code", "/requests/$code/follow", { email => 'not-an-address', consent => 1 });
is($r->{status}, 422, 'a bad address: 422');
like($t->text($r), qr/value="not-an-address"/, '... kept as typed');
like($t->text($r), qr/href="#f-email"/, '... with the error linked');
$r = $br->submit("/requests/$code", "/requests/$code/follow", { email => $PRIVATE{follower} });
is($r->{status}, 422, 'without consent: 422');
is(scalar(outbox($PRIVATE{follower})), 0, '... and nothing queued');

my $page = $br->get("/requests/$code");
$r = $br->submit($page, "/requests/$code/follow", { email => $PRIVATE{follower}, consent => 1 });
is($r->{status}, 303, 'following: 303');
my $neutral = $r->{headers}{location};
is($neutral, "/requests/$code/follow?sent=1", '... to the neutral answer');
my $sent = $t->text($t->get($neutral));
like($sent, qr/Αν η διεύθυνση είναι σωστή/, '... which says a mail is on its way if the address is right');
no_private('the answer', $sent);
my @f = $t->sql("SELECT token, confirmed_at, lang FROM request_followers WHERE email = '$PRIVATE{follower}'");
is(scalar @f, 1, 'a follower row');
my $token = $f[0][0];
like($token, qr/^[A-Za-z0-9_-]{43}$/, '... with a 43-character base64url token');
ok(!defined $f[0][1], '... not confirmed yet');
my @m = outbox($PRIVATE{follower});
is(scalar @m, 1, 'one mail queued');
is($m[0][0], 'request.follow_confirm', '... the confirmation');
like($m[0][3], qr{\Q$site\E/requests/follow/\Q$token\E\n}, '... with the absolute confirmation link');
like($m[0][3], qr{\Q$site\E/requests/\Q$code\E\n}, '... and the tracking link');
is($m[0][4], "$site/requests/follow/$token", '... and List-Unsubscribe');

$r = $br->submit($page, "/requests/$code/follow", { email => $PRIVATE{follower}, consent => 1 });
is($r->{status}, 303, 'the same form again: 303');
is($r->{headers}{location}, $neutral, '... the same answer');
$r = $br->submit("/requests/$code", "/requests/$code/follow", { email => $PRIVATE{follower}, consent => 1 });
is($r->{headers}{location}, $neutral, 'a new form for the same address: the same answer');
is(scalar(outbox($PRIVATE{follower})), 1, '... and still one mail (no flood)');
is(scalar($t->sql("SELECT id FROM request_followers WHERE email = '$PRIVATE{follower}'")), 1, '... and one row');

# The follower's page: a GET (a mail scanner) changes nothing.
my $manage = "/requests/follow/$token";
$r = $br->get($manage);
is($r->{status}, 200, 'the confirmation link opens a page');
my $mh = $t->text($r);
like($mh, qr/name="action" value="confirm"/, '... with a confirm button');
like($mh, qr/name="action" value="unsubscribe"/, '... and an unsubscribe button');
like($mh, qr/<meta name="robots" content="noindex/, '... not indexed');
no_private('the follower\'s page', $mh);
$t->raw_request('HEAD', $manage);
($f[0]) = $t->sql("SELECT confirmed_at FROM request_followers WHERE token = '$token'");
ok(!defined $f[0][0], 'GET and HEAD of the link confirm nothing');
$r = $br->post($manage, { action => 'confirm' });
is($r->{status}, 422, 'a POST without the page\'s token: 422');
($f[0]) = $t->sql("SELECT confirmed_at FROM request_followers WHERE token = '$token'");
ok(!defined $f[0][0], '... confirming nothing');
$r = $br->submit($br->get($manage), $manage, { action => 'confirm' });
is($r->{status}, 200, 'confirm: 200');
like($t->text($r), qr/επιβεβαιώθηκε/, '... saying so');
($f[0]) = $t->sql("SELECT confirmed_at IS NOT NULL FROM request_followers WHERE token = '$token'");
is($f[0][0], 1, '... and confirmed');

# An address that follows already gets the same answer as a new one.
$r = $br->submit("/requests/$code", "/requests/$code/follow", { email => $PRIVATE{follower}, consent => 1 });
is($r->{headers}{location}, $neutral, 'a confirmed follower asking again: the same answer');
# A second follower, in English, confirmed; a third never confirms.
$r = submit_en("/en/requests/$code", "/requests/$code/follow", { email => $PRIVATE{follower2}, consent => 1 });
is($r->{headers}{location}, "/en/requests/$code/follow?sent=1", 'following in English: the same answer in English');
my ($token2) = map { $_->[0] } $t->sql("SELECT token FROM request_followers WHERE email = '$PRIVATE{follower2}'");
my @m2 = outbox($PRIVATE{follower2});
like($m2[0][3], qr{\Q$site\E/en/requests/follow/\Q$token2\E\n}, '... its mail in English with the English link');
like($m2[0][2], qr/^Confirm that you follow request \Q$code\E$/, '... and an English subject');
$r = submit_en("/en/requests/follow/$token2", "/requests/follow/$token2", { action => 'confirm' });
is($r->{status}, 200, '... confirmed');
$br->submit("/requests/$code", "/requests/$code/follow", { email => 'never.confirms@example.org', consent => 1 });
for my $p ("/requests/$code", '/requests', "/requests/$code/feed.atom", "/requests/$code/follow", '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml') {
    no_private("$p after following", $t->text($t->get($p)));
}

# ---- the update mails -------------------------------------------------------------------------
$t->sql("UPDATE requests SET email = 'reporter.mail\@example.org', lang = 'el' WHERE id = $rid");
$t->sql("INSERT INTO request_events (request_id, status_from, status_to, reply, note, change_note)"
    . " VALUES ($rid, 'acknowledged', 'in_progress', 'Συνεργείο στο σημείο.', '$PRIVATE{note}', '$PRIVATE{change}')");
my ($eid) = map { $_->[0] } $t->sql("SELECT MAX(id) FROM request_events WHERE request_id = $rid");
is($br->post('/_rq_notify', { request_id => $rid, event_id => 'x' })->{status}, 422, 'the test route checks its numbers');
$r = $br->post('/_rq_notify', { request_id => $rid, event_id => $eid });
is($r->{status}, 200, 'rq_notify_update through the test route');
is($t->text($r), "queued 3\n", '... queues three mails: the reporter and the two confirmed followers');
my @rep = outbox('reporter.mail@example.org');
is(scalar @rep, 1, 'the reporter gets one');
is($rep[0][0], 'request.update', '... an update');
is($rep[0][2], "Αίτημα $code: Σε εξέλιξη", '... its subject the new status');
like($rep[0][3], qr/Νέα κατάσταση: Σε εξέλιξη/, '... the status in the text');
like($rep[0][3], qr/Συνεργείο στο σημείο\./, '... the public reply');
like($rep[0][3], qr{\Q$site\E/requests/\Q$code\E\n}, '... the tracking link');
ok(!defined $rep[0][4], '... and no List-Unsubscribe (it is their own request)');
my @fol = outbox($PRIVATE{follower});
is($fol[-1][0], 'request.update_follower', 'the follower gets one');
is($fol[-1][4], "$site/requests/follow/$token", '... with List-Unsubscribe');
like($fol[-1][3], qr{\Q$site\E/requests/follow/\Q$token\E\n}, '... and the link to stop in the text');
my @fol2 = outbox($PRIVATE{follower2});
like($fol2[-1][3], qr/New status: In progress/, 'the English follower: in English');
like($fol2[-1][3], qr{\Q$site\E/en/requests/\Q$code\E\n}, '... with the English tracking link');
is(scalar(outbox('never.confirms@example.org')), 1, 'the unconfirmed follower: only the confirmation');
my ($leak) = $t->sql("SELECT COUNT(*) FROM outbox WHERE body_text LIKE '%$PRIVATE{note}%' OR body_text LIKE '%$PRIVATE{change}%'"
    . " OR subject LIKE '%$PRIVATE{note}%'");
is($leak->[0], 0, 'no mail tells an internal note or a change note');
$t->sql("INSERT INTO request_events (request_id, note) VALUES ($rid, 'μόνο σημείωση')");
($eid) = map { $_->[0] } $t->sql("SELECT MAX(id) FROM request_events WHERE request_id = $rid");
is($t->text($br->post('/_rq_notify', { request_id => $rid, event_id => $eid })), "queued 0\n",
    'an event with only a note: no mail');

# ---- one-click unsubscribe (RFC 8058) ------------------------------------------------------------
$r = $t->post($manage, { headers => { 'content-type' => 'application/x-www-form-urlencoded' },
    content => 'List-Unsubscribe=One-Click' });
is($r->{status}, 200, 'one-click unsubscribe: 200 without a form token');
is(scalar($t->sql("SELECT id FROM request_followers WHERE token = '$token'")), 0, '... the follower and the address are gone');
$r = $t->get($manage);
is($r->{status}, 404, 'the link afterwards: 404');
like($t->text($r), qr/Ο σύνδεσμος αυτός δεν ισχύει/, '... with a clear page');
is($t->get('/requests/follow/' . ('A' x 43))->{status}, 404, 'an unknown token: 404');
is($t->get('/requests/follow/short')->{status}, 404, 'a malformed token: 404');
# The page's own button unsubscribes too.
$r = submit_en("/en/requests/follow/$token2", "/requests/follow/$token2", { action => 'unsubscribe' });
is($r->{status}, 200, 'the unsubscribe button: 200');
like($t->text($r), qr/You no longer follow this request/, '... saying so in English');
is(scalar($t->sql("SELECT id FROM request_followers WHERE token = '$token2'")), 0, '... and the row is gone');

done_testing;
