#!/usr/bin/env perl
# The users admin (/admin/users): an admin creates a user (the password
# shown once, changed at the first sign-in), edits roles and department
# (the user's sessions end and the new permissions apply), disables and
# enables (with a confirmation step), resets the password and the second
# factor; the rules (a department for the role "department", nobody
# disables themselves or takes their own admin role, the last active admin
# stays - also against a concurrent change holding the admins' rows);
# hostile input; a replayed form; the list's filters and keyset pages;
# and the audit log of every change.  Through nginx and MariaDB.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes ();
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
$t->sql(q{INSERT INTO departments (id, name, name_en) VALUES
          (911, 'Τμήμα Καθαριότητας', 'Cleaning Department'),
          (912, 'Τμήμα Πρασίνου', 'Parks Department')});

sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }
sub audit_count {
    my ($action, $obj) = @_;
    return one("SELECT COUNT(*) FROM audit_log WHERE action = '$action'"
        . (defined $obj ? " AND object_type = 'user' AND object_id = '$obj'" : ''));
}
sub last_summary {
    my ($action, $obj) = @_;
    return one("SELECT summary FROM audit_log WHERE action = '$action'"
        . " AND object_id = '$obj' ORDER BY id DESC LIMIT 1") // '';
}
# The fields a browser sends for the user form (unticked boxes: absent).
sub fields {
    my (%o) = @_;
    my %f = (display_name => $o{display_name} // '', email => $o{email} // '',
             department => $o{department} // '');
    $f{username} = $o{username} if defined $o{username};
    # Every checkbox said: ticked (1) or not (undef, left out).
    $f{"role_$_"} = undef for qw(admin editor moderator dispatcher department operator volunteer professional);
    $f{"role_$_"} = 1 for @{ $o{roles} || [] };
    $f{active} = ($o{active} // 1) ? 1 : undef;
    $f{confirm} = $o{confirm} if defined $o{confirm};
    return \%f;
}
sub shown_password {
    my ($res) = @_;
    my ($pw) = $t->text($res) =~ m{<p class="one-time-password"><code>([^<]+)</code></p>};
    return $pw;
}
# A TOTP step is accepted once (and the next one a step early): sign in
# with the first step this secret has not used yet, waiting when need be.
my %used_step;
sub code_login {
    my ($s, $name, $pw, $secret) = @_;
    $s->set_cookie(agora => undef);
    my $res = $s->login($name, $pw);
    return $res unless $res->{status} == 303
        && ($res->{headers}{location} // '') =~ m{/admin/login/code};
    my $step = int(time / 30);
    my $use = ($used_step{$secret} // -1) >= $step ? $used_step{$secret} + 1 : $step;
    sleep 1 while int(time / 30) < $use - 1;
    my $page = $s->get($res->{headers}{location});
    $res = $s->submit($page, '/admin/login/code', { code => Agora::Staff::totp($secret, $use * 30) });
    $used_step{$secret} = $use;
    return $res;
}
# The form posting to ACTION on PAGE, its hidden fields overridden by
# FIELDS (as a browser sends one value per field).
sub send_form {
    my ($s, $page, $action, $fields) = @_;
    my %f = (%{ $s->form($page, $action) // die "no form for $action" }, %$fields);
    return $s->post($action, [ %f ]);
}
sub enrol {
    my ($s) = @_;
    my $secret = $s->enrol;
    $used_step{$secret} = int(time / 30);
    return $secret;
}

# ---- the admin ---------------------------------------------------------------------------
my $adm = Agora::Staff->new($t);
my $admpw = $adm->create('maria', roles => ['admin']);
$adm->login('maria', $admpw);
enrol($adm);
my $mid = one(q{SELECT id FROM users WHERE username = 'maria'});
my $r = $adm->get('/admin/users');
is($r->{status}, 200, 'the admin opens the users list');
like($t->text($r), qr{<a href="/admin/users"[^>]*>Χρήστες</a>}, "... from the staff menu");
like($t->text($r), qr{href="/admin/users/$mid">maria</a>}, '... which lists her');

# ---- create a user with two roles ---------------------------------------------------------------
$r = $adm->get('/admin/users/new');
is($r->{status}, 200, 'the form for a new user opens');
my $html = $t->text($r);
like($html, qr{name="role_editor" type="checkbox"}, '... roles as checkboxes');
like($html, qr{<option value="911">Τμήμα Καθαριότητας</option>}, '... departments to choose from');
unlike($html, qr{name="password"}, '... and no password field: it is generated');
$r = $adm->submit($r, '/admin/users/new', fields(username => 'nikos',
    display_name => 'Νίκος Παππάς', email => 'nikos@example.gr',
    roles => [qw(editor moderator)]));
is($r->{status}, 200, 'the admin creates nikos (editor, moderator)') or diag($t->text($r));
my $nkpw = shown_password($r);
like($nkpw // '', qr/^[A-Za-z0-9]{20}$/, '... and the generated password is shown');
like($t->text($r), qr/μόνο αυτή τη φορά/, '... once, as the page says');
like($r->{headers}{'cache-control'} // '', qr/no-store/, '... on a page never stored');
my $nid = one(q{SELECT id FROM users WHERE username = 'nikos'});
ok($nid, 'nikos exists');
is_deeply([ map { $_->[0] } $t->sql("SELECT role FROM user_roles WHERE user_id = $nid ORDER BY role") ],
    [qw(editor moderator)], '... with both roles');
is(one("SELECT must_change FROM users WHERE id = $nid"), 1, '... who must change the password');
is(audit_count('user_create', 'nikos'), 1, 'the creation is in the audit log');
like(last_summary('user_create', 'nikos'), qr/roles editor,moderator; department —/,
    '... in words');
is($adm->get("/admin/users/$nid")->{status}, 200, "nikos's page opens");

# ---- nikos signs in and must change the password -------------------------------------------------
my $nk = Agora::Staff->new($t);
$r = $nk->login('nikos', $nkpw);
is($r->{status}, 303, 'nikos signs in with the shown password');
$r = $nk->get('/admin');
is($r->{status}, 303, '... but must first choose his own');
is($r->{headers}{location}, '/admin/account/password', '... on the password page');
my $nkpw2 = 'ο νέος κωδικός του Νίκου';
$r = $nk->submit('/admin/account/password', '/admin/account/password',
    { current => $nkpw, new => $nkpw2, again => $nkpw2 });
is($r->{status}, 303, '... which he does');
is($nk->get('/admin')->{status}, 200, '... and the staff area opens');
is($nk->get('/admin/audit')->{status}, 403, 'as an editor he may not read the audit log');
is($nk->get('/admin/users')->{status}, 403, '... nor open the users admin');

# ---- roles and department change: his session ends, the new permissions apply ------------------
$r = $adm->submit("/admin/users/$nid", "/admin/users/$nid", fields(
    display_name => 'Νίκος Παππάς', email => 'nikos@example.gr',
    roles => [qw(admin editor)], department => 911));
is($r->{status}, 303, 'the admin makes nikos admin and editor, of a department');
like($r->{headers}{location} // '', qr{^/admin/users/$nid\?done=saved$}, '... and is sent back to his page');
like($t->text($adm->get($r->{headers}{location})), qr/Οι αλλαγές αποθηκεύτηκαν/, '... which says so');
is($nk->get('/admin')->{status}, 401, "nikos's session has ended (401 on his next request)");
is(one("SELECT COUNT(*) FROM sessions WHERE user_id = $nid"), 0, '... none of his sessions is left');
is(last_summary('user_update', 'nikos'),
    'roles editor,moderator → admin,editor; department — → Τμήμα Καθαριότητας; 1 sessions ended',
    'the audit log says what changed, before → after');
is(one("SELECT department_id FROM users WHERE id = $nid"), 911, 'the department is stored');
$r = $nk->login('nikos', $nkpw2);
is($r->{headers}{location}, '/admin/account/2fa', 'signing in again, as an admin he must set up a second factor');
my $nksecret = enrol($nk);
is($nk->get('/admin/audit')->{status}, 200, '... and then the audit log opens: the new permissions apply');
is($nk->get('/admin/users')->{status}, 200, '... and so does the users admin');

# ---- the department rule ---------------------------------------------------------------------------
$r = $adm->submit('/admin/users/new', '/admin/users/new', fields(username => 'katerina',
    display_name => 'Κατερίνα', roles => ['department']));
is($r->{status}, 422, 'the role "department" without a department: 422');
$html = $t->text($r);
like($html, qr/Ο ρόλος «Υπάλληλος τμήματος» χρειάζεται τμήμα/, '... with a clear message');
like($html, qr/class="error-summary"/, '... in the error summary');
like($html, qr{<a href="#f-department">}, '... linking to the field');
like($html, qr{name="username" type="text"[^>]*value="katerina"}, '... and what was typed kept');
like($html, qr{name="role_department" type="checkbox" value="1" checked}, '... the boxes too');
is(one(q{SELECT COUNT(*) FROM users WHERE username = 'katerina'}), 0, '... and no user made');
$r = $adm->submit($r, '/admin/users/new', fields(username => 'katerina',
    display_name => 'Κατερίνα', roles => ['department'], department => 912));
is($r->{status}, 200, 'with a department it is created');
my $kid = one(q{SELECT id FROM users WHERE username = 'katerina'});
$r = $adm->submit("/admin/users/$kid", "/admin/users/$kid", fields(
    display_name => 'Κατερίνα', roles => ['department'], department => ''));
is($r->{status}, 422, 'taking the department away from a department user: 422');
is(one("SELECT department_id FROM users WHERE id = $kid"), 912, '... nothing changed');
$r = $adm->submit('/admin/users/new', '/admin/users/new', fields(username => 'nobody',
    display_name => 'Κανείς'));
is($r->{status}, 422, 'a user without a role: 422');
like($t->text($r), qr/Επιλέξτε τουλάχιστον έναν ρόλο/, '... saying so');
$r = $adm->submit('/admin/users/new', '/admin/users/new', fields(username => 'Bad Name',
    display_name => 'x', roles => ['editor']));
is($r->{status}, 422, 'a username with capitals and a space: 422');
like($t->text($r), qr/πεζά λατινικά γράμματα/, '... saying what is allowed');
$r = $adm->submit('/admin/users/new', '/admin/users/new', fields(username => 'nikos',
    display_name => 'Άλλος Νίκος', roles => ['editor']));
is($r->{status}, 422, 'a username taken already: 422 (the UNIQUE key)');
like($t->text($r), qr/Υπάρχει ήδη χρήστης με αυτό το όνομα/, '... with a message');
is(one(q{SELECT COUNT(*) FROM users WHERE username = 'nikos'}), 1, '... and still one nikos');

# ---- what an admin may not do to themselves ---------------------------------------------------------
$r = $adm->submit("/admin/users/$mid", "/admin/users/$mid", fields(
    display_name => 'Μαρία Νέα', roles => ['admin'], active => 0));
is($r->{status}, 422, 'an admin disabling herself: 422');
$html = $t->text($r);
like($html, qr/Δεν μπορείτε να απενεργοποιήσετε τον δικό σας λογαριασμό/, '... with a clear message');
like($html, qr{name="display_name" type="text"[^>]*value="Μαρία Νέα"}, '... and what was typed kept');
$r = $adm->submit("/admin/users/$mid", "/admin/users/$mid", fields(
    display_name => 'Μαρία', roles => ['editor']));
is($r->{status}, 422, 'an admin taking away her own admin role: 422');
like($t->text($r), qr/Δεν μπορείτε να αφαιρέσετε από τον εαυτό σας τον ρόλο του διαχειριστή/,
    '... with a clear message');
is(one("SELECT active FROM users WHERE id = $mid"), 1, 'she is still active');
is(one("SELECT COUNT(*) FROM user_roles WHERE user_id = $mid AND role = 'admin'"), 1, '... and an admin');
# Adding a role to herself is a change of privilege: a new session id.
my $before = $adm->session_cookie;
$r = $adm->submit("/admin/users/$mid", "/admin/users/$mid", fields(
    display_name => 'Μαρία', roles => [qw(admin editor)]));
is($r->{status}, 303, 'an admin may add a role to herself');
isnt($adm->session_cookie, $before, '... and gets a new session id');
my $old = Agora::Staff->new($t);
$old->set_cookie(agora => $before);
is($old->get('/admin')->{status}, 401, '... the old one is worthless');
is($adm->get('/admin/users')->{status}, 200, '... and she is still signed in');
$r = $adm->get("/admin/users/$mid/confirm?what=password");
unlike($t->text($r), qr{action="/admin/users/$mid/reset-password"},
    'her own password is not reset here (no form) ...');
like($t->text($r), qr{/admin/account}, '... but on her account page');

# ---- disable, with a confirmation step; then enable ------------------------------------------------------
$r = $nk->get('/admin');
is($r->{status}, 200, 'nikos is signed in');
my %nk_now = (display_name => 'Νίκος Παππάς', email => 'nikos@example.gr',
              roles => [qw(admin editor)], department => 911);
$r = $adm->submit("/admin/users/$nid", "/admin/users/$nid", fields(%nk_now, active => 0));
is($r->{status}, 200, 'unticking "active" first asks for a confirmation');
$html = $t->text($r);
like($html, qr/Πρόκειται να απενεργοποιήσετε αυτόν τον χρήστη/, '... saying what will happen');
like($html, qr{<button type="submit">Ναι, απενεργοποίηση</button>}, '... with a button to confirm');
is(one("SELECT active FROM users WHERE id = $nid"), 1, '... and nothing done yet');
is($nk->get('/admin')->{status}, 200, '... nikos still signed in');
$r = $adm->submit($r, "/admin/users/$nid", fields(%nk_now, active => 0));
is($r->{status}, 303, 'confirmed: nikos is disabled');
is(one("SELECT active FROM users WHERE id = $nid"), 0, '... in the database');
is($nk->get('/admin')->{status}, 401, '... his session has ended');
like(last_summary('user_disable', 'nikos'), qr/^active yes → no; 1 sessions ended$/, '... and the audit log says so');
my $x = Agora::Staff->new($t);
$r = $x->login('nikos', $nkpw2);
is($r->{status}, 401, 'nikos cannot sign in');
like($t->text($r), qr/Λάθος όνομα χρήστη ή κωδικός πρόσβασης/, '... with the same message as a wrong password');
is(audit_count('login_disabled', 'nikos'), 1, '... audited as login_disabled');
$r = $adm->submit("/admin/users/$nid", "/admin/users/$nid", fields(%nk_now));
is($r->{status}, 303, 'enabling needs no confirmation');
is(one("SELECT active FROM users WHERE id = $nid"), 1, '... nikos is active again');
is(audit_count('user_enable', 'nikos'), 1, '... audited');
$t->sql('DELETE FROM login_throttle');

# ---- reset the password ---------------------------------------------------------------------------------------
$r = code_login($nk, 'nikos', $nkpw2, $nksecret);
is($r->{status}, 303, 'nikos signs in again (password and code)');
is($nk->get('/admin')->{status}, 200, '... and is in');
$r = $adm->get("/admin/users/$nid");
like($t->text($r), qr{href="/admin/users/$nid/confirm\?what=password"}, 'his page leads to the password reset');
$r = $adm->get("/admin/users/$nid/confirm?what=password");
is($r->{status}, 200, '... which asks for a confirmation first');
like($t->text($r), qr/Ο τωρινός κωδικός παύει να ισχύει/, '... saying what it does');
my $confirm_pw = $r;
$r = $adm->post("/admin/users/$nid/reset-password",
    { csrf => $adm->form($confirm_pw, "/admin/users/$nid/reset-password")->{csrf} });
is($r->{status}, 422, 'a POST without the confirmation form (no token) resets nothing');
is($nk->get('/admin')->{status}, 200, '... nikos still signed in');
$r = $adm->submit($confirm_pw, "/admin/users/$nid/reset-password", {});
is($r->{status}, 200, 'confirmed: the password is reset');
my $nkpw3 = shown_password($r);
like($nkpw3 // '', qr/^[A-Za-z0-9]{20}$/, '... and the new one shown once');
is(one("SELECT must_change FROM users WHERE id = $nid"), 1, '... to be changed at the next sign-in');
is($nk->get('/admin')->{status}, 401, "... nikos's session has ended");
is(Agora::Staff->new($t)->login('nikos', $nkpw2)->{status}, 401, 'the old password no longer works');
$t->sql('DELETE FROM login_throttle');
$r = code_login($nk, 'nikos', $nkpw3, $nksecret);
is($r->{status}, 303, 'the new one does');
is($nk->get('/admin')->{headers}{location}, '/admin/account/password', '... and he must change it');
like(last_summary('password_reset', 'nikos'), qr/to be changed at the next sign-in; 1 sessions ended/,
    'the reset is in the audit log');

# ---- reset the second factor -------------------------------------------------------------------------------------
$r = $adm->get("/admin/users/$nid/confirm?what=2fa");
is($r->{status}, 200, 'the second-factor reset asks for a confirmation');
$r = $adm->submit($r, "/admin/users/$nid/reset-2fa", {});
is($r->{status}, 303, 'confirmed: the second factor is reset');
like($t->text($adm->get($r->{headers}{location})), qr/Ο δεύτερος παράγοντας καταργήθηκε/, '... the page says so');
my @u = $t->sql("SELECT totp_secret IS NULL, totp_pending IS NULL FROM users WHERE id = $nid");
is_deeply($u[0], [1, 1], '... no secret, no pending secret');
is(one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $nid"), 0, '... no recovery codes');
is($nk->get('/admin/account/password')->{status}, 401, "... and nikos's session has ended");
like(last_summary('totp_reset', 'nikos'), qr/^second factor set up → none; recovery codes deleted/,
    '... audited');
$r = $nk->login('nikos', $nkpw3);
is($r->{headers}{location}, '/admin/account/2fa', 'an admin whose second factor was reset must enrol again');
$nksecret = enrol($nk);
$r = $nk->submit('/admin/account/password', '/admin/account/password',
    { current => $nkpw3, new => $nkpw2, again => $nkpw2 });
is($r->{status}, 303, '... and then change the password');
is($nk->get('/admin/users')->{status}, 200, '... and then he is in');

# ---- hostile input -----------------------------------------------------------------------------------------------------
my $newform = $adm->form($adm->get('/admin/users/new'), '/admin/users/new');
$r = $adm->post('/admin/users/new', [ %$newform, username => 'big', role_editor => 1,
    display_name => 'x' x (5 * 1024 * 1024) ]);
is($r->{status}, 413, 'a 5 MB field: 413');
$r = $adm->post('/admin/users/new', [ %$newform, username => 'nul', role_editor => 1,
    display_name => "a\0b" ]);
is($r->{status}, 400, 'a NUL byte: 400');
is(one(q{SELECT COUNT(*) FROM users WHERE username IN ('big', 'nul')}), 0, '... neither made a user');
my $xss = q{<script>alert("x")</script><img src=x onerror=alert(1)>'};
$r = $adm->submit('/admin/users/new', '/admin/users/new', fields(username => 'xss',
    display_name => $xss, roles => ['volunteer']));
is($r->{status}, 200, 'a display name with markup is stored as text');
my $xid = one(q{SELECT id FROM users WHERE username = 'xss'});
$html = $t->text($adm->get('/admin/users?q=xss'));
like($html, qr{<td>\Q${\ html_escape($xss)}\E</td>}, '... shown escaped in the list');
unlike($html, qr{<script>alert|<img src=x}, '... never as markup');
$html = $t->text($adm->get("/admin/users/$xid"));
like($html, qr{value="\Q${\ html_escape($xss)}\E"}, '... and escaped in the edit form');
unlike($html, qr{<script>alert|<img src=x}, '... never as markup');

# ---- a replayed form creates one user -------------------------------------------------------------------------------------
$newform = $adm->form($adm->get('/admin/users/new'), '/admin/users/new');
my %eleni = (%$newform, %{ fields(username => 'eleni', display_name => 'Ελένη', roles => ['editor']) });
$r = $adm->post('/admin/users/new', \%eleni);
is($r->{status}, 200, 'eleni is created');
$r = $adm->post('/admin/users/new', \%eleni);
is($r->{status}, 303, 'the same form again (its token replayed) ...');
my $eid = one(q{SELECT id FROM users WHERE username = 'eleni'});
is($r->{headers}{location}, "/admin/users/$eid?done=replay", '... leads to the user made the first time');
unlike($t->text($r), qr/one-time-password/, '... without showing any password');
my %other = (%eleni, username => 'eleni2');
$r = $adm->post('/admin/users/new', [ %other ]);
is($r->{status}, 303, '... and so does the same token with another username');
is(one(q{SELECT COUNT(*) FROM users WHERE username IN ('eleni', 'eleni2')}), 1, 'one user only');
is(audit_count('user_create', 'eleni'), 1, '... created once in the audit log');
like($t->text($adm->get("/admin/users/$eid?done=replay")), qr/δεν δημιουργήθηκε δεύτερος/,
    'the page says the form had been sent');

# ---- the list: filters and keyset pages ---------------------------------------------------------------------------------------
my @values = map { sprintf("('bulk-%03d', 'Δοκιμαστικός Χρήστης %03d', 'x')", $_, $_) } 1 .. 60;
$t->sql('INSERT INTO users (username, display_name, password_hash) VALUES ' . join(', ', @values));
$t->sql(q{INSERT INTO user_roles (user_id, role) SELECT id, 'operator' FROM users WHERE username LIKE 'bulk-%'});
sub rows {
    my ($res) = @_;
    my $h = $t->text($res);
    return $h =~ m{<tr(?: class="inactive")?><td><a href="/admin/users/\d+">([^<]+)</a></td>}g;
}
sub next_url {
    my ($res) = @_;
    my ($u) = $t->text($res) =~ m{<a href="([^"]+)" rel="next">};
    $u =~ s/&amp;/&/g if defined $u;
    return $u;
}
$r = $adm->get('/admin/users?q=bulk');
is($r->{status}, 200, 'the list filtered by a username prefix');
my @p1 = rows($r);
is(scalar @p1, 50, '... shows 50 users a page');
is_deeply(\@p1, [ map { sprintf 'bulk-%03d', $_ } 1 .. 50 ], '... in username order');
my $next = next_url($r);
like($next // '', qr{^/admin/users\?q=bulk&after=bulk-050$}, '... with a link to the next page after the last one');
$r = $adm->get($next);
my @p2 = rows($r);
is_deeply(\@p2, [ map { sprintf 'bulk-%03d', $_ } 51 .. 60 ], 'the next page has the other ten');
ok(!next_url($r), '... and no further link');
like($t->text($r), qr{href="/admin/users\?q=bulk">}, '... but one back to the first page');
@p1 = rows($adm->get('/admin/users?q=%CE%B4%CE%BF%CE%BA%CE%B9%CE%BC'));
is(scalar @p1, 50, 'a display-name prefix (lower case "δοκιμ" for "Δοκιμαστικός") finds them too');
@p1 = rows($adm->get('/admin/users?role=operator'));
is(scalar @p1, 50, 'the filter by role ...');
is($p1[0], 'bulk-001', '... only users with the role');
@p1 = rows($adm->get('/admin/users?role=editor'));
is_deeply(\@p1, [qw(eleni maria nikos)], 'editors: eleni, maria and nikos');
@p1 = rows($adm->get('/admin/users?role=admin&q=n'));
is_deeply(\@p1, [qw(nikos)], 'both filters at once: admins whose name starts with n');
$r = $adm->get('/admin/users');
@p1 = rows($r);
is(scalar @p1, 50, 'unfiltered, 50 a page too');
my %seen;
my $pages = 0;
while ($r && $pages++ < 10) {
    $seen{$_}++ for rows($r);
    my $n = next_url($r) or last;
    $r = $adm->get($n);
}
my $total = one('SELECT COUNT(*) FROM users');
is(scalar keys %seen, $total, 'following the pages shows every user ...');
ok(!grep({ $_ > 1 } values %seen), '... each once');
$html = $t->text($adm->get('/admin/users?q=nikos'));
like($html, qr{<td><span class="tag">Διαχειριστής</span> <span class="tag">Συντάκτης περιεχομένου</span> </td><td>Τμήμα Καθαριότητας</td><td>Ναι</td><td>Ναι</td><td>\d+/\d+/\d{4} \d\d:\d\d</td>},
    'a row shows roles, department, active, second factor and last sign-in');
is($adm->get('/admin/users?role=nonsense')->{status}, 400, 'an unknown role in the filter: 400');
is($adm->get('/admin/users/999999')->{status}, 404, 'a user that does not exist: 404');
is($adm->get("/admin/users/$nid/confirm?what=delete")->{status}, 404, 'an unknown confirmation: 404');

# ---- the last active admin -------------------------------------------------------------------------------------------------------
# Three admins now: the stack's own "admin", maria and nikos.  Leave two.
$t->sql(q{UPDATE users SET active = 0 WHERE username = 'admin'});
my $nkform = $nk->get("/admin/users/$mid");
is($nkform->{status}, 200, 'nikos, an admin, opens maria\'s page');
# A concurrent change that disables nikos holds the admins' rows while
# nikos's request to disable maria arrives: the request must wait for it
# and then see that maria is the last active admin.
my $sock = $t->_run_dir . '/mysqld.sock';
my $pid = fork // die "fork: $!";
if (!$pid) {
    open STDOUT, '>', '/dev/null';
    open STDERR, '>', '/dev/null';
    exec 'mariadb', '--no-defaults', "--socket=$sock", '--user=' . getpwuid($<), 'agora', '-e',
        "BEGIN; SELECT u.id FROM user_roles r JOIN users u ON u.id = r.user_id"
        . " WHERE r.role = 'admin' AND u.active = 1 FOR UPDATE;"
        . " UPDATE users SET active = 0 WHERE id = $nid; DO SLEEP(4); COMMIT;"
        or POSIX::_exit(127);
}
Time::HiRes::sleep(1.5);
my $t0 = Time::HiRes::time();
$r = send_form($nk, $nkform, "/admin/users/$mid", fields(display_name => 'Μαρία',
    roles => ['admin'], active => 0, confirm => 'disable'));
my $waited = Time::HiRes::time() - $t0;
waitpid $pid, 0;
is($?, 0, 'the concurrent transaction ran');
cmp_ok($waited, '>', 1.5, '... and nikos\'s request waited for its lock');
is($r->{status}, 422, 'then disabling maria, now the last active admin, is refused: 422');
like($t->text($r), qr/Είναι ο τελευταίος ενεργός διαχειριστής/, '... with a clear message');
is(one("SELECT active FROM users WHERE id = $mid"), 1, 'maria is still active');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'user_disable' AND object_id = 'maria'"), 0,
    '... and nothing was audited as done');

# Two admins disabling each other at the same moment: never both.
$t->sql("UPDATE users SET active = 1 WHERE id = $nid");
$t->sql('DELETE FROM login_throttle');
code_login($nk, 'nikos', $nkpw2, $nksecret);
is($nk->get('/admin/users')->{status}, 200, 'nikos is an active admin again');
my $f_maria = $nk->get("/admin/users/$mid");
my $f_nikos = $adm->get("/admin/users/$nid");
my @kids;
for my $job ([$nk, $f_maria, $mid, 'Μαρία'], [$adm, $f_nikos, $nid, 'Νίκος Παππάς']) {
    my ($s, $page, $id, $dn) = @$job;
    my $k = fork // die "fork: $!";
    if (!$k) {
        my $res = send_form($s, $page, "/admin/users/$id", fields(display_name => $dn,
            roles => ['admin'], active => 0, confirm => 'disable'));
        POSIX::_exit($res->{status} == 303 ? 0 : $res->{status} == 422 ? 2 : $res->{status} == 401 ? 3 : 9);
    }
    push @kids, $k;
}
my @codes = map { waitpid($_, 0); $? >> 8 } @kids;
is(scalar(grep { $_ == 0 } @codes), 1, 'two admins disabling each other at once: exactly one succeeds')
    or diag("exit codes @codes");
ok(!grep({ $_ == 9 } @codes), '... the other is refused (422) or finds its session ended (401)');
is(one(q{SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE r.role = 'admin' AND u.active = 1}), 1, '... one active admin is left');

# ---- the audit log has all of it ------------------------------------------------------------------------------------------------------
for my $action (qw(user_create user_update user_disable user_enable password_reset totp_reset)) {
    cmp_ok(audit_count($action), '>=', 1, "the audit log has $action");
}
is(one(q{SELECT username FROM audit_log WHERE action = 'user_create' AND object_id = 'nikos'}), 'maria',
    'each names the admin who made the change');
done_testing;
