#!/usr/bin/env perl
# The mail outbox, end to end through MariaDB, the workers, agora-admin and
# a real SMTP listener (t/lib/smtp-sink.py): accessibility feedback queues a
# notice in its own transaction; `agora-admin outbox send` delivers it as a
# proper MIME message (Greek subject as encoded-words, both parts, the
# row's Message-ID); with the listener down the feedback is still accepted
# and the row waits with a later next try; back up, it is delivered exactly
# once; a 5xx recipient fails at once, the last try fails too; /admin/outbox
# shows the failed message with a "retry now" button that works and is in
# the audit log, pages with a keyset cursor, and is refused to a department
# user; the CLI's list, retry and --loop (clean exit on SIGTERM, through a
# database outage).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use HTTP::Tiny;
use POSIX ();
use Time::HiRes ();
use Encode ();
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $STAFF = 'staff-a11y@agora.test';
my $t = Agora::Test->new(smtp => 1, conf => { feedback_email => $STAFF });

sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }
sub row { my ($sql) = @_; my @r = $t->sql($sql); return $r[0] }

sub feedback {
    my ($message) = @_;
    my ($tok) = $t->text($t->get('/accessibility'))
        =~ m{<input type="hidden" name="token" value="([^"]*)">};
    return $t->post('/accessibility', {
        headers => { 'content-type' => 'application/x-www-form-urlencoded' },
        content => HTTP::Tiny->www_form_urlencode([
            token => $tok, name => 'Ελένη Π.', email => 'eleni@example.org',
            page_url => '/news', message => $message ]),
    });
}

sub send_ok {
    my ($want, $name) = @_;
    my ($rc, $out) = $t->outbox_send;
    is($rc, 0, "$name: outbox send exits 0") or diag($out);
    like($out, qr/^\Q$want\E$/m, "$name: it says \"$want\"") or diag($out);
}

# ---- feedback -> a queued row -> one message ------------------------------------------
my $msg1 = 'Το κουμπί «Αναζήτηση» δεν έχει ετικέτα & <b>δεν</b> διαβάζεται από τον αναγνώστη οθόνης μου';
my $res = feedback($msg1);
is($res->{status}, 303, 'the feedback is accepted (303)');
my $ob = row(q{SELECT id, kind, rcpt, state, tries, message_id, subject FROM outbox ORDER BY id DESC LIMIT 1});
ok($ob, 'an outbox row was written');
is_deeply([ @$ob[1 .. 4] ], [ 'feedback.new', $STAFF, 'queued', 0 ],
    '... kind feedback.new, to feedback_email, queued, no tries yet');
like($ob->[5], qr/^[0-9a-f]{32}\@127\.0\.0\.1$/, '... its message id made at insert, at the host of site_url');
ok(defined one(q{SELECT notified_at FROM accessibility_feedback ORDER BY id DESC LIMIT 1}),
    '... and the feedback is marked notified in the same transaction');
my $subject1 = 'Σχόλιο προσβασιμότητας: ' . substr($msg1, 0, 60);
is($ob->[6], $subject1, '... the subject: the kind of message and the first 60 characters');

send_ok('1 sent, 0 retried, 0 failed', 'the first run');
my @mails = $t->mails;
is(scalar @mails, 1, 'the listener got one message');
my $m = $mails[0];
my $h = $m->{headers};
is($h->{subject}, $subject1, 'the Greek subject decodes right');
like($m->{header_raw}{subject}, qr/^=\?UTF-8\?B\?/, '... sent as encoded-words');
ok(!grep({ length > 78 } split /\r\n/, (split /\r\n\r\n/, $m->{raw}, 2)[0]),
    '... no header line is longer than 78');
like($h->{from}, qr/^Δήμος Μυτιλήνης <noreply\@agora\.test>$/, 'From: mail_from_name <mail_from>');
is($h->{to}, $STAFF, 'To: the staff address');
like($h->{date}, qr/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/,
    'Date: in RFC 5322 form');
