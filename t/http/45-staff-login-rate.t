#!/usr/bin/env perl
# nginx's own limit on sign-in attempts (agora-http.conf's zone
# agora_login, 10 a minute per address with a burst of 5), with the
# shipped rate: a burst of password POSTs from one address gets 429 from
# nginx before the workers hash anything, while the sign-in page itself
# (a GET) is never limited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

my $t = Agora::Test->new(login_rate => '10r/m');
my $s = Agora::Staff->new($t);
my $form = $s->form($s->get('/admin/login'), '/admin/login');
my %status;
for my $i (1 .. 10) {
    my $r = $s->post('/admin/login', { %$form, username => 'someone', password => "guess $i" });
    $status{ $r->{status} }++;
}
ok($status{429}, 'ten quick sign-in POSTs: nginx answers some with 429')
    or diag(explain \%status);
cmp_ok($status{429} // 0, '>=', 4, '... all but the first few (burst 5)');
my $r = $t->get('/admin/login');
is($r->{status}, 200, 'the sign-in page itself is not limited');
$r = $t->get('/en/admin/login');
is($r->{status}, 200, '... nor its English version');
my ($n) = $t->sql(q{SELECT COUNT(*) FROM audit_log WHERE action IN ('login_failed', 'login_refused')});
cmp_ok($n->[0], '>=', 1, 'the workers saw the first attempts');
cmp_ok($n->[0], '<=', 6, '... and only those nginx let through');
done_testing;
