#!/usr/bin/env perl
# The end-of-request phase: a handler that leaves a transaction open has it
# rolled back and logged, so what it wrote is never committed later by the
# next request on the same worker.  One worker, so the next request is
# served by the one that leaked.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use HTTP::Tiny;
use Agora::Test;

my $t = Agora::Test->new(workers => 1, conf => { test_routes => 1 });

sub leaked { my ($r) = $t->sql(q{SELECT COUNT(*) FROM accessibility_feedback WHERE token LIKE 'leak-%'}); $r->[0] }

my $res = $t->get('/_leak_tx');
is($res->{status}, 200, 'the buggy test page answers');
like($t->log_text, qr/handler left a transaction open: rolled back.*page=LEAK_TX/,
     'the worker logs the rollback, naming the page');

# The same worker now stores a real form in its own transaction.
my ($tok) = $t->text($t->get('/accessibility')) =~ m{name="token" value="([^"]+)"};
ok($tok, 'a form token');
$res = $t->post('/accessibility', {
    headers => { 'content-type' => 'application/x-www-form-urlencoded' },
    content => HTTP::Tiny->www_form_urlencode([ token => $tok, message => 'Δοκιμή μετά από διαρροή' ]),
});
is($res->{status}, 303, 'the next form is stored (303)');
my ($real) = $t->sql(q{SELECT COUNT(*) FROM accessibility_feedback WHERE message = 'Δοκιμή μετά από διαρροή'});
is($real->[0], 1, 'the real row is there');
is(leaked(), 0, 'the leaked row was never committed');

# Pages keep answering normally on that worker.
is($t->get('/')->{status}, 200, 'the home page answers afterwards');

done_testing;
