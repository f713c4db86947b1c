#!/usr/bin/env perl
# Citizens' requests, the form's richer parts through nginx: a category's
# extra questions (required, number, several choices, a stop message),
# the point on the map (both coordinates, inside the municipality), the
# open requests nearby offered before filing, and photos (re-encoded
# without GPS, a photo over the limit or a program named .jpg refused with
# the rest of the form kept).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $data = "$FindBin::Bin/../unit/data/media";
sub slurp { my ($f) = @_; open my $h, '<:raw', "$data/$f" or die "$f: $!"; local $/; <$h> }

my $t = Agora::Test->new;
my $b = Agora::Staff->new($t);
sub count { my ($where) = @_; ($t->sql("SELECT COUNT(*) FROM requests WHERE $where"))[0][0] }
my $base = count('1');

# ---- line breaks are kept when the form comes back, and on the page ------------------------
my $r = $b->submit('/requests/new', '/requests/new', { category => 3, description => "Πρώτη γραμμή.\nΔεύτερη γραμμή.", address => '' });
is($r->{status}, 422, 'a form with a problem comes back');
like($t->text($r), qr{<textarea[^>]*name="description"[^>]*>Πρώτη γραμμή.\nΔεύτερη γραμμή.</textarea>}, '... its text with its line break');

# ---- questions ------------------------------------------------------------------------
$r = $b->get('/requests/new?category=1');
is($r->{status}, 200, 'the form for street lighting');
my $html = $t->text($r);
like($html, qr/<option value="1" selected>/, '... the category chosen');
like($html, qr/Τι ακριβώς συμβαίνει;/, '... with its question');
like($html, qr/Αριθμός κολόνας/, '... and its optional one with a hint');
like($t->text($b->get('/en/requests/new?category=1')), qr/What exactly is wrong\?/, '... in English too');
unlike($t->text($b->get('/requests/new')), qr/Τι ακριβώς συμβαίνει;/, 'without a category, no questions');
is($b->get('/requests/new?category=abc')->{status}, 200, 'a category that is not a number: the plain form');

my %ok = (description => 'Σβηστή λάμπα στη γωνία', address => 'Ερμού 20', consent => 1);
my ($q1_out) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 1 AND sort_order = 1});
my ($q1_pole) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 1 AND sort_order = 4});

$r = $b->submit('/requests/new?category=1', '/requests/new', { %ok, category => 1 });
is($r->{status}, 422, 'the required question unanswered: 422');
$html = $t->text($r);
like($html, qr/href="#f-q1">Τι ακριβώς συμβαίνει;: απαντήστε/, '... the summary names the question');
like($html, qr/Σβηστή λάμπα στη γωνία/, '... and the description is kept');

$r = $b->submit('/requests/new?category=1', '/requests/new', { %ok, category => 1, q1 => $q1_pole->[0] });
is($r->{status}, 422, 'a stopping answer: 422');
like($t->text($r), qr/role="alert">.*11500/s, '... with its message');
is(count('1'), $base, '... and nothing stored');

# The category changed after its questions were shown (or never shown):
# the new category's questions are asked first.
$r = $b->submit('/requests/new', '/requests/new', { %ok, category => 6, phone => '6900000001' });
is($r->{status}, 422, 'a category with questions sent without them: 422');
$html = $t->text($r);
like($html, qr/έχει μερικές ερωτήσεις ακόμη/, '... asking them');
like($html, qr/τραυματισμένο ή επιθετικό/, '... showing them');
my $page = $r;

my ($aggr) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 5 AND sort_order = 3});
$r = $b->submit($page, '/requests/new', { %ok, category => 6, phone => '6900000001', q5 => $aggr->[0] });
is($r->{status}, 303, 'answered: filed');
my ($code) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
my ($ans) = $t->sql("SELECT a.question_id, a.value FROM request_answers a JOIN requests r ON r.id = a.request_id WHERE r.code = '$code'");
is_deeply($ans, [ 5, 'Επιθετικό' ], '... the answer stored as its label');

# A number out of range, and several choices.
$r = $b->submit('/requests/new?category=2', '/requests/new', { %ok, category => 2, q3 => '5000' });
is($r->{status}, 422, 'a number out of range: 422');
like($t->text($r), qr/αριθμό μέσα στα όρια/, '... saying so');

