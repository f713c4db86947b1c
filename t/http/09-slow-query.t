#!/usr/bin/env perl
# A slow statement cannot take a worker (and so the site) down: the
# workers' statement time limit (conf statement_time, MariaDB's
# max_statement_time) stops it, the page answers a calm 503 with
# Retry-After, the statement is never run a second time, and the same
# worker serves the next page on a fresh connection.  One worker, so the
# next request is served by the one whose statement was stopped.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;

my $t = Agora::Test->new(workers => 1, conf => { test_routes => 1, statement_time => 2 });

my $res = $t->get('/_slow?s=0');
is($res->{status}, 200, 'a quick read answers');
like($res->{content}, qr/slept 0 s/, '... with its result');
$res = $t->get('/_slow?s=1');
is($res->{status}, 200, 'a read shorter than the limit is left alone');
is($t->get('/_slow?s=x')->{status}, 400, 'a bad argument: 400');

$res = $t->get('/_slow?s=30');
is($res->{status}, 503, 'a read longer than the limit: 503, not a hung worker');
is($res->{headers}{'retry-after'}, '30', '... with Retry-After');
like($t->text($res), qr/<html lang="el"/, '... as the Greek error page');
my @stopped = $t->log_text =~ /statement stopped: answered 503[^\n]*SLEEP/g;
is(scalar @stopped, 1, '... logged once: the statement was not run again');
unlike($t->log_text, qr/execute failed[^\n]*SLEEP/, '... and not as a failure of the code');

# The same worker goes on, on a fresh connection.
$res = $t->get('/');
is($res->{status}, 200, 'the home page answers next, from the same worker');
like($t->text($res), qr/<h1|<main/, '... with its content');
is($t->get('/_slow?s=0')->{status}, 200, 'and the database reads work again');
my ($n) = $t->sql("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP%'");
is($n->[0], 0, 'nothing of the stopped statement is left running on the server');

done_testing;
