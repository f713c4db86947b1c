#!/usr/bin/env perl
# The English site under /en: interface text in English, English content
# where it exists and Greek with a note where it does not, links that stay
# in /en, hreflang alternates, the language switch, and URLs that exist in
# one language only.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- helpers -------------------------------------------------------------------

sub get_ok { $t->get_ok(@_) }

sub attr_unescape {
    my ($s) = @_;
    $s =~ s/&amp;/&/g;
    return $s;
}

# hreflang => href of the <link rel="alternate" hreflang=...> tags.
sub alternates {
    my ($html) = @_;
    my %a;
    while ($html =~ m{<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">}g) {
        $a{$1} = attr_unescape($2);
    }
    return \%a;
}

sub lang_switch {
    my ($html) = @_;
    my ($a) = $html =~ m{(<a class="lang-switch"[^>]*>[^<]*</a>)} or return;
    my ($href) = $a =~ m{href="([^"]*)"};
    return (attr_unescape($href), $a);
}

# Every href of an <a> in the page.
sub links_of {
    my ($html) = @_;
    return map { attr_unescape($_) } $html =~ m{<a\b[^>]*\bhref="([^"]*)"}g;
}

# Internal links of an English page that leave /en: everything but the
# language switch, fragments, static files, the sitemap and external URLs.
sub links_leaving_en {
    my ($html) = @_;
    my ($switch) = lang_switch($html);
    return grep {
        !(m{^/en(?:/|$|\?)} || m{^#} || m{^/static/} || $_ eq '/sitemap.xml'
          || m{^(?:https?:|mailto:|tel:)} || (defined $switch && $_ eq $switch))
    } links_of($html);
}

sub menu_of {
    my ($html) = @_;
    my ($nav) = $html =~ m{<nav class="main-nav"[^>]*>(.*?)</nav>}s or return ();
    my @m;
    push @m, [ $1, $2 ] while $nav =~ m{<li><a href="([^"]*)"[^>]*>([^<]*)</a></li>}g;
    return @m;
}

# ---- the English home page ------------------------------------------------------------

my $home = get_ok('/en/');
like($home, qr{<html[^>]*\blang="en"}, '/en/ is <html lang="en">');
like($home, qr{<a class="skip-link" href="#main">Skip to main content</a>}, '... "Skip to main content"');
like($home, qr{Latest news and announcements}, '... "Latest news and announcements"');
like($home, qr{<title>[^<]*Municipality of Mytilene</title>}, '... the English site name in <title>');
unlike($home, qr{Μετάβαση στο κύριο περιεχόμενο|Τελευταία νέα}, '... none of the Greek interface text');
is($t->get('/en')->{status}, 200, '/en (no slash) answers 200 too');
is_deeply([ links_leaving_en($home) ], [], 'every internal link on /en/ stays under /en');

