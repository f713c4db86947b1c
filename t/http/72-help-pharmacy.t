#!/usr/bin/env perl
# The pharmacists' association's link (src/help/pharmacy.c, mail/hook.c,
# docs/pharmacy-api.md): an operator sends a medicines case's prescription;
# the outbox delivers it as a signed webhook to the reference receiver
# (docs/pharmacy-receiver.py), which checks the signature; while the
# receiver is down the row waits with its error and a later try, then goes
# once (the same nonce every try); the association's signed callbacks move
# the case, and every bad one (signature, headers, clock, replay, JSON,
# status, case, order) is refused, audited and changes nothing; "ready"
# mails the assignee their signed task link without the resident's data;
# who may press "send"; an SMS through the HTTP gateway with its token.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Digest::SHA qw(hmac_sha256_hex);
use Encode qw(encode_utf8 decode_utf8);
use JSON::PP;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $secret = 'pharmacy-test-secret-0123456789abcdefghijklmnop';
my $pport = Agora::Test::free_port();
my $sport = Agora::Test::free_port();
my $t = Agora::Test->new(smtp => 1, conf => {
    pharmacy_url => "http://127.0.0.1:$pport/prescriptions",
    pharmacy_secret => $secret,
    pharmacy_timeout => 3,
    outbox_retry_seconds => 60,
    sms_url => "http://127.0.0.1:$sport/send",
    sms_token => 'sms-token-123',
    sms_sender => 'Dimos',
});
$t->help_wipe;    # the demo's desk: this test counts its own rows
my $json = JSON::PP->new->utf8->canonical;

sub one { my @r = $t->sql($_[0]); $r[0] ? $r[0][0] : undef }

# ---- the resident, the case and its prescriptions ---------------------------------------
my $area = one('SELECT MIN(id) FROM areas');
$t->sql(qq{INSERT INTO help_beneficiaries (first_name, last_name, phone, address, area_id)
           VALUES ('Ευδοκία', 'Παπαδάκη', '2251023456', 'Οδός Ελύτη 3', $area)});
my $ben = one(q{SELECT id FROM help_beneficiaries WHERE last_name = 'Παπαδάκη'});
$t->sql(qq{INSERT INTO help_health (beneficiary_id, amka) VALUES ($ben, '01015012345')});
$t->sql(qq{INSERT INTO help_cases (beneficiary_id, area_id, type, details, urgency, wanted_by, channel)
           VALUES ($ben, $area, 'medicines', 'Τα φάρμακα του μήνα', 'urgent',
                   '2031-05-04 10:30:00', 'phone')});
my $case = one(q{SELECT MAX(id) FROM help_cases});
$t->sql(qq{INSERT INTO help_case_health (case_id, prescriptions, amka, details)
           VALUES ($case, '1234567890123\n 2345678901234 \n', '', 'Ινσουλίνη, 2 κουτιά')});
# A groceries case, and a medicines case never sent.
$t->sql(qq{INSERT INTO help_cases (beneficiary_id, area_id, type, details, wanted_by, channel)
           VALUES ($ben, $area, 'groceries', 'Ψωμί', NOW() + INTERVAL 1 DAY, 'phone')});
my $groceries = one(q{SELECT MAX(id) FROM help_cases});
$t->sql(qq{INSERT INTO help_cases (beneficiary_id, area_id, type, details, wanted_by, channel)
           VALUES ($ben, $area, 'medicines', 'x', NOW() + INTERVAL 1 DAY, 'phone')});
my $unsent = one(q{SELECT MAX(id) FROM help_cases});

# ---- who may press "send" ------------------------------------------------------------------
my %b;
for my $role (qw(operator volunteer dispatcher)) {
    my $s = Agora::Staff->new($t);
    my $pw = $s->create("ph-$role", roles => [$role]);
    is($s->login("ph-$role", $pw)->{status}, 303, "$role signs in");
    $s->{csrf} = $s->form($s->get('/admin'), '/admin/logout')->{csrf};
    $b{$role} = $s;
}
my $send = "/admin/help/cases/$case/pharmacy";
for my $role (qw(volunteer dispatcher)) {
    is($b{$role}->post($send, { csrf => $b{$role}{csrf} })->{status}, 403,
        "a $role may not send a prescription (403)");
}
is(one('SELECT COUNT(*) FROM outbox WHERE kind = \'help.pharmacy\''), 0, '... nothing queued');
my $op = $b{operator};
is($op->post($send, {})->{status}, 403, 'without the CSRF token: 403');
my $r = $op->post("/admin/help/cases/$groceries/pharmacy", { csrf => $op->{csrf} });
is($r->{status}, 422, 'a groceries case cannot be sent: 422');
like($t->text($r), qr/Μόνο υποθέσεις φαρμάκων/, '... with the reason in Greek');
is($op->post('/admin/help/cases/999999/pharmacy', { csrf => $op->{csrf} })->{status}, 404,
    'an unknown case: 404');
