#!/usr/bin/env perl
# Over HTTPS (issue 13, transport): nginx serving the shipped locations
# with README's TLS settings (script/server's AGORA_TLS_PORT, a
# self-signed certificate for 127.0.0.1) sends Strict-Transport-Security
# once on every answer - a worker's page, a static file, nginx's own 404
# and its calm 429 - with the other security headers; plain HTTP sends no
# HSTS; TLS 1.2 and 1.3 are spoken, TLS 1.1 is refused.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use HTTP::Tiny;
use IO::Socket::SSL;
use Test::More;
use Agora::Test;

my $t = Agora::Test->new(tls => 1, search_rate => '1r/m');
ok(-s $t->tls_cert, 'the stack made its test certificate');
my $https = HTTP::Tiny->new(max_redirect => 0, timeout => 15, keep_alive => 0, verify_SSL => 1,
    SSL_options => { SSL_ca_file => $t->tls_cert });

sub headers_once {
    my ($r, $what) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($r->{headers}{'strict-transport-security'}, 'max-age=31536000', "$what: HSTS for a year, once");
    for my $h (qw(content-security-policy x-content-type-options referrer-policy x-frame-options permissions-policy)) {
        ok(defined $r->{headers}{$h} && !ref $r->{headers}{$h}, "... $h once");
    }
}

my $r = $https->get($t->tls_url('/'));
is($r->{status}, 200, 'GET / over HTTPS (the certificate checked): 200');
headers_once($r, 'a worker\'s page');
like($r->{content}, qr{<h1|class="site-header"}, '... the home page');

$r = $https->get($t->tls_url('/static/css/agora.css'));
is($r->{status}, 200, 'a static file over HTTPS: 200');
headers_once($r, 'a static file');

$r = $https->get($t->tls_url('/static/no-such-file.css'));
is($r->{status}, 404, 'nginx\'s own 404 over HTTPS');
headers_once($r, 'nginx\'s 404');

# The search zone at 1 a minute here: past its burst (30), nginx's 429.
my $n = 0;
do { $r = $https->get($t->tls_url('/search?q=s' . ++$n)) } while $r->{status} == 200 && $n < 40;
is($r->{status}, 429, "search $n at once (search_rate 1r/m, burst 30): nginx's 429");
headers_once($r, 'nginx\'s calm 429');

$r = $t->get('/');
is($r->{status}, 200, 'GET / over plain HTTP: 200');
ok(!exists $r->{headers}{'strict-transport-security'}, '... without HSTS (a browser ignores it there)');

# The protocols: 1.2 and 1.3 yes, 1.1 no (the client allowed to offer it).
for my $v ('TLSv1_2', 'TLSv1_3') {
    my $s = IO::Socket::SSL->new(PeerHost => '127.0.0.1', PeerPort => $t->tls_port,
        SSL_version => $v, SSL_ca_file => $t->tls_cert, Timeout => 10);
    ok($s, "a $v client is served") or diag(IO::Socket::SSL::errstr());
    is($s->get_sslversion, $v, "... over $v") if $s;
    close $s if $s;
}
my $old = IO::Socket::SSL->new(PeerHost => '127.0.0.1', PeerPort => $t->tls_port,
    SSL_version => 'TLSv1_1', SSL_cipher_list => 'DEFAULT:@SECLEVEL=0',
    SSL_verify_mode => SSL_VERIFY_NONE, Timeout => 10);
ok(!$old, 'a TLS 1.1 client is refused');

done_testing;
