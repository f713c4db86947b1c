#!/usr/bin/env perl
# Limits (issue 13), with the shipped rates of nginx/agora-http.conf:
#   - searches: 5 a second per address with a burst of 30; past it nginx's
#     429 is the calm Greek and English page with Retry-After, and another
#     address is not limited;
#   - the public forms' POSTs (zone agora_post): 30 a minute with a burst
#     of 20; the staff's POSTs under /admin/ are not counted;
#   - one form (one token) sent over and over: each worker answers it ten
#     times, then 429 asking to reload the page;
#   - a full FastCGI queue (two workers busy, spawn-fcgi -b 4): the rest
#     are answered at once with the calm 503 page and Retry-After, not
#     kept waiting; the site serves normally once the workers are free;
#   - slow clients (request headers or a body trickled a byte at a time)
#     hold no worker: with two workers and twelve such clients the pages
#     still answer at once, and nginx ends a client whose headers take
#     longer than client_header_timeout (10 s).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use HTTP::Tiny;
use IO::Select;
use IO::Socket::INET;
use POSIX ();
use Test::More;
use Time::HiRes qw(time sleep);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(workers => 2, post_rate => '30r/m', search_rate => '5r/s', fcgi_backlog => 4,
    conf => { test_routes => 1, statement_time => 20 });

