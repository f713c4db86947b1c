#!/usr/bin/env perl
# English pages that fall back to Greek (an item without an English title
# or body): marked "(in Greek)" in the English lists (news lists, the home
# page, related items), the Greek title keeping lang="el" and the marker in
# English; and not offered to search engines as English - the /en/ page's
# canonical URL is the Greek one, no hreflang="en" alternate claims it, and
# the sitemap lists no /en/ URL for it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- three new items, newest of all, sharing a tag of their own -----------------------------
#   q8el  Greek only
#   q8half an English title, no English body
#   q8en  English title and body

$t->sql(q{
  INSERT INTO news (category_id, slug, title, title_en, summary, summary_en, body, body_en, body_html, body_en_html,
                    status, published_at) VALUES
  (1, 'q8en', 'Ελληνικός τίτλος Q8E', 'English title Q8E', 'Περίληψη Q8E.', 'Summary Q8E.', 'Κ.', 'B.',
   '<p>Κείμενο Q8E.</p>', '<p>Body Q8E.</p>', 'published', NOW() - INTERVAL 3 MINUTE),
  (1, 'q8half', 'Ελληνικός τίτλος Q8H', 'English title Q8H', 'Περίληψη Q8H.', NULL, 'Κ.', NULL,
   '<p>Κείμενο Q8H.</p>', NULL, 'published', NOW() - INTERVAL 2 MINUTE),
  (1, 'q8el', 'Μόνο ελληνικά Q8G', NULL, 'Περίληψη Q8G.', NULL, 'Κ.', NULL,
   '<p>Κείμενο Q8G.</p>', NULL, 'published', NOW() - INTERVAL 1 MINUTE)
});
$t->sql(q{INSERT INTO tags (slug, name_el, name_en) VALUES ('q8-etiketa', 'Ετικέτα Q8', 'Tag Q8')});
$t->sql(q{
  INSERT INTO news_tags (news_id, tag_id)
  SELECT n.id, t.id FROM news n JOIN tags t ON t.slug = 'q8-etiketa' WHERE n.slug IN ('q8en', 'q8half', 'q8el')
});
my %id = map { $_->[1] => $_->[0] } $t->sql(q{SELECT id, slug FROM news WHERE slug IN ('q8en', 'q8half', 'q8el')});
is(scalar keys %id, 3, 'test items inserted');
my %path = map { $_ => "/news/$id{$_}-$_" } keys %id;

my $MARK = '<span class="lang-note" lang="en">(in Greek)</span>';

# The heading (h2 or h3) that links to path, whole.
sub heading_of {
    my ($html, $href) = @_;
    my ($h) = $html =~ m{(<h([23])\b[^>]*><a href="\Q$href\E">.*?</a></h\2>)}s;
    return $h;
}

# ---- the English news list ------------------------------------------------------------------

my $list = $t->get_ok('/en/news');
is(heading_of($list, "/en$path{q8el}"),
   qq{<h2 lang="el"><a href="/en$path{q8el}">Μόνο ελληνικά Q8G $MARK</a></h2>},
   '/en/news: a Greek-only item keeps lang="el" on its Greek title and is marked "(in Greek)" in English');
is(heading_of($list, "/en$path{q8half}"),
   qq{<h2><a href="/en$path{q8half}">English title Q8H $MARK</a></h2>},
   '... an item with an English title but a Greek text is marked "(in Greek)" too');
is(heading_of($list, "/en$path{q8en}"),
   qq{<h2><a href="/en$path{q8en}">English title Q8E</a></h2>},
   '... an item in English is not marked');
my $marks = () = $list =~ /\Q$MARK\E/g;
my ($without) = $t->sql(q{
  SELECT COUNT(*) FROM (SELECT title_en, body_en_html FROM news WHERE status = 'published' AND published_at <= NOW()
                        ORDER BY published_at DESC, id DESC LIMIT 20) x
  WHERE COALESCE(title_en, '') = '' OR COALESCE(body_en_html, '') = ''
});
is($marks, $without->[0], "... every item of the first page without English is marked ($without->[0])");

my $el_list = $t->get_ok('/news');
unlike($el_list, qr{lang-note|\(in Greek\)|στα ελληνικά}, '/news (Greek) has no such marker');

