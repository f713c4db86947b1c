#!/usr/bin/env perl
# A citizens' request end to end through nginx, with the mail delivered to
# a real SMTP listener: a resident reports a street light (no JavaScript,
# no account) -> the confirmation with the tracking link reaches them and
# the department gets its notice -> staff acknowledge with a public reply
# -> the public timeline and the reporter's mail show it -> staff resolve
# -> the reporter confirms the fix through the signed link in the mail.
# Then a dispute reopens a request and tells the department; a forged
# link is refused; the mail server down never loses a request, and its
# mail goes out once when it returns; no personal data anywhere public.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(smtp => 1);
my $resident = Agora::Staff->new($t);
sub send_mail { my ($rc, $out) = $t->outbox_send; is($rc, 0, 'agora-admin outbox send') or diag $out }
sub mails_to { my ($to) = @_; grep { ($_->{headers}{to} // '') =~ /\Q$to\E/ } $t->mails }

# ---- the resident reports ----------------------------------------------------------------
my ($out) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 1 ORDER BY sort_order LIMIT 1});
my $r = $resident->submit('/requests/new?category=1', '/requests/new', {
    category => 1, q1 => $out->[0], description => 'Η λάμπα στην κολόνα 7 είναι σβηστή εδώ και τρεις νύχτες.',
    address => 'Οδός Ερμού 71', name => 'Σοφία Αναφέρουσα', email => 'sofia.anaferousa@example.org',
    phone => '6977000111', consent => 1 });
is($r->{status}, 303, 'a street light reported: 303 after COMMIT');
my ($code) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})\?new=1};
ok($code, "... tracking code $code");
my ($queued) = $t->sql("SELECT COUNT(*) FROM outbox WHERE state = 'queued'");
ok($queued->[0] >= 2, '... the confirmation and the department\'s notice queued with it');

send_mail();
my @mine = mails_to('sofia.anaferousa@example.org');
is(scalar @mine, 1, 'the reporter received one mail');
like($mine[0]{headers}{subject}, qr/Το αίτημά σας \Q$code\E καταχωρίστηκε/, '... its Greek subject');
like($mine[0]{text}, qr{/requests/\Q$code\E}, '... the tracking link');
like($mine[0]{text}, qr/Αριθμός πρωτοκόλλου: \d+\/\d{4}/, '... the protocol number');
my @dept = mails_to('techniki@mytilene.gr');
is(scalar @dept, 1, 'the technical services\' mailbox got the new request');
like($dept[0]{text}, qr{/admin/requests/\Q$code\E}, '... with the link to handle it');
unlike($dept[0]{text}, qr/Σοφία|6977000111|sofia\.anaferousa/, '... and without the reporter\'s personal data');

# ---- staff acknowledge with a public reply -------------------------------------------------------
my $staff = Agora::Staff->new($t);
my $pw = $staff->create('nikos', roles => ['department'], department => 4);
is($staff->login('nikos', $pw)->{status}, 303, 'a technical services user signs in');
$r = $staff->submit("/admin/requests/$code", "/admin/requests/$code",
    { status => 'acknowledged', reply => 'Το συνεργείο ηλεκτροφωτισμού θα περάσει αύριο.',
      note => 'Ειδοποιήθηκε ο εργολάβος.' });
is($r->{status}, 303, 'acknowledged with a public reply');
my $pub = $t->text($t->get("/requests/$code"));
like($pub, qr/Το συνεργείο ηλεκτροφωτισμού θα περάσει αύριο\./, 'the tracking page shows the reply');
unlike($pub, qr/εργολάβος/, '... not the internal note');
send_mail();
@mine = mails_to('sofia.anaferousa@example.org');
is(scalar @mine, 2, 'the reporter got the update');
like($mine[1]{text}, qr/Το συνεργείο ηλεκτροφωτισμού θα περάσει αύριο\./, '... with the reply');
unlike($mine[1]{text}, qr/εργολάβος/, '... and not the note');

# ---- resolved; the reporter confirms through the signed link ------------------------------------
$r = $staff->submit("/admin/requests/$code", "/admin/requests/$code",
    { status => 'resolved', reply => 'Η λάμπα αντικαταστάθηκε.' });
