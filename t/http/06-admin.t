#!/usr/bin/env perl
# agora-admin: idempotent migrations, configuration checking, the staff user.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;

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

done_testing;
