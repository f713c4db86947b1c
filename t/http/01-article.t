#!/usr/bin/env perl
# Article pages: canonical URLs, what is public, and escaping of stored text.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# Location may be written absolute (site_url) or as a path; either must
# point at exactly the canonical path, without a query string.
sub location_is {
    my ($res, $path, $name) = @_;
    my $loc = $res->{headers}{location} // '';
    my $ok = $loc eq $path || $loc eq $t->url($path);
    ok($ok, $name) or diag("Location: '$loc', want '$path'");
}

# ---- a demo article --------------------------------------------------------
my ($art) = $t->sql(q{
  SELECT id, slug, title, body FROM news
  WHERE status = 'published' AND published_at <= NOW()
  ORDER BY published_at DESC, id DESC LIMIT 1
});
ok($art, 'a published demo article exists') or do { done_testing; exit 1 };
my ($id, $slug, $title, $body) = @$art;
my $canon = "/news/$id-$slug";

like($slug, qr/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'the demo slug is lower-case Latin words joined by "-"');

my $res = $t->get($canon);
is($res->{status}, 200, "GET $canon answers 200");
like($res->{headers}{'content-type'} // '', qr{^text/html;\s*charset=utf-8$}i, 'HTML in UTF-8');
my $html = $t->text($res);
ok(index($html, html_escape($title)) >= 0, 'the title is on the page');
like($html, qr{<title>[^<]*\Q${\ html_escape($title)}\E}, 'the title is in <title>');
my @paras = grep { /\S/ } split /\n[ \t]*\n/, $body;
ok(@paras >= 1, 'the demo body has paragraphs');
for my $p (@paras) {
    # The first line of each paragraph, as the page shows it.
    my ($first) = $p =~ /^\s*([^\n]*\S)/;
    # (tags aside: a mention of the platform is a link in the page)
    ok(index($html =~ s/<[^>]+>//gr, html_escape($first)) >= 0, 'body paragraph on the page: ' . substr($first, 0, 40));
}

# ---- canonical URL --------------------------------------------------------------
$res = $t->get("/news/$id-wrong-slug");
is($res->{status}, 301, 'a wrong slug redirects permanently');
location_is($res, $canon, '... to the canonical URL');

$res = $t->get("/news/$id");
is($res->{status}, 301, 'a missing slug redirects permanently');
location_is($res, $canon, '... to the canonical URL');

$res = $t->get("/news/$id-wrong?utm_source=x&a=1");
is($res->{status}, 301, 'a wrong slug with a query string redirects');
location_is($res, $canon, '... and the query string is dropped');

# ---- what is not public ------------------------------------------------------
$res = $t->get('/news/987654321-den-yparchei');
is($res->{status}, 404, 'a non-existent id answers 404');
my $nf = $t->text($res);
like($nf, qr{<html[^>]*\blang="el"}, '... with a Greek page');
like($nf, qr/δεν βρέθηκε|δεν υπάρχει/, '... saying (in Greek) that it was not found');

$res = $t->get('/news/9999999999-x');
is($res->{status}, 404, 'an id above the column range answers 404 (not 500)');

$t->sql(q{
  INSERT INTO news (category_id, slug, title, body, status, published_at) VALUES
  (1, 'proxeiro', 'Πρόχειρο άρθρο', 'Κείμενο πρόχειρου.', 'draft', NOW() - INTERVAL 1 DAY)
});
my ($draft) = $t->sql(q{SELECT id FROM news WHERE slug = 'proxeiro'});
is($t->get("/news/$draft->[0]-proxeiro")->{status}, 404, 'a draft answers 404');

$t->sql(q{
  INSERT INTO news (category_id, slug, title, body, status, published_at) VALUES
  (1, 'avrio', 'Αυριανό άρθρο', 'Κείμενο αύριο.', 'published', NOW() + INTERVAL 1 DAY)
});
my ($future) = $t->sql(q{SELECT id FROM news WHERE slug = 'avrio'});
is($t->get("/news/$future->[0]-avrio")->{status}, 404, 'an item scheduled for tomorrow answers 404');

# ---- stored HTML is escaped ---------------------------------------------------------
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, status, published_at) VALUES
  (1, 'script-alert', '<script>alert(1)</script> "&''<> τίτλος', 'Περίληψη <img src=x onerror=alert(3)>',
   CONCAT('Πρώτη <b>παράγραφος</b> & "εισαγωγικά"', CHAR(10), CHAR(10), '<script>alert(2)</script>'),
   'published', NOW() - INTERVAL 1 SECOND)
});
# The body is Markdown, rendered to HTML when saved, as staff forms will:
# raw HTML in it must be suppressed by the renderer.
my ($rc_render) = $t->admin('render');
is($rc_render, 0, 'agora-admin render renders the new body');
my ($x) = $t->sql(q{SELECT id FROM news WHERE slug = 'script-alert'});
$res = $t->get("/news/$x->[0]-script-alert");
is($res->{status}, 200, 'an article with HTML in its text answers 200');
$html = $t->text($res);
unlike($html, qr/<script>alert\(/, 'no raw <script> from the database');
unlike($html, qr/<b>παράγραφος/, 'no raw <b> from the body');
like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the title is HTML-escaped');
like($html, qr/&quot;&amp;(?:&#39;|&#x27;|&apos;)&lt;&gt;/, 'quotes, & and angle brackets in the title are escaped');
unlike($html, qr/alert\(2\)/, 'raw HTML in the body is suppressed by the Markdown renderer');
like($html, qr/Πρώτη.{0,60}παράγραφος.{0,60}&amp;/s, 'the body text itself is there, & escaped');
$html = $t->text($t->get('/'));
unlike($html, qr/<script>alert\(|<img src=x/, 'the home page does not let it through either');

# ---- Greek titles and URLs ---------------------------------------------------------
$t->sql(q{
  INSERT INTO news (category_id, slug, title, body, status, published_at) VALUES
  (1, 'mytilini-kai-evangelismos', 'Μυτιλήνη και Ευαγγελισμός', 'Κείμενο.', 'published', NOW() - INTERVAL 2 SECOND)
});
my ($g) = $t->sql(q{SELECT id FROM news WHERE slug = 'mytilini-kai-evangelismos'});
my $gcanon = "/news/$g->[0]-mytilini-kai-evangelismos";
$res = $t->get($gcanon);
is($res->{status}, 200, 'the transliterated (ELOT 743) URL answers 200');
ok(index($t->text($res), 'Μυτιλήνη και Ευαγγελισμός') >= 0, '... with the Greek title');
$res = $t->get("/news/$g->[0]-%CE%BC%CF%85%CF%84%CE%B9%CE%BB%CE%AE%CE%BD%CE%B7");
is($res->{status}, 301, 'a Greek slug in the URL redirects');
location_is($res, $gcanon, '... to the Latin canonical URL');

# The slug agora-admin computed for every demo row is ELOT 743, not an
# ASCII-only filter: a Greek title never gives an empty slug.
my @bad = $t->sql(q{
  SELECT id, slug FROM news
  WHERE slug NOT REGEXP '^[a-z0-9]+(-[a-z0-9]+)*$'
});
is(scalar @bad, 0, 'every slug is lower-case Latin words joined by "-"')
    or diag(join ', ', map { "$_->[0]:'$_->[1]'" } @bad);

done_testing;
