#!/usr/bin/env perl
# The Open311 GeoReport v2 API, read side (src/open311/): discovery, the
# services and a service's definition, the requests with every filter and
# the page extension, one request - each in XML (parsed by libxml2, the
# elements' names and order checked against the spec) and in JSON (parsed,
# the top level an array where the spec says so, numbers and booleans as
# such); the spec's error documents for a bad parameter (400) and an
# unknown service, request or jurisdiction (404); CORS on every answer;
# no reporter's name, e-mail or phone, internal note or hidden description
# in any of them.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8 decode_utf8);
use JSON::PP;
use Test::More;
use Agora::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $have_libxml = eval { require XML::LibXML; 1 };
if (!$have_libxml) {
    fail('XML::LibXML is installed (Debian package libxml-libxml-perl; script/test installs it)');
    done_testing;
    exit 1;
}

my $t = Agora::Test->new;
my $site = $t->url('');
my ($host) = $site =~ m{^https?://([^/:]+)};
my $json = JSON::PP->new->utf8;
sub one { my @r = $t->sql($_[0]); $r[0] ? $r[0][0] : undef }

my %PRIVATE = (name => 'Ζηνοβία Κρυφοπούλου', email => 'zenovia.krufo@example.org',
    phone => '6987654321', note => 'ΕΣΩΤΕΡΙΚΗ-ΣΗΜΕΙΩΣΗ', hidden => 'ΚΡΥΦΗ-ΠΕΡΙΓΡΑΦΗ');
my @bodies;    # every answer, searched for private data at the end

# get(PATH): the answer, its body kept for the privacy check.
sub get {
    my ($path) = @_;
    my $r = $t->get($path);
    push @bodies, [$path, $r->{content}];
    return $r;
}
# xml(PATH): (answer, the parsed document's root element).
sub xml {
    my $r = get($_[0]);
    my $doc = eval { XML::LibXML->load_xml(string => $r->{content}, no_network => 1) };
    ok($doc, "$_[0] is well-formed XML") or diag($@);
    return ($r, $doc ? $doc->documentElement : undef);
}
# js(PATH): (answer, the decoded JSON).
sub js {
    my $r = get($_[0]);
    my $v = eval { $json->decode($r->{content}) };
    ok(defined $v, "$_[0] is JSON") or diag($@ . substr($r->{content}, 0, 300));
    return ($r, $v);
}
# The names of an element's child elements, in order.
sub kids { my ($e) = @_; [map { $_->nodeName } grep { $_->nodeType == 1 } $e->childNodes] }
sub kid  { my ($e, $name) = @_; my ($k) = $e->getChildrenByTagName($name); $k }
sub txt  { my ($e, $name) = @_; my $k = kid($e, $name); defined $k ? $k->textContent : undef }

# types(PATH, FMT): the content type and CORS of an answer.
sub types {
    my ($r, $fmt, $what) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($r->{headers}{'content-type'}, $fmt eq 'xml' ? 'text/xml; charset=utf-8' : 'application/json',
        "$what: the spec's content type");
    is($r->{headers}{'access-control-allow-origin'}, '*', "$what: readable by browser clients (CORS)");
}

# ---- the data ------------------------------------------------------------------------------
$t->sql('DELETE FROM requests');
my @areas = map { $_->[0] } $t->sql('SELECT id FROM areas ORDER BY id LIMIT 2');
# Category 5 (water) gets two extra questions, one with choices; the
# demo's questions go first.
$t->sql('DELETE FROM request_questions');
$t->sql(q{INSERT INTO request_questions (category_id, kind, label_el, hint_el, required, min_value, max_value, sort_order)
          VALUES (5, 'choice', 'Τι βλέπετε;', '', 1, NULL, NULL, 1),
                 (5, 'number', 'Πόσα μέτρα;', 'περίπου', 0, 1, 500, 2)});
my ($q1, $q2) = map { $_->[0] } $t->sql('SELECT id FROM request_questions WHERE category_id = 5 ORDER BY sort_order');
$t->sql(qq{INSERT INTO request_question_choices (question_id, label_el, sort_order)
           VALUES ($q1, 'Διαρροή νερού', 1), ($q1, 'Βουλωμένο φρεάτιο', 2)});
my @choices = map { $_->[0] } $t->sql("SELECT id FROM request_question_choices WHERE question_id = $q1 ORDER BY sort_order");

# Requests: (code, category, status, hours ago, hidden, lat, lon).
my @spec = (
    ['2026-000001', 1, 'submitted',   1,    0, '39.106000', '26.554000'],
    ['2026-000002', 5, 'in_progress', 2,    0, undef, undef],
    ['2026-000003', 1, 'resolved',    3,    0, '39.107000', '26.555000'],
    ['2026-000004', 4, 'rejected',    4,    1, undef, undef],
    ['2026-000005', 5, 'reopened',    24 * 10, 0, undef, undef],
    ['2026-000006', 1, 'submitted',   24 * 100, 0, undef, undef],    # outside the 90 days
);
for my $i (0 .. $#spec) {
    my ($code, $cat, $status, $hours, $hidden, $lat, $lon) = @{ $spec[$i] };
    my $desc = $hidden ? "$PRIVATE{hidden} $i" : "Περιγραφή <$i> & \"λάμπα\"";
    $t->sql("INSERT INTO requests (code, year, protocol_no, token, category_id, department_id, area_id,"
        . " description, address, status, name, email, phone, consent_at, lang, due_date, created_at,"
        . " updated_at, lat, lon, description_hidden) VALUES ('$code', 2026, " . ($i + 1) . ", '"
        . sprintf('%043d', $i + 1) . "', $cat, NULL, $areas[$i % 2], '$desc', 'Οδός Ελύτη " . ($i + 1)
        . "', '$status', '$PRIVATE{name}', '$PRIVATE{email}', '$PRIVATE{phone}', NOW(), 'el',"
        . " CURDATE() + INTERVAL 5 DAY, NOW() - INTERVAL $hours HOUR, NOW() - INTERVAL $hours HOUR, "
        . (defined $lat ? "$lat, $lon" : 'NULL, NULL') . ", $hidden)");
}
my %id = map { $_->[0] => $_->[1] } $t->sql('SELECT code, id FROM requests');
$t->sql("INSERT INTO request_events (request_id, status_to) SELECT id, 'submitted' FROM requests");
$t->sql("INSERT INTO request_events (request_id, reply, note) VALUES"
    . " ($id{'2026-000003'}, 'Αντικαταστάθηκε ο λαμπτήρας.', NULL),"
    . " ($id{'2026-000003'}, NULL, '$PRIVATE{note}')");
# A photo of request 1: two sizes of one item; the larger one is its media_url.
my ($small, $large) = ('a' x 64, 'b' x 64);
$t->sql("INSERT INTO media (sha256, mime, bytes, size, width, height) VALUES"
    . " ('$small', 'image/jpeg', 'x', 1, 320, 240), ('$large', 'image/jpeg', 'x', 1, 1280, 960)");
$t->sql("INSERT INTO media_items (kind, source_sha256, width, height) VALUES ('image', '$large', 1280, 960)");
my $item = one('SELECT MAX(id) FROM media_items');
$t->sql("INSERT INTO media_variants (item_id, sha256) VALUES ($item, '$small'), ($item, '$large')");
$t->sql("INSERT INTO request_photos (request_id, position, item_id) VALUES ($id{'2026-000001'}, 1, $item)");
my $ncat = one('SELECT COUNT(*) FROM request_categories WHERE active = 1');

my @REQUEST_FIELDS = qw(service_request_id status status_notes service_name service_code
    description agency_responsible service_notice requested_datetime updated_datetime
    expected_datetime address address_id zipcode lat long media_url);
my $ISO = qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)$/;

