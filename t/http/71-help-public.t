#!/usr/bin/env perl
# The support desk's public page and online request (/help, issue 10),
# through nginx and the real workers: the page in Greek and English with
# the help line as a tel: link and no one's data; a request for oneself
# (303 to an acknowledgement with its number only, never stored by a
# browser), the rows it makes (help_cases, help_web_contacts with the
# phone as the registry keeps it, the history), the health part of a
# request for medicines in help_case_health and not in help_cases; a
# request for someone else with the asker's details; the same form sent
# twice (one case, the same answer, one mail); what a resident gets wrong
# (422 with the form as typed and the Greek messages), a forged token, the
# honeypot; the confirmation mail with the number and the help line only;
# the names and numbers sent on no public page, feed or search; /help in
# the sitemap and linked from the home page; hostile bodies (NUL, broken
# UTF-8, 5 MB) and HEAD.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode_utf8 encode_utf8);
use Test::More;
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(smtp => 1);
$t->help_wipe;    # the demo's desk: this test counts its own rows
my $b = Agora::Staff->new($t);    # a resident's browser: only its form parser is used

sub one { my ($q) = @_; my ($row) = $t->sql($q); return $row ? $row->[0] : undef }
sub row { my ($q) = @_; my ($row) = $t->sql($q); return $row }
sub cases { one('SELECT COUNT(*) FROM help_cases') }
sub enc {
    my ($s) = @_;
    $s = encode_utf8($s) if utf8::is_utf8($s);
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}
# The path of a 303's Location.
sub location_path { my ($res) = @_; (my $l = $res->{headers}{location} // '') =~ s{^https?://[^/]+}{}; $l }

my ($line, $line_tel) = ('22513 50555', '+302251350555');    # agora.conf.in's helpline_phone
my ($moria) = one(q{SELECT id FROM areas WHERE name_el = 'Μόρια'});
my ($loutra) = one(q{SELECT id FROM areas WHERE name_el = 'Λουτρά'});
ok($moria && $loutra, 'the demo has its villages');

# ---- the page ---------------------------------------------------------------------------------
my $r = $b->get('/help');
is($r->{status}, 200, 'GET /help: 200');
my $html = $t->text($r);
like($html, qr{<h1>Βοήθεια στο Σπίτι</h1>}, '... titled in Greek');
like($html, qr{<a href="tel:\Q$line_tel\E">\Q$line\E</a>}, '... the help line as a tel: link');
like($html, qr{Δευτέρα έως Παρασκευή}, '... with its hours');
like($html, qr{<a href="tel:166">166</a>.*<a href="tel:112">112</a>}s, '... the emergency numbers');
like($html, qr{Φαρμακευτικού Συλλόγου}, '... prescriptions through the pharmacists\' association');
like($html, qr{θα σας τηλεφωνήσει}, '... an operator calls back');
like($html, qr{<form id="help" method="post" action="/help#request"}, '... the form');
my $nareas = one('SELECT COUNT(*) FROM areas');
my ($sel) = $html =~ m{<select id="f-area" name="area">(.*?)</select>}s;
is(scalar(() = ($sel // '') =~ /<option value="\d+"/g), $nareas, "... the villages to choose ($nareas)");
like($sel // '', qr{>Αγία Μαρίνα</option>}, '... by their Greek names');
like($html, qr{<option value="medicines">Φάρμακα</option>}, '... the types of help');
like($html, qr{<option value="today">Σήμερα</option>}, '... when it is needed');
like($html, qr{Συμφωνώ να επεξεργαστεί ο Δήμος αυτά τα στοιχεία, και στοιχεία υγείας}, '... the consent');
like($html, qr{class="field trap" aria-hidden="true"}, '... and a honeypot out of sight');
like($html, qr{<link rel="canonical" href="[^"]*/help"}, '... its canonical URL');
unlike($html, qr{noindex}, '... offered to search engines');

$r = $b->get('/en/help');
is($r->{status}, 200, 'GET /en/help: 200');
$html = $t->text($r);
like($html, qr{<h1>Help at Home</h1>}, '... in English');
like($html, qr{<a href="tel:\Q$line_tel\E">}, '... the same help line');
like($html, qr{action="/en/help#request"}, '... the form posting in English');
like($html, qr{>Agia Marina</option>}, '... the villages by their English names');
like($html, qr{Monday to Friday}, '... the hours in English');

my $head = $t->raw_request('HEAD', '/help');
is($head->{status}, 200, 'HEAD /help: 200');
is($head->{content}, '', '... without a body');
like($head->{headers}{'content-type'} // '', qr{^text/html}, '... as HTML');

like($t->text($t->get('/')), qr{<a href="/help">Ζητήστε βοήθεια στο σπίτι</a>}, 'the home page links to /help');
like($t->text($t->get('/en/')), qr{<a href="/en/help">Ask for help at home</a>}, '... in English too');

# ---- a request for oneself ---------------------------------------------------------------------
my $base = cases();
my %self = (whom => 'self', first_name => 'Ευανθία', last_name => 'Καλογεράκη',
    phone => '+30 6912-345 678', address => 'Ερμού 112', area => $loutra,
    type => 'groceries', description => 'Ψωμί, γάλα και φρούτα για την εβδομάδα',
    when => 'today', email => 'evanthia.kalog@example.org', consent => 1);
my $form = $b->form($b->get('/help'), '/help');
ok($form && $form->{token}, 'the form has a one-time token');
$r = $b->post('/help', { %$form, %self });
is($r->{status}, 303, 'a request for oneself: 303');
my $ack = location_path($r);
my ($n1) = $ack =~ m{^/help/received\?n=(\d+)&r=[A-Za-z0-9_-]{43}$};
ok($n1, "... to its signed acknowledgement ($ack)");
$r = $t->get($ack);
is($r->{status}, 200, 'the acknowledgement: 200');
$html = $t->text($r);
like($html, qr{Λάβαμε το αίτημά σας}, '... says it was received');
like($html, qr{Αριθμός αιτήματος: <strong[^>]*>$n1</strong>}, '... with its number');
like($html, qr{θα σας τηλεφωνήσει}, '... an operator will call');
like($html, qr{<a href="tel:\Q$line_tel\E">}, '... and the help line');
like($r->{headers}{'cache-control'} // '', qr{private}, '... private');
like($r->{headers}{'cache-control'} // '', qr{no-store}, '... never stored');
unlike($html, qr{Καλογεράκη|Ευανθία|6912|Ψωμί|Ερμού 112|evanthia}, '... and nothing of what was sent');
like($html, qr{<meta name="robots" content="noindex}, '... not for search engines');

is(cases(), $base + 1, 'one case stored');
is_deeply(row("SELECT channel, status, beneficiary_id, area_id, type, errand, details, urgency,"
        . " caller_name, caller_phone, caller_relation, created_by, assignee_id"
        . " FROM help_cases WHERE id = $n1"),
    [ 'web', 'new', undef, $loutra, 'groceries', undef, 'Ψωμί, γάλα και φρούτα για την εβδομάδα',
      'urgent', '', '', '', undef, undef ],
    '... from the web, new, not yet a resident of the registry, its details and urgency');
my $mins = one("SELECT TIMESTAMPDIFF(MINUTE, NOW(), wanted_by) FROM help_cases WHERE id = $n1");
ok($mins >= 230 && $mins <= 240, "... wanted within 4 hours ($mins minutes)");
is(one("SELECT form_token FROM help_cases WHERE id = $n1"), $form->{token}, '... under the form\'s token');
is_deeply(row("SELECT name, phone, address, area_id, email FROM help_web_contacts WHERE case_id = $n1"),
    [ 'Ευανθία Καλογεράκη', '6912345678', 'Ερμού 112', $loutra, 'evanthia.kalog@example.org' ],
    '... the contact details, the phone as the registry keeps it');
is_deeply(row("SELECT kind, status, user_id FROM help_case_events WHERE case_id = $n1"),
    [ 'created', 'new', undef ], '... its history: created by the system');
is(one("SELECT COUNT(*) FROM help_case_health WHERE case_id = $n1"), 0, '... no health part for groceries');

# The same form again (a double click, a retry): the same case, nothing new.
$r = $b->post('/help', { %$form, %self });
is($r->{status}, 303, 'the same form again: 303');
is(location_path($r), $ack, '... to the same acknowledgement');
is(cases(), $base + 1, '... and no second case');
$r = $b->post('/help', { %$form, %self, first_name => 'Άλλο' });
is(location_path($r), $ack, '... even with a field changed');

# The signature is the number's: another number, or none, is not found.
my $other = $n1 + 1;
(my $forged = $ack) =~ s/n=$n1/n=$other/;
is($t->get($forged)->{status}, 404, 'an acknowledgement with another number: 404');
is($t->get("/help/received?n=$n1")->{status}, 404, '... without its signature: 404');
is($t->get("/help/received?n=0$n1&r=x")->{status}, 404, '... a bad one: 404');
$r = $t->get($ack =~ s{^/}{/en/}r);
is($r->{status}, 200, 'the acknowledgement in English');
like($t->text($r), qr{We have received your request}, '... says so');

# ---- medicines, for someone else, in English ---------------------------------------------------------
my %med = (whom => 'other', first_name => 'Σταυρούλα', last_name => 'Μπακάλη', phone => '22510 41234',
    area => $moria, type => 'medicines', description => 'Depon 500 και το σιρόπι για τον βήχα, συνταγή από τον Δρ. Παππά',
    when => 'days', asker_name => 'Νικηφόρος Μπακάλης', asker_phone => '0030 6977 000 111',
    asker_relation => 'γιος', consent => 1);
$r = $b->post('/en/help', { %{ $b->form($b->get('/en/help'), '/help') }, %med });
is($r->{status}, 303, 'a request for medicines for someone else, in English: 303');
my ($n2) = location_path($r) =~ m{^/en/help/received\?n=(\d+)&r=};
ok($n2, '... to the English acknowledgement');
is_deeply(row("SELECT type, details, urgency, caller_name, caller_phone, caller_relation FROM help_cases WHERE id = $n2"),
    [ 'medicines', '', 'normal', 'Νικηφόρος Μπακάλης', '6977000111', 'γιος' ],
    '... no description in the case, the asker\'s details');
$mins = one("SELECT TIMESTAMPDIFF(MINUTE, NOW(), wanted_by) FROM help_cases WHERE id = $n2");
ok($mins >= 1430 && $mins <= 1440, "... wanted within 24 hours ($mins minutes)");
is(one("SELECT details FROM help_case_health WHERE case_id = $n2"), $med{description},
    '... the description in help_case_health');
is_deeply(row("SELECT name, phone, email FROM help_web_contacts WHERE case_id = $n2"),
    [ 'Σταυρούλα Μπακάλη', '2251041234', '' ], '... the person to help in help_web_contacts');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_health_write' AND object_type = 'help_case' AND object_id = '$n2'"),
    1, '... the health write audited');

# Medical advice and psychological support are health too; an errand is ordinary.
$r = $b->submit('/help', '/help', { %self, email => '', type => 'psych', description => 'Νιώθω πολύ μόνη τελευταία.', when => 'later' });
my ($n3) = location_path($r) =~ m{n=(\d+)};
is_deeply(row("SELECT details, urgency FROM help_cases WHERE id = $n3"), [ '', 'low' ], 'psychological support: no details in the case, no hurry');
is(one("SELECT details FROM help_case_health WHERE case_id = $n3"), 'Νιώθω πολύ μόνη τελευταία.', '... the health part');
$mins = one("SELECT TIMESTAMPDIFF(MINUTE, NOW(), wanted_by) FROM help_cases WHERE id = $n3");
ok($mins >= 4310 && $mins <= 4320, "... wanted within 72 hours ($mins minutes)");
$r = $b->submit('/help', '/help', { %self, email => '', type => 'errand', description => 'Να πληρωθεί ο λογαριασμός του νερού στο ταχυδρομείο.' });
my ($n4) = location_path($r) =~ m{n=(\d+)};
is_deeply(row("SELECT type, errand, details FROM help_cases WHERE id = $n4"),
    [ 'errand', 'other', 'Να πληρωθεί ο λογαριασμός του νερού στο ταχυδρομείο.' ], 'an errand: errand other, its details in the case');
is(one("SELECT COUNT(*) FROM help_case_health WHERE case_id = $n4"), 0, '... no health part');
$r = $b->submit('/help', '/help', { %self, email => '', asker_name => 'Κάποιος', asker_phone => 'όχι', asker_relation => 'x' x 300 });
is($r->{status}, 303, 'for oneself, whatever is typed in the asker\'s fields: stored');
my ($n5) = location_path($r) =~ m{n=(\d+)};
is_deeply(row("SELECT caller_name, caller_phone, caller_relation FROM help_cases WHERE id = $n5"), [ '', '', '' ],
    '... without them');

$r = $b->submit('/help', '/help', { %self, email => '', phone => '+44 20 7946 0958' });
is($r->{status}, 303, 'a resident with a British number: stored');
my ($n6) = location_path($r) =~ m{n=(\d+)};
is(one("SELECT phone FROM help_web_contacts WHERE case_id = $n6"), '+442079460958', '... in E.164, not read as a Greek number');

# ---- what a resident gets wrong ---------------------------------------------------------------------
$base = cases();
sub refused {
    my ($what, $fields, $msg, %o) = @_;
    my $res = $b->submit('/help', '/help', { %self, email => '', %$fields });
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($res->{status}, $o{status} // 422, "$what: " . ($o{status} // 422));
    my $h = $t->text($res);
    like($h, qr{<title>Σφάλμα:}, '... the title says there is an error');
    like($h, qr{class="error-summary" role="alert"}, '... an error summary');
    like($h, $msg, '... in Greek');
    like($res->{headers}{'cache-control'} // '', qr{no-store}, '... never stored');
    return $h;
}
$html = refused('no first name', { first_name => '' }, qr{href="#f-first_name">Γράψτε το όνομα του ατόμου που χρειάζεται βοήθεια});
like($html, qr{name="last_name"[^>]*value="Καλογεράκη"}, '... the last name kept');
like($html, qr{name="phone"[^>]*value="\+30 6912-345 678"}, '... the phone as typed');
like($html, qr{<textarea[^>]*name="description"[^>]*>Ψωμί, γάλα και φρούτα για την εβδομάδα</textarea>}, '... the description');
like($html, qr{<option value="$loutra" selected>}, '... the village');
like($html, qr{<option value="groceries" selected>}, '... the type');
like($html, qr{name="consent" type="checkbox" value="1" checked}, '... the consent');
like($html, qr{id="f-first_name"[^>]*aria-invalid="true"}, '... the field marked invalid');
$r = $b->post('/en/help', { %{ $b->form($b->get('/en/help'), '/help') }, %self, email => '', first_name => '' });
is($r->{status}, 422, 'no first name, in English: 422');
like($t->text($r), qr{href="#f-first_name">Enter the first name of the person who needs help}, '... the message in English');
like($t->text($r), qr{action="/en/help#request"}, '... the form still in English');
refused('no last name', { last_name => '' }, qr{Γράψτε το επώνυμο});
refused('no phone', { phone => '' }, qr{Γράψτε ένα τηλέφωνο});
$html = refused('a phone of three digits', { phone => '123' }, qr{Γράψτε έναν αριθμό τηλεφώνου με ψηφία});
like($html, qr{name="phone"[^>]*value="123"}, '... kept as typed');
refused('a foreign phone too short', { phone => '+44 20' }, qr{Γράψτε έναν αριθμό τηλεφώνου με ψηφία});
refused('a phone with letters', { phone => '6912 ABC 678' }, qr{Γράψτε έναν αριθμό τηλεφώνου με ψηφία});
refused('no consent', { consent => undef }, qr{χρειαζόμαστε τη συγκατάθεσή σας});
refused('no description', { description => '' }, qr{Γράψτε σύντομα τι χρειάζεται});
refused('a description of one letter', { description => 'Α' }, qr{από 2 έως 1000 χαρακτήρες});
$html = refused('a description of 1001 letters', { description => 'α' x 1001 }, qr{από 2 έως 1000 χαρακτήρες});
like($html, qr{>α{1001}</textarea>}, '... kept as typed');
refused('no type', { type => '' }, qr{Επιλέξτε τι βοήθεια χρειάζεται});
refused('a type that does not exist', { type => 'taxi' }, qr{Επιλέξτε τι βοήθεια χρειάζεται});
refused('a village that does not exist', { area => '9999' }, qr{Επιλέξτε ένα χωριό});
refused('no time', { when => '' }, qr{Επιλέξτε πότε χρειάζεται});
refused('a bad e-mail', { email => 'evanthia@' }, qr{Γράψτε μια διεύθυνση e-mail});
$html = refused('for someone else without the asker', { whom => 'other' }, qr{Γράψτε το ονοματεπώνυμό σας: ζητάτε βοήθεια για άλλο πρόσωπο});
like($html, qr{Γράψτε το τηλέφωνό σας: ζητάτε βοήθεια για άλλο πρόσωπο}, '... and the asker\'s phone');
refused('the asker\'s phone not a number', { whom => 'other', asker_name => 'Νίκος', asker_phone => '12' },
    qr{Γράψτε το τηλέφωνό σας με ψηφία});
$html = refused('a forged token', { token => 'x' x 43 }, qr{Η φόρμα έληξε ή δεν είναι έγκυρη});
like($html, qr{name="last_name"[^>]*value="Καλογεράκη"}, '... the form kept');
$r = $b->submit({ content => encode_utf8($html) }, '/help', {});
is($r->{status}, 303, '... sent again as shown (a fresh token): stored');
is(cases(), $base + 1, '... once');
$base = cases();
$html = refused('the honeypot filled', { website => 'http://casino.example' }, qr{Δεν μπορέσαμε να καταχωρίσουμε το αίτημα});
unlike($html, qr{casino\.example}, '... the trap\'s value not shown again');
is(cases(), $base, 'nothing stored for any refused form');
is(one("SELECT COUNT(*) FROM outbox WHERE kind = 'help.web_confirm'"), 1, 'one confirmation queued in all (the first request\'s)');

# Hostile bodies: the request layer answers, never a 500.
my $ok = $b->form($b->get('/help'), '/help');
my %raw = (%$ok, %self);
delete $raw{first_name};
my $body = join '&', map { enc($_) . '=' . enc($raw{$_}) } sort keys %raw;
my %FORM = (headers => { 'content-type' => 'application/x-www-form-urlencoded' });
$r = $t->post('/help', { %FORM, content => "$body&first_name=ab%00cd" });
is($r->{status}, 400, 'a NUL byte in the name: 400');
like($t->text($r), qr{δεν είναι έγκυρο κείμενο UTF-8}, '... saying so');
$r = $t->post('/help', { %FORM, content => "$body&first_name=%C3%28%FF" });
is($r->{status}, 400, 'broken UTF-8 in the name: 400');
$r = $t->post('/help', { %FORM, content => "$body&first_name=" . ('x' x (5 << 20)) });
is($r->{status}, 413, 'a 5 MB field: 413');
like($t->text($r), qr{πολύ μεγάλο}, '... saying it is too large');
$r = $t->post('/help', { headers => { 'content-type' => 'text/plain' }, content => 'hello' });
cmp_ok($r->{status}, '<', 500, "a body that is not a form: not a server error ($r->{status})");
is(cases(), $base, 'nothing stored for any of them');
$r = $t->request('PUT', '/help');
is($r->{status}, 405, 'PUT /help: 405');

# ---- the confirmation mail -------------------------------------------------------------------------
my ($rc, $out) = $t->outbox_send;
is($rc, 0, 'agora-admin outbox send') or diag($out);
my @m = grep { ($_->{headers}{to} // '') =~ /evanthia\.kalog\@example\.org/ } $t->mails;
is(scalar @m, 1, 'one confirmation to the address given (the same form twice: one mail)');
my $mail = $m[0] // {};
like($mail->{headers}{subject} // '', qr{Βοήθεια στο Σπίτι: λάβαμε το αίτημά σας \(αριθμός $n1\)}, '... its subject with the number');
like($mail->{text} // '', qr{Αριθμός αιτήματος: $n1\b}, '... the number');
like($mail->{text} // '', qr{\Q$line\E}, '... the help line');
like($mail->{text} // '', qr{166}, '... the emergency number');
unlike(($mail->{text} // '') . ($mail->{html} // '') . ($mail->{headers}{subject} // ''),
    qr{Ψωμί|γάλα|Καλογεράκη|Ευανθία|6912|Ερμού|Λουτρά|groceries|Τρόφιμα}, '... nothing of what was asked, for whom or where');

# ---- nothing of it in public -------------------------------------------------------------------------
my @secrets = ('Καλογεράκη', 'Ευανθία', 'Μπακάλη', 'Σταυρούλα', 'Νικηφόρος', '6912345678', '6912-345',
    '2251041234', '6977000111', 'Depon', 'Ψωμί, γάλα', 'evanthia', 'Νιώθω');
my $seen = '';
for my $p ('/', '/en/', '/news', '/feed.atom', '/en/feed.atom', '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml', '/requests', '/help', '/en/help', $ack) {
    my $res = $t->get($p);
    is($res->{status}, 200, "GET $p: 200");
    $seen .= $t->text($res);
}
# A search shows what was searched for, and must find nothing else.
for my $q ('Καλογεράκη', 'Μπακάλη', 'Depon', '6912345678') {
    my $res = $t->get('/search?q=' . enc($q));
    my $text = $t->text($res);
    like($text, qr{Δεν βρέθηκαν αποτελέσματα}, "a search for $q finds nothing");
    $text =~ s/\Q$q\E//g;
    $seen .= $text;
}
my @found = grep { index($seen, $_) >= 0 } @secrets;
ok(!@found, 'no name, phone number or description sent appears on a public page, feed, search or the acknowledgement')
    or diag("found: @found");

my $sm = $t->sitemap;
like($sm, qr{<loc>[^<]*/help</loc>}, '/help is in the sitemap');
like($sm, qr{<loc>[^<]*/en/help</loc>}, '... and /en/help');
unlike($sm, qr{/help/received}, '... but no acknowledgement');

# ---- nginx's limit on POST /help --------------------------------------------------------------
# A stack of its own with the shipped rate of the zone it shares with
# comments (agora_comments: 6 a minute per address, a burst of 10).
{
    my $t2 = Agora::Test->new(comment_rate => '6r/m');
    $t2->help_wipe;
    my $b2 = Agora::Staff->new($t2);
    my (@post, @get);
    for my $i (1 .. 16) {
        my $page = $b2->get('/help');
        push @get, $page->{status};
        push @post, $b2->post('/help', { %{ $b2->form($page, '/help') }, %self, email => '',
            description => "Αίτημα πλημμύρας $i" })->{status};
    }
    my $stored = grep { $_ == 303 } @post;
    my $limited = grep { $_ == 429 } @post;
    is($stored + $limited, 16, 'sixteen quick requests from one address: each stored or refused with 429') or diag("@post");
    cmp_ok($stored, '>=', 11, '... the first one and the burst of 10 stored') or diag("@post");
    cmp_ok($stored, '<=', 12, '... and hardly any more') or diag("@post");
    is(($t2->sql('SELECT COUNT(*) FROM help_cases'))[0][0], $stored, '... one case for each 303');
    is_deeply([ grep { $_ != 200 } @get ], [], 'the page itself answered 200 all along (GETs are not limited)');
}

done_testing;