$r = $op->post("/admin/help/cases/$unsent/pharmacy", { csrf => $op->{csrf} });
is($r->{status}, 422, 'a case without a prescription barcode: 422');
like($t->text($r), qr/barcode/, '... saying so');

# ---- the operator sends it -----------------------------------------------------------------
$r = $op->post($send, { csrf => $op->{csrf} });
is($r->{status}, 303, 'the operator sends the prescription: 303');
like($r->{headers}{location}, qr{/admin/help/cases/$case\?done=pharmacy$}, '... back to the case');
my @ob = $t->sql(q{SELECT id, channel, rcpt, state, message_id, subject, body_text
                   FROM outbox WHERE kind = 'help.pharmacy'});
is(scalar @ob, 1, 'one webhook row in the outbox');
my ($oid, $channel, $rcpt, $state, $nonce, $subject, $body) = @{ $ob[0] };
is($channel, 'webhook', '... channel webhook');
is($rcpt, 'pharmacy', '... to the pharmacy endpoint');
like($nonce, qr/^[0-9a-f]{64}$/, '... a 64-hex nonce');
unlike($subject, qr/Παπαδάκη|Ευδοκία|0101501/, '... its subject names no one');
is(one("SELECT pharmacy_state FROM help_cases WHERE id = $case"), 'queued', 'the case is queued');
is(one("SELECT COUNT(*) FROM help_case_events WHERE case_id = $case AND kind = 'pharmacy'"
       . " AND status = 'queued'"), 1, '... with a history row');
cmp_ok(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_health_read'"
           . " AND object_id = '$case' AND summary = 'pharmacy'"), '>=', 1,
    'reading its health data was audited');
is($op->post($send, { csrf => $op->{csrf} })->{status}, 303, 'pressing again: 303, harmless');
is(one('SELECT COUNT(*) FROM outbox WHERE kind = \'help.pharmacy\''), 1, '... still one row');

my $p = decode_json(encode_utf8($body));
is($p->{event}, 'prescription.new', 'payload: event');
is($p->{case}, $case, 'payload: case');
is_deeply($p->{prescriptions}, ['1234567890123', '2345678901234'], 'payload: the barcodes');
is($p->{amka}, '01015012345', "payload: the resident's AMKA");
is($p->{wanted_by}, '2031-05-04T10:30:00+03:00', 'payload: wanted_by with the zone offset');
is($p->{beneficiary}{last_name}, 'Παπαδάκη', 'payload: the resident');
is($p->{beneficiary}{phone}, '+302251023456', 'payload: the phone');
is($p->{notes}, 'Ινσουλίνη, 2 κουτιά', 'payload: the health details');
like($p->{callback_url}, qr{/api/pharmacy/callback$}, 'payload: the callback URL');

# ---- the receiver is down: the row waits ------------------------------------------------
my ($rc, $out) = $t->outbox_send;
is($rc, 0, 'outbox send runs while the receiver is down');
like($out, qr/0 sent, 1 retried, 0 failed/, '... one retried');
my @row = @{ ($t->sql("SELECT state, tries, last_error, next_try_at > NOW() FROM outbox WHERE id = $oid"))[0] };
is($row[0], 'queued', '... the row stays queued');
is($row[1], 1, '... after one try');
like($row[2], qr/connect|refused/i, "... with the connection's error ($row[2])");
is($row[3], 1, '... and a later next try');

# ---- back up: delivered once, verified by the receiver -------------------------------------
$t->pharmacy_start($pport, $secret);
($rc, $out) = $t->outbox_send;
like($out, qr/0 sent, 0 retried/, 'not due yet: nothing is sent before next_try_at');
$t->sql("UPDATE outbox SET next_try_at = NOW() - INTERVAL 1 SECOND WHERE id = $oid");
($rc, $out) = $t->outbox_send;
like($out, qr/1 sent, 0 retried, 0 failed/, 'due again: sent');
my @rx = $t->pharmacy_received;
is(scalar @rx, 1, 'the receiver verified the signature and stored the prescription');
is($rx[0]{nonce}, $nonce, '... under the nonce of the outbox row');
is($rx[0]{payload}{case}, $case, '... case');
is_deeply($rx[0]{payload}{prescriptions}, ['1234567890123', '2345678901234'], '... prescriptions');
is($rx[0]{payload}{amka}, '01015012345', '... AMKA');
@row = @{ ($t->sql("SELECT state, tries, body_text FROM outbox WHERE id = $oid"))[0] };
is($row[0], 'sent', 'the row is sent');
is($row[1], 2, '... on its second try');
is($row[2], '', '... and its body (health data) is emptied');