# ---- discovery -----------------------------------------------------------------------------
my ($r, $x) = xml('/open311/v2/discovery.xml');
is($r->{status}, 200, 'discovery.xml: 200');
types($r, 'xml', 'discovery.xml');
like($r->{content}, qr/^<\?xml version="1.0" encoding="utf-8"\?>/, '... starts with the XML declaration');
is($x->nodeName, 'discovery', '... root <discovery>');
is_deeply(kids($x), [qw(changeset contact key_service endpoints)], '... its elements in order');
my ($ep) = kid($x, 'endpoints')->getChildrenByTagName('endpoint');
is_deeply(kids($ep), [qw(specification url changeset type formats)], '... an endpoint\'s elements');
is(txt($ep, 'specification'), 'http://wiki.open311.org/GeoReport_v2', '... the specification');
is(txt($ep, 'url'), "$site/open311/v2", '... the base URL');
is_deeply([map { $_->textContent } kid($ep, 'formats')->getChildrenByTagName('format')],
    ['text/xml', 'application/json'], '... both formats');
my $j;
($r, $j) = js('/open311/v2/discovery.json');
types($r, 'json', 'discovery.json');
is(ref $j, 'HASH', 'discovery.json: an object');
is($j->{endpoints}[0]{specification}, 'http://wiki.open311.org/GeoReport_v2', '... the same endpoint');
is_deeply($j->{endpoints}[0]{formats}, ['text/xml', 'application/json'], '... formats as an array');
like($j->{changeset}, $ISO, '... changeset in ISO 8601');

