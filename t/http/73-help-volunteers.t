#!/usr/bin/env perl
# The support desk's registry of volunteers and professionals
# (/admin/help/volunteers, src/help/volunteers.c): accounts with role
# volunteer or professional wait in the onboarding box; an admin onboards
# them (skills, villages, phone normalised, an audit row), a form sent
# twice makes one profile, bad input answers 422 with what was typed kept,
# a kind that does not fit the account's role is refused; a dispatcher
# edits availability; the list's filters and keyset pages; "who could
# take it" (help_suggest) orders those covering the village first, then
# by fewer open tasks, and leaves out the unavailable, inactive accounts,
# accounts whose role was taken away and the wrong kind; volunteers and
# operators get 403.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode_utf8);
use Test::More;
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
$t->help_wipe;    # the demo's desk: this test counts its own rows
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }
sub text { my ($res) = @_; decode_utf8($res->{content} // '') }

my $adm = Agora::Staff->new($t);
my $admpw = $adm->create('maria', roles => ['admin']);
$adm->login('maria', $admpw);
$adm->enrol;
is($adm->get('/admin')->{status}, 200, 'the admin is signed in with a second factor');
my $disp = Agora::Staff->new($t);
$disp->login('disp', $disp->create('disp', roles => ['dispatcher']));
my $oper = Agora::Staff->new($t);
$oper->login('oper', $oper->create('oper', roles => ['operator']));

# The accounts: volunteers and professionals, and one editor.
my %pw;
my %acct = (
    vol_a => ['volunteer', 'Άννα Αλεξίου'],
    vol_b => ['volunteer', 'Βασίλης Βλάχος'],
    vol_c => ['volunteer', 'Γιώργος Γεωργίου'],
    vol_d => ['volunteer', 'Δέσποινα Δήμου'],       # becomes inactive
    vol_e => ['volunteer', 'Ελένη Ευαγγέλου'],      # not available
    vol_f => ['volunteer', 'Ζωή Ζαχαρίου'],         # loses the role
    doc_a => ['professional', 'Ηλίας Ηλιόπουλος'],
    psy_a => ['professional', 'Θεοδώρα Θεοχάρη'],
    ed_a  => ['editor', 'Ιωάννα Ιωάννου'],
);
my %id;
for my $u (sort keys %acct) {
    $pw{$u} = Agora::Staff->new($t)->create($u, roles => [$acct{$u}[0]], name => $acct{$u}[1]);
    $t->sql("UPDATE users SET display_name = '$acct{$u}[1]', email = '$u\@example.org' WHERE username = '$u'");
    $id{$u} = one("SELECT id FROM users WHERE username = '$u'");
}
my %area = map { $_->[1] => $_->[0] } $t->sql('SELECT id, name_el FROM areas');
my ($moria, $loutra, $pamfila) = @area{'Μόρια', 'Λουτρά', 'Πάμφιλα'};
ok($moria && $loutra && $pamfila, 'the demo villages are there');

# The form posting to ACTION on PAGE with exactly these fields (an array
# value: a field sent several times, as checkboxes of one name are).
sub send_form {
    my ($s, $page, $action, %f) = @_;
    my $h = $s->form($page, $action) // die "no form posting to $action (status $page->{status})";
    my @pairs = (token => $h->{token}, csrf => $h->{csrf});
    for my $k (sort keys %f) {
        next unless defined $f{$k};
        push @pairs, map { ($k => $_) } ref $f{$k} ? @{ $f{$k} } : ($f{$k});
    }
    return $s->post($action, \@pairs);
}
sub onboard_page { my ($s, $u) = @_; $s->get("/admin/help/volunteers/new?user=$id{$u}") }
sub onboard {
    my ($s, $u, %f) = @_;
    my $page = onboard_page($s, $u);
    return send_form($s, $page, "/admin/help/volunteers/new?user=$id{$u}", %f);
}
my %good = (kind => 'volunteer', phone => '+30 691 234 5678', notify => 'both',
    skills => ['groceries', 'medicines'], areas => [$moria, $loutra], has_car => 1,
    available => 1, availability => 'απογεύματα, όχι Κυριακή', notes => 'κλειδιά στη γειτόνισσα');

# ---- the onboarding box ------------------------------------------------------------------
my $res = $adm->get('/admin/help/volunteers');
is($res->{status}, 200, 'the registry opens for an admin');
my $html = text($res);
my ($box) = $html =~ m{<ul id="hv-pending">(.*?)</ul>}s;
ok($box, 'the box of accounts without a profile is shown');
for my $u (qw(vol_a vol_b vol_c vol_d vol_e vol_f doc_a psy_a)) {
    like($box // '', qr{\Q$acct{$u}[1]\E.*?href="/admin/help/volunteers/new\?user=$id{$u}"}s,
        "$u is listed with a link to onboard");
}
unlike($box // '', qr/\Q$acct{ed_a}[1]\E/, 'an editor is not listed');
unlike($box // '', qr/\bdisp\b/, 'nor a dispatcher');

# ---- onboarding ---------------------------------------------------------------------------
$res = onboard_page($adm, 'vol_a');
is($res->{status}, 200, 'the onboarding form opens');
$html = text($res);
like($html, qr/\Q$acct{vol_a}[1]\E/, 'it names the account');
like($html, qr{<option value="volunteer" selected>}, "a volunteer's account defaults to kind volunteer");
like($html, qr{name="areas" type="checkbox" value="$moria"}, 'the villages are checkboxes');

$res = onboard($adm, 'vol_a', %good);
is($res->{status}, 303, 'onboarding answers 303');
like($res->{headers}{location} // '', qr{/admin/help/volunteers/$id{vol_a}\?done=onboarded$}, '... to the profile');
my ($row) = $t->sql("SELECT kind, phone, skills, has_car, available, availability, notify, notes, onboarded_by
    FROM help_volunteers WHERE user_id = $id{vol_a}");
is_deeply($row, ['volunteer', '6912345678', 'medicines,groceries', 1, 1, 'απογεύματα, όχι Κυριακή', 'both',
    'κλειδιά στη γειτόνισσα', one("SELECT id FROM users WHERE username = 'maria'")],
    'the profile is stored, the phone number normalised');
is(one("SELECT GROUP_CONCAT(area_id ORDER BY area_id) FROM help_volunteer_areas WHERE user_id = $id{vol_a}"),
    join(',', sort { $a <=> $b } $moria, $loutra), 'with its villages');
my $audit = one("SELECT summary FROM audit_log WHERE action = 'help_volunteer_onboard' AND object_id = '$id{vol_a}'");
like($audit // '', qr/kind volunteer.*villages .*Μόρια/, 'an audit row says what was onboarded');
$res = $adm->get($res->{headers}{location});
like(text($res), qr{class="notice" role="status">[^<]+</p>}, 'the profile page confirms it');
like(text($res), qr{value="6912 345 678"}, 'and shows the number as it is read');

# the same form sent again: still one profile, the same answer
{
    my $page = onboard_page($adm, 'vol_b');
    my %f = (%good, skills => ['groceries'], areas => [$moria]);
    my $r1 = send_form($adm, $page, "/admin/help/volunteers/new?user=$id{vol_b}", %f);
    my $r2 = send_form($adm, $page, "/admin/help/volunteers/new?user=$id{vol_b}", %f);
    is($r1->{status}, 303, 'vol_b onboarded');
    is($r2->{status}, 303, 'the form sent twice answers 303 again');
    is($r2->{headers}{location}, $r1->{headers}{location}, '... to the same profile');
    is(one("SELECT COUNT(*) FROM help_volunteers WHERE user_id = $id{vol_b}"), 1, 'one profile');
    is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'help_volunteer_onboard' AND object_id = '$id{vol_b}'"), 1,
        'one audit row');
}

# bad input: 422, what was typed kept
$res = onboard($adm, 'vol_c', %good, phone => '69-ΑΒΓ', availability => 'πρωινά <b>μόνο</b>',
    skills => [], areas => [$pamfila]);
is($res->{status}, 422, 'a bad phone number and no skills answer 422');
$html = text($res);
like($html, qr/error-summary/, 'with an error summary');
like($html, qr/Γράψτε έναν αριθμό τηλεφώνου, π.χ./, 'the phone error is said in Greek');
like($html, qr/τουλάχιστον ένα είδος εργασίας/, 'and the missing skill');
like($html, qr{value="69-ΑΒΓ"}, 'the phone as typed is kept');
like($html, qr{value="\Q${\ html_escape('πρωινά <b>μόνο</b>')}\E"}, 'the availability as typed is kept, escaped');
like($html, qr{value="$pamfila" checked}, 'the village ticked stays ticked');
is(one("SELECT COUNT(*) FROM help_volunteers WHERE user_id = $id{vol_c}"), 0, 'nothing stored');
$res = onboard($adm, 'vol_c', %good, phone => '', notify => 'sms');
is($res->{status}, 422, 'SMS without a phone number answers 422');
$res = onboard($adm, 'vol_c', %good, areas => [99999]);
is($res->{status}, 422, 'a village that is not one answers 422');

# the kind must fit the role
$res = onboard($adm, 'vol_c', %good, kind => 'doctor');
is($res->{status}, 422, "a volunteer's account cannot be a doctor");
like(text($res), qr/ρόλο επαγγελματία/, '... and the page says why');
$res = onboard($adm, 'doc_a', %good, kind => 'volunteer');
is($res->{status}, 422, "a professional's account cannot be a volunteer");
is(one("SELECT COUNT(*) FROM help_volunteers WHERE user_id IN ($id{vol_c}, $id{doc_a})"), 0, 'nothing stored');
$res = onboard_page($adm, 'ed_a');
is($res->{status}, 422, 'an account without either role cannot be onboarded');
$res = $adm->get('/admin/help/volunteers/new?user=999999');
is($res->{status}, 404, 'an unknown account: 404');
$res = $adm->get('/admin/help/volunteers/new');
is($res->{status}, 404, 'no account: 404');

# the others, by the dispatcher too
is(onboard($disp, 'vol_c', %good, skills => ['groceries', 'meals'], areas => [$loutra], has_car => undef)->{status},
    303, 'the dispatcher onboards vol_c');
is(onboard($adm, 'vol_d', %good, skills => ['groceries'], areas => [$moria])->{status}, 303, 'vol_d');
is(onboard($adm, 'vol_e', %good, skills => ['groceries'], areas => [$moria], available => undef)->{status}, 303,
    'vol_e, not available');
is(onboard($adm, 'vol_f', %good, skills => ['groceries'], areas => [$moria])->{status}, 303, 'vol_f');
is(onboard($adm, 'doc_a', %good, kind => 'doctor', skills => ['groceries'], areas => [$moria])->{status}, 303,
    'doc_a, a doctor');
is(one("SELECT CONCAT('[', skills, ']') FROM help_volunteers WHERE user_id = $id{doc_a}"), '[]', "a doctor's skills are not kept");
is(onboard($adm, 'psy_a', %good, kind => 'psychologist', skills => [], areas => [$pamfila])->{status}, 303,
    'psy_a, a psychologist');
$res = onboard_page($adm, 'vol_a');
is($res->{status}, 303, 'onboarding an account with a profile leads to the profile');
$res = $adm->get('/admin/help/volunteers');
unlike(text($res), qr{<ul id="hv-pending">}, 'the box is empty now');

# ---- editing ----------------------------------------------------------------------------
my $vol_e_url = "/admin/help/volunteers/$id{vol_e}";
$res = $disp->get($vol_e_url);
is($res->{status}, 200, "the dispatcher opens vol_e's profile");
$html = text($res);
unlike($html, qr{name="available" type="checkbox" value="1" checked}, 'not available');
like($html, qr{value="groceries" checked}, 'the skills ticked');
$res = send_form($disp, $res, $vol_e_url, %good, skills => ['groceries'], areas => [$moria], available => 1);
is($res->{status}, 303, 'made available again');
like($res->{headers}{location} // '', qr{\?done=saved$}, '... with a notice');
is(one("SELECT available FROM help_volunteers WHERE user_id = $id{vol_e}"), 1, 'stored');
like(one("SELECT summary FROM audit_log WHERE action = 'help_volunteer_update' AND object_id = '$id{vol_e}'") // '',
    qr/available «0» → «1»/, 'the audit row says what changed');
$res = send_form($disp, $disp->get($vol_e_url), $vol_e_url, %good, skills => ['groceries'], areas => [$moria],
    available => undef);
is(one("SELECT available FROM help_volunteers WHERE user_id = $id{vol_e}"), 0, 'and unavailable once more');
$res = send_form($disp, $disp->get($vol_e_url), $vol_e_url, %good, phone => '12', availability => 'Σάββατο');
is($res->{status}, 422, 'a bad edit answers 422');
like(text($res), qr{value="Σάββατο"}, '... keeping what was typed');
is(one("SELECT availability FROM help_volunteers WHERE user_id = $id{vol_e}"), 'απογεύματα, όχι Κυριακή', 'nothing changed');
is($adm->get('/admin/help/volunteers/999999')->{status}, 404, 'an unknown profile: 404');
is($adm->get("/admin/help/volunteers/$id{ed_a}")->{status}, 404, 'an account without a profile: 404');

# ---- the list and its filters ---------------------------------------------------------------
sub list_names {
    my ($path) = @_;
    my $r = $adm->get($path);
    my ($tb) = text($r) =~ m{<table class="admin-table" id="hv-list">(.*?)</table>}s;
    return ($r->{status}, [ ($tb // '') =~ m{<th scope="row"><a href="[^"]+">([^<]+)</a>}g ]);
}
my ($st, $names) = list_names('/admin/help/volunteers');
is($st, 200, 'the list');
is_deeply($names, [ map { $acct{$_}[1] } qw(vol_a vol_b vol_c vol_d vol_e vol_f doc_a psy_a) ],
    'everyone onboarded, by name');
(undef, $names) = list_names('/admin/help/volunteers?kind=doctor');
is_deeply($names, [ $acct{doc_a}[1] ], 'filtered by kind');
(undef, $names) = list_names("/admin/help/volunteers?area=$loutra");
is_deeply($names, [ map { $acct{$_}[1] } qw(vol_a vol_c) ], 'filtered by village');
(undef, $names) = list_names('/admin/help/volunteers?available=0');
is_deeply($names, [ $acct{vol_e}[1] ], 'filtered by availability');
(undef, $names) = list_names("/admin/help/volunteers?kind=volunteer&area=$moria&available=1");
is_deeply($names, [ map { $acct{$_}[1] } qw(vol_a vol_b vol_d vol_f) ], 'filters together');
for my $bad ('kind=admin', 'area=x', 'available=2', 'after=-1', 'type=shopping') {
    is($adm->get("/admin/help/volunteers?$bad")->{status}, 400, "a bad filter ($bad): 400");
}
$html = text($adm->get('/admin/help/volunteers'));
like($html, qr{<th scope="row"><a href="/admin/help/volunteers/$id{vol_a}">\Q$acct{vol_a}[1]\E</a></th><td>Εθελοντής/τρια</td><td>Μόρια, Λουτρά</td><td>Φάρμακα, Τρόφιμα και είδη πρώτης ανάγκης</td><td>Ναι</td><td>Ναι</td><td>0</td>},
    "a row shows kind, villages, skills, car, availability and open tasks");

# ---- who could take it -----------------------------------------------------------------------
# vol_a has two open cases (and a done one, not counted), vol_b none; vol_c
# does not cover Moria; vol_d's account is disabled, vol_e unavailable,
# vol_f no longer holds the role.
for my $st ('assigned', 'in_progress', 'done') {
    $t->sql("INSERT INTO help_cases (area_id, type, details, wanted_by, channel, status, assignee_id)
        VALUES ($moria, 'groceries', '', NOW() + INTERVAL 1 DAY, 'phone', '$st', $id{vol_a})");
}
$t->sql("UPDATE users SET active = 0 WHERE id = $id{vol_d}");
$t->sql("DELETE FROM user_roles WHERE user_id = $id{vol_f}");
sub candidates {
    my ($q) = @_;
    my $r = $disp->get("/admin/help/volunteers?$q");
    my ($tb) = text($r) =~ m{<table class="admin-table" id="hv-candidates">(.*?)</table>}s;
    my @rows = map { [ m{<a href="[^"]+">([^<]+)</a></th><td>[^<]*</td><td>([^<]*)</td><td>(\d+)</td>} ] }
        ($tb // '') =~ m{<tr><td>\d+</td>(.*?)</tr>}sg;
    return ($r->{status}, \@rows);
}
my ($cst, $c) = candidates("type=groceries&area=$moria");
is($cst, 200, 'the dispatcher asks who could take groceries in Moria');
is_deeply([ map { $_->[0] } @$c ], [ map { $acct{$_}[1] } qw(vol_b vol_a vol_c) ],
    'those covering Moria first, fewer open tasks first, then the others; no unavailable, inactive or role-less one');
is_deeply([ map { [ $_->[1], $_->[2] ] } @$c ], [ ['Ναι', 0], ['Ναι', 2], ['Όχι', 0] ],
    'with whether they cover the village and their open tasks');
(undef, $c) = candidates("type=meals&area=$moria");
is_deeply([ map { $_->[0] } @$c ], [ $acct{vol_c}[1] ], 'meals: only the volunteer with that skill');
(undef, $c) = candidates("type=medical&area=$moria");
is_deeply([ map { $_->[0] } @$c ], [ $acct{doc_a}[1] ], 'medical advice: the doctor only');
(undef, $c) = candidates('type=psych');
is_deeply([ map { $_->[0] } @$c ], [ $acct{psy_a}[1] ], 'psychological support, any village: the psychologist');
$t->sql("UPDATE help_volunteers SET available = 0 WHERE user_id = $id{psy_a}");
my ($pst, $none) = candidates('type=psych');
is_deeply($none, [], 'nobody when the psychologist is away');
like(text($disp->get('/admin/help/volunteers?type=psych')), qr/Κανείς διαθέσιμος/, '... and the page says so');
$html = text($adm->get('/admin/help/volunteers'));
like($html, qr{\Q$acct{vol_a}[1]\E</a></th>(?:<td>[^<]*</td>){5}<td>2</td>}, "the list counts vol_a's open tasks");
like($html, qr{\Q$acct{vol_d}[1]\E</a> <span class="tag">}, 'and marks the disabled account');

# ---- keyset pages --------------------------------------------------------------------------------
$t->sql(q{INSERT INTO users (username, display_name, password_hash)
    SELECT CONCAT('bulk', seq), CONCAT('Ωμέγας ', LPAD(seq, 3, '0')), 'x' FROM seq_1_to_60});
$t->sql(q{INSERT INTO user_roles (user_id, role) SELECT id, 'volunteer' FROM users WHERE username LIKE 'bulk%'});
$t->sql(q{INSERT INTO help_volunteers (user_id, kind, skills) SELECT id, 'volunteer', 'errand' FROM users WHERE username LIKE 'bulk%'});
$res = $adm->get('/admin/help/volunteers?kind=volunteer');
(undef, my $p1) = list_names('/admin/help/volunteers?kind=volunteer');
is(scalar @$p1, 50, 'a page holds 50');
my ($next) = text($res) =~ m{<a href="([^"]+)" rel="next">};
ok($next, 'with a link to the next');
$next =~ s/&amp;/&/g;
like($next // '', qr{kind=volunteer&after=\d+}, 'keeping the filter');
(undef, my $p2) = list_names($next);
is(scalar @$p1 + scalar @$p2, 66, 'the two pages hold all 66 volunteers');
my %seen;
$seen{$_}++ for @$p1, @$p2;
is(scalar keys %seen, 66, 'none twice');
is($p2->[-1], 'Ωμέγας 060', 'the last one last');

# ---- who may see it ---------------------------------------------------------------------------------
my $vol = Agora::Staff->new($t);
$vol->login('vol_a', $pw{vol_a});
for my $s ([$vol, 'a volunteer'], [$oper, 'an operator']) {
    for my $p ('/admin/help/volunteers', "/admin/help/volunteers/$id{vol_a}",
               "/admin/help/volunteers/new?user=$id{vol_c}") {
        is($s->[0]->get($p)->{status}, 403, "$s->[1] gets 403 on $p");
    }
    my $r = $s->[0]->post("/admin/help/volunteers/$id{vol_a}", [ available => 1 ]);
    is($r->{status}, 403, "$s->[1] cannot post a profile");
}
is(one("SELECT available FROM help_volunteers WHERE user_id = $id{vol_a}"), 1, 'nothing changed');
like(text($disp->get('/admin')), qr{href="/admin/help/volunteers"}, "the dispatcher's menu links to the registry");
unlike(text($oper->get('/admin')), qr{href="/admin/help/volunteers"}, "the operator's does not");
like(text($adm->get('/en/admin/help/volunteers')), qr{<h1>Volunteers and health professionals</h1>}, 'in English too');

done_testing;