is($h->{'message-id'}, "<$ob->[5]>", "Message-ID: the row's message id");
is($h->{'mime-version'}, '1.0', 'MIME-Version: 1.0');
is($h->{'auto-submitted'}, 'auto-generated', 'Auto-Submitted: auto-generated');
ok(!exists $h->{'list-unsubscribe'}, 'no List-Unsubscribe for a staff notice');
like($h->{'content-type'}, qr{^multipart/alternative;}, 'multipart/alternative');
is_deeply([ map { $_->{type} } @{ $m->{parts} } ], [ 'text/plain', 'text/html' ], '... text then html');
ok(!grep({ length > 76 } split /\r\n/, (split /\r\n\r\n/, $m->{raw}, 2)[1]), '... body lines at most 76');
like($m->{text}, qr/\Q$msg1\E/, 'the text part has the message');
like($m->{text}, qr/Ελένη Π\..*eleni\@example\.org/s, '... and who sent it');
like($m->{text}, qr{\Q${\ $t->url('/admin')}\E}, '... and the link to the staff area');
like($m->{html}, qr/\Q${\ html_escape($msg1)}\E/, 'the html part has the message, escaped');
like($m->{html}, qr{<a href="\Q${\ $t->url('/admin')}\E">}, '... and the link as a link');
is_deeply(row("SELECT state, tries, sent_at IS NOT NULL, last_error FROM outbox WHERE id = $ob->[0]"),
    [ 'sent', 1, 1, '' ], 'the row is sent, one try, sent_at set');
send_ok('0 sent, 0 retried, 0 failed', 'a second run');
is(scalar(my @x = $t->mails), 1, '... sends nothing again');

# ---- the listener down: the feedback still goes in; the row waits ------------------------
$t->smtp_stop;
$res = feedback('Δεύτερο σχόλιο, με τον διακομιστή αλληλογραφίας εκτός λειτουργίας');
ok($res->{status} == 303 || $res->{status} == 200, "mail down: the feedback is still accepted ($res->{status})");
my $id2 = one(q{SELECT MAX(id) FROM outbox});
ok($id2 > $ob->[0], '... and its notice queued');
send_ok('0 sent, 1 retried, 0 failed', 'a run with the listener down');
my $r2 = row("SELECT state, tries, last_error, next_try_at > NOW(), claimed_until FROM outbox WHERE id = $id2");
is($r2->[0], 'queued', '... the row stays queued');
is($r2->[1], 1, '... with tries 1');
ok(length $r2->[2], "... an error ($r2->[2])");
is($r2->[3], 1, '... and a next try later');
ok(!defined $r2->[4], '... not claimed any more');
is(one("SELECT TIMESTAMPDIFF(SECOND, NOW(), next_try_at) BETWEEN 50 AND 61 FROM outbox WHERE id = $id2"), 1,
    '... outbox_retry_seconds (60) after the first failure');
send_ok('0 sent, 0 retried, 0 failed', 'a run before the next try');

# ---- back up: delivered exactly once -----------------------------------------------------
$t->smtp_start;
$t->sql("UPDATE outbox SET next_try_at = NOW() WHERE id = $id2");
send_ok('1 sent, 0 retried, 0 failed', 'the listener back');
send_ok('0 sent, 0 retried, 0 failed', '... and once more');
@mails = $t->mails;
is(scalar @mails, 2, 'the listener has exactly one more message');
is($mails[1]{headers}{'message-id'}, '<' . one("SELECT message_id FROM outbox WHERE id = $id2") . '>',
    "... the queued row's");
is_deeply(row("SELECT state, tries FROM outbox WHERE id = $id2"), [ 'sent', 2 ], '... sent on its second try');

# ---- two senders at once never send one row twice ------------------------------------------
$t->sql('INSERT INTO outbox (kind, rcpt, subject, body_text, message_id) VALUES '
    . join(',', map { "('test.race', 'race$_\@agora.test', 'Ταυτόχρονα $_', 'x', 'race$_\@agora.test')" } 1 .. 40));
