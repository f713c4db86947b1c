#!/usr/bin/env perl
# nginx's own limit on comment posts (agora-http.conf's zone
# agora_comments, 6 a minute per address with a burst of 10), with the
# shipped rate, in front of the workers' own comment_rate: a flood of
# comment POSTs from one address reaches the workers only as far as the
# burst lets it (the first comment_rate stored, the next refused by the
# worker with its Greek page and Retry-After), the rest get nginx's 429
# (its calm page);
# the article itself (GET) is served all along; the zone covers the
# English path and flags too; another address is not limited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8);
use HTTP::Tiny;
use Time::HiRes qw(sleep);
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(comment_rate => '6r/m', conf => { comment_rate => 3 });
my $reader = Agora::Staff->new($t);    # its form parser

sub enc {
    my ($s) = @_;
    $s = encode_utf8($s) if utf8::is_utf8($s);
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}
sub post_form {
    my ($path, $f, $http) = @_;
    my %opts = (headers => { 'content-type' => 'application/x-www-form-urlencoded' },
        content => join('&', map { enc($_) . '=' . enc($f->{$_}) } sort keys %$f));
    return $http ? $http->request('POST', $t->url($path), \%opts) : $t->request('POST', $path, \%opts);
}

my ($id) = $t->sql(q{SELECT id FROM news WHERE status = 'published' AND published_at
    BETWEEN NOW() - INTERVAL 20 DAY AND NOW() ORDER BY published_at DESC, id DESC LIMIT 1});
$id = $id->[0];
(my $path = $t->get("/news/$id")->{headers}{location} // '') =~ s{^https?://[^/]+}{};
like($path, qr{^/news/$id-}, "a recent article: $path");

# A reader's pages, each with its own one-time token, older than
# comment_min_seconds (3) when the flood starts.
my @forms;
for (1 .. 24) {
    my $r = $t->get($path);
    push @forms, $reader->form($r->{content} // '', "/news/$id/comments");
}
is(scalar(grep { $_ && $_->{token} } @forms), 24, 'the article gave 24 comment forms');
sleep 3.5;

my (@status, @kind, @gets, $worker429);
for my $i (1 .. 20) {
    my $r = post_form("/news/$id/comments", { %{ $forms[$i - 1] }, name => "Πλημμυριστής $i",
        email => "flood$i\@example.org", body => "Σχόλιο πλημμύρας αριθμός $i.", consent => 1 });
    push @status, $r->{status};
    my $text = $t->text($r);
    push @kind, $r->{status} == 303 ? 'stored'
        : $r->{status} == 429 && $text =~ /Από τη σύνδεσή σας στάλθηκαν πολλά σχόλια/ ? 'worker'
        : $r->{status} == 429 ? 'nginx' : "other $r->{status}";
    $worker429 //= $r if $kind[-1] eq 'worker';
    push @gets, $t->get($path)->{status};
}
my %n;
$n{$_}++ for @kind;
is($n{stored}, 3, 'twenty quick comment POSTs from one address: the first three stored (conf comment_rate 3)')
    or diag("@kind");
ok(!grep({ /^other/ } @kind), '... every other one answered 429') or diag("@status");
cmp_ok($n{nginx} // 0, '>=', 5, '... most of the rest by nginx itself (limit_req burst 10)') or diag("@kind");
my $through = ($n{stored} // 0) + ($n{worker} // 0);
cmp_ok($through, '>=', 11, '... the workers saw the first one and the burst of 10') or diag("@kind");
cmp_ok($through, '<=', 13, '... and hardly any more (6 a minute)') or diag("@kind");
my ($first_nginx) = grep { $kind[$_] eq 'nginx' } 0 .. $#kind;
ok(!grep({ $kind[$_] ne 'nginx' } ($first_nginx // 20) .. $#kind), '... once nginx refuses, it refuses every later one')
    or diag("@kind");
is_deeply([ grep { $_ != 200 } @gets ], [], 'the article itself answered 200 all along (GETs are not limited)');
my ($rows) = $t->sql(q{SELECT COUNT(*) FROM comments WHERE author_name LIKE 'Πλημμυριστής%'});
is($rows->[0], 3, 'three comments stored');

ok($worker429, 'the worker\'s own 429 came back') or BAIL_OUT('no worker 429');
my $wt = $t->text($worker429);
like($wt, qr{Από τη σύνδεσή σας στάλθηκαν πολλά σχόλια σε λίγο χρόνο\. Δοκιμάστε ξανά σε δέκα λεπτά\.}, '... a page with the Greek message');
like($wt, qr{<html lang="el">}, '... the site\'s Greek page');
is($worker429->{headers}{'retry-after'}, 600, '... with Retry-After: 600');
like($worker429->{headers}{'content-type'} // '', qr{^text/html; charset=utf-8}, '... as HTML');
like($wt, qr{<form id="comment"}, '... showing the form again');
like($wt, qr{Σχόλιο πλημμύρας αριθμός \d+\.</textarea>}, '... with the text that was typed');

# nginx's answer: its own calm page (views/static/slow-down.html through
# error_page), not the workers'.
my $r = post_form("/news/$id/comments", { %{ $forms[20] }, name => 'Ακόμη ένας', email => 'one.more@example.org',
    body => 'Ακόμη ένα σχόλιο.', consent => 1 });
is($r->{status}, 429, 'one more POST right after: 429');
like($t->text($r), qr{<h1>Πάρα πολλά αιτήματα</h1>}, '... nginx\'s own page, in Greek');
is($r->{headers}{'retry-after'}, 60, '... with Retry-After: 60');
unlike($t->text($r), qr{Δήμος Μυτιλήνης}, '... not a worker\'s');
like($r->{headers}{'content-security-policy'} // '', qr{default-src 'self'}, '... with the site\'s security headers all the same');
is($r->{headers}{'x-content-type-options'}, 'nosniff', '... X-Content-Type-Options too');
$r = post_form("/en/news/$id/comments", { %{ $forms[21] }, name => 'English', email => 'english.flood@example.org',
    body => 'One more from the English page.', consent => 1 });
is($r->{status}, 429, 'the English path is in the same zone: 429');
like($t->text($r), qr{<h1>Πάρα πολλά αιτήματα</h1>}, '... from nginx');
my ($cid) = $t->sql(q{SELECT MIN(id) FROM comments});
$r = post_form("/comments/$cid->[0]/flag", { reason => 'spam' });
is($r->{status}, 429, 'a flag POST from the same address: 429 from nginx too');
like($t->text($r), qr{<h1>Πάρα πολλά αιτήματα</h1>}, '... nginx\'s page');

my $other = HTTP::Tiny->new(max_redirect => 0, timeout => 15, keep_alive => 0, local_address => '127.0.0.2');
$r = post_form("/news/$id/comments", { %{ $forms[22] }, name => 'Γειτόνισσα', email => 'geitonissa@example.org',
    body => 'Από άλλη σύνδεση, ένα κανονικό σχόλιο.', consent => 1 }, $other);
is($r->{status}, 303, 'another address meanwhile: not limited, its comment stored');
($rows) = $t->sql(q{SELECT COUNT(*), MAX(INET6_NTOA(ip)) FROM comments WHERE author_name = 'Γειτόνισσα'});
is_deeply($rows, [ 1, '127.0.0.2' ], '... one row, from 127.0.0.2');
($rows) = $t->sql(q{SELECT COUNT(*) FROM comments WHERE author_name IN ('Ακόμη ένας', 'English')});
is($rows->[0], 0, 'nothing nginx refused was stored');

done_testing;
