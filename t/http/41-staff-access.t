#!/usr/bin/env perl
# Who may open what: every staff route of routes.def, asked for by an
# anonymous visitor (401, the sign-in form) and by a user of every role
# (the page, or 403), and every state-changing staff POST without its CSRF
# token (403, nothing changed).  The expected matrix is written out here,
# apart from src/http/perm.c, so a change to either must be deliberate.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my @roles = qw(admin editor moderator dispatcher department operator volunteer professional);
# Who holds each permission (PERM_STAFF, PERM_SECURITY, PERM_SESSION: everyone).
my %holders = (
    PERM_CONTENT     => [qw(admin editor)],
    PERM_ALERT       => [qw(admin editor)],
    PERM_FEEDBACK    => [qw(admin editor)],
    PERM_DEPARTMENTS => [qw(admin)],
    PERM_USERS       => [qw(admin)],
    PERM_AUDIT       => [qw(admin)],
    PERM_REQUESTS    => [qw(admin dispatcher department)],
    PERM_REQUESTS_ALL => [qw(admin dispatcher)],
    PERM_OUTBOX      => [qw(admin)],
    PERM_COMMENTS    => [qw(admin moderator)],
    PERM_HELP        => [qw(dispatcher operator)],
    PERM_HELP_HEALTH => [qw(operator)],
    PERM_HELP_ASSIGN => [qw(dispatcher)],
    PERM_HELP_TASKS  => [qw(volunteer professional)],
    PERM_HELP_VOLUNTEERS => [qw(admin dispatcher)],
    PERM_HELP_REPORTS => [qw(admin dispatcher operator)],
);
my %everyone = map { $_ => 1 } qw(PERM_STAFF PERM_SECURITY PERM_SESSION);

# The staff routes, read from routes.def.
my @routes;
open my $rd, '<', "$FindBin::Bin/../../src/http/routes.def" or die $!;
while (<$rd>) {
    next unless /^ROUTE\(\s*(\w+),\s*(\w+),\s*"((?:[^"\\]|\\.)*)",\s*(\w+),\s*(\w+),\s*([^)]*)\)/;
    my ($name, $methods, $pat, $perm, $flags) = ($1, $2, $3, $5, $6);
    next if $perm eq 'PERM_PUBLIC' || $flags =~ /R_TEST/;
    my $path = $pat;
    $path =~ s/\\\\/\\/g;
    $path =~ s/\(\[0-9\]\{[0-9,]+\}\)/1/g;      # an id
    $path =~ s/\([^)]*\)\??/x/g;                # any other capture
    $path =~ s/\\\././g;
    push @routes, { name => $name, method => $methods eq 'M_POST' ? 'POST' : 'GET',
                    path => $path, perm => $perm, csrf => ($flags =~ /R_CSRF/ ? 1 : 0) };
}
close $rd;
cmp_ok(scalar @routes, '>=', 10, 'routes.def declares the staff routes (' . scalar(@routes) . ')');
for my $r (@routes) {
    next if $everyone{ $r->{perm} } || $r->{perm} eq 'PERM_SIGNIN_CODE';
    ok($holders{ $r->{perm} }, "$r->{name}: $r->{perm} is in this test's matrix");
}

my $t = Agora::Test->new;
$t->sql(q{INSERT IGNORE INTO departments (id, name) VALUES (901, 'Τμήμα δοκιμών')});

# ---- anonymous: 401 and the sign-in form, for every staff route ------------------------
my $anon = Agora::Staff->new($t);
for my $r (@routes) {
    my $res = $r->{method} eq 'POST' ? $anon->post($r->{path}, {}) : $anon->get($r->{path});
    is($res->{status}, 401, "anonymous $r->{method} $r->{path}: 401");
    like($t->text($res), qr{action="/admin/login"}, '... with the sign-in form');
}

# ---- one user per role -------------------------------------------------------------------
my %b;
for my $role (@roles) {
    my $s = Agora::Staff->new($t);
    my $pw = $s->create("u-$role", roles => [$role],
        $role eq 'department' ? (department => 901) : ());
    my $res = $s->login("u-$role", $pw);
    is($res->{status}, 303, "$role signs in");
    $s->enrol if $role eq 'admin';     # admins must have a second factor
    $s->{pw} = $pw;
    is($s->get('/admin')->{status}, 200, "$role reaches the dashboard");
    $b{$role} = $s;
}

for my $r (@routes) {
    for my $role (@roles) {
        my $s = $b{$role};
        my $may = $everyone{ $r->{perm} }
            || grep { $_ eq $role } @{ $holders{ $r->{perm} } || [] };
        my $res;
        if ($r->{method} eq 'POST') {
            # A real form's CSRF token, so only the permission can refuse.
            my $csrf = $s->form($s->get('/admin'), '/admin/logout')->{csrf};
            next if $r->{path} eq '/admin/logout';    # would end the session
            $res = $s->post($r->{path}, { csrf => $csrf });
        } else {
            $res = $s->get($r->{path});
        }
        if ($r->{perm} eq 'PERM_SIGNIN_CODE') {
            is($res->{status}, 303, "$role $r->{method} $r->{path}: signed in already, sent on");
        } elsif ($may) {
            ok($res->{status} != 401 && $res->{status} != 403 && $res->{status} < 500,
                "$role may $r->{method} $r->{path} ($res->{status})");
        } else {
            is($res->{status}, 403, "$role may not $r->{method} $r->{path}");
        }
    }
}

# ---- CSRF: every state-changing staff POST refuses a missing or wrong token ------------
my $admin = $b{admin};
# The code step is only for a session that owes its code: the admin's
# password alone, in another browser.
my $pending = Agora::Staff->new($t);
$pending->login('u-admin', $pending->{pw} = $b{admin}{pw});
for my $r (grep { $_->{csrf} } @routes) {
    my $who = $r->{perm} eq 'PERM_SIGNIN_CODE' ? $pending : $admin;
    my ($audit) = $t->sql('SELECT COUNT(*) FROM audit_log');
    my ($sessions) = $t->sql('SELECT COUNT(*) FROM sessions');
    my $res = $who->post($r->{path}, {});
    is($res->{status}, 403, "POST $r->{path} without a CSRF token: 403");
    $res = $who->post($r->{path}, { csrf => 'x' x 43 });
    is($res->{status}, 403, "POST $r->{path} with a wrong CSRF token: 403");
    is_deeply([ $t->sql('SELECT COUNT(*) FROM audit_log') ], [$audit], '... nothing was done (no audit entry)');
    is_deeply([ $t->sql('SELECT COUNT(*) FROM sessions') ], [$sessions], '... and no session changed');
}
is($admin->get('/admin')->{status}, 200, 'the admin is still signed in after all that');
is($pending->get('/admin/login/code')->{status}, 200, '... and the pending session still owes its code');

# A volunteer trying an editor's URL: refused, and the refusal is a clear page.
my $res = $b{volunteer}->get('/admin/audit');
is($res->{status}, 403, 'a volunteer opening the audit log: 403');
like($t->text($res), qr/ζητήστε το από έναν διαχειριστή/, '... with a message saying what to do');

done_testing;