my $had = scalar(@x = $t->mails);
my @kids;
for my $k (1, 2) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDOUT, '>', $t->var . "/log/race-$k.log"; open STDERR, '>&', \*STDOUT;
        exec($t->builddir . '/agora-admin', '-c', $t->conf_path, 'outbox', 'send') or POSIX::_exit(127);
    }
    push @kids, $pid;
}
my $sent = 0;
for my $k (1, 2) {
    waitpid $kids[$k - 1], 0;
    is($? >> 8, 0, "concurrent sender $k exits 0");
    my $o = do { local (@ARGV, $/) = ($t->var . "/log/race-$k.log"); <> } // '';
    $sent += $1 if $o =~ /^(\d+) sent, 0 retried, 0 failed$/m;
    note("sender $k sent " . (() = $o =~ /msg="mail sent"/g));
    unlike($o, qr/AddressSanitizer|LeakSanitizer|runtime error:/, "... with no sanitizer report");
}
is($sent, 40, 'two senders at once: 40 sent between them');
my @race = grep { ($_->{headers}{'message-id'} // '') =~ /^<race\d+\@/ } $t->mails;
is(scalar @race, 40, '... the listener got 40 messages');
my %ids = map { $_->{headers}{'message-id'} => 1 } @race;
is(scalar keys %ids, 40, '... each message once');
is(one(q{SELECT COUNT(*) FROM outbox WHERE kind = 'test.race' AND state = 'sent' AND tries = 1}), 40,
    '... every row sent at its first try');

# A message with a one-click unsubscribe URL and its own HTML part.
$t->sql(q{INSERT INTO outbox (kind, rcpt, subject, body_text, body_html, unsubscribe, message_id)
          VALUES ('test.unsub', 'follower@agora.test', 'Ενημέρωση αιτήματος', 'Απλό κείμενο',
                  '<p>Δικό του <strong>HTML</strong></p>', 'https://agora.test/requests/unfollow?t=abc', 'unsub1@agora.test')});
send_ok('1 sent, 0 retried, 0 failed', 'a message with an unsubscribe URL');
($m) = grep { ($_->{headers}{'message-id'} // '') eq '<unsub1@agora.test>' } $t->mails;
is($m->{headers}{'list-unsubscribe'}, '<https://agora.test/requests/unfollow?t=abc>', '... List-Unsubscribe: <URL>');
is($m->{headers}{'list-unsubscribe-post'}, 'List-Unsubscribe=One-Click', '... List-Unsubscribe-Post: One-Click');
is($m->{html}, "<p>Δικό του <strong>HTML</strong></p>\n", '... its own HTML part as given');
is($m->{text}, "Απλό κείμενο\n", '... and its text');

# ---- a 5xx answer fails at once; the last try fails too ----------------------------------
$t->smtp_start(reject => { 'bounce@agora.test' => 550 });
$t->sql(q{INSERT INTO outbox (kind, rcpt, subject, body_text, message_id)
          VALUES ('test.reject', 'bounce@agora.test', 'Δοκιμή <απόρριψης>', 'Κείμενο', 'reject1@agora.test')});
my $id3 = one(q{SELECT id FROM outbox WHERE message_id = 'reject1@agora.test'});
send_ok('0 sent, 0 retried, 1 failed', 'a 5xx recipient');
my $r3 = row("SELECT state, tries, last_error FROM outbox WHERE id = $id3");
is_deeply([ @$r3[0, 1] ], [ 'failed', 1 ], '... failed at the first try');
like($r3->[2], qr/^550 /, "... the error has the server's code ($r3->[2])");
$t->smtp_stop;
$t->sql(q{INSERT INTO outbox (kind, rcpt, subject, body_text, message_id, tries)
          VALUES ('test.last', 'last@agora.test', 'Τελευταία προσπάθεια', 'Κείμενο', 'last1@agora.test', 7)});
send_ok('0 sent, 0 retried, 1 failed', 'the eighth failed try (outbox_max_tries 8)');
is_deeply(row(q{SELECT state, tries FROM outbox WHERE message_id = 'last1@agora.test'}), [ 'failed', 8 ],
    '... is the last: failed');
is(scalar(@x = $t->mails), 43, 'nothing more reached the listener');

# ---- /admin/outbox ---------------------------------------------------------------------
my $adm = Agora::Staff->new($t);
my $pw = $adm->create('ioanna', roles => ['admin']);
$adm->login('ioanna', $pw);
$adm->enrol;
$res = $adm->get('/admin/outbox');
is($res->{status}, 200, 'the admin opens /admin/outbox');
my $html = $t->text($res);
like($html, qr{<a href="/admin/outbox"[^>]*>Εξερχόμενα email</a>}, '... from the staff menu');
like($html, qr{<caption[^>]*>Μηνύματα σε αναμονή και αποτυχημένα</caption>}, '... a table with a caption');
like($html, qr{<tr id="outbox-$id3">.*?<code>test\.reject</code>.*?bounce\@agora\.test.*?\Q${\ html_escape('Δοκιμή <απόρριψης>')}\E.*?Απέτυχε.*?<td>1</td><td>550 .*?</tr>}s,
    '... the failed message: kind, recipient, subject (escaped), state, tries, last error');
like($html, qr{action="/admin/outbox/$id3/retry"}, '... with a retry button');
unlike($html, qr{outbox-$ob->[0]"}, '... sent messages are not listed');
$t->sql(q{INSERT INTO outbox (kind, rcpt, subject, body_text, message_id, next_try_at)
          VALUES ('test.queued', 'later@agora.test', 'Σε αναμονή', 'Κείμενο', 'queued1@agora.test', NOW() + INTERVAL 1 HOUR)});
my $idq = one(q{SELECT id FROM outbox WHERE message_id = 'queued1@agora.test'});
$html = $t->text($adm->get('/admin/outbox'));
like($html, qr{<tr id="outbox-$idq">.*?Σε αναμονή.*?<td>0</td><td></td><td>\d+/\d+/\d{4} \d+:\d\d</td>}s,
    'a queued message shows its next try');
ok(index($html, "outbox-$idq") < index($html, "outbox-$id3"), '... newest first');
unlike($html, qr{action="/admin/outbox/$idq/retry"}, '... and no retry button');
$html = $t->text($adm->get('/admin/outbox?failed=1'));
like($html, qr{outbox-$id3"}, '?failed=1 lists the failed ...');
unlike($html, qr{outbox-$idq"}, '... only');
is($adm->get('/admin/outbox?before=abc')->{status}, 400, 'a bad cursor is a 400');
is($adm->get('/admin/outbox?failed=yes')->{status}, 400, 'a bad filter is a 400');

# Retry now (CSRF-checked, audit-logged).
my $csrf = $adm->form($adm->get('/admin/outbox'), "/admin/outbox/$id3/retry")->{csrf};
is($adm->post("/admin/outbox/$id3/retry", { csrf => 'x' . $csrf })->{status}, 403, 'retry with a wrong CSRF token: 403');
is(one("SELECT state FROM outbox WHERE id = $id3"), 'failed', '... nothing changed');
$res = $adm->submit('/admin/outbox', "/admin/outbox/$id3/retry", {});
is($res->{status}, 303, 'retry now: 303');
like($res->{headers}{location} // '', qr{/admin/outbox\?done=retried$}, '... back to the list');
like($t->text($adm->get($res->{headers}{location})), qr{role="status">Το μήνυμα μπήκε ξανά σε αναμονή},
    '... which says so');
is_deeply(row("SELECT state, tries, next_try_at <= NOW() FROM outbox WHERE id = $id3"), [ 'queued', 0, 1 ],
    '... the row is queued again, due now, with fresh tries');
is_deeply(row(q{SELECT u.username, a.object_type, a.summary FROM audit_log a JOIN users u ON u.id = a.user_id
                WHERE a.action = 'outbox_retry' AND a.object_id = } . "'$id3'"),
    [ 'ioanna', 'outbox', 'failed -> queued' ], '... and in the audit log');
is($adm->post("/admin/outbox/$id3/retry", { csrf => $csrf })->{status}, 404, 'retrying a message that is not failed: 404');
is($adm->post("/admin/outbox/99999999/retry", { csrf => $csrf })->{status}, 404, 'retrying an unknown id: 404');
$t->smtp_start;
send_ok('1 sent, 0 retried, 0 failed', 'the retried message');
@mails = $t->mails;
is($mails[-1]{headers}{subject}, 'Δοκιμή <απόρριψης>', '... reaches the listener');
like($mails[-1]{html}, qr{<p>Κείμενο</p>}, '... with an html part made from its text');

# Keyset pages of 50.
$t->sql('INSERT INTO outbox (kind, rcpt, subject, body_text, message_id, state) VALUES '
    . join(',', map { "('test.page', 'p$_\@agora.test', 'Σελίδα $_', 'x', 'page$_\@agora.test', 'failed')" } 1 .. 55));
$html = $t->text($adm->get('/admin/outbox?failed=1'));
my @first = $html =~ /<tr id="outbox-(\d+)">/g;
is(scalar @first, 50, 'the first page has 50 messages');
my ($older) = $html =~ m{<a href="([^"]+)" rel="next">};
ok($older && $older =~ m{^/admin/outbox\?failed=1&amp;before=$first[-1]$}, '... and a link to older ones');
$older =~ s/&amp;/&/g;
my @second = $t->text($adm->get($older)) =~ /<tr id="outbox-(\d+)">/g;
is(scalar @second, 6, '... the second the other 6 failed (55 + 1)');
ok($second[0] < $first[-1], '... older than the first page, none twice');

# ---- a department user may not ------------------------------------------------------------
$t->sql(q{INSERT INTO departments (id, name, name_en) VALUES (947, 'Τμήμα Δοκιμών', 'Test Department')});
my $dep = Agora::Staff->new($t);
my $dpw = $dep->create('kostas', roles => ['department'], department => 947);
is($dep->login('kostas', $dpw)->{status}, 303, 'a department user signs in');
unlike($t->text($dep->get('/admin')), qr{/admin/outbox}, '... has no outbox in the menu');
is($dep->get('/admin/outbox')->{status}, 403, '... and gets 403 for /admin/outbox');
my $dcsrf = $dep->form($dep->get('/admin'), '/admin/logout')->{csrf};
is($dep->post("/admin/outbox/$id3/retry", { csrf => $dcsrf })->{status}, 403, '... and for retry');

# ---- the CLI ---------------------------------------------------------------------------
my ($rc, $out) = $t->admin('outbox', 'list', '--failed');
is($rc, 0, 'outbox list --failed');
$out = Encode::decode_utf8($out);
like($out, qr/^\d+\s+failed\s+8\s+.*last\@agora\.test\s+Τελευταία προσπάθεια$/m, '... lists a failed message')
    or diag($out);
unlike($out, qr/later\@agora\.test/, '... and not a queued one');
my $idl = one(q{SELECT id FROM outbox WHERE message_id = 'last1@agora.test'});
($rc, $out) = $t->admin('outbox', 'retry', $idl);
is($rc, 0, 'outbox retry ID') or diag($out);
is(one("SELECT state FROM outbox WHERE id = $idl"), 'queued', '... queues it again');
($rc, $out) = $t->admin('outbox', 'retry', $idl);
is($rc, 1, '... a second time: not a failed message, exit 1');
is(($t->admin('outbox', 'retry', 'x1'))[0], 2, 'outbox retry with a bad id: usage, exit 2');
$t->sql(q{UPDATE outbox SET state = 'sent' WHERE kind = 'test.page'});

# check-config knows the mail keys.
for my $case ([ "smtp_tls = sometimes\n", qr/smtp_tls must be none, starttls or required/ ],
              [ "mail_from = Δήμος <noreply\@x.gr>\n", qr/mail_from and feedback_email must be plain addresses/ ],
              [ "outbox_max_tries = 0\n", qr/outbox_max_tries must be a positive whole number/ ]) {
    my $conf = $t->var . '/mail-bad.conf';
    open my $in, '<:raw', $t->conf_path or die $!;
    open my $o, '>:raw', $conf or die $!;
    print {$o} (<$in>), Encode::encode_utf8($case->[0]);
    close $o;
    my $msg = `${\ $t->builddir}/agora-admin -c $conf check-config 2>&1`;
    isnt($? >> 8, 0, "check-config refuses " . ($case->[0] =~ s/\n//r));
    like(Encode::decode_utf8($msg), $case->[1], '... saying why');
}

# The database unreachable: exit 1.
$t->db_stop;
($rc, $out) = $t->outbox_send;
is($rc, 1, 'outbox send with the database down exits 1');
like($out, qr/database unreachable/, '... and says why');
$t->db_start;

# --loop: delivers while running, through a database outage, ends cleanly on SIGTERM.
my $before = scalar(@x = $t->mails);
my $log = $t->var . '/log/outbox-loop.log';
my $pid = fork // die "fork: $!";
if (!$pid) {
    open STDOUT, '>', $log; open STDERR, '>&', \*STDOUT;
    exec($t->builddir . '/agora-admin', '-c', $t->conf_path, 'outbox', 'send', '--loop') or POSIX::_exit(127);
}
sub wait_mails {
    my ($n) = @_;
    for (1 .. 150) { return 1 if scalar(my @m = $t->mails) >= $n; Time::HiRes::sleep(0.1) }
    return 0;
}
ok(wait_mails($before + 1), 'the loop delivers what is due (the message queued by the CLI retry)');
$t->db_stop;
sleep 6;    # at least one round with the database down
$t->db_start;
$t->sql(q{INSERT INTO outbox (kind, rcpt, subject, body_text, message_id)
          VALUES ('test.loop', 'loop@agora.test', 'Μετά τη διακοπή', 'Κείμενο', 'loop1@agora.test')});
ok(wait_mails($before + 2), '... and, after the database was down, reconnects and delivers again');
kill 'TERM', $pid;
my $t0 = time;
waitpid $pid, 0;
is($? >> 8, 0, '... SIGTERM ends it with exit 0');
unlike(do { local (@ARGV, $/) = ($log); <> } // '', qr/AddressSanitizer|LeakSanitizer|runtime error:/,
    '... with no sanitizer report');
ok(time - $t0 < 5, '... at once');
is(one(q{SELECT state FROM outbox WHERE message_id = 'loop1@agora.test'}), 'sent', '... the row is sent');

done_testing;
