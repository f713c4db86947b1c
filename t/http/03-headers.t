#!/usr/bin/env perl
# Security and caching headers, and no cookies for anonymous visitors.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;

my $t = Agora::Test->new;

my ($art) = $t->sql(q{
  SELECT id, slug FROM news WHERE status = 'published' AND published_at <= NOW()
  ORDER BY published_at DESC LIMIT 1
});

my @pages = (
    [ GET  => '/',                     200 ],
    [ GET  => "/news/$art->[0]-$art->[1]", 200 ],
    [ GET  => '/accessibility',        200 ],
    [ GET  => "/news/$art->[0]",       301 ],
    [ GET  => '/no-such-page',         404 ],
    [ POST => '/',                     405 ],
    [ GET  => '/?q=%C3%28',            400 ],
);
for my $p (@pages) {
    my ($m, $path, $want) = @$p;
    my $res = $t->request($m, $path, $m eq 'POST'
        ? { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' }, content => 'a=1' }
        : {});
    my $h = $res->{headers};
    my $name = "$m $path ($want)";
    is($res->{status}, $want, "$name: status");
    my $csp = $h->{'content-security-policy'} // '';
    like($csp, qr/(?:^|;)\s*frame-ancestors 'none'\s*(?:;|$)/, "$name: CSP frame-ancestors 'none'");
    like($csp, qr/(?:^|;)\s*(?:default-src|script-src) /, "$name: CSP restricts scripts");
    my ($script_src) = $csp =~ /(?:^|;)\s*script-src([^;]*)/;
    ($script_src) = $csp =~ /(?:^|;)\s*default-src([^;]*)/ unless defined $script_src;
    unlike($script_src // '', qr/'unsafe-inline'|'unsafe-eval'|\*/, "$name: no unsafe-inline/eval or * for scripts");
    is($h->{'x-content-type-options'}, 'nosniff', "$name: X-Content-Type-Options nosniff");
    like($h->{'referrer-policy'} // '', qr/^(?:no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
        "$name: a Referrer-Policy that does not leak paths to other sites");
    ok(!exists $h->{'set-cookie'}, "$name: no Set-Cookie for an anonymous visitor");
    ok(!exists $h->{'x-powered-by'}, "$name: no X-Powered-By");
}

# Static files come from nginx with a long cache lifetime.
my $css = $t->get('/static/css/agora.css');
is($css->{status}, 200, '/static/css/agora.css answers 200');
like($css->{headers}{'content-type'} // '', qr{^text/css}, '... as text/css');
my ($max_age) = ($css->{headers}{'cache-control'} // '') =~ /max-age=(\d+)/;
cmp_ok($max_age // 0, '>=', 7 * 86400, '... cacheable for at least a week');
is($css->{headers}{'x-content-type-options'}, 'nosniff', '... with nosniff');
ok(!exists $css->{headers}{'set-cookie'}, '... without a cookie');
open my $fh, '<:raw', $t->srcdir . '/views/static/css/agora.css' or die $!;
my $file = do { local $/; <$fh> };
is($css->{content}, $file, '... and is the file in views/static');
is($t->get('/static/css/no-such.css')->{status}, 404, 'a missing static file is a 404');
my $esc = $t->get('/static/..%2fsrc/main.c');
unlike($esc->{content} // '', qr/#include/, 'no way out of the static directory');

# /favicon.ico: nginx serves it from views/static when it exists; when not,
# a plain 404 from nginx that does not reach the workers nor fill the error
# log.  (/robots.txt is the workers', see 14-feeds.t.)
for my $f (qw(favicon.ico)) {
    my $res = $t->get("/$f");
    if (-f $t->srcdir . "/views/static/$f") {
        is($res->{status}, 200, "/$f is served from views/static");
    } else {
        is($res->{status}, 404, "/$f (not shipped) is a 404");
        ok(!exists $res->{headers}{'content-security-policy'}, '... from nginx, not a worker');
        unlike($t->nginx_error_log, qr/\Q$f\E/, '... and is not logged as an error');
    }
}

my $h = $t->get('/healthz');
is($h->{status}, 200, '/healthz answers 200');

# The test-only route is off unless test_routes = 1.
is($t->post('/_echo', { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
    content => 'a=1' })->{status}, 404, 'POST /_echo does not exist by default');

done_testing;
