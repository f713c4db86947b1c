#!/usr/bin/env perl
# Filing citizens' requests through Open311 (src/open311/post.c, keys.c):
# an administrator issues a key in /admin/api-keys (shown once, only its
# hash kept, audit-logged, revocable; no one else may); a POST without a
# key, with a wrong or a revoked one is 403; every rule of the web form
# answers 400 with the parameter named (a missing service, location or
# contact, a description over 4000 characters, a bad e-mail, a required
# question, a choice that stops), an unknown service 404, a key over its
# hourly limit 429; a valid POST answers 200 with the request's number
# only after it is stored, with its confirmation mail queued; the same
# POST again gives the same request; tokens/{token}; a photo as the
# "media" part; a request POSTed through Open311 is on the web tracking
# page, and one filed on the web is in Open311 - and no answer carries the
# reporter's name, e-mail or phone.  The developers' page /open311.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8 decode_utf8);
use JSON::PP;
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $have_libxml = eval { require XML::LibXML; 1 };
if (!$have_libxml) {
    fail('XML::LibXML is installed (Debian package libxml-libxml-perl; script/test installs it)');
    done_testing;
    exit 1;
}

my $t = Agora::Test->new(smtp => 1);
my $json = JSON::PP->new->utf8;
sub one { my @r = $t->sql($_[0]); $r[0] ? $r[0][0] : undef }
my %PRIVATE = (first => 'Ζηνοβία', last => 'Κρυφοπούλου', email => 'zenovia.krufo@example.org',
    phone => '6987654321');
my @bodies;
# Only this test's requests and questions: the demo's go first.
$t->sql('DELETE FROM requests');
$t->sql('DELETE FROM request_questions');

my $app = Agora::Staff->new($t);    # the app: no session, just HTTP
# post(FMT, [FIELDS]): (answer, decoded JSON or the XML root).
sub post {
    my ($fmt, $fields) = @_;
    my $r = $app->post("/open311/v2/requests.$fmt", $fields);
    push @bodies, $r->{content};
    return ($r, $fmt eq 'json' ? eval { $json->decode($r->{content}) }
                               : eval { XML::LibXML->load_xml(string => $r->{content})->documentElement });
}
# err(ANSWER, DOC, FMT): the descriptions of an errors document.
sub errs {
    my ($doc, $fmt) = @_;
    return [map { $_->{description} } @{ $doc || [] }] if $fmt eq 'json';
    return [map { $_->getChildrenByTagName('description')->[0]->textContent }
            $doc ? $doc->getChildrenByTagName('error') : ()];
}

# ---- keys: only an administrator, shown once --------------------------------------------------
my $admin = Agora::Staff->new($t);
my $apw = $admin->create('anna', roles => ['admin']);
is($admin->login('anna', $apw)->{status}, 303, 'an administrator signs in');
$admin->enrol;    # an administrator's pages need a second factor
my $ed = Agora::Staff->new($t);
my $epw = $ed->create('grafeas', roles => ['editor']);
$ed->login('grafeas', $epw);
is($ed->get('/admin/api-keys')->{status}, 403, 'an editor may not see the keys (403)');
my $page = $admin->get('/admin/api-keys');
is($page->{status}, 200, 'the keys page: 200');
like($t->text($page), qr/Δεν έχει εκδοθεί κανένα κλειδί/, '... none yet');
my $r = $admin->submit($page, '/admin/api-keys', { name => '', per_hour => 'πολλά' });
is($r->{status}, 422, 'no holder, no number: 422');
like($t->text($r), qr/Γράψτε ποιος θα έχει το κλειδί/, '... saying so');
$r = $admin->submit($page, '/admin/api-keys', { name => 'Εφαρμογή Λέσβου', contact => 'dev@app.example.org',
    per_hour => 5 });
