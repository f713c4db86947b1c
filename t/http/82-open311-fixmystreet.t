#!/usr/bin/env perl
# Agora's Open311 API as FixMyStreet's Open311 client (mySociety's
# perllib/Open311.pm and its GetServiceRequests) sees it: the same HTTP
# (LWP::UserAgent, HTTP::Request::Common's urlencoded POST, URI's query
# strings, jurisdiction_id on every call and api_key in the POST body), the
# same XML reader (XML::Simple with FixMyStreet's ForceArray, GroupTags,
# KeyAttr and SuppressEmpty settings) and the same paths into what it read
# ($list->{service}[i]{metadata} eq 'true', $meta->{attributes}[i]{values},
# $obj->{request}[0]{service_request_id}, $obj->{error}[i]{code}), and its
# dates through DateTime::Format::W3CDTF.  Its POST's parameters are the
# ones FixMyStreet sends (description with title and link, first_name and
# last_name split from the name, email, phone, lat/long to six places,
# attribute[CODE]).  A request FixMyStreet files is on the web tracking
# page; nothing the client reads carries the reporter's name, e-mail or
# phone.  t/browser/open311-client.mjs does the same with Code for
# America's Node.js client over JSON.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8 decode_utf8);
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

# The client's own libraries, Debian packages script/test installs.
for my $m (['XML::Simple', 'libxml-simple-perl'], ['LWP::UserAgent', 'libwww-perl'],
           ['HTTP::Request::Common', 'libwww-perl'], ['DateTime::Format::W3CDTF', 'libdatetime-format-w3cdtf-perl']) {
    next if eval "require $m->[0]; 1";
    fail("$m->[0] is installed (Debian package $m->[1]; script/test installs it)");
    done_testing;
    exit 1;
}
HTTP::Request::Common->import(qw(GET POST));