# ---- services ------------------------------------------------------------------------------
($r, $x) = xml('/open311/v2/services.xml');
is($r->{status}, 200, 'services.xml: 200');
types($r, 'xml', 'services.xml');
is($x->nodeName, 'services', '... root <services>');
my @svc = $x->getChildrenByTagName('service');
is(scalar @svc, $ncat, '... one <service> per active category');
is_deeply(kids($svc[0]), [qw(service_code service_name description metadata type keywords group)],
    '... a service\'s elements in the spec\'s order');
my ($water) = grep { txt($_, 'service_code') eq '5' } @svc;
is(txt($water, 'service_name'), 'Ύδρευση και αποχέτευση', '... the Greek name');
is(txt($water, 'metadata'), 'true', '... metadata true: it has questions');
is(txt($svc[0], 'metadata'), 'false', '... false for one without');
is(txt($water, 'type'), 'realtime', '... type realtime');
is(txt($water, 'group'), 'Καθαριότητα και περιβάλλον', '... its group');
($r, $j) = js('/open311/v2/services.json');
types($r, 'json', 'services.json');
is(ref $j, 'ARRAY', 'services.json: an array');
is(scalar @$j, $ncat, '... of every service');
my ($jw) = grep { $_->{service_code} eq '5' } @$j;
ok(JSON::PP::is_bool($jw->{metadata}) && $jw->{metadata}, '... metadata a JSON true');
ok(exists $jw->{keywords} && !defined $jw->{keywords}, '... keywords null');
like($r->{content}, qr/"service_code":"5"/, '... service_code a string');

# ---- a service's definition ------------------------------------------------------------------
($r, $x) = xml('/open311/v2/services/5.xml');
is($r->{status}, 200, 'services/5.xml: 200');
is($x->nodeName, 'service_definition', '... root <service_definition>');
is_deeply(kids($x), [qw(service_code attributes)], '... service_code, attributes');
my @at = kid($x, 'attributes')->getChildrenByTagName('attribute');
is(scalar @at, 2, '... its two questions');
is_deeply(kids($at[0]), [qw(variable code datatype required datatype_description order description values)],
    '... an attribute\'s elements in order');
is(txt($at[0], 'code'), $q1, '... code: the question');
is(txt($at[0], 'datatype'), 'singlevaluelist', '... one choice: singlevaluelist');
is(txt($at[0], 'required'), 'true', '... required');
is(txt($at[0], 'description'), 'Τι βλέπετε;', '... its label');
is_deeply([map { [txt($_, 'key'), txt($_, 'name')] } kid($at[0], 'values')->getChildrenByTagName('value')],
    [[$choices[0], 'Διαρροή νερού'], [$choices[1], 'Βουλωμένο φρεάτιο']], '... its values, key and name');
is(txt($at[1], 'datatype'), 'number', '... a number');
is(txt($at[1], 'datatype_description'), '1–500 · περίπου', '... its range and hint');
is(txt($at[1], 'order'), '2', '... order 2');
is_deeply(kids(kid($at[1], 'values')), [], '... and an empty <values>, which clients expect');
($r, $j) = js('/open311/v2/services/5.json');
is(ref $j, 'HASH', 'services/5.json: an object');
is($j->{service_code}, '5', '... service_code');
is($j->{attributes}[0]{values}[1]{name}, 'Βουλωμένο φρεάτιο', '... values as arrays');
ok(JSON::PP::is_bool($j->{attributes}[0]{variable}), '... variable a boolean');
is($j->{attributes}[1]{order}, 2, '... order a number');
is_deeply($j->{attributes}[1]{values}, [], '... values [] for a number');
($r, $j) = js('/open311/v2/services/1.json');
is_deeply($j->{attributes}, [], 'a service without questions: no attributes');