is($r->{status}, 200, 'a key is issued: 200, on the page itself');
my ($key) = $t->text($r) =~ m{<code id="new-key" class="api-key">(agora_[A-Za-z0-9_-]{43})</code>};
ok($key, '... the key shown') or diag($t->text($r));
like($t->text($r), qr/δεν θα εμφανιστεί ξανά/, '... once, it says');
like($r->{headers}{'cache-control'} // '', qr/no-store/, '... on a page no cache keeps');
unlike($t->text($admin->get('/admin/api-keys')), qr/\Q$key\E/, 'the list does not show it again');
like($t->text($admin->get('/admin/api-keys')), qr/agora_\Q${\ substr($key, 6, 8)}\E…/, '... only its first characters');
unlike(join('', map { @$_ } $t->sql('SELECT name, contact, prefix, HEX(hash) FROM api_keys')), qr/\Q${\ substr($key, 14)}\E/,
    'the database keeps no copy of the key');
is(one(q{SELECT COUNT(*) FROM audit_log WHERE action = 'api_key_create'}), 1, 'issuing it is audit-logged');
my $again = $admin->post('/admin/api-keys', { %{ $admin->form($page, '/admin/api-keys') },
    name => 'Εφαρμογή Λέσβου', per_hour => 5 });
is($again->{status}, 303, 'the same form sent twice: no second key (303)');
is(one('SELECT COUNT(*) FROM api_keys'), 1, '... still one key');

$t->sql('UPDATE api_keys SET per_hour = 1000');    # the limit is tried at the end

# ---- POST: the key -------------------------------------------------------------------------
my @good = (service_code => 1, lat => '39.106300', long => '26.554700',
    address_string => 'Πλατεία Σαπφούς', description => 'Σβηστή λάμπα στην πλατεία.',
    first_name => $PRIVATE{first}, last_name => $PRIVATE{last}, email => $PRIVATE{email},
    phone => $PRIVATE{phone});
# with(K => V, ...): the good parameters with these replaced (undef: left out).
sub with {
    my %o = @_;
    my @f = @good;
    my @out;
    while (my ($k, $v) = splice @f, 0, 2) {
        next if exists $o{$k} && !defined $o{$k};
        push @out, $k, exists $o{$k} ? delete $o{$k} : $v;
    }
    return (@out, map { ($_, $o{$_}) } grep { defined $o{$_} } sort keys %o);
}
my ($x, $d);
for my $fmt (qw(xml json)) {
    ($r, $d) = post($fmt, [@good]);
    is($r->{status}, 403, "$fmt: no api_key: 403");
    like(errs($d, $fmt)->[0], qr/api_key/, '... an errors document naming api_key');
    ($r, $d) = post($fmt, [api_key => 'agora_' . ('A' x 43), @good]);
    is($r->{status}, 403, "$fmt: an unknown key: 403");
}
is(one('SELECT COUNT(*) FROM requests'), 0, 'nothing was filed');

# ---- POST: what the web form refuses, Open311 refuses ---------------------------------------
$t->sql(q{INSERT INTO request_questions (category_id, kind, label_el, required, sort_order)
          VALUES (5, 'choice', 'Τι βλέπετε;', 1, 1), (5, 'multi', 'Πού;', 0, 2)});
my ($q1, $q2) = map { $_->[0] } $t->sql('SELECT id FROM request_questions WHERE category_id = 5 ORDER BY sort_order');
$t->sql(qq{INSERT INTO request_question_choices (question_id, label_el, stop_el, sort_order) VALUES
           ($q1, 'Διαρροή νερού', NULL, 1), ($q1, 'Μυρωδιά αερίου', 'Για μυρωδιά αερίου καλέστε αμέσως το 199.', 2),
           ($q2, 'Στον δρόμο', NULL, 1), ($q2, 'Στο πεζοδρόμιο', NULL, 2)});
my ($leak, $gas) = map { $_->[0] } $t->sql("SELECT id FROM request_question_choices WHERE question_id = $q1 ORDER BY sort_order");
my ($road, $side) = map { $_->[0] } $t->sql("SELECT id FROM request_question_choices WHERE question_id = $q2 ORDER BY sort_order");
my @cases = (
    ['no service_code', 400, qr/service_code/, [with(service_code => undef)]],
    ['an unknown service', 404, qr/service_code/, [with(service_code => 999)]],
    ['no location', 400, qr/location/, [service_code => 1, description => 'x', email => $PRIVATE{email}]],
    ['a description of 4001 characters', 400, qr/description/, [with(description => 'α' x 4001)]],
    ['no description', 400, qr/description/, [with(description => '')]],
    ['a bad e-mail', 400, qr/email/, [with(email => 'όχι-email')]],
    ['a point outside the municipality', 400, qr/lat/, [with(lat => '48.8566', long => '2.3522')]],
    ['water without a contact', 400, qr/email/, [service_code => 5, address_string => 'Οδός 1',
        description => 'Νερά', "attribute[$q1]" => $leak]],
    ['a required question unanswered', 400, qr/attribute\[$q1\]/, [with(service_code => 5)]],
    ['an answer not among the values', 400, qr/attribute\[$q1\]/, [with(service_code => 5, "attribute[$q1]" => 99999)]],
    ['a choice that stops', 400, qr/199/, [with(service_code => 5, "attribute[$q1]" => $gas)]],
);
for my $c (@cases) {
    my ($what, $code, $re, $fields) = @$c;
    for my $fmt (qw(xml json)) {
        ($r, $d) = post($fmt, [api_key => $key, @$fields]);
        is($r->{status}, $code, "$fmt: $what: $code");
        like(join(' | ', @{ errs($d, $fmt) }), $re, '... saying what') or diag($r->{content});
    }
}
# Hostile input: a NUL, a 5 MB field, a part without a name, bad escapes.
for my $h (['a NUL in the description', [api_key => $key, with(description => "λάμπα\0σβηστή")], qr/^4\d\d$/],
           ['a description of 5 MB', [api_key => $key, with(description => 'x' x (5 * 1024 * 1024))], qr/^(400|413)$/],
           ['an attribute code that is not a number', [api_key => $key, with('attribute[../../x]' => 1)], qr/^200$/]) {
    my ($what, $fields, $want) = @$h;
    ($r) = post('json', $fields);
    like($r->{status}, $want, "$what: $r->{status}, never a 5xx");
}
$t->sql('DELETE FROM requests');
$r = $app->request('POST', '/open311/v2/requests.json', { headers => { 'content-type' => 'application/x-www-form-urlencoded' },
    content => "api_key=$key&description=%ZZ" });
is($r->{status}, 400, 'a bad percent-escape: 400');
$r = $app->request('POST', '/open311/v2/requests.json', { headers => { 'content-type' => 'multipart/form-data; boundary=XX' },
    content => "--XX\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--XX--\r\n" });
like($r->{status}, qr/^4\d\d$/, "a part without a name: $r->{status}");
$r = $app->request('POST', '/open311/v2/requests.json', { headers => { 'content-type' => 'application/json' },
    content => '{"api_key":"x"}' });
is($r->{status}, 415, 'a JSON body: 415 (the spec posts a form)');
is(one('SELECT COUNT(*) FROM requests'), 0, 'still nothing filed');

# ---- POST: filed ---------------------------------------------------------------------------
($r, $d) = post('json', [api_key => $key, with(service_code => 5, "attribute[$q1]" => $leak),
    "attribute[$q2][]" => $road, "attribute[$q2][]" => $side]);
is($r->{status}, 200, 'a valid POST: 200');
is($r->{headers}{'content-type'}, 'application/json', '... JSON');
ok(!defined $r->{headers}{'access-control-allow-origin'}, '... no CORS on a POST');
is(ref $d, 'ARRAY', '... an array');
my $code = $d->[0]{service_request_id};
like($code, qr/^\d{4}-\d{6}$/, "... the request's number ($code)");
like($d->[0]{token}, qr/^[A-Za-z0-9_-]{43}$/, '... and its token');
like($d->[0]{service_notice}, qr{/requests/\Q$code\E}, '... a notice with the tracking page');
ok(exists $d->[0]{account_id} && !defined $d->[0]{account_id}, '... account_id null');
my ($row) = $t->sql("SELECT channel, category_id, email, phone, name, status, lat FROM requests WHERE code = '$code'");
is_deeply($row, ['open311', 5, $PRIVATE{email}, $PRIVATE{phone}, "$PRIVATE{first} $PRIVATE{last}", 'submitted', '39.106300'],
    'stored: channel open311, the category, the reporter (for staff), the point');
is_deeply([map { $_->[0] } $t->sql("SELECT value FROM request_answers a JOIN requests r ON r.id = a.request_id"
    . " WHERE r.code = '$code' ORDER BY question_id")], ['Διαρροή νερού', 'Στον δρόμο; Στο πεζοδρόμιο'],
    '... with both answers, the multivaluelist\'s two values');
cmp_ok(one("SELECT COUNT(*) FROM outbox WHERE rcpt = '$PRIVATE{email}'"), '>=', 1,
    '... and the reporter\'s confirmation mail queued with it');
my $token = $d->[0]{token};
($r, $d) = post('json', [api_key => $key, with(service_code => 5, "attribute[$q1]" => $leak),
    "attribute[$q2][]" => $road, "attribute[$q2][]" => $side]);
is($r->{status}, 200, 'the same POST again (a retry after a timeout): 200');
is($d->[0]{service_request_id}, $code, '... the same request');
is(one('SELECT COUNT(*) FROM requests'), 1, '... not a second one');
($r, $x) = post('xml', [api_key => $key, @good]);
is($r->{status}, 200, 'an XML POST: 200');
is($x->nodeName, 'service_requests', '... <service_requests>');
my ($req) = $x->getChildrenByTagName('request');
is_deeply([map { $_->nodeName } grep { $_->nodeType == 1 } $req->childNodes],
    [qw(service_request_id token service_notice account_id)], '... <request> with the spec\'s fields');
my $code2 = $req->getChildrenByTagName('service_request_id')->[0]->textContent;
isnt($code2, $code, '... another request');

# tokens/{token}
$r = $t->get("/open311/v2/tokens/$token.json");
is($r->{status}, 200, 'tokens/{token}.json: 200');
is_deeply($json->decode($r->{content}), [{ service_request_id => $code, token => $token }],
    '... the request it filed');
is($t->get('/open311/v2/tokens/' . ('x' x 43) . '.xml')->{status}, 404, 'an unknown token: 404');

# A photo as the "media" part.
open my $fh, '<:raw', "$FindBin::Bin/../unit/data/media/photo.jpg" or die $!;
my $jpeg = do { local $/; <$fh> };
close $fh;
my %g = @good;
$r = $app->post_multipart('/open311/v2/requests.json', { api_key => $key, %g, description => 'Με φωτογραφία' },
    { media => ['lampa.jpg', 'image/jpeg', $jpeg] });
push @bodies, $r->{content};
is($r->{status}, 200, 'a POST with a photo (multipart, "media"): 200') or diag($r->{content});
my $code3 = eval { $json->decode($r->{content})->[0]{service_request_id} } // '';
$r = $t->get("/open311/v2/requests/$code3.json");
like(eval { $json->decode($r->{content})->[0]{media_url} } // '', qr{/media/[0-9a-f]{64}\.(jpg|webp)$},
    '... its media_url is the photo, re-encoded');

# ---- the web and Open311 see the same requests ---------------------------------------------
$r = $t->get("/requests/$code");
is($r->{status}, 200, 'the request POSTed through Open311 has its web tracking page');
like($t->text($r), qr/Σβηστή λάμπα στην πλατεία/, '... with its description');
my $br = Agora::Staff->new($t);
my $web = $br->submit('/requests/new?category=1', '/requests/new', { category => 1,
    description => 'Από τον ιστότοπο', address => 'Οδός Ερμού 5', email => 'web@example.org',
    consent => 1 });
is($web->{status}, 303, 'a request filed on the web');
my ($wcode) = ($web->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
($r) = $t->get("/open311/v2/requests/$wcode.json");
is($r->{status}, 200, '... is in Open311');
is(eval { $json->decode($r->{content})->[0]{description} }, 'Από τον ιστότοπο', '... the same');
push @bodies, $r->{content};

# ---- limits and revoking --------------------------------------------------------------------
$t->sql('UPDATE api_keys SET per_hour = 4');
($r, $d) = post('json', [api_key => $key, with(description => 'Πέμπτο')]);
is($r->{status}, 429, 'over the key\'s requests an hour: 429');
like($r->{headers}{'retry-after'} // '', qr/^\d+$/, '... with Retry-After');
like(errs($d, 'json')->[0], qr/an hour/, '... saying why');
my $kid = one('SELECT id FROM api_keys');
$page = $admin->get('/admin/api-keys');
$r = $admin->post("/admin/api-keys/$kid/revoke", { csrf => $admin->form($page, "/admin/api-keys/$kid/revoke")->{csrf} });
is($r->{status}, 303, 'the administrator revokes the key');
is(one(q{SELECT COUNT(*) FROM audit_log WHERE action = 'api_key_revoke'}), 1, '... audit-logged');
$t->sql('UPDATE api_keys SET per_hour = 1000');
($r) = post('json', [api_key => $key, with(description => 'Μετά την ανάκληση')]);
is($r->{status}, 403, 'a revoked key: 403');
is($ed->post("/admin/api-keys/$kid/revoke", { csrf => 'x' })->{status}, 403, 'an editor may not revoke');

# ---- the developers' page ---------------------------------------------------------------------
for my $p ('/open311', '/en/open311') {
    $r = $t->get($p);
    is($r->{status}, 200, "$p: 200");
    like($t->text($r), qr{<code>[^<]*/open311/v2</code>}, '... the base address');
    like($t->text($r), qr{<code>5</code></th><td>(Ύδρευση και αποχέτευση|Water and sewage)}, '... the services with their codes');
}

# ---- nothing private in any answer ------------------------------------------------------------
my @leaks;
for my $b (@bodies) {
    my $text = decode_utf8($b // '');
    push @leaks, grep { index($text, $PRIVATE{$_}) >= 0 } sort keys %PRIVATE;
}
is_deeply(\@leaks, [], 'no reporter\'s name, e-mail or phone in any of ' . scalar(@bodies) . ' answers');

done_testing;