sub ua {
    my ($from) = @_;
    return HTTP::Tiny->new(max_redirect => 0, timeout => 30, agent => 'agora-test/1',
        keep_alive => 0, $from ? (local_address => $from) : ());
}
sub calm_429 {
    my ($r, $what) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    my $html = $t->text($r);
    like($html, qr{<h1>Πάρα πολλά αιτήματα</h1>}, "$what: the calm page, in Greek");
    like($html, qr{<h2>Too many requests</h2>}, '... and in English');
    is($r->{headers}{'retry-after'}, 60, '... with Retry-After: 60');
    like($r->{headers}{'content-type'} // '', qr{^text/html; charset=utf-8}, '... as UTF-8 HTML');
    like($r->{headers}{'cache-control'} // '', qr{no-store}, '... never stored');
    like($r->{headers}{'content-security-policy'} // '', qr{default-src 'self'}, '... with the security headers');
}

# ---- searches ----------------------------------------------------------------------------------
my %st;
my $first429;
for my $i (1 .. 45) {
    my $r = $t->get("/search?q=%CE%BD%CE%B5%CF%81%CF%8C$i");
    $st{ $r->{status} }++;
    $first429 //= $r if $r->{status} == 429;
}
cmp_ok($st{200} // 0, '>=', 30, "45 searches at once from one address: the burst answered ($st{200})");
cmp_ok($st{429} // 0, '>=', 8, "... the rest 429 ($st{429})");
is(($st{200} // 0) + ($st{429} // 0), 45, '... nothing else');
calm_429($first429, 'the search limit') if $first429;
is(ua('127.0.0.2')->get($t->url('/search?q=test'))->{status}, 200, 'another address searches meanwhile');
is($t->get('/news')->{status}, 200, 'and other pages are not limited');
my $head = $t->raw_request('HEAD', '/search?q=limit');
is($head->{status}, 429, 'HEAD while limited: 429');
is($head->{content}, '', '... without a body');

# ---- the public forms' POSTs ---------------------------------------------------------------------
%st = ();
$first429 = undef;
my $res_b = Agora::Staff->new($t);
for my $i (1 .. 26) {
    # An incomplete form: the worker answers 422 when nginx lets it through.
    my $r = $res_b->post('/requests/new', { description => "Δοκιμή $i" });
    $st{ $r->{status} }++;
    $first429 //= $r if $r->{status} == 429;
}
is($st{422} // 0, 21, '26 request forms at once: the first 21 reach the worker (burst 20)');
is($st{429} // 0, 5, '... the other 5 get 429');
calm_429($first429, 'the forms\' limit') if $first429;
is($res_b->post('/accessibility', { message => 'x' })->{status}, 429, '... and so does every public form of that address');
my $other = ua('127.0.0.3')->post_form($t->url('/requests/new'), { description => 'άλλη διεύθυνση' });
is($other->{status}, 422, 'another address is not limited');
my $staff = Agora::Staff->new($t);
my $pw = $staff->create('limits-editor', roles => ['editor']);
is($staff->login('limits-editor', $pw)->{status}, 303, 'a member of staff signs in from the limited address');
%st = ();
$st{ $staff->post('/admin/news/new', { title => 'x' })->{status} }++ for 1 .. 30;
ok(!$st{429}, '30 staff POSTs from that address are not limited by nginx (' . join(', ', map { "$st{$_} x $_" } sort keys %st) . ')');

# ---- one form sent again and again ---------------------------------------------------------
# The same form (one token) 25 times, from two addresses (nginx's burst
# is per address): each worker answers it FORM_TOKEN_TRIES (10) times at
# most, then 429 with the form and a message to reload the page.
my $page = $t->get('/requests/new');
my $form = $res_b->form($page, '/requests/new');
ok($form && $form->{token}, 'a citizens\' request form with its token');
my (@codes, $worker429);
for my $i (1 .. 25) {
    my $r = ua($i % 2 ? '127.0.0.6' : '127.0.0.7')->post_form($t->url('/requests/new'),
        { %$form, description => "Ίδια φόρμα $i" });
    push @codes, $r->{status};
    $worker429 //= $r if $r->{status} == 429 && $t->text($r) =~ /στάλθηκε πάρα πολλές φορές/;
}
is_deeply([ @codes[0 .. 9] ], [ (422) x 10 ], 'one form sent 25 times: the first ten answered 422');
cmp_ok(scalar(grep { $_ == 422 } @codes), '<=', 20, '... at most ten by each of the two workers');
is(scalar(grep { $_ != 422 && $_ != 429 } @codes), 0, '... the others 429');
ok($worker429, '... the worker\'s own 429');
if ($worker429) {
    my $html = $t->text($worker429);
    like($html, qr{Η φόρμα αυτή στάλθηκε πάρα πολλές φορές\. Ανανεώστε τη σελίδα}, '... saying to reload the page');
    like($html, qr{Ίδια φόρμα \d+</textarea>}, '... with the form as it was typed');
}
my $fresh = $res_b->form($t->get('/requests/new'), '/requests/new');
is(ua('127.0.0.6')->post_form($t->url('/requests/new'), { %$fresh, description => 'νέα σελίδα' })->{status},
    422, 'a reloaded page\'s form is answered again');

# ---- a full FastCGI queue ---------------------------------------------------------------------------
# Two workers, each on a 4 s statement; the socket's queue holds 4 more.
my @kids;
my $dir = $t->var;
sub fork_get {
    my ($path, $file) = @_;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $s = time;
        my $r = ua()->get($t->url($path));
        open my $o, '>', $file or POSIX::_exit(1);
        printf $o "%d %.3f %.3f %s|%s\n", $r->{status}, $s, time, $r->{headers}{'retry-after'} // '',
            $t->text($r) =~ m{<h1>Πολλή κίνηση αυτή τη στιγμή</h1>} ? "calm" : "";
        close $o;
        POSIX::_exit(0);
    }
    return $pid;
}
my (@lines, $t_burst);
$t->allow_upstream_errors(sub {
    push @kids, fork_get("/_slow?s=4&n=$_", "$dir/slow-$_") for 1 .. 2;
    sleep 1;    # both workers are in their SLEEP(4)
    $t_burst = time;
    push @kids, fork_get("/news?burst=$_", "$dir/burst-$_") for 1 .. 30;
    waitpid $_, 0 for @kids;
});
for my $f (glob("$dir/burst-*")) {
    open my $in, '<', $f or die;
    chomp(my $line = <$in>);
    push @lines, [ split /[ |]/, $line, -1 ];
}
is(scalar @lines, 30, 'thirty page requests while both workers were busy: each answered');
my @shed = grep { $_->[0] == 503 } @lines;
my @served = grep { $_->[0] == 200 } @lines;
is(@shed + @served, 30, '... 200 or 503, nothing else (' . scalar(@served) . ' x 200, ' . scalar(@shed) . ' x 503)');
cmp_ok(scalar @shed, '>=', 15, '... most shed with 503');
cmp_ok(scalar @served, '>=', 1, '... the queued ones served once a worker was free');
is(scalar(grep { $_->[2] - $_->[1] < 1.5 } @shed), scalar @shed, '... every 503 at once (under 1.5 s), not after a wait');
is(scalar(grep { ($_->[3] // '') eq '10' && ($_->[4] // '') eq 'calm' } @shed), scalar @shed,
    '... each the calm page with Retry-After: 10') or diag(join "\n", map { "@$_" } @shed);
for (1 .. 2) {
    open my $in, '<', "$dir/slow-$_" or die;
    like(scalar <$in>, qr/^200 /, "the slow request $_ finished normally");
}
my %after;
$after{ $t->get('/news')->{status} }++ for 1 .. 10;
is_deeply(\%after, { 200 => 10 }, 'then the site serves normally');

# ---- slow clients ------------------------------------------------------------------------------------
my $port = $t->port;
sub slow_client {
    my ($kind, $i) = @_;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        # From an address of their own: 127.0.0.1 has used its forms' burst.
        my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Proto => 'tcp',
            LocalAddr => '127.0.0.5') or POSIX::_exit(2);
        my $t0 = time;
        my $req = $kind eq 'body'
            ? "POST /requests/new HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              . "Content-Length: 4000\r\n\r\n"
            : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        syswrite $s, $req;
        # A byte every 0.4 s for up to 14 s, or until nginx closes.
        my $closed = 0;
        while (time - $t0 < 14) {
            my $w = syswrite($s, $kind eq 'body' ? 'a' : "X-Slow-$i: a\r\n");
            if (!defined $w) { $closed = 1; last }
            if (IO::Select->new($s)->can_read(0.4)) {
                my $n = sysread($s, my $buf, 4096);
                if (!$n) { $closed = 1; last }
            }
        }
        open my $o, '>', "$dir/$kind-slow-$i" or POSIX::_exit(1);
        printf $o "%d %.1f\n", $closed, time - $t0;
        close $o;
        POSIX::_exit(0);
    }
    return $pid;
}
my @slow = ((map { slow_client('body', $_) } 1 .. 6), (map { slow_client('headers', $_) } 1 .. 6));
sleep 1.5;
my @times;
for (1 .. 10) {
    my $s = time;
    my $r = ua()->get($t->url('/news'));
    push @times, [ $r->{status}, time - $s ];
    sleep 0.3;
}
is(scalar(grep { $_->[0] == 200 } @times), 10, 'twelve slow clients and two workers: ten pages answer 200');
is(scalar(grep { $_->[1] < 1 } @times), 10, '... each in under a second (slowest '
    . sprintf('%.2f', (sort { $b <=> $a } map { $_->[1] } @times)[0]) . ' s): no worker is held');
waitpid $_, 0 for @slow;
my @hdr = map { open my $in, '<', "$dir/headers-slow-$_" or die; [ split ' ', scalar <$in> ] } 1 .. 6;
is(scalar(grep { $_->[0] == 1 && $_->[1] >= 9 && $_->[1] < 13 } @hdr), 6,
    'nginx closed each client trickling its headers after about 10 s (' . join(' ', map { "$_->[1]s" } @hdr) . ')');

done_testing;