# ---- errors: the spec's document, the HTTP status as its code ------------------------------
for my $case (['/open311/v2/services/999', 404, qr/service_code/],
              ['/open311/v2/services/abc', 404, qr/service_code/],
              ['/open311/v2/requests/2026-999999', 404, qr/service_request_id/],
              ['/open311/v2/requests/bogus', 404, qr/service_request_id/],
              ['/open311/v2/services?jurisdiction_id=elsewhere.example.org', 404, qr/jurisdiction/],
              ['/open311/v2/requests?status=pending', 400, qr/status/],
              ['/open311/v2/requests?start_date=yesterday', 400, qr/start_date/],
              ['/open311/v2/requests?end_date=2026-02-30', 400, qr/end_date/],
              ['/open311/v2/requests?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 400, qr/90 days/],
              ['/open311/v2/requests?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z', 400, qr/before/],
              ['/open311/v2/requests?service_code=1,x', 400, qr/service_code/],
              ['/open311/v2/requests?page=0', 400, qr/page/],
              ['/open311/v2/requests?page_size=1001', 400, qr/page_size/],
              ['/open311/v2/requests?service_request_id=12', 400, qr/service_request_id/],
              ['/open311/v2/requests?updated_after=2026-01-01&start_date=2026-01-01', 400, qr/not both/]) {
    my ($path, $code, $re) = @$case;
    my $q = $path =~ /\?/ ? index($path, '?') : length $path;
    my ($xpath, $jpath) = map { substr($path, 0, $q) . ".$_" . substr($path, $q) } qw(xml json);
    ($r, $x) = xml($xpath);
    is($r->{status}, $code, "$xpath: $code");
    types($r, 'xml', $xpath);
    is($x->nodeName, 'errors', '... an <errors> document');
    my ($e) = $x->getChildrenByTagName('error');
    is_deeply(kids($e), [qw(code description)], '... <error> with code and description');
    is(txt($e, 'code'), $code, '... the same code');
    like(txt($e, 'description'), $re, '... saying what is wrong');
    ($r, $j) = js($jpath);
    is($r->{status}, $code, "$jpath: $code");
    is(ref $j, 'ARRAY', '... an array');
    is($j->[0]{code}, $code, '... code a number');
    like($j->[0]{description}, $re, '... and the description');
}

# ---- requests ------------------------------------------------------------------------------
($r, $x) = xml('/open311/v2/requests.xml');
is($r->{status}, 200, 'requests.xml: 200');
types($r, 'xml', 'requests.xml');
is($x->nodeName, 'service_requests', '... root <service_requests>');
my @rq = $x->getChildrenByTagName('request');
is_deeply([map { txt($_, 'service_request_id') } @rq],
    [map { $_->[0] } @spec[0 .. 4]], '... the last 90 days by default, newest first');
is_deeply(kids($rq[0]), \@REQUEST_FIELDS, '... a request\'s elements in the spec\'s order');
is(txt($rq[0], 'status'), 'open', 'submitted: open');
is(txt($rq[1], 'status'), 'open', 'in progress: open');
is(txt($rq[2], 'status'), 'closed', 'resolved: closed');
is(txt($rq[3], 'status'), 'closed', 'rejected: closed');
is(txt($rq[4], 'status'), 'open', 'reopened: open');
is(txt($rq[2], 'status_notes'), 'Αντικαταστάθηκε ο λαμπτήρας.', 'status_notes: the latest public reply');
is(txt($rq[0], 'status_notes'), 'Υποβλήθηκε', '... else the status in words');
is(txt($rq[0], 'description'), 'Περιγραφή <0> & "λάμπα"', 'the description, escaped and read back');
is(txt($rq[3], 'description'), '', 'a hidden description: empty');
is(txt($rq[0], 'service_code'), '1', 'service_code');
is(txt($rq[0], 'service_name'), 'Ηλεκτροφωτισμός', 'service_name');
like(txt($rq[0], 'requested_datetime'), $ISO, 'requested_datetime in ISO 8601 with the zone');
like(txt($rq[0], 'updated_datetime'), $ISO, 'updated_datetime too');
like(txt($rq[0], 'expected_datetime'), qr/T23:59:59[+-]\d\d:\d\d$/, 'expected_datetime: the end of the due day');
is(txt($rq[0], 'address'), 'Οδός Ελύτη 1', 'the address');
is(txt($rq[0], 'lat'), '39.106000', 'lat');
is(txt($rq[0], 'long'), '26.554000', 'long');
is(txt($rq[0], 'media_url'), "$site/media/$large.jpg", 'media_url: the largest file of its first photo');
is(txt($rq[1], 'media_url'), '', '... empty without one');

($r, $j) = js('/open311/v2/requests.json');
types($r, 'json', 'requests.json');
is(ref $j, 'ARRAY', 'requests.json: an array');
is(scalar @$j, 5, '... of the same five');
is_deeply([sort keys %{ $j->[0] }], [sort @REQUEST_FIELDS], '... each with the spec\'s fields');
like($r->{content}, qr/"lat":39\.106000,"long":26\.554000/, '... lat and long as numbers');
ok(!defined $j->[1]{lat} && exists $j->[1]{lat}, '... null without a point');
ok(!defined $j->[3]{description}, '... a hidden description null');
is($j->[2]{status_notes}, 'Αντικαταστάθηκε ο λαμπτήρας.', '... the same status_notes');

# Filters.
sub ids { my ($p) = @_; my (undef, $v) = js($p); [map { $_->{service_request_id} } @{ $v || [] }] }
is_deeply(ids('/open311/v2/requests.json?status=open'), [qw(2026-000001 2026-000002 2026-000005)], 'status=open');
is_deeply(ids('/open311/v2/requests.json?status=closed'), [qw(2026-000003 2026-000004)], 'status=closed');
is_deeply(ids('/open311/v2/requests.json?service_code=5'), [qw(2026-000002 2026-000005)], 'service_code=5');
is_deeply(ids('/open311/v2/requests.json?service_code=1,4&status=closed'), [qw(2026-000003 2026-000004)],
    'service_code=1,4 and closed');
is_deeply(ids('/open311/v2/requests.json?service_code=&status='), ids('/open311/v2/requests.json'),
    'empty parameters count as absent');
my $old = one("SELECT DATE_FORMAT(created_at - INTERVAL 1 DAY, '%Y-%m-%d') FROM requests WHERE code = '2026-000006'");
is_deeply(ids("/open311/v2/requests.json?start_date=$old"), ['2026-000006'],
    'start_date: 90 days from it, the old request');
my $now = one(q{SELECT DATE_FORMAT(NOW() - INTERVAL 150 MINUTE, '%Y-%m-%dT%H:%i:%s')});
my $off = one(q{SELECT TIME_FORMAT(TIMEDIFF(NOW(), UTC_TIMESTAMP()), '%H:%i')});
is_deeply(ids("/open311/v2/requests.json?end_date=${now}%2B$off"), [qw(2026-000003 2026-000004 2026-000005)],
    'end_date with its offset: created before it, back 90 days');
is_deeply(ids('/open311/v2/requests.json?service_request_id=2026-000006,2026-000002,2026-999999'),
    [qw(2026-000006 2026-000002)], 'service_request_id: each that exists, in order, whatever its age');
is_deeply(ids('/open311/v2/requests.json?page_size=2'), [qw(2026-000001 2026-000002)], 'page_size=2');
is_deeply(ids('/open311/v2/requests.json?page_size=2&page=2'), [qw(2026-000003 2026-000004)], '... page 2');
is_deeply(ids('/open311/v2/requests.json?page_size=2&page=3'), [qw(2026-000005)], '... page 3');
is_deeply(ids('/open311/v2/requests.json?page_size=2&page=4'), [], '... page 4: empty');
# Polling by updated time: oldest change first, from the time given.
$t->sql("UPDATE requests SET status = 'acknowledged', updated_at = NOW() - INTERVAL 30 MINUTE WHERE code = '2026-000005'");
my $since = one(q{SELECT DATE_FORMAT(NOW() - INTERVAL 150 MINUTE, '%Y-%m-%d %H:%i:%s')});
$since =~ s/ /T/;
is_deeply(ids("/open311/v2/requests.json?updated_after=${since}%2B$off"),
    [qw(2026-000002 2026-000001 2026-000005)], 'updated_after: what changed since, oldest change first');

# One request.
($r, $x) = xml('/open311/v2/requests/2026-000003.xml');
is($r->{status}, 200, 'requests/2026-000003.xml: 200');
is($x->nodeName, 'service_requests', '... a service_requests list');
my @one = $x->getChildrenByTagName('request');
is(scalar @one, 1, '... of one request');
is_deeply(kids(kid($x, 'request')), \@REQUEST_FIELDS, '... with every field');
($r, $j) = js('/open311/v2/requests/2026-000006.json');
is(ref $j, 'ARRAY', 'requests/{id}.json: an array');
is($j->[0]{service_request_id}, '2026-000006', '... of that one, however old');
($r, $j) = js("/open311/v2/requests/2026-000001.json?jurisdiction_id=$host");
is($r->{status}, 200, 'jurisdiction_id: this site\'s host name is accepted');

# ---- nothing private, anywhere ---------------------------------------------------------------
my @leaks;
for my $b (@bodies) {
    my $text = decode_utf8($b->[1]);
    push @leaks, "$b->[0]: $_" for grep { index($text, $PRIVATE{$_}) >= 0 } sort keys %PRIVATE;
}
is_deeply(\@leaks, [], 'no name, e-mail, phone, internal note or hidden description in '
    . scalar(@bodies) . ' answers');

done_testing;