my $t = Agora::Test->new(smtp => 1);
my ($host) = $t->url('') =~ m{^https?://([^/:]+)};
sub one { my @r = $t->sql($_[0]); $r[0] ? $r[0][0] : undef }
my %PRIVATE = (name => 'Ευστάθιος Κρυφόπουλος', email => 'efstathios.krufo@example.org',
    phone => '6971112233');
# Only this test's requests and questions.
$t->sql('DELETE FROM requests');
$t->sql('DELETE FROM request_questions');

# A key, as an administrator issues it in /admin/api-keys.
my $admin = Agora::Staff->new($t);
my $pw = $admin->create('anna', roles => ['admin']);
$admin->login('anna', $pw);
$admin->enrol;
my $r = $admin->submit('/admin/api-keys', '/admin/api-keys',
    { name => 'FixMyStreet', contact => 'fms@example.org', per_hour => 100 });
my ($key) = decode_utf8($r->{content} // '') =~ m{<code id="new-key" class="api-key">(agora_[A-Za-z0-9_-]{43})</code>};
ok($key, 'an administrator issued FixMyStreet a key') or BAIL_OUT('no key: ' . $r->{status});

# Water (category 5) asks one required choice, as a council's category with
# extra questions does.
$t->sql(q{INSERT INTO request_questions (category_id, kind, label_el, required, sort_order)
          VALUES (5, 'choice', 'Τι βλέπετε;', 1, 1)});
my $q = one('SELECT id FROM request_questions WHERE category_id = 5');
$t->sql(qq{INSERT INTO request_question_choices (question_id, label_el, stop_el, sort_order) VALUES
           ($q, 'Διαρροή νερού', NULL, 1), ($q, 'Χαμηλή πίεση', NULL, 2)});
my $leak = one("SELECT id FROM request_question_choices WHERE question_id = $q ORDER BY sort_order LIMIT 1");

# ---- the client ---------------------------------------------------------------------------
# What FixMyStreet's Open311 object is configured with for a body.
my $endpoint = $t->url('/open311/v2/');
my $ua = LWP::UserAgent->new(agent => 'agora-test/1 (as FixMyStreet)');
my @answers;    # every body the client read, for the privacy check
my $group_tags = { services => 'service', attributes => 'attribute', values => 'value',
    service_requests => 'request', errors => 'error', service_request_updates => 'request_update' };
my $simple = XML::Simple->new(ForceArray => [values %$group_tags], KeyAttr => {},
    GroupTags => $group_tags, SuppressEmpty => undef);
sub xml_object { my ($xml) = @_; my $o = eval { $simple->parse_string($xml) }; return $o }
# call(METHOD, PATH, {PARAMS}): (HTTP::Response, the XML object).
sub call {
    my ($method, $path, $params) = @_;
    my $uri = URI->new($endpoint);
    $uri->path($uri->path . $path);
    my %p = (%{ $params || {} }, jurisdiction_id => $host);
    $p{api_key} = $key if $method eq 'POST' && !exists $p{api_key};
    delete @p{ grep { !defined $p{$_} } keys %p };
    my $req;
    if ($method eq 'GET') {
        $uri->query_form(map { ($_, encode_utf8($p{$_})) } sort keys %p);
        $req = GET($uri->as_string);
    } else {
        $req = POST($uri->as_string, [map { ($_, encode_utf8($p{$_})) } sort keys %p]);
    }
    # As $t->get does: with AGORA_TEST_MICRO_CACHE=1 a list read again
    # after a change waits out nginx's copy of it.
    $t->before_request($method, $uri->path_query);
    my $res = $ua->request($req);
    $t->after_request($method, $uri->path_query);
    push @answers, $res->decoded_content;
    return ($res, xml_object($res->decoded_content));
}
# FixMyStreet's _process_error: "code: description" for each error.
sub process_error {
    my ($obj) = @_;
    return join '', map { sprintf "%s: %s\n", $_->{code} || '???', $_->{description} || 'unknown error' }
        @{ (ref $obj && $obj->{error}) || [] };
}

# ---- get_service_list, then get_service_meta_info where metadata says so -------------------
my ($res, $list) = call(GET => 'services.xml');
is($res->code, 200, 'services.xml: 200');
like($res->header('Content-Type'), qr{^text/xml; charset=utf-8$}i, '... text/xml; charset=utf-8');
is(ref $list->{service}, 'ARRAY', '... $list->{service} is the list');
my %svc = map { $_->{service_code} => $_ } grep { !ref $_->{service_code} } @{ $list->{service} || [] };
ok(%svc >= 5, scalar(keys %svc) . ' services, each with a service_code');
ok(!grep({ !defined $_->{service_name} || ref $_->{service_name} } values %svc),
   '... and a service_name (the category FixMyStreet creates)');
is(lc $svc{5}{metadata}, 'true', 'water: metadata is "true", so the client fetches its definition');
is(lc $svc{1}{metadata}, 'false', 'lighting: "false", so it does not');
my $meta;
($res, $meta) = call(GET => 'services/5.xml');
is($res->code, 200, 'services/5.xml: 200');
is($meta->{service_code}, 5, '... $meta->{service_code}');
is(ref $meta->{attributes}, 'ARRAY', '... $meta->{attributes} is the list of questions');
my ($attr) = @{ $meta->{attributes} || [] };
is($attr->{code}, $q, '... the question\'s code');
is($attr->{datatype}, 'singlevaluelist', '... one choice: singlevaluelist');
is(lc $attr->{required}, 'true', '... required');
is(lc $attr->{variable}, 'true', '... variable (asked of the reporter)');
is($attr->{description}, 'Τι βλέπετε;', '... its Greek wording as the description');
is_deeply([map { [$_->{key}, $_->{name}] } @{ $attr->{values} || [] }],
          [[$leak, 'Διαρροή νερού'], [$leak + 1, 'Χαμηλή πίεση']], '... the values as {key, name}');

# ---- send_service_request ------------------------------------------------------------------
my ($first, $last) = $PRIVATE{name} =~ /(\w+)(?:\.?\s+(.+))?/;
my %report = (
    description => "Σπασμένος αγωγός\n\nΤρέχει νερό στη γωνία από το πρωί.\n\nhttps://fms.example.org/report/42\n",
    service_code => 5, first_name => $first, last_name => $last,
    email => $PRIVATE{email}, phone => $PRIVATE{phone},
    lat => sprintf('%.6f', 39.1063112), long => sprintf('%.6f', 26.5547249),
    "attribute[$q]" => $leak,
);
my $obj;
($res, $obj) = call(POST => 'requests.xml', { %report, api_key => 'agora_' . ('x' x 43) });
is($res->code, 403, 'a wrong key: 403');
like(process_error($obj), qr/^403: .*api_key/m, '... which _process_error reads as "403: ..."');
($res, $obj) = call(POST => 'requests.xml', { %report, "attribute[$q]" => undef });
is($res->code, 400, 'the required question unanswered: 400');
like(process_error($obj), qr/^400: .*attribute\[$q\]/m, '... naming the attribute');
is(one('SELECT COUNT(*) FROM requests'), 0, 'nothing was filed by either');

($res, $obj) = call(POST => 'requests.xml', \%report);
is($res->code, 200, 'send_service_request: 200');
my $id = $obj->{request}[0]{service_request_id};
ok($id && !ref $id, "... \$obj->{request}[0]{service_request_id} is the request's number ($id)")
    or diag($res->decoded_content);
like($id // '', qr/^\d{4}-\d{6}$/, '... the tracking code');
is(one("SELECT channel FROM requests WHERE code = '$id'"), 'open311', '... stored, channel open311');
is(one("SELECT email FROM requests WHERE code = '$id'"), $PRIVATE{email}, '... with the e-mail for the reporter\'s updates');
is(one("SELECT COUNT(*) FROM request_answers WHERE request_id = (SELECT id FROM requests WHERE code = '$id')"), 1,
   '... and the answer to the question');
# FixMyStreet sends a report once; its retry after a timeout is the same POST.
($res, $obj) = call(POST => 'requests.xml', \%report);
is($obj->{request}[0]{service_request_id}, $id, 'the same POST again: the same request');
is(one('SELECT COUNT(*) FROM requests'), 1, '... still one row');
my $token = $obj->{request}[0]{token};
if (defined $token && !ref $token) {
    my $o;
    ($res, $o) = call(GET => "tokens/$token.xml");
    is($o->{request}[0]{service_request_id}, $id, 'get_service_request_id_from_token: the same number');
} else {
    pass('no token: the number came at once');
}
is($t->get("/requests/$id")->{status}, 200, 'the request has its web tracking page');

# ---- get_service_requests, by id and by the dates GetServiceRequests sends -------------------
($res, $obj) = call(GET => 'requests.xml', { service_request_id => $id });
is($res->code, 200, 'get_service_requests(report_ids): 200');
my ($got) = @{ $obj->{request} || [] };
is($got->{service_request_id}, $id, '... $obj->{request}[0] is the request');
is($got->{status}, 'open', '... open');
is($got->{service_code}, 5, '... its service_code');
ok(!ref $got->{$_}, "... $_ is text") for qw(lat long requested_datetime updated_datetime description);
like($got->{lat}, qr/^39\.10631/, '... lat');
my $w3c = DateTime::Format::W3CDTF->new;
my $created = eval { $w3c->parse_datetime($got->{requested_datetime}) };
ok($created, "... requested_datetime parses as W3CDTF ($got->{requested_datetime})");
ok(eval { $w3c->parse_datetime($got->{updated_datetime}) }, '... and updated_datetime');
ok($created && abs($created->epoch - time) < 300, '... and is now');
# GetServiceRequests asks for the last hour, in UTC, formatted by W3CDTF.
my $now = DateTime->now;
my %window = (start_date => $w3c->format_datetime($now->clone->subtract(hours => 1)),
              end_date => $w3c->format_datetime($now->clone->add(minutes => 5)));
($res, $obj) = call(GET => 'requests.xml', \%window);
is($res->code, 200, "the last hour ($window{start_date} to $window{end_date}): 200");
is_deeply([map { $_->{service_request_id} } @{ $obj->{request} || [] }], [$id], '... the one request');
($res, $obj) = call(GET => 'requests.xml', { start_date => '2020-01-01T00:00:00Z', end_date => '2020-01-02T00:00:00Z' });
is_deeply($obj->{request} // [], [], 'a day in 2020: no request element (an empty list)');

# Staff close it with a public answer and an internal note.
$r = $admin->submit("/admin/requests/$id", "/admin/requests/$id",
    { status => 'resolved', reply => 'Ο αγωγός επισκευάστηκε.', note => 'Εσωτερικό: χρέωση στον εργολάβο.' });
is($r->{status}, 303, 'staff resolve it with a reply') or diag($t->text($r));
($res, $obj) = call(GET => 'requests.xml', { service_request_id => $id });
($got) = @{ $obj->{request} || [] };
is($got->{status}, 'closed', 'resolved: closed');
is($got->{status_notes}, 'Ο αγωγός επισκευάστηκε.', '... with the public answer as status_notes');
unlike(join("\n", @answers), qr/Εσωτερικό/, '... and never the internal note');

# ---- privacy -------------------------------------------------------------------------------
my $all = join "\n", @answers;
for my $what (qw(email phone)) {
    unlike($all, qr/\Q$PRIVATE{$what}\E/, "no answer the client read carries the reporter's $what");
}
unlike($all, qr/\Q$last\E/, '... nor the surname');
unlike($all, qr/\Q$first\E/, '... nor the first name');

done_testing;