# The receiver's own checks: the same delivery again (a retry after a lost
# answer) is a duplicate, not stored twice; a wrong signature is refused.
sub signed {
    my ($url, $bytes, %o) = @_;
    my $ts = $o{ts} // time;
    my $n = $o{nonce} // join '', map { sprintf '%02x', int rand 256 } 1 .. 32;
    my $sig = 'sha256=' . hmac_sha256_hex("$ts.$n.$bytes", $o{secret} // $secret);
    my %h = ('content-type' => $o{ctype} // 'application/json', 'x-agora-timestamp' => $ts,
        'x-agora-nonce' => $n, 'x-agora-signature' => $o{sig} // $sig);
    delete @h{ @{ $o{drop} || [] } };
    my $res = HTTP::Tiny->new(timeout => 10)->request('POST', $url,
        { headers => \%h, content => $bytes });
    return ($res, $n);
}
my $rxurl = "http://127.0.0.1:$pport/prescriptions";
my $bytes = encode_utf8($body);
($r) = signed($rxurl, $bytes, nonce => $nonce);
is($r->{status}, 200, 'the receiver answers the same delivery again 200');
is(decode_json($r->{content})->{duplicate}, JSON::PP::true, '... as a duplicate');
is(scalar(() = $t->pharmacy_received), 1, '... and stores it once');
($r) = signed($rxurl, $bytes, secret => 'another-secret-of-enough-length-0123456789');
is($r->{status}, 401, 'the receiver refuses a wrong signature');
($r) = signed($rxurl, $bytes, ts => time - 3600);
is($r->{status}, 401, 'the receiver refuses an old timestamp');

# ---- the callbacks -----------------------------------------------------------------------
my $cburl = $t->url('/api/pharmacy/callback');
sub refused { one(q{SELECT COUNT(*) FROM audit_log WHERE action = 'pharmacy_refused'}) }
sub pstate  { one("SELECT pharmacy_state FROM help_cases WHERE id = $case") }
sub pevents { one("SELECT COUNT(*) FROM help_case_events WHERE case_id = $case AND kind = 'pharmacy'") }

$t->pharmacy_secret_file($secret);
($rc, $out) = $t->pharmacy_callback($cburl, case => $case, status => 'received', note => 'Το πήραμε');
is($rc, 0, "the receiver's callback mode: a valid 'received'");
like($out, qr/^200\n\{"ok":true/, '... answered 200 {"ok":true}');
is(pstate(), 'received', '... the case is received');
my @ev = $t->sql("SELECT user_id, status, note FROM help_case_events WHERE case_id = $case"
    . " AND kind = 'pharmacy' ORDER BY id DESC LIMIT 1");
is_deeply($ev[0], [undef, 'received', 'Το πήραμε'], '... a history row by the system with its note');

# Each refusal: its status, nothing changed, an audit row.
my $cb = sub { $json->encode({ case => $case + 0, status => $_[0], %{ $_[1] || {} } }) };
my @bad = (
    [ 'a bad signature', 401, sub { signed($cburl, $cb->('prepared'), sig => 'sha256=' . ('0' x 64)) } ],
    [ 'another secret', 401, sub { signed($cburl, $cb->('prepared'), secret => 'x' x 40) } ],
    [ 'no signature header', 401, sub { signed($cburl, $cb->('prepared'), drop => ['x-agora-signature']) } ],
    [ 'no headers at all', 401, sub { signed($cburl, $cb->('prepared'),
        drop => [qw(x-agora-signature x-agora-nonce x-agora-timestamp)]) } ],
    [ 'a timestamp 10 minutes old', 401, sub { signed($cburl, $cb->('prepared'), ts => time - 600) } ],
    [ 'a timestamp 10 minutes ahead', 401, sub { signed($cburl, $cb->('prepared'), ts => time + 600) } ],
    [ 'malformed JSON', 400, sub { signed($cburl, '{"case":' . $case . ',"status":"prepared",}') } ],
    [ 'not an object', 400, sub { signed($cburl, '["prepared"]') } ],
    [ 'invalid UTF-8', 400, sub { signed($cburl, "{\"case\":$case,\"status\":\"prepared\",\"note\":\"\xff\"}") } ],
    [ 'an unknown status', 400, sub { signed($cburl, $cb->('lost')) } ],
    [ 'no case', 400, sub { signed($cburl, $json->encode({ status => 'prepared' })) } ],
    [ 'a note too long', 400, sub { signed($cburl, $cb->('prepared', { note => 'α' x 501 })) } ],
    [ 'an unknown case', 404, sub { signed($cburl, $json->encode({ case => 999999, status => 'prepared' })) } ],
    [ 'a case never sent', 404, sub { signed($cburl, $json->encode({ case => $unsent + 0, status => 'prepared' })) } ],
);
for my $b (@bad) {
    my ($what, $want, $go) = @$b;
    my ($before, $ev0) = (refused(), pevents());
    my ($res) = $go->();
    is($res->{status}, $want, "callback with $what: $want");
    like($res->{content}, qr/^\{"error":"/, '... a JSON error');
    is(pstate(), 'received', '... the state is unchanged');
    is(pevents(), $ev0, '... no history row');
    is(refused(), $before + 1, '... and the refusal is in the audit log');
}
like(one(q{SELECT summary FROM audit_log WHERE action = 'pharmacy_refused' ORDER BY id DESC LIMIT 1}),
    qr/never sent/, 'the audit row says why');
like($t->log_text, qr/pharmacy callback refused: bad signature.*addr=127\.0\.0\.1/,
    'refusals are logged with the address');

# The wrong content type (nginx and the worker's R_RAW: 415).
($r) = signed($cburl, $cb->('prepared'), ctype => 'application/x-www-form-urlencoded');
is($r->{status}, 415, 'a form body: 415');
is(pstate(), 'received', '... unchanged');

# A valid one, then the same request again: a replay.
my $prep = $cb->('prepared');
my ($ok, $n1) = signed($cburl, $prep);
is($ok->{status}, 200, "a valid 'prepared': 200");
is(pstate(), 'prepared', '... the case is prepared');
my $before = refused();
($r) = signed($cburl, $prep, nonce => $n1);
is($r->{status}, 401, 'the same request again (a replayed nonce): 401');
like($r->{content}, qr/replay/, '... says replay');
is(refused(), $before + 1, '... audited');
is(pstate(), 'prepared', '... unchanged');

# The same state again under a new nonce: idempotent.
my $ev0 = pevents();
($r) = signed($cburl, $prep);
is($r->{status}, 200, "'prepared' again with a new nonce: 200");
is(pevents(), $ev0, '... no second history row');
# Going back.
($r) = signed($cburl, $cb->('received'));
is($r->{status}, 409, "'received' after 'prepared': 409");
is(pstate(), 'prepared', '... unchanged');

# ---- ready: the assignee's mail ----------------------------------------------------------------
my $vol = one(q{SELECT id FROM users WHERE username = 'ph-volunteer'});
$t->sql(qq{UPDATE users SET email = 'vol\@agora.test' WHERE id = $vol});
$t->sql(qq{UPDATE help_cases SET assignee_id = $vol, status = 'assigned' WHERE id = $case});
($r) = signed($cburl, $cb->('ready', { note => 'Στο φαρμακείο της πλατείας' }));
is($r->{status}, 200, "'ready': 200");
is(pstate(), 'ready', '... the case is ready');
($rc, $out) = $t->outbox_send;
like($out, qr/1 sent/, 'the mail is sent');
my @mails = grep { ($_->{headers}{to} // '') =~ /vol\@agora\.test/ } $t->mails;
is(scalar @mails, 1, 'the assignee got one mail');
like($mails[0]{text}, qr{/admin/help/tasks/$case\?k=[A-Za-z0-9_%-]+}, '... with the signed task link');
unlike($mails[0]{text} . $mails[0]{headers}{subject}, qr/Παπαδάκη|Ευδοκία|Ελύτη|0101501|Ινσουλίνη/,
    "... and nothing of the resident");
($r) = signed($cburl, $cb->('delivered'));
is($r->{status}, 200, "'delivered': 200");
($r) = signed($cburl, $cb->('problem'));
is($r->{status}, 409, "anything after 'delivered': 409");
is(pstate(), 'delivered', '... unchanged');

# ---- the route through nginx --------------------------------------------------------------------
is($t->get('/api/pharmacy/callback')->{status}, 405, 'GET the callback: 405');
is($t->post('/en/api/pharmacy/callback', { content => '{}',
    headers => { 'content-type' => 'application/json' } })->{status}, 404, 'no /en/ form: 404');

# ---- refused for good: the case says so and may be sent again --------------------------------
# The association's receiver runs with another secret, so it answers 401 to
# every delivery: a permanent refusal, no retry.
$t->sql(qq{INSERT INTO help_cases (beneficiary_id, area_id, type, details, wanted_by, channel)
           VALUES ($ben, $area, 'medicines', 'Αντιβίωση', NOW() + INTERVAL 1 DAY, 'phone')});
my $c2 = one(q{SELECT MAX(id) FROM help_cases});
$t->sql(qq{INSERT INTO help_case_health (case_id, prescriptions, amka, details) VALUES ($c2, '3456789012345', '', '')});
$t->pharmacy_start($pport, 'y' x 40);
is($op->post("/admin/help/cases/$c2/pharmacy", { csrf => $op->{csrf} })->{status}, 303,
    'a second case is sent');
my $nrx = () = $t->pharmacy_received;
($rc, $out) = $t->outbox_send;
like($out, qr/0 sent, 0 retried, 1 failed/, 'the receiver refuses it (401): failed at once');
is(one("SELECT pharmacy_state FROM help_cases WHERE id = $c2"), 'problem',
    "... the case's pharmacy state is 'problem', not 'queued' for ever");
like(one("SELECT note FROM help_case_events WHERE case_id = $c2 AND kind = 'pharmacy'"
         . " AND status = 'problem'"), qr/δεν παραδόθηκε.*HTTP 401/,
    '... with a history row that says why');
$r = $op->get("/admin/help/cases/$c2");
like($t->text($r), qr/δεν παραδόθηκε/, '... shown on the case page');
like($r->{content}, qr{action="/admin/help/cases/$c2/pharmacy"}, '... which offers to send it again');
like($t->text($op->get('/admin')), qr{<strong>1</strong> με πρόβλημα στον Σύλλογο Φαρμακοποιών},
    "... and counted on the operator's dashboard");
$t->pharmacy_start($pport, $secret);
is($op->post("/admin/help/cases/$c2/pharmacy", { csrf => $op->{csrf} })->{status}, 303,
    'the secret fixed, the operator sends it again');
is(one("SELECT pharmacy_state FROM help_cases WHERE id = $c2"), 'queued', '... queued again');
($rc, $out) = $t->outbox_send;
like($out, qr/1 sent, 0 retried, 0 failed/, '... and delivered');
my @rx2 = $t->pharmacy_received;
is(scalar @rx2, $nrx + 1, '... once');
is($rx2[-1]{payload}{case}, $c2, '... this case');

# ---- an SMS through the gateway -----------------------------------------------------------------
$t->sms_start($sport);
$t->sql(q{INSERT INTO outbox (kind, channel, rcpt, subject, body_text, message_id)
          VALUES ('help.task', 'sms', '+306912345678', 'Νέα εργασία', 'Νέα εργασία #7: φάρμακα',
                  'smsnonce0123456789')});
($rc, $out) = $t->outbox_send;
like($out, qr/1 sent, 0 retried, 0 failed/, 'the SMS row is sent');
my @sms = $t->sms_received;
is(scalar @sms, 1, 'the gateway got one request');
is($sms[0]{path}, '/send', '... at sms_url');
is($sms[0]{headers}{authorization}, 'Bearer sms-token-123', '... with the bearer token');
like($sms[0]{headers}{'content-type'}, qr{^application/json}, '... as JSON');
is_deeply(decode_json(encode_utf8($sms[0]{body})),
    { to => '+306912345678', from => 'Dimos', text => 'Νέα εργασία #7: φάρμακα' },
    '... {to, from, text}');
is(one(q{SELECT state FROM outbox WHERE message_id = 'smsnonce0123456789'}), 'sent', '... state sent');

# A gateway that refuses (400): failed at once, not retried.
$t->sms_start($sport, status => 400);
$t->sql(q{INSERT INTO outbox (kind, channel, rcpt, subject, body_text, message_id)
          VALUES ('help.task', 'sms', '+306912345678', 'x', 'x', 'smsnonce-refused-01')});
($rc, $out) = $t->outbox_send;
like($out, qr/0 sent, 0 retried, 1 failed/, 'an SMS the gateway refuses (400) fails at once');
like(one(q{SELECT last_error FROM outbox WHERE message_id = 'smsnonce-refused-01'}), qr/HTTP 400/,
    '... with the status as its error');
$t->sms_stop;
$t->pharmacy_stop;

done_testing;
