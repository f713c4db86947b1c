#!/usr/bin/env perl
# MariaDB going away: a calm 503 with Retry-After, and the same workers
# recover by themselves when it is back.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(sleep time);
use Agora::Test;

my $t = Agora::Test->new;

is($t->get('/')->{status}, 200, 'the home page answers 200 with the database up');
my @before = $t->worker_pids;
ok(@before >= 1, 'workers are running: ' . join ' ', @before);

$t->db_stop;
# Each worker reuses the home page's list for up to 5 s (src/site.h,
# SITE_LATEST_TTL); after that every page must say 503.
sleep 6;

# While the database is down a page nginx kept is served from its copy
# (t/http/90-micro-cache.t, with AGORA_TEST_MICRO_CACHE=1 here too): each
# view below is of an address never kept, so the workers answer it.
my $n = 0;
sub unkept { "/?db-down=" . ++$n }
my $res = $t->get(unkept());
is($res->{status}, 503, 'with the database down, / answers 503');
like($res->{headers}{'retry-after'} // '', qr/^\d+$/, '... with a Retry-After in seconds');
like($res->{headers}{'content-type'} // '', qr{^text/html;\s*charset=utf-8$}i, '... as an HTML page');
my $html = $t->text($res);
like($html, qr{<html[^>]*\blang="el"}, '... in Greek');
like($html, qr/μη διαθέσιμη|Δοκιμάστε ξανά/i, '... saying to try again later');
# Every worker, not just the one that happened to answer first.
my %codes;
$codes{ $t->get(unkept())->{status} }++ for 1 .. 8;
is_deeply(\%codes, { 503 => 8 }, 'eight more requests: all 503, none 500/502');
is($t->get('/healthz')->{status}, 503, '/healthz answers 503');

$t->db_start;

my ($status, $t0) = (0, time);
while (time - $t0 < 10) {
    $status = $t->get('/')->{status};
    last if $status == 200;
    sleep 0.2;
}
is($status, 200, sprintf 'after the database is back, / answers 200 (%.1fs)', time - $t0);
%codes = ();
$codes{ $t->get('/')->{status} }++ for 1 .. 12;
is_deeply(\%codes, { 200 => 12 }, 'twelve more requests: all 200 (every worker reconnected)');
is($t->get('/healthz')->{status}, 200, '/healthz answers 200 again');
is_deeply([ $t->worker_pids ], \@before, 'the same workers recovered (none restarted)');

done_testing;