my ($leak, $cloudy) = map { $_->[0] } $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 4 AND sort_order IN (1, 3) ORDER BY sort_order});
my ($gas) = $t->sql(q{SELECT id FROM request_question_choices WHERE question_id = 4 AND sort_order = 5});
my $form = $b->form($b->get('/requests/new?category=5'), '/requests/new');
$r = $b->post('/requests/new', [ %{ { %$form, %ok, category => 5, email => 'a@example.org' } }, q4 => $cloudy, q4 => $leak ]);
is($r->{status}, 303, 'two of several choices: filed');
($code) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
($ans) = $t->sql("SELECT a.value FROM request_answers a JOIN requests r ON r.id = a.request_id WHERE r.code = '$code'");
is($ans->[0], 'Διαρροή νερού στον δρόμο; Θολό νερό στη βρύση', '... both stored, in the question\'s order');
$form = $b->form($b->get('/requests/new?category=5'), '/requests/new');
$r = $b->post('/requests/new', [ %{ { %$form, %ok, category => 5, email => 'a@example.org' } }, q4 => $leak, q4 => $gas->[0] ]);
is($r->{status}, 422, 'the smell of gas among them: stopped');
like($t->text($r), qr/199/, '... call the fire service');
$form = $b->form($b->get('/requests/new?category=5'), '/requests/new');
$r = $b->post('/requests/new', [ %{ { %$form, %ok, category => 5, email => 'a@example.org' } }, q4 => '99999' ]);
is($r->{status}, 422, 'a choice that does not exist: 422');

# ---- the point ------------------------------------------------------------------------
my %lamp = (%ok, category => 1, q1 => $q1_out->[0]);
for my $case ([ 'latitude only', { lat => '39.1045' } ],
              [ 'not a number', { lat => '39,1045', lon => '26.555' } ],
              [ 'out of range', { lat => '91', lon => '26.555' } ],
              [ 'outside the municipality (Athens)', { lat => '37.9838', lon => '23.7275' } ]) {
    $r = $b->submit('/requests/new?category=1', '/requests/new', { %lamp, %{ $case->[1] } });
    is($r->{status}, 422, "a point $case->[0]: 422");
}
like($t->text($r), qr/έξω από τα όρια του δήμου/, '... outside: saying so');

$r = $b->submit('/requests/new?category=1', '/requests/new', { %lamp, lat => '39.104500', lon => '26.555000' });
is($r->{status}, 303, 'a point inside: filed');
my ($first) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
my ($pt) = $t->sql("SELECT lat, lon FROM requests WHERE code = '$first'");
is_deeply($pt, [ '39.104500', '26.555000' ], '... the point stored');

# ---- duplicates within 100 m ----------------------------------------------------------
$r = $b->submit('/requests/new?category=1', '/requests/new',
    { %lamp, description => 'Και εδώ σβηστή', lat => '39.104900', lon => '26.555300' });
is($r->{status}, 200, 'another light 50 m away: the form again');
$html = $t->text($r);
like($html, qr/Υπάρχουν ήδη αιτήματα εδώ κοντά/, '... offering the open requests nearby');
like($html, qr{href="/requests/\Q$first\E"}, '... the first one, with its link');
like($html, qr/περίπου 5\d μ\./, '... and its distance');
like($html, qr/Και εδώ σβηστή/, '... the form kept');
my $n = count('1');
$r = $b->submit($r, '/requests/new', {});
is($r->{status}, 303, 'sent again: filed as a new request');
is(count('1'), $n + 1, '... one more');
$r = $b->submit('/requests/new?category=1', '/requests/new',
    { %lamp, lat => '39.110000', lon => '26.555000' });
is($r->{status}, 303, '700 m away: no offer, filed');
$r = $b->submit('/requests/new?category=2', '/requests/new',
    { %ok, category => 2, lat => '39.104510', lon => '26.555010' });
is($r->{status}, 303, 'the same point, another category: filed');

# ---- photos ---------------------------------------------------------------------------
my $photo = slurp('photo.jpg');
like($photo, qr/GPS|Exif/, 'the fixture photo carries EXIF');
$r = $b->submit_multipart('/requests/new?category=1', '/requests/new',
    { %lamp, description => 'Με φωτογραφία' },
    { photo1 => [ 'IMG_0001.jpg', 'image/jpeg', $photo ] });
