#!/usr/bin/env perl
# Security headers on every kind of answer, whoever makes it - a worker, a
# static file, nginx's own errors (also those made before any location,
# for requests malformed on purpose over a raw socket) - each header sent
# exactly once; Allow on every 405; caching of static files; no cookies
# for anonymous visitors.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8);
use IO::Select;
use IO::Socket::INET;
use Test::More;
use Agora::Test;

my $t = Agora::Test->new;

# ---- the policy: nginx's snippet and the workers' copy agree ---------------------
# nginx sends its own copy of every security header (the workers' are
# hidden, fastcgi_hide_header), so the two must be the same policy.
my %nginx_policy;
{
    my $f = $t->srcdir . '/nginx/agora-security-headers.conf';
    open my $fh, '<', $f or die "$f: $!";
    while (<$fh>) {
        next if /^\s*#/;
        $nginx_policy{ lc $1 } = $2 if /^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/;
    }
}
my %worker_policy;
{
    my $f = $t->srcdir . '/src/http/resp.c';
    open my $fh, '<', $f or die "$f: $!";
    my $src = do { local $/; <$fh> };
    my ($init) = $src =~ /SECURITY_HEADERS\[\]\s*=\s*((?:\s*"(?:[^"\\]|\\.)*")+)\s*;/;
    my $str = join '', ($init // '') =~ /"((?:[^"\\]|\\.)*)"/g;
    $str =~ s/\\r\\n/\n/g;
    for (split /\n/, $str) {
        $worker_policy{ lc $1 } = $2 if /^([\w-]+):\s*(.*)$/;
    }
}
is_deeply([ sort keys %nginx_policy ],
    [ qw(content-security-policy permissions-policy referrer-policy x-content-type-options x-frame-options) ],
    'agora-security-headers.conf sets the five security headers, each with "always"');
is_deeply(\%nginx_policy, \%worker_policy,
    "nginx's security headers are the workers' (src/http/resp.c), value for value");
# Each worker's copy is hidden behind nginx's (agora-fastcgi.conf), or it
# would be sent twice.
{
    my $f = $t->srcdir . '/nginx/agora-fastcgi.conf';
    open my $fh, '<', $f or die "$f: $!";
    my %hidden = map { /^\s*fastcgi_hide_header\s+([\w-]+);/ ? (lc $1 => 1) : () } <$fh>;
    is_deeply([ grep { !$hidden{$_} } sort keys %worker_policy ], [],
        'agora-fastcgi.conf hides every security header of the workers');
}

# ---- the checks every answer must pass -------------------------------------------

# security_ok(NAME, HEADERS): HEADERS maps lower-case names to the list of
# values received (a header sent twice has two).
sub security_ok {
    my ($name, $h) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    for my $k (qw(content-security-policy x-content-type-options referrer-policy x-frame-options)) {
        is(scalar @{ $h->{$k} || [] }, 1, "$name: $k exactly once");
    }
    my $csp = ($h->{'content-security-policy'} || [])->[0] // '';
    like($csp, qr/(?:^|;)\s*frame-ancestors 'none'\s*(?:;|$)/, "$name: CSP frame-ancestors 'none'");
    my ($script_src) = $csp =~ /(?:^|;)\s*script-src\s([^;]*)/;
    ($script_src) = $csp =~ /(?:^|;)\s*default-src\s([^;]*)/ unless defined $script_src;
    ok(defined $script_src, "$name: CSP restricts scripts (script-src or default-src)");
    unlike($script_src // "'unsafe-inline'", qr/'unsafe-inline'|'unsafe-eval'|\*|data:/,
        "$name: no unsafe-inline/eval, data: or * for scripts");
    is(($h->{'x-content-type-options'} || [])->[0], 'nosniff', "$name: X-Content-Type-Options nosniff");
    like(($h->{'referrer-policy'} || [])->[0] // '',
        qr/^(?:no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
        "$name: a Referrer-Policy that does not leak paths to other sites");
    is(($h->{'x-frame-options'} || [])->[0], 'DENY', "$name: X-Frame-Options DENY");
    is(scalar @{ $h->{'permissions-policy'} || [] }, 1, "$name: Permissions-Policy exactly once");
    like(($h->{'permissions-policy'} || [])->[0] // '', qr/(?:^|,\s*)camera=\(\)(?:,|$)/,
        "$name: Permissions-Policy denies the camera");
    like(($h->{'permissions-policy'} || [])->[0] // '', qr/(?:^|,\s*)microphone=\(\)(?:,|$)/,
        "$name: ... and the microphone");
    # Plain HTTP here: HSTS is for answers over HTTPS only (agora-http.conf).
    ok(!exists $h->{'strict-transport-security'}, "$name: no Strict-Transport-Security over plain HTTP");
    ok(!exists $h->{'set-cookie'}, "$name: no Set-Cookie for an anonymous visitor");
    ok(!exists $h->{'x-powered-by'}, "$name: no X-Powered-By");
}

# allow_ok(NAME, HEADERS, METHOD): a 405's Allow, once, without METHOD.
sub allow_ok {
    my ($name, $h, $method) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is(scalar @{ $h->{allow} || [] }, 1, "$name: Allow exactly once");
    my %allowed = map { $_ => 1 } split /\s*,\s*/, ($h->{allow} || [])->[0] // '';
    ok($allowed{GET} && $allowed{HEAD}, "$name: Allow names GET and HEAD");
    ok(!$allowed{$method}, "$name: ... and not $method");
}

# HTTP::Tiny joins a repeated header into an array: back to lists.
sub tiny_headers {
    my ($res) = @_;
    my %h;
    while (my ($k, $v) = each %{ $res->{headers} }) {
        $h{$k} = ref $v ? [@$v] : [$v];
    }
    return \%h;
}

# raw(REQUEST): send REQUEST as bytes over a new connection and read the
# answer: (status, headers as in security_ok, body).  The headers and a
# body of Content-Length bytes are enough: nginx may keep the connection
# open a while after an error (lingering close).
sub raw {
    my ($req) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $t->port, Timeout => 10)
        or die "connect: $!";
    $s->autoflush(1);
    print $s $req;
    my $sel = IO::Select->new($s);
    my ($in, $head, $body) = ('');
    while ($sel->can_read(10)) {
        my $n = sysread($s, my $buf, 65536);
        last if !$n;
        $in .= $buf;
        if (!defined $head && $in =~ /\r\n\r\n/) {
            ($head, $body) = split /\r\n\r\n/, $in, 2;
        } elsif (defined $head) {
            $body = substr($in, length($head) + 4);
        }
        if (defined $head) {
            my ($len) = $head =~ /^Content-Length:\s*(\d+)/mi;
            last if defined $len && length($body) >= $len;
        }
    }
    close $s;
    return (0, {}, '') unless defined $head;
    my ($status_line, @lines) = split /\r\n/, $head;
    my ($status) = $status_line =~ m{^HTTP/1\.[01] (\d{3})};
    my %h;
    for (@lines) {
        push @{ $h{ lc $1 } }, $2 if /^([^:\s]+):\s*(.*?)\s*$/;
    }
    return ($status // 0, \%h, $body);
}

# ---- answers of the workers ------------------------------------------------------

my ($art) = $t->sql(q{
  SELECT id, slug FROM news WHERE status = 'published' AND published_at <= NOW()
  ORDER BY published_at DESC LIMIT 1
});
my $FORM = { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' }, content => 'a=1' };
my $q = join '', map { sprintf '%%%02X', $_ } unpack 'C*', encode_utf8('δήμος');

my @worker = (
    [ GET    => '/',                                    200 ],
    [ GET    => "/news/$art->[0]-$art->[1]",            200 ],
    [ GET    => '/accessibility',                       200 ],
    [ GET    => '/p/episkeftite-ti-mytilini/axiotheata', 200 ],
    [ GET    => '/events',                              200 ],
    [ GET    => "/search?q=$q",                         200 ],
    [ GET    => '/feed.atom',                           200 ],
    [ GET    => '/events.ics',                          200 ],
    [ GET    => '/sitemap.xml',                         200 ],
    [ GET    => '/robots.txt',                          200 ],
    [ GET    => '/healthz',                             200 ],
    [ HEAD   => '/',                                    200 ],
    [ GET    => "/news/$art->[0]",                      301 ],
    [ GET    => '/no-such-page',                        404 ],
    [ POST   => '/',                                    405 ],
    [ DELETE => '/accessibility',                       405 ],
    [ GET    => '/?q=%C3%28',                           400 ],
);
for my $p (@worker) {
    my ($m, $path, $want) = @$p;
    my $res = $t->request($m, $path, $m eq 'POST' ? $FORM : {});
    my $name = "$m $path ($want, worker)";
    is($res->{status}, $want, "$name: status");
    my $h = tiny_headers($res);
    security_ok($name, $h);
    allow_ok($name, $h, $m) if $want == 405;
}

# A method nginx does not know is passed on: the worker answers 405.
{
    my ($status, $h) = raw("FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    is($status, 405, 'FOO / (405, worker): status');
    like(($h->{'content-type'} || [])->[0] // '', qr{^text/html}, 'FOO / (405, worker): the Greek page');
    security_ok('FOO / (405, worker)', $h);
    allow_ok('FOO / (405, worker)', $h, 'FOO');
}

# ---- static files (nginx) ----------------------------------------------------------

my $css = $t->get('/static/css/agora.css');
is($css->{status}, 200, '/static/css/agora.css answers 200');
security_ok('GET /static/css/agora.css (200, nginx)', tiny_headers($css));
like($css->{headers}{'content-type'} // '', qr{^text/css}, '... as text/css');
my ($max_age) = ($css->{headers}{'cache-control'} // '') =~ /max-age=(\d+)/;
cmp_ok($max_age // 0, '>=', 7 * 86400, '... cacheable for at least a week');
open my $fh, '<:raw', $t->srcdir . '/views/static/css/agora.css' or die $!;
my $file = do { local $/; <$fh> };
is($css->{content}, $file, '... and is the file in views/static');
my $esc = $t->get('/static/..%2fsrc/main.c');
unlike($esc->{content} // '', qr/#include/, 'no way out of the static directory');

# ---- nginx's own answers -------------------------------------------------------------
# Each made by nginx itself, most before any location is chosen; raw
# requests, since a well-behaved client library will not send them.
my $H = "Host: 127.0.0.1\r\nConnection: close\r\n";
my @nginx = (
    [ 'a NUL byte in the path',          "GET /%00 HTTP/1.1\r\n$H\r\n",                      400 ],
    [ 'a NUL byte under /static/',       "GET /static/%00.css HTTP/1.1\r\n$H\r\n",           400 ],
    [ 'a bad Host',                      "GET / HTTP/1.1\r\nHost: a/b\r\nConnection: close\r\n\r\n", 400 ],
    [ 'no Host in HTTP/1.1',             "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",     400 ],
    [ 'a request line with a bad method', "G\@T / HTTP/1.1\r\n$H\r\n",                       400 ],
    [ 'a header line above 16 KB',       "GET / HTTP/1.1\r\n${H}X-Big: " . ('x' x 17000) . "\r\n\r\n", 400 ],
    [ 'a body above client_max_body_size (10m)',
      "POST / HTTP/1.1\r\n${H}Content-Type: application/x-www-form-urlencoded\r\n"
      . "Content-Length: 11000000\r\n\r\n",                                                  413 ],
    [ 'a URI above 16 KB',               "GET /search?q=" . ('a' x 17000) . " HTTP/1.1\r\n$H\r\n", 414 ],
    [ 'an unknown Transfer-Encoding',    "POST / HTTP/1.1\r\n${H}Transfer-Encoding: gzip\r\n\r\n", 501 ],
    [ 'HTTP/2.0 in the request line',    "GET / HTTP/2.0\r\n$H\r\n",                         505 ],
    [ 'HTTP/3.1 in the request line',    "GET / HTTP/3.1\r\n$H\r\n",                         505 ],
    [ 'a directory under /static/',      "GET /static/css/ HTTP/1.1\r\n$H\r\n",              403 ],
    [ 'a missing static file',           "GET /static/css/no-such.css HTTP/1.1\r\n$H\r\n",   404 ],
    [ 'POST on a static file',           "POST /static/css/agora.css HTTP/1.1\r\n${H}Content-Length: 0\r\n\r\n", 405, 'POST' ],
    [ 'PUT on a static file',            "PUT /static/img/logo.svg HTTP/1.1\r\n${H}Content-Length: 0\r\n\r\n", 405, 'PUT' ],
    [ 'TRACE on a page',                 "TRACE / HTTP/1.1\r\n$H\r\n",                       405, 'TRACE' ],
    [ 'TRACE on a static file',          "TRACE /static/css/agora.css HTTP/1.1\r\n$H\r\n",   405, 'TRACE' ],
);
push @nginx, [ '/favicon.ico (not shipped)', "GET /favicon.ico HTTP/1.1\r\n$H\r\n", 404 ]
    unless -f $t->srcdir . '/views/static/favicon.ico';
for my $n (@nginx) {
    my ($what, $req, $want, $method) = @$n;
    my ($status, $h, $body) = raw($req);
    my $name = "$what ($want, nginx)";
    is($status, $want, "$name: status");
    # nginx's own pages, not a worker's: a worker's would be Greek HTML.
    unlike($body, qr/lang="el"/, "$name: answered by nginx, not a worker");
    security_ok($name, $h);
    if ($want == 405) {
        allow_ok($name, $h, $method);
        like(($h->{'content-type'} || [])->[0] // '', qr{^text/plain}, "$name: a text/plain body");
    }
}

# /favicon.ico (not shipped) does not reach the workers nor fill the error log.
unlike($t->nginx_error_log, qr/favicon\.ico/, '/favicon.ico is not logged as an error');

# The test-only route is off unless test_routes = 1.
is($t->post('/_echo', $FORM)->{status}, 404, 'POST /_echo does not exist by default');

# ---- the database away: the workers' 503 ------------------------------------------
# Search asks MariaDB on every request, so it says 503 at once (no cache).
$t->db_stop;
{
    my ($res, $t0) = (undef, time);
    # A new page each time: one nginx kept (AGORA_TEST_MICRO_CACHE=1)
    # would be served from its copy.
    my $n = 0;
    do { $res = $t->get("/search?q=$q&page=" . (++$n % 50 + 1)) }
        until $res->{status} == 503 || time - $t0 > 10;
    is($res->{status}, 503, "GET /search?q=... with the database down: 503");
    security_ok('GET /search?q=... (503, worker)', tiny_headers($res));
}
$t->db_start;

done_testing;
