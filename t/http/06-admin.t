#!/usr/bin/env perl
# agora-admin: idempotent migrations, configuration checking, the staff user.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Encode ();

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- migrate ---------------------------------------------------------------------
my @before = $t->sql('SELECT * FROM schema_migrations ORDER BY 1');
ok(@before >= 1, 'schema_migrations records the applied migrations');
ok((grep { grep { defined && /0001/ } @$_ } @before), '... including 0001_init');
my @tables_before = $t->sql('SHOW TABLES');
my ($rc, $out) = $t->admin('migrate');
is($rc, 0, 'a second migrate succeeds') or diag($out);
is_deeply([ $t->sql('SELECT * FROM schema_migrations ORDER BY 1') ], \@before,
    '... and changes nothing in schema_migrations');
is_deeply([ $t->sql('SHOW TABLES') ], \@tables_before, '... nor the tables');

# ---- demo is a no-op when news exist -----------------------------------------------
my ($n) = $t->sql('SELECT COUNT(*) FROM news');
($rc, $out) = $t->admin('demo');
is($rc, 0, 'demo again succeeds') or diag($out);
is_deeply([ $t->sql('SELECT COUNT(*) FROM news') ], [$n], '... and adds nothing when news exist');

# ---- check-config ------------------------------------------------------------------
($rc, $out) = $t->admin('check-config');
is($rc, 0, 'check-config accepts the generated configuration') or diag($out);

my $bad = $t->var . '/bad.conf';
{
    open my $in, '<', $t->conf_path or die $!;
    my @lines = <$in>;
    # Line 3 of the file: a line without "=", and line 5: an unknown key.
    splice @lines, 2, 0, "this line has no equals sign\n";
    splice @lines, 4, 0, "no_such_key = 1\n";
    open my $o, '>', $bad or die $!;
    print $o @lines;
    close $o;
}
my @cmd = ($t->builddir . '/agora-admin', '-c', $bad, 'check-config');
my $msg = `@cmd 2>&1`;
my $code = $? >> 8;
isnt($code, 0, 'check-config on a bad file exits non-zero');
like($msg, qr/\bbad\.conf:3\b/, '... naming the line without "=" (bad.conf:3)') or diag($msg);
like($msg, qr/\bbad\.conf:5\b.*no_such_key|no_such_key.*\bbad\.conf:5\b/, '... and the unknown key (bad.conf:5)')
    or diag($msg);

# ---- the staff user admin --------------------------------------------------------------
my @u = $t->sql(q{SELECT u.username, GROUP_CONCAT(r.role), u.password_hash, u.active
  FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.username = 'admin' GROUP BY u.id});
is(scalar @u, 1, 'the user admin exists');
is($u[0][1], 'admin', '... with the role admin');
like($u[0][2], qr/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/, '... and an argon2id password hash');
my $pwfile = $t->var . '/admin-password';
ok(-f $pwfile, 'the admin password file exists');
is((stat $pwfile)[2] & 07777, 0600, '... with mode 0600');
open my $pf, '<', $pwfile or die $!;
my $pw = <$pf> // '';
chomp $pw;
cmp_ok(length $pw, '>=', 12, '... holding a password of 12 characters or more');
unlike($u[0][2], qr/\Q$pw\E/, 'the hash does not contain the password');

# user add again is a no-op: same hash.
($rc, $out) = $t->admin('user', 'add', 'admin', '--role', 'admin', '--password-file', $pwfile);
is($rc, 0, 'user add for an existing user succeeds') or diag($out);
my @u2 = $t->sql(q{SELECT password_hash FROM users WHERE username = 'admin'});
is($u2[0][0], $u[0][2], '... and leaves the password alone');

# ---- staff accounts: several roles, a department, list, reset ------------------------
my $pwf2 = $t->var . '/pw-kostas';
($rc, $out) = $t->admin('user', 'add', 'kostas', '--role', 'editor', '--role', 'moderator',
    '--name', 'Κώστας Π.', '--password-file', $pwf2);
is($rc, 0, 'user add with two roles') or diag($out);
is_deeply([ $t->sql(q{SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id
    WHERE u.username = 'kostas' ORDER BY r.role}) ], [ ['editor'], ['moderator'] ], '... both are held');