is($r->{status}, 303, 'with a photo: filed');
($code) = ($r->{headers}{location} // '') =~ m{/requests/(\d{4}-\d{6})};
$html = $t->text($b->get("/requests/$code"));
my @urls = $html =~ m{<img src="(/media/[0-9a-f]{64}\.jpg)"}g;
is(scalar @urls, 1, 'the tracking page shows it');
like($html, qr/alt="Φωτογραφία του αιτήματος \Q$code\E \(1\)"/, '... with a text alternative');
my $m = $t->get($urls[0]);
is($m->{status}, 200, '... served');
unlike($m->{content}, qr/Exif\0\0|GPS/, '... without EXIF or GPS');

$r = $b->submit_multipart('/requests/new?category=1', '/requests/new',
    { %lamp, description => 'Τεράστια φωτογραφία' },
    { photo1 => [ 'big.jpg', 'image/jpeg', $photo . ("\0" x (11 * 1024 * 1024)) ] });
is($r->{status}, 413, 'an 11 MB photo: 413');
$html = $t->text($r);
like($html, qr/πολύ μεγάλη: έως 8 MB/, '... saying so beside it');
like($html, qr/Τεράστια φωτογραφία/, '... the text kept');
like($html, qr/επιλέξτε τες ξανά/, '... and saying photos must be chosen again');

$r = $b->submit_multipart('/requests/new?category=1', '/requests/new',
    { %lamp, description => 'Πρόγραμμα' },
    { photo2 => [ 'evil.jpg', 'image/jpeg', slurp('elf.jpg') ] });
is($r->{status}, 415, 'a program named .jpg: 415');
like($t->text($r), qr/Πρόγραμμα/, '... the text kept');

# Staff hid the photo: the public no longer sees it.
$t->sql("UPDATE request_photos p JOIN requests r ON r.id = p.request_id SET p.hidden = 1 WHERE r.code = '$code'");
unlike($t->text($b->get("/requests/$code")), qr{<img src="/media/}, 'a hidden photo is not shown');
$t->sql("UPDATE requests SET description_hidden = 1 WHERE code = '$code'");
$html = $t->text($b->get("/requests/$code"));
unlike($html, qr/Με φωτογραφία/, 'a hidden description is not shown');
like($html, qr/δεν δημοσιεύεται/, '... saying so');

# ---- the home page leads with the tasks ----------------------------------------------------
$html = $t->text($t->get('/'));
like($html, qr{<section class="tasks".*href="/requests/new".*action="/requests/track".*href="/requests"}s,
    'the home page: report, follow, the list');
like($html, qr{Τηλεφωνικό κέντρο</dt><dd><a href="tel:\+?\d+">}, '... the switchboard, tappable');
like($html, qr{Βοήθεια στο Σπίτι.*<a href="tel:}s, '... the help line, tappable');
like($html, qr{Ωράριο εξυπηρέτησης πολιτών</dt><dd>Δευτέρα}, '... the service hours');
ok(index($html, 'class="tasks"') < index($html, 'id="latest"'), '... before the news');
like($t->text($t->get('/en/')), qr{What would you like to do\?.*href="/en/requests/new"}s, '... in English too');
for my $in ($first, '2026-' . ($first =~ /-0*(\d+)$/)[0], ($first =~ /-0*(\d+)$/)[0] . '/' . substr($first, 0, 4), " $first ") {
    my $tr = $t->get('/requests/track?code=' . $in =~ s/ /+/gr =~ s{/}{%2F}gr);
    is($tr->{headers}{location}, "/requests/$first", "follow my request \"$in\": to its page");
}
is($t->get('/requests/track?code=abc')->{status}, 404, 'a code that is no code: 404');
like($t->text($t->get('/requests/track?code=abc')), qr/μορφή 2026-000123/, '... saying what a code looks like');
is($t->get('/requests/track?code=')->{status}, 400, 'no code: 400');

# ---- phone-in: staff file a request for a caller ------------------------------------------
my $op = Agora::Staff->new($t);
my $pw = $op->create('dimitra', roles => ['department'], department => 4);
is($op->login('dimitra', $pw)->{status}, 303, 'a department user signs in');
$r = $op->get('/admin/requests/new?category=1');
is($r->{status}, 200, 'the phone-in form');
$html = $t->text($r);
like($html, qr/Νέο αίτημα από τηλεφώνημα/, '... in the staff area');
like($html, qr/Τι ακριβώς συμβαίνει;/, '... with the category\'s questions');
unlike($html, qr/name="photo1"/, '... and no photos');
like($html, qr/ο\/η καλών\/ούσα ενημερώθηκε/i, '... the caller\'s consent');
$r = $op->submit($r, '/admin/requests/new', { %lamp, description => 'Τηλεφώνησε ο κ. Π.: σβηστή λάμπα', name => 'Παύλος Καλών', phone => '6944444444' });
is($r->{status}, 303, 'filed');
like($r->{headers}{location} // '', qr{^/admin/requests/\d{4}-\d{6}\?done=phone$}, '... to the staff page of the request');
my ($ph) = $r->{headers}{location} =~ m{/admin/requests/(\d{4}-\d{6})};
my ($row) = $t->sql("SELECT r.channel, u.username FROM requests r JOIN users u ON u.id = r.created_by WHERE r.code = '$ph'");
is_deeply($row, [ 'phone', 'dimitra' ], '... channel phone, filed by her');
$r = $op->submit('/admin/requests/new?category=1', '/admin/requests/new', { %lamp, csrf => 'forged' });
is($r->{status}, 403, 'a forged CSRF token: 403');
my $ed = Agora::Staff->new($t);
my $epw = $ed->create('eleftheria', roles => ['editor']);
$ed->login('eleftheria', $epw);
is($ed->get('/admin/requests/new')->{status}, 403, 'an editor may not file requests: 403');

done_testing;