my $cat = $t->get_ok('/en/news/nea');
like(heading_of($cat, "/en$path{q8el}") // '', qr{\Q$MARK\E</a></h2>$}, '/en/news/nea marks it too');

# ---- the English home page ----------------------------------------------------------------------

my $home = $t->get_ok('/en/');
is(heading_of($home, "/en$path{q8el}"),
   qq{<h3 lang="el"><a href="/en$path{q8el}">Μόνο ελληνικά Q8G $MARK</a></h3>},
   '/en/: the lead item (Greek only) is marked "(in Greek)"');
is(heading_of($home, "/en$path{q8half}"),
   qq{<h3><a href="/en$path{q8half}">English title Q8H $MARK</a></h3>},
   '... and so is an item of the list below it');
is(heading_of($home, "/en$path{q8en}"),
   qq{<h3><a href="/en$path{q8en}">English title Q8E</a></h3>}, '... but not an item in English');
unlike($t->get_ok('/'), qr{lang-note}, '/ (Greek) has no marker');

# ---- related items ---------------------------------------------------------------------------

my $art = $t->get_ok("/en$path{q8en}");
my ($rel) = $art =~ m{<section class="related"[^>]*>(.*?)</section>}s;
ok(defined $rel, "/en$path{q8en} has related items") or diag($art);
$rel //= '';
like($rel, qr{<a href="/en\Q$path{q8el}\E" lang="el">Μόνο ελληνικά Q8G \Q$MARK\E</a>},
    '... a Greek-only one is marked "(in Greek)", its title lang="el"');
like($rel, qr{<a href="/en\Q$path{q8half}\E">English title Q8H \Q$MARK\E</a>}, '... and the half-translated one');
my $rel_el = $t->get_ok("/en$path{q8el}");
($rel) = $rel_el =~ m{<section class="related"[^>]*>(.*?)</section>}s;
like($rel // '', qr{<a href="/en\Q$path{q8en}\E">English title Q8E</a>}, '... an English related item is not marked');

# ---- canonical and alternates -----------------------------------------------------------------

sub alternates {
    my ($html) = @_;
    my %a;
    $a{$1} = $2 while $html =~ m{<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">}g;
    return \%a;
}
sub canonical { my ($html) = @_; my ($c) = $html =~ m{<link rel="canonical" href="([^"]+)">}; $c }

for my $s (qw(q8el q8half)) {
    my $greek = $t->url($path{$s});
    for my $p ("/en$path{$s}", $path{$s}) {
        my $html = $p eq $path{$s} ? $t->get_ok($p) : $t->get_ok($p);
        is(canonical($html), $greek, "$p: the canonical URL is the Greek page");
        is_deeply(alternates($html), { el => $greek, 'x-default' => $greek },
            '... hreflang el and x-default only: no English alternate is claimed');
        unlike($html, qr{hreflang="en"[^>]*href="[^"]*/en/news/}, '... no hreflang="en" link to the /en/ page');
        my ($og) = $html =~ m{<meta property="og:url" content="([^"]+)">};
        is($og, $greek, '... og:url is the canonical URL too');
    }
    like($t->get_ok("/en$path{$s}"), qr{not yet available in English}, "/en$path{$s} still shows the page, with its note");
}
my $en_url = $t->url("/en$path{q8en}");
is(canonical($art), $en_url, "/en$path{q8en} (English): its canonical URL is its own");
is_deeply(alternates($art), { el => $t->url($path{q8en}), en => $en_url, 'x-default' => $t->url($path{q8en}) },
    '... with hreflang el, en and x-default');

# ---- the sitemap ---------------------------------------------------------------------------

my $sm = $t->sitemap;
my %block;
while ($sm =~ m{(<url>.*?</url>)}sg) {
    my $b = $1;
    my ($loc) = $b =~ m{<loc>([^<]+)</loc>};
    $block{$loc} = $b;
}
for my $s (qw(q8el q8half)) {
    my $greek = $t->url($path{$s});
    ok($block{$greek}, "the sitemap lists $path{$s}");
    ok(!$block{$t->url("/en$path{$s}")}, "... but not /en$path{$s}");
    unlike($block{$greek} // '', qr{hreflang="en"}, '... nor names an English version of it');
    like($block{$greek} // '', qr{<xhtml:link rel="alternate" hreflang="el" href="\Q$greek\E"/>},
        '... it names its Greek version');
    ok(index($sm, "/en/news/$id{$s}-") < 0, "... /en/news/$id{$s}-... is nowhere in the sitemap");
}
ok($block{$t->url($path{q8en})} && $block{$en_url}, "an item in English is listed in both languages ($path{q8en})");
like($block{$t->url($path{q8en})} // '', qr{hreflang="en" href="\Q$en_url\E"}, '... naming its English version');
my ($n_el, $n_en) = (0, 0);
for (keys %block) { m{/en/news/\d} ? $n_en++ : m{/news/\d} ? $n_el++ : 0 }
my ($with) = $t->sql(q{
  SELECT COUNT(*) FROM news WHERE status = 'published' AND published_at <= NOW()
    AND COALESCE(title_en, '') <> '' AND COALESCE(body_en_html, '') <> ''
});
is($n_en, $with->[0], "the sitemap has an /en/ URL for each of the $with->[0] items in English, and no more");
cmp_ok($n_el, '>', $n_en, '... and a Greek URL for every item');

done_testing;