is($r->{status}, 303, 'resolved with a reply');
send_mail();
@mine = mails_to('sofia.anaferousa@example.org');
is(scalar @mine, 3, 'the reporter got the resolution');
my ($link) = $mine[2]{text} =~ m{(https?://\S+/requests/\Q$code\E/reporter\?k=[A-Za-z0-9_-]{43})};
ok($link, '... with a signed link to confirm or dispute');
(my $path = $link // '') =~ s{^https?://[^/]+}{};
my $page = $resident->get($path);
is($page->{status}, 200, 'the link opens (GET)');
like($t->text($page), qr/Λύθηκε το πρόβλημα;/, '... asking');
my ($conf) = $t->sql("SELECT confirmed_at IS NULL FROM requests WHERE code = '$code'");
is($conf->[0], 1, '... and changes nothing by itself');
like($page->{headers}{'cache-control'} // '', qr/no-store/, '... never cached');
$r = $resident->submit($page, "/requests/$code/reporter", { action => 'confirm' });
is($r->{status}, 200, 'confirmed');
like($t->text($r), qr/Καταγράψαμε ότι το πρόβλημα λύθηκε/, '... thanked');
($conf) = $t->sql("SELECT confirmed_at IS NOT NULL, status FROM requests WHERE code = '$code'");
is_deeply($conf, [ 1, 'resolved' ], '... recorded, still resolved');
$r = $resident->submit($page, "/requests/$code/reporter", { action => 'confirm' });
like($t->text($r), qr/Έχετε ήδη επιβεβαιώσει/, 'the same form again: already confirmed');
my ($evs) = $t->sql("SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id
    WHERE r.code = '$code' AND e.source = 'reporter'");
is($evs->[0], 1, '... one history row');
like($t->text($t->get("/requests/$code")), qr/επιβεβαίωσε τη λύση/, 'the tracking page says the reporter confirmed');

# A forged or borrowed signature.
(my $forged = $path) =~ s/k=(.)/'k=' . ($1 eq 'A' ? 'B' : 'A')/e;
is($resident->get($forged)->{status}, 403, 'a forged link: 403');
is($resident->get("/requests/$code/reporter")->{status}, 403, 'no signature: 403');
is($resident->get('/requests/2026-999999/reporter?k=' . ('A' x 43))->{status}, 404, 'an unknown request: 404');

# ---- a dispute reopens and tells the department -----------------------------------------------
$r = $resident->submit('/requests/new?category=1', '/requests/new', {
    category => 1, q1 => $out->[0], description => 'Σβηστή λάμπα στην πλατεία', address => 'Πλατεία Σαπφούς',
    email => 'sofia.anaferousa@example.org', consent => 1 });
my ($code2) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
$r = $staff->submit("/admin/requests/$code2", "/admin/requests/$code2",
    { status => 'resolved', reply => 'Επισκευάστηκε.' });
is($r->{status}, 303, 'a second request resolved');
send_mail();
my ($link2) = (mails_to('sofia.anaferousa@example.org'))[-1]{text} =~ m{(/requests/\Q$code2\E/reporter\?k=\S+)};
$page = $resident->get($link2);
$r = $resident->submit($page, "/requests/$code2/reporter",
    { action => 'dispute', comment => 'Ανάβει μόνο για λίγα λεπτά και σβήνει ξανά.' });
like($t->text($r), qr/άνοιξε ξανά/, 'disputed: it reopens');
my ($st) = $t->sql("SELECT status FROM requests WHERE code = '$code2'");
is($st->[0], 'reopened', '... status reopened');
send_mail();
my @told = grep { $_->{headers}{subject} =~ /\Q$code2\E άνοιξε ξανά/ } mails_to('techniki@mytilene.gr');
is(scalar @told, 1, '... the department is told');
like($told[0]{text}, qr/Ανάβει μόνο για λίγα λεπτά/, '... with the reporter\'s comment');
unlike($t->text($t->get("/requests/$code2")), qr/Ανάβει μόνο για λίγα λεπτά/, 'the comment is not public');
like($t->text($staff->get('/admin/requests?status=reopened')), qr/\Q$code2\E/, 'the staff queue lists it as reopened');

# ---- the mail server down: nothing lost, sent once when it returns --------------------------------
$t->smtp_stop;
$r = $resident->submit('/requests/new', '/requests/new', {
    category => 3, description => 'Σπασμένο παγκάκι στο πάρκο', address => 'Πάρκο Αγίας Ειρήνης',
    email => 'sofia.anaferousa@example.org', consent => 1 });
is($r->{status}, 303, 'the mail server down: the request is still accepted');
my ($code3) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
my $before = scalar(mails_to('sofia.anaferousa@example.org'));
$t->outbox_send;
my ($q) = $t->sql("SELECT COUNT(*) FROM outbox WHERE state = 'queued' AND tries >= 1 AND subject LIKE '%$code3%'");
ok($q->[0] >= 1, '... its confirmation stays queued after a failed try');
$t->smtp_start;
$t->sql("UPDATE outbox SET next_try_at = NOW() WHERE state = 'queued'");
send_mail();
send_mail();
my @conf3 = grep { $_->{headers}{subject} =~ /\Q$code3\E/ } mails_to('sofia.anaferousa@example.org');
is(scalar @conf3, 1, '... and is delivered exactly once when the server returns');

# ---- no personal data anywhere public -----------------------------------------------------------
for my $p ('/requests', "/requests/$code", "/requests/$code/feed.atom", '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml', '/feed.atom',
           '/search?q=%CE%BB%CE%AC%CE%BC%CF%80%CE%B1', "/en/requests/$code") {
    my $h = $t->text($t->get($p));
    unlike($h, qr/Σοφία|Αναφέρουσα|sofia\.anaferousa|6977000111/, "$p: no name, e-mail or phone");
}

done_testing;
