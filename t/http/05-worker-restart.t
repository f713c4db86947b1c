#!/usr/bin/env perl
# A worker killed with SIGKILL is replaced by multiwatch, and the site keeps
# answering.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(sleep time);
use Agora::Test;

my $t = Agora::Test->new(workers => 3);

my @before = $t->worker_pids;
is(scalar @before, 3, 'three workers run: ' . join ' ', @before);
is($t->get('/')->{status}, 200, 'the home page answers 200');

my $victim = $before[0];
my (@after, $t0);
# The harness fails the file on a worker death it was not told about.
$t->expect_worker_deaths(1, sub {
    ok(kill('KILL', $victim), "kill -9 worker $victim");
    $t0 = time;
    while (time - $t0 < 10) {
        @after = $t->worker_pids;
        last if @after == 3 && !grep({ $_ == $victim } @after)
            && !grep { !$t->worker_ready($_) } @after;
        sleep 0.1;
    }
});
ok(!grep({ $_ == $victim } @after), 'the killed worker is gone');
# Ready, not merely forked: the SIGTERM below must meet the worker's handler.
ok(!grep({ !$t->worker_ready($_) } @after), 'every worker has logged "worker ready"');
is(scalar @after, 3, sprintf 'multiwatch started a replacement (%.1fs): %s', time - $t0, join ' ', @after);
my %old = map { $_ => 1 } @before;
is(scalar(grep { !$old{$_} } @after), 1, 'exactly one new worker pid');

my %codes;
$codes{ $t->get('/')->{status} }++ for 1 .. 20;
is_deeply(\%codes, { 200 => 20 }, 'twenty consecutive requests to / all answer 200');
like($t->log_text, qr/died, respawn|failed, next try/, 'multiwatch logged the restart in agora.log');

# SIGTERM: the worker finishes (it is idle here), says so, and exits; multiwatch
# replaces it like any other death.
my @now = $t->worker_pids;
my $term = $now[-1];
$t->expect_worker_deaths(1, sub {
    ok(kill('TERM', $term), "kill -TERM worker $term");
    $t0 = time;
    while (time - $t0 < 5) {
        last unless kill 0, $term;
        sleep 0.05;
    }
    ok(!kill(0, $term), sprintf 'the worker exited on SIGTERM (%.2fs)', time - $t0);
    like($t->log_text, qr/pid=$term msg="worker stopping"/, '... after logging that it stops');
    $t0 = time;
    while (time - $t0 < 10) {
        @after = $t->worker_pids;
        last if @after == 3 && !grep({ $_ == $term } @after)
            && !grep { !$t->worker_ready($_) } @after;
        sleep 0.1;
    }
});
is(scalar @after, 3, 'multiwatch replaced it too');
%codes = ();
$codes{ $t->get('/')->{status} }++ for 1 .. 10;
is_deeply(\%codes, { 200 => 10 }, 'ten more requests to / all answer 200');

done_testing;
