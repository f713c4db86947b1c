#!/usr/bin/env perl
# The home page: Greek, accessible entry points, the newest published news
# from the database, and nothing that is not (yet) public.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# Rows that must never appear: a draft newer than everything else, and an
# item scheduled for the future.  Explicit slugs (the loader computes slugs
# for demo rows only).
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, status, published_at) VALUES
  (1, 'proxeiro-dokimis', 'Πρόχειρο κείμενο δοκιμής Ξ7Q', 'Περίληψη πρόχειρου Ξ7Q',
   'Δεν πρέπει να φαίνεται.', 'draft', NOW() - INTERVAL 1 MINUTE),
  (1, 'mellontiki-anakoinosi', 'Μελλοντική ανακοίνωση Ψ8W', 'Περίληψη μελλοντικής Ψ8W',
   'Δεν πρέπει να φαίνεται ακόμη.', 'published', NOW() + INTERVAL 2 DAY)
});

my @newest = $t->sql(q{
  SELECT title FROM news
  WHERE status = 'published' AND published_at <= NOW()
  ORDER BY published_at DESC, id DESC LIMIT 3
});
cmp_ok(scalar @newest, '>=', 3, 'the demo content is loaded (at least 3 published news)');

my $res = $t->get('/');
is($res->{status}, 200, 'GET / answers 200');
like($res->{headers}{'content-type'} // '', qr{^text/html;\s*charset=utf-8$}i,
    'Content-Type is text/html; charset=utf-8');
my $html = $t->text($res);

like($html, qr{<html[^>]*\blang="el"}, '<html lang="el">');
like($html, qr{<title>[^<]*\S[^<]*</title>}, 'the page has a non-empty <title>');
like($html, qr{<a\b[^>]*\bhref="#main"}, 'a skip link to #main');
like($html, qr{\bid="main"}, 'the skip link has a target (id="main")');
like($html, qr{<a\b[^>]*\bhref="/accessibility"}, 'a link to the accessibility statement');

for my $row (@newest) {
    my $title = $row->[0];
    ok(index($html, html_escape($title)) >= 0, "newest news listed: $title");
}

unlike($html, qr/Ξ7Q/, 'a draft is not on the home page');
unlike($html, qr/Ψ8W/, 'a future-scheduled item is not on the home page');

# HEAD gives the same status and type, without a body.  HTTP::Tiny never
# reads a body after HEAD, so the answer is read to EOF on a raw socket.
my $head = $t->raw_request('HEAD', '/');
is($head->{status}, 200, 'HEAD / answers 200');
like($head->{headers}{'content-type'} // '', qr{^text/html;\s*charset=utf-8$}i, '... as text/html');
is(length $head->{content}, 0, '... and nothing follows the headers (read until nginx closed)')
    or diag('HEAD / sent ' . length($head->{content}) . ' bytes after the headers');
# The same reader does see a body when there is one.
my $get = $t->raw_request('GET', '/');
is($get->{status}, 200, 'GET / over the raw socket answers 200');
cmp_ok(length $get->{content}, '>', 1000, '... with the page after the headers');
if (defined $head->{headers}{'content-length'}) {
    is($head->{headers}{'content-length'}, length $res->{content},
        'HEAD / announces the Content-Length of the GET body');
}

done_testing;
