#!/usr/bin/env perl
# The staff sign-in: passwords, throttling and locks, the TOTP second
# factor (enrolment, codes computed here, replays, recovery codes), sessions
# (new ids, both timeouts, sign-out, sign-out everywhere), forced password
# change, and the audit log of all of it.  Through nginx and MariaDB.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
sub audit_count {
    my ($action, $user) = @_;
    my ($n) = $t->sql("SELECT COUNT(*) FROM audit_log WHERE action = '$action'"
        . ($user ? " AND username = '$user'" : ''));
    return $n->[0];
}
sub clear_throttle { $t->sql('DELETE FROM login_throttle') }

# ---- anonymous ------------------------------------------------------------------
my $r = $t->get('/');
ok(!exists $r->{headers}{'set-cookie'}, 'a public page sets no cookie');
$r = $t->get('/admin/account?x=1');
is($r->{status}, 401, 'a staff page without a session: 401');
like($r->{headers}{'www-authenticate'} // '', qr/form-action="\/admin\/login"/,
    '... with WWW-Authenticate naming the sign-in form');
like($t->text($r), qr/name="next" value="\/admin\/account\?x=1"/, '... and the form returns to the page asked for');
ok(!exists $r->{headers}{'set-cookie'}, '... and no cookie');
like($r->{headers}{'cache-control'} // '', qr/no-store/, 'staff pages are never stored');

# ---- an editor: password only ------------------------------------------------------
my $ed = Agora::Staff->new($t);
my $edpw = $ed->create('eleni', roles => ['editor']);
$ed->set_cookie(agora => 'A' x 43);    # planted before sign-in (fixation attempt)
$r = $ed->login('eleni', $edpw);
is($r->{status}, 303, 'the editor signs in with the password');
is($r->{headers}{location}, '/admin', '... and goes to the dashboard');
my $sc = $r->{headers}{'set-cookie'};
like($sc, qr/^agora=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    'the session cookie: HttpOnly, SameSite=Lax, the whole site (no Secure on plain HTTP)');
isnt($ed->session_cookie, 'A' x 43, 'the planted id is not the session id');
my ($hashes) = $t->sql("SELECT COUNT(*) FROM sessions WHERE HEX(id_hash) LIKE '%'");
my $cookie = $ed->session_cookie;
my @raw = $t->sql("SELECT COUNT(*) FROM sessions WHERE id_hash = '$cookie' OR HEX(id_hash) = HEX('$cookie')");
is($raw[0][0], 0, 'the table holds a hash of the id, not the id');
$r = $ed->get('/admin');
is($r->{status}, 200, 'the dashboard opens');
like($t->text($r), qr/eleni/, '... naming the user');
is(audit_count('login', 'eleni'), 1, 'the sign-in is in the audit log');

# ---- wrong passwords ---------------------------------------------------------------------
my $x = Agora::Staff->new($t);
$r = $x->login('eleni', 'wrong password 1');
is($r->{status}, 401, 'a wrong password: 401');
my $bad = $t->text($r);
like($bad, qr/Λάθος όνομα χρήστη ή κωδικός πρόσβασης/, '... with a clear message');
like($bad, qr/value="eleni"/, '... the username kept');
unlike($bad, qr/wrong password 1/, '... and the password never shown again');
ok(!$x->session_cookie, '... and no session');
$r = $x->login('nobody-here', 'wrong password 1');
is($r->{status}, 401, 'an unknown account: the same 401');
my $unk = $t->text($r);
my ($m1) = $bad =~ /<li>([^<]*)<\/li>/;
my ($m2) = $unk =~ /<li>([^<]*)<\/li>/;
is($m2, $m1, '... and the same message');
is(audit_count('login_failed', 'eleni'), 1, 'the failure is in the audit log');
is(audit_count('login_failed', 'nobody-here'), 1, '... also for an unknown name');

# ---- throttling: a delay, then a lock ------------------------------------------------------
clear_throttle();
$x->login('eleni', "wrong $_") for 1 .. 3;
$r = $x->login('eleni', 'wrong 4');
is($r->{status}, 429, 'after three failures the next try at once: 429');
ok(($r->{headers}{'retry-after'} // 0) >= 1, '... with Retry-After');
like($t->text($r), qr/Περιμένετε λίγα δευτερόλεπτα/, '... and a message to wait');
$r = $x->login('eleni', $edpw);
is($r->{status}, 429, '... even with the right password');
$r = $x->login('nobody-here', "wrong $_") for 1 .. 3;
$r = $x->login('nobody-here', 'wrong 4');
is($r->{status}, 429, 'an unknown name is delayed the same way');
# Nine failures long enough ago that no delay is due: the tenth locks.
clear_throttle();
$t->sql(q{INSERT INTO login_throttle (kind, k, failures, last_failure)
          VALUES ('user', 'eleni', 9, UTC_TIMESTAMP() - INTERVAL 70 SECOND)});
$r = $x->login('eleni', 'wrong 10');
is($r->{status}, 429, 'the tenth failure locks the account name');
like($t->text($r), qr/15 λεπτά/, '... for 15 minutes, as the message says');
is(audit_count('login_lock', 'eleni'), 1, 'the lock is in the audit log');
$r = $x->login('eleni', $edpw);
is($r->{status}, 429, 'while locked, the right password is refused too');
ok(audit_count('login_refused', 'eleni') >= 1, '... and the refusal logged');
is($ed->get('/admin')->{status}, 200, 'a session already open goes on');
# The address: 50 failures lock every name from it.
clear_throttle();
$t->sql(q{INSERT INTO login_throttle (kind, k, failures, last_failure)
          VALUES ('ip', '127.0.0.1', 49, UTC_TIMESTAMP())});
$r = $x->login('someone-else', 'wrong');
is($r->{status}, 429, 'the 50th failure from one address locks the address');
$r = $x->login('eleni', $edpw);
is($r->{status}, 429, '... for every account name');
clear_throttle();
$r = $x->login('eleni', $edpw);
is($r->{status}, 303, 'once the lock is gone the right password works');
$x->post('/admin/logout', { csrf => 'x' });

# ---- an admin: the second factor is required ------------------------------------------------
my $ad = Agora::Staff->new($t);
my $adpw = $ad->create('maria', roles => ['admin']);
$r = $ad->login('maria', $adpw);
is($r->{status}, 303, 'an admin signs in with the password ...');
is($r->{headers}{location}, '/admin/account/2fa', '... and must set up a second factor first');
my $before = $ad->session_cookie;
$r = $ad->get('/admin/audit');
is($r->{status}, 303, 'every other staff page sends her there');
is($r->{headers}{location}, '/admin/account/2fa', '... to the enrolment page');
$r = $ad->get('/admin/account/2fa');
is($r->{status}, 200, 'the enrolment page opens');
my $page = $t->text($r);
like($page, qr{<svg[^>]+role="img"[^>]+aria-label="[^"]+"}, '... with the QR code as labelled SVG');
like($page, qr{<code class="secret">[A-Z2-7 ]{32,}</code>}, '... and the key as text for manual entry');
$r = $ad->submit($r, '/admin/account/2fa', { code => '000000' });
is($r->{status}, 422, 'a wrong code does not enrol');
my ($secret, @codes) = $ad->enrol;
is(scalar @codes, 10, 'enrolment shows ten recovery codes');
isnt($ad->session_cookie, $before, 'enrolling begins a new session (new id)');
my $old = Agora::Staff->new($t);
$old->set_cookie(agora => $before);
is($old->get('/admin')->{status}, 401, 'the id from before enrolment is worthless');
$r = $ad->get("/admin/audit");
is($r->{status}, 200, "now the admin pages open") or diag($r->{status}, $t->text($r));
my @rc = $t->sql(q{SELECT COUNT(*) FROM recovery_codes r JOIN users u ON u.id = r.user_id
                   WHERE u.username = 'maria' AND r.used_at IS NULL});
is($rc[0][0], 10, 'ten recovery codes are stored ...');
my @plain = $t->sql(qq{SELECT COUNT(*) FROM recovery_codes WHERE code_hash = '$codes[0]'});
is($plain[0][0], 0, '... as hashes');
is(audit_count('totp_enrolled', 'maria'), 1, 'enrolment is in the audit log');

# ---- signing in with the code ---------------------------------------------------------------
$r = $ad->post('/admin/logout', { csrf => $ad->form($ad->get('/admin'), '/admin/logout')->{csrf} });
is($r->{status}, 303, 'sign-out');
ok(!$ad->session_cookie, '... clears the cookie');
is(audit_count('logout', 'maria'), 1, '... and is in the audit log');
$r = $ad->login('maria', $adpw);
is($r->{headers}{location}, '/admin/login/code?next=%2Fadmin', 'the password now leads to the code step');
my $mid = $ad->session_cookie;
is($ad->get('/admin')->{status}, 303, 'before the code, staff pages send back to the code step');
$page = $ad->get('/admin/login/code?next=%2Fadmin');
$r = $ad->submit($page, '/admin/login/code', { code => 'abcdef' });
is($r->{status}, 401, 'a wrong code: 401');
like($t->text($r), qr/δεν είναι σωστός/, '... with a message');
# The enrolment used the current step: wait for the next one.
my $now = time;
sleep(30 - $now % 30 + 1) if Agora::Staff::totp($secret, $now) eq Agora::Staff::totp($secret);
$r = $ad->submit($ad->get('/admin/login/code'), '/admin/login/code',
    { code => Agora::Staff::totp($secret) });
is($r->{status}, 303, 'the right code signs in');
isnt($ad->session_cookie, $mid, '... with a new session id');
is($ad->get('/admin')->{status}, 200, '... and the dashboard opens');
# The same code again, in a second browser: refused (used once).
my $ad2 = Agora::Staff->new($t);
$ad2->login('maria', $adpw);
$r = $ad2->submit($ad2->get('/admin/login/code'), '/admin/login/code',
    { code => Agora::Staff::totp($secret) });
is($r->{status}, 401, 'a code already used is refused (RFC 6238 5.2)');
# A recovery code works once.
$r = $ad2->submit($ad2->get('/admin/login/code'), '/admin/login/code', { code => uc $codes[3] });
is($r->{status}, 303, 'a recovery code signs in (case does not matter)');
like($r->{headers}{location}, qr{/admin/account/2fa\?done=recovery}, '... and suggests new codes');
is(audit_count('login_recovery', 'maria'), 1, '... logged as a recovery sign-in');
my $ad3 = Agora::Staff->new($t);
$ad3->login('maria', $adpw);
$r = $ad3->submit($ad3->get('/admin/login/code'), '/admin/login/code', { code => $codes[3] });
is($r->{status}, 401, 'the same recovery code twice: refused');

# ---- my sessions, sign out everywhere ---------------------------------------------------------
$r = $ad->get('/admin/account');
my $acc = $t->text($r);
my $n = () = $acc =~ /<tr><td>/g;
cmp_ok($n, '>=', 2, 'my account lists my sessions');
like($acc, qr/αυτή η σύνδεση/, '... marking this one');
$r = $ad->submit($r, '/admin/account/sessions/end', {});
is($r->{status}, 303, 'sign out everywhere else');
is($ad2->get('/admin')->{status}, 401, '... ends the other session');
is($ad->get('/admin')->{status}, 200, '... and keeps this one');

# ---- timeouts ---------------------------------------------------------------------------------
my $y = Agora::Staff->new($t);
$y->login('eleni', $edpw);
is($y->get('/admin')->{status}, 200, 'a fresh session works');
$t->sql(q{UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE u.username = 'eleni'});
is($y->get('/admin')->{status}, 401, 'after 31 idle minutes the session has ended');
$y->login('eleni', $edpw);
$t->sql(q{UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.created_at = UTC_TIMESTAMP() - INTERVAL 13 HOUR WHERE u.username = 'eleni'});
is($y->get('/admin')->{status}, 401, 'thirteen hours after sign-in it has ended, however active');

# ---- CSRF on sign-out -------------------------------------------------------------------------
$y->login('eleni', $edpw);
$r = $y->post('/admin/logout', {});
is($r->{status}, 403, 'sign-out without the CSRF token: 403');
like($t->text($r), qr/δεν έγινε καμία αλλαγή/, '... saying nothing changed');
is($y->get('/admin')->{status}, 200, '... and the session lives on');

# ---- a reset password must be changed -----------------------------------------------------------
my ($rcode, $out) = $t->admin('user', 'reset-password', 'eleni', '--password-file', $t->var . '/eleni-new');
is($rcode, 0, 'agora-admin user reset-password') or diag($out);
is($y->get('/admin')->{status}, 401, '... ends her sessions');
open my $fh, '<', $t->var . '/eleni-new' or die $!;
chomp(my $newpw = <$fh>);
$r = $y->login('eleni', $newpw);
is($r->{headers}{location}, '/admin', 'she signs in with the new password');
$r = $y->get('/admin');
is($r->{status}, 303, '... but must first choose her own');
is($r->{headers}{location}, '/admin/account/password', '... on the password page');
$page = $y->get('/admin/account/password');
$r = $y->submit($page, '/admin/account/password', { current => $newpw, new => 'short', again => 'short' });
is($r->{status}, 422, 'a short new password is refused');
like($t->text($r), qr/τουλάχιστον 12 χαρακτήρες/, '... saying why');
$r = $y->submit($r, '/admin/account/password',
    { current => $newpw, new => 'ένας μακρύς κωδικός', again => 'ένας μακρύς κωδικός' });
is($r->{status}, 303, 'a good one is accepted');
is($y->get('/admin')->{status}, 200, '... and the staff area opens');
is(Agora::Staff->new($t)->login('eleni', 'ένας μακρύς κωδικός')->{status}, 303,
    'the new password signs in');
is(audit_count('password_changed', 'eleni'), 1, 'the change is in the audit log');

done_testing;