($rc, $out) = $t->admin('user', 'add', 'nobody', '--role', 'wizard');
is($rc, 2, 'an unknown role: usage error');
like($out, qr/unknown role "wizard"/, '... naming it');
($rc, $out) = $t->admin('user', 'add', 'dimitra', '--role', 'department');
is($rc, 2, 'the role department without --department: refused');
my ($dep) = $t->sql('SELECT id, name FROM departments ORDER BY id LIMIT 1');
($rc, $out) = $t->admin('user', 'add', 'dimitra', '--role', 'department', '--department', $dep->[1],
    '--password-file', $t->var . '/pw-dimitra');
is($rc, 0, '... and with a department given by name, accepted') or diag($out);
is_deeply([ $t->sql(q{SELECT department_id FROM users WHERE username = 'dimitra'}) ], [ [ $dep->[0] ] ],
    '... the department is set');
($rc, $out) = $t->admin('user', 'list');
$out = Encode::decode_utf8($out);
like($out, qr/^kostas\s+Κώστας Π\.\s+yes\s+no\s+-\s+editor,moderator$/m, 'user list shows roles and state');
my ($h1) = $t->sql(q{SELECT password_hash FROM users WHERE username = 'kostas'});
($rc, $out) = $t->admin('user', 'reset-password', 'kostas');
is($rc, 0, 'reset-password') or diag($out);
like($out, qr/password \(shown once\): (\S{20})$/m, '... prints a generated password once');
my ($h2) = $t->sql(q{SELECT password_hash, must_change FROM users WHERE username = 'kostas'});
isnt($h2->[0], $h1->[0], '... the hash changed');
is($h2->[1], 1, '... and the user must change it at the next sign-in');
ok($t->sql(q{SELECT COUNT(*) FROM audit_log WHERE username = 'agora-admin' AND action = 'password_reset' AND object_id = 'kostas'}),
    '... written to the audit log');
($rc, $out) = $t->admin('user', 'reset-password', 'no-such-user');
is($rc, 1, 'reset-password of an unknown user fails');

# ---- the workers' grants: the audit log is append-only for them ---------------------------
($rc, $out) = $t->admin('grants');
is($rc, 0, 'grants prints the SQL');
like($out, qr/^GRANT SELECT, INSERT ON `agora`\.`audit_log` TO 'agora'\@'localhost';$/m,
    '... SELECT and INSERT only on audit_log');
like($out, qr/^GRANT SELECT, INSERT, UPDATE, DELETE ON `agora`\.`news` TO/m, '... the usual four elsewhere');
my %cf = map { /^\s*(\w+)\s*=\s*(.*?)\s*$/ ? ($1 => $2) : () } split /\n/, do {
    open my $c, '<', $t->conf_path or die $!; local $/; <$c> };
sub as_worker {
    my ($stmt) = @_;
    my $o = `mariadb --no-defaults --socket='$cf{db_socket}' --user='$cf{db_user}' --password='$cf{db_password}' agora -e "$stmt" 2>&1`;
    return ($? >> 8, $o);
}
my ($wrc, $wout) = as_worker(q{INSERT INTO audit_log (action, summary) VALUES ('test_row', 'written by the worker account')});
is($wrc, 0, 'the workers\' account may append to the audit log') or diag($wout);
($wrc, $wout) = as_worker(q{UPDATE audit_log SET summary = 'changed' WHERE action = 'test_row'});
isnt($wrc, 0, '... but not change it');
like($wout, qr/UPDATE command denied/, '... (UPDATE denied)');
($wrc, $wout) = as_worker(q{DELETE FROM audit_log});
isnt($wrc, 0, '... nor delete from it');
like($wout, qr/DELETE command denied/, '... (DELETE denied)');
is_deeply([ $t->sql(q{SELECT summary FROM audit_log WHERE action = 'test_row'}) ],
    [ ['written by the worker account'] ], 'the row is as written');
($wrc, $wout) = as_worker(q{UPDATE news SET title = title WHERE id = 0});
is($wrc, 0, 'the same account may still update content') or diag($wout);

done_testing;