is_deeply(alternates($home), {
    el          => $t->url('/'),
    en          => $t->url('/en/'),
    'x-default' => $t->url('/'),
}, '/en/: hreflang el, en and x-default point to the home pages');
is_deeply(alternates(get_ok('/')), alternates($home), '/: the same alternates');
my ($sw, $swa) = lang_switch($home);
is($sw, '/', '/en/: the language switch leads to /');
like($swa // '', qr{hreflang="el" lang="el"}, '... and is marked as Greek');
($sw) = lang_switch(get_ok('/'));
is($sw, '/en/', '/: the language switch leads to /en/');

# Tenders of this test's own, one open and one closed: the states the
# category page must show, whatever the date.
$t->sql(q{
  INSERT INTO news (category_id, slug, title, title_en, summary, body, body_html, status, published_at, deadline) VALUES
  (4, 'anoichti-prokiryxi-17', 'Ανοιχτή προκήρυξη Λ17', 'Open call L17', 'Π.', 'Κ.', '<p>Κ.</p>', 'published',
   NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 10 DAY),
  (4, 'elixe-prokiryxi-17', 'Προκήρυξη που έληξε Λ17', 'Closed call L17', 'Π.', 'Κ.', '<p>Κ.</p>', 'published',
   NOW() - INTERVAL 2 HOUR, NOW() - INTERVAL 1 DAY)
});

my @MONTHS_EN = qw(January February March April May June July August September October November December);

# ---- an article with English ---------------------------------------------------------------

my ($en) = $t->sql(q{
  SELECT id, slug, title, title_en, DATE_FORMAT(published_at, '%Y-%m-%d %H:%i:%s') FROM news WHERE id = 37
});
my $en_path = "/en/news/$en->[0]-$en->[1]";
my $el_path = "/news/$en->[0]-$en->[1]";
my $h = get_ok($en_path);
like($h, qr{<html[^>]*\blang="en"}, "$en_path is an English page");
like($h, qr{<h1>\Q${\ html_escape($en->[3])}\E</h1>}, '... with the English title');
like($h, qr{<title>\Q${\ html_escape($en->[3])}\E — Municipality of Mytilene</title>}, '... also in <title>');
unlike($h, qr{not yet available in English}, '... and no fallback note');
ok(index($h, html_escape($en->[2])) < 0, '... the Greek title is not shown');
my ($body_en) = $t->sql("SELECT body_en_html FROM news WHERE id = $en->[0]");
ok(index($h, $body_en->[0]) >= 0, '... the English body');
my ($py, $pm, $pd) = $en->[4] =~ /^(\d{4})-(\d\d)-(\d\d)/;
(my $piso = $en->[4]) =~ s/ /T/;
like($h, qr{<time datetime="\Q$piso\E[+-]\d\d:\d\d">\Q${\ sprintf('%d %s %d', $pd, $MONTHS_EN[$pm - 1], $py)}\E</time>},
    '... an English date');
like($h, qr{<span class="tender tender-\w+">(?:Open|The submission deadline has passed)</span>}, '... an English tender state');
is_deeply(alternates($h), {
    el          => $t->url($el_path),
    en          => $t->url($en_path),
    'x-default' => $t->url($el_path),
}, '... hreflang el, en and x-default point to the two versions of the article');
like($h, qr{<link rel="canonical" href="\Q${\ $t->url($en_path)}\E">}, '... its canonical URL is the /en one');
($sw, $swa) = lang_switch($h);
is($sw, $el_path, '... the language switch leads to the Greek version of the same article');
is_deeply([ links_leaving_en($h) ], [], '... every internal link stays under /en (breadcrumbs, tags, related)');

my $hel = get_ok($el_path);
is_deeply(alternates($hel), alternates($h), "$el_path: the same alternates");
($sw) = lang_switch($hel);
is($sw, $en_path, '... the language switch leads to the English version of the same article');

my $res = $t->get("/en/news/$en->[0]-wrong-slug");
is($res->{status}, 301, 'a wrong slug under /en redirects');
my $loc = $res->{headers}{location} // '';
ok($loc eq $en_path || $loc eq $t->url($en_path), '... to the /en canonical URL') or diag("Location: $loc");

# Links written in the English text (Markdown) lead to the English pages too.
my ($a24) = $t->sql(q{SELECT CONCAT('/en/news/', id, '-', slug) FROM news WHERE id = 24});
$h = get_ok($a24->[0]);
like($h, qr{<div class="body">.*<a href="[^"]*/p/episkeftite-ti-mytilini">}s, "$a24->[0]: its English body links to a page");
is_deeply([ links_leaving_en($h) ], [], '... and every internal link, in the body too, stays under /en');

# ---- an article without English ------------------------------------------------------------------

my ($gr) = $t->sql(q{
  SELECT id, slug, title, summary FROM news
  WHERE status = 'published' AND published_at <= NOW() AND (title_en IS NULL OR title_en = '')
  ORDER BY published_at DESC, id DESC LIMIT 1
});
my $gr_path = "/en/news/$gr->[0]-$gr->[1]";
$h = get_ok($gr_path);
like($h, qr{<html[^>]*\blang="en"}, "$gr_path (no English) is an English page");
like($h, qr{<h1[^>]*>\Q${\ html_escape($gr->[2])}\E</h1>}, '... with the Greek title');
like($h, qr{not yet available in English}, '... and the note that it is not yet available in English');
like($h, qr{<div class="body" lang="el">}, '... the Greek body is marked lang="el"');
# WCAG 2.1 3.1.2 (Language of Parts): Greek text in an English page is
# marked as Greek, or screen readers read it with English pronunciation.
ok($h =~ m{<h1[^>]*\blang="el"[^>]*>\Q${\ html_escape($gr->[2])}\E</h1>}
   || $h =~ m{<header[^>]*\blang="el"[^>]*>\s*(?:<p[^>]*>.*?</p>\s*)*<h1[^>]*>\Q${\ html_escape($gr->[2])}\E</h1>}s,
   '... the Greek title is marked lang="el" too');
ok($h =~ m{<p class="summary"[^>]*\blang="el"[^>]*>\Q${\ html_escape($gr->[3])}\E</p>}
   || $h =~ m{<header[^>]*\blang="el"}, '... and the Greek summary');
is_deeply([ links_leaving_en($h) ], [], '... every internal link stays under /en');

# ---- lists, pager, categories ------------------------------------------------------------------

$h = get_ok('/en/news');
like($h, qr{<h1>News and announcements</h1>}, '/en/news has the English heading');
my ($older) = $h =~ m{<a href="([^"]+)" rel="next">Older};
like(attr_unescape($older // ''), qr{^/en/news\?before=\d{14}-\d+$}, '... its "Older" link stays under /en');
is_deeply([ links_leaving_en($h) ], [], '... every internal link stays under /en');
$h = get_ok(attr_unescape($older // '/en/news'));
my ($newer) = $h =~ m{<a href="([^"]+)" rel="prev">← Newer};
like(attr_unescape($newer // ''), qr{^/en/news\?after=\d{14}-\d+$}, 'page 2: its "Newer" link stays under /en');
is_deeply([ links_leaving_en($h) ], [], '... every internal link stays under /en');

$h = get_ok('/en/news/prokirixeis');
like($h, qr{<h1>Tenders and calls</h1>}, '/en/news/prokirixeis has the English category name');
my %li = map { /(Open|Closed) call L17/ ? ($1 => $_) : () } $h =~ m{<li>(.*?)</li>}gs;
like($li{Open} // '', qr{<span class="tender tender-open">Open</span>}, '... open tenders say "Open"');
like($li{Closed} // '', qr{<span class="tender tender-closed">Closed</span>}, '... closed ones "Closed"');
($sw) = lang_switch($h);
is($sw, '/news/prokirixeis', '... the language switch leads to the Greek category');
($sw) = lang_switch(get_ok('/news/prokirixeis'));
is($sw, '/en/news/prokirixeis', '/news/prokirixeis: the switch leads to the English category');

# ---- pages and the menu -----------------------------------------------------------------------

my ($visit) = $t->sql(q{SELECT title_en FROM pages WHERE parent_id IS NULL AND slug = 'episkeftite-ti-mytilini'});
$h = get_ok('/en/p/episkeftite-ti-mytilini');
like($h, qr{<h1>\Q${\ html_escape($visit->[0])}\E</h1>}, "/en/p/episkeftite-ti-mytilini has the English title ($visit->[0])");
unlike($h, qr{not yet available in English}, '... and no fallback note');
is_deeply([ links_leaving_en($h) ], [], '... every internal link stays under /en (children, breadcrumbs)');
($sw) = lang_switch($h);
is($sw, '/p/episkeftite-ti-mytilini', '... the language switch leads to the Greek page');

my @top = $t->sql(q{
  SELECT slug, title, title_en FROM pages
  WHERE parent_id IS NULL AND in_menu = 1 AND status = 'published' ORDER BY sort_order, id
});
for my $path ('/en/', '/en/p/episkeftite-ti-mytilini', $en_path, '/en/nope') {
    my @m = menu_of($t->text($t->get($path)));
    is_deeply(\@m, [
        [ '/en/', 'Home' ],
        (map { [ "/en/p/$_->[0]", html_escape(defined $_->[2] && length $_->[2] ? $_->[2] : $_->[1]) ] } @top),
        [ '/en/news', 'News' ],
        [ '/en/events', 'Events' ],
        [ '/en/requests', html_escape("Citizens' requests") ],
    ], "$path: the menu is in English (title_en where it exists) and stays under /en");
}

my ($nogr) = $t->sql(q{
  SELECT p.slug, c.slug, c.title FROM pages c JOIN pages p ON p.id = c.parent_id
  WHERE c.status = 'published' AND (c.title_en IS NULL OR c.title_en = '') ORDER BY c.id LIMIT 1
});
$h = get_ok("/en/p/$nogr->[0]/$nogr->[1]");
like($h, qr{<h1[^>]*>\Q${\ html_escape($nogr->[2])}\E</h1>}, "/en/p/$nogr->[0]/$nogr->[1] (no English) shows the Greek title");
like($h, qr{not yet available in English}, '... with the fallback note');

# ---- URLs that have no /en form, and errors in English -----------------------------------------

is($t->get('/healthz')->{status}, 200, '/healthz answers 200');
for my $p ('/en/healthz', '/en/robots.txt', '/en/sitemap.xml') {
    is($t->get($p)->{status}, 404, "$p answers 404 (language-neutral URL)");
}
$h = get_ok('/en/nope', 404);
like($h, qr{<html[^>]*\blang="en"}, '/en/nope is an English page');
like($h, qr{<h1>Page not found</h1>}, '... "Page not found"');
like($h, qr{<title>Error: Page not found — Municipality of Mytilene</title>}, '... titled "Error: Page not found"');
like($h, qr{<a href="/en/">Back to the home page</a>}, '... with a link back to the English home page');
unlike($h, qr{Η σελίδα δεν βρέθηκε}, '... not the Greek text');
$h = get_ok('/en/news/987654321-x', 404);
like($h, qr{does not exist or has not been published}, '/en/news/<unknown id> is an English 404');
$h = get_ok('/en/news/no-such', 404);
like($h, qr{This news category does not exist}, '/en/news/no-such is an English 404');
$h = get_ok('/en/p/den-yparchei', 404);
like($h, qr{<html[^>]*\blang="en"}, '/en/p/den-yparchei is an English 404');
$h = get_ok('/en/news?before=abc', 400);
like($h, qr{The page link is not valid}, '/en/news?before=abc is an English 400');

$h = get_ok('/en/accessibility');
like($h, qr{<h1>Accessibility statement</h1>}, '/en/accessibility is in English');
like($h, qr{<form id="a11y" method="post" action="/en/accessibility#feedback"}, '... its form posts to /en/accessibility');

done_testing;
