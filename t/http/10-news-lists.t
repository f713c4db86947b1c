#!/usr/bin/env perl
# The news lists (/news and /news/{category}): newest first, 20 a page,
# keyset cursors (?before= / ?after=) that neither skip nor repeat an item,
# even when several items share the same second; only what is public; tender
# states; bad cursors and unknown categories.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

my $PER_PAGE = 20;

# ---- helpers -------------------------------------------------------------------

sub unescape_attr {
    my ($s) = @_;
    $s =~ s/&amp;/&/g;
    return $s;
}

# The items of a list page, in page order: id, category slug, tender state
# (undef, or [class, text]) and the whole <li>.
sub items_of {
    my ($html) = @_;
    my ($ul) = $html =~ m{<ul class="news-rows">(.*?)</ul>}s or return ();
    my @items;
    while ($ul =~ m{<li>(.*?)</li>}gs) {
        my $li = $1;
        my ($id) = $li =~ m{<h2><a href="(?:/en)?/news/(\d+)-} or next;
        my ($cat) = $li =~ m{<a class="category" href="(?:/en)?/news/([a-z0-9-]+)"};
        my $tender;
        if ($li =~ m{<span class="tender tender-(\w+)">([^<]*)</span>}) {
            $tender = [ $1, $2 ];
        }
        push @items, { id => $id, cat => $cat, tender => $tender, li => $li };
    }
    return @items;
}

# (older URL, newer URL) of a list page; undef where there is none.
sub pager_of {
    my ($html) = @_;
    my ($older) = $html =~ m{<a href="([^"]+)" rel="next">Παλαιότερα};
    my ($newer) = $html =~ m{<a href="([^"]+)" rel="prev">← Νεότερα};
    return (defined $older ? unescape_attr($older) : undef,
            defined $newer ? unescape_attr($newer) : undef);
}

sub fetch_page {
    my ($path) = @_;
    my $res = $t->get($path);
    is($res->{status}, 200, "GET $path answers 200") or return;
    my $html = $t->text($res);
    my @items = items_of($html);
    my ($older, $newer) = pager_of($html);
    return { html => $html, items => \@items, ids => [ map { $_->{id} } @items ],
             older => $older, newer => $newer };
}

sub visible_ids {
    my ($cat_slug) = @_;
    my $where = "n.status = 'published' AND n.published_at <= NOW()";
    $where .= " AND c.slug = '$cat_slug'" if $cat_slug;
    return map { $_->[0] } $t->sql(qq{
      SELECT n.id FROM news n JOIN categories c ON c.id = n.category_id
      WHERE $where ORDER BY n.published_at DESC, n.id DESC
    });
}

# Walk a list from its first page through "Παλαιότερα" to the end, checking
# the page size and the links of the first and last page; then walk back
# with "Νεότερα" and check each page comes back exactly.  Returns the ids in
# the order seen.
sub walk {
    my ($start, $base) = @_;
    my @pages;
    my $url = $start;
    my %seen_url;
    while (defined $url) {
        last if $seen_url{$url}++ || @pages > 50;
        my $p = fetch_page($url) or last;
        $p->{url} = $url;
        push @pages, $p;
        if (defined $p->{older}) {
            like($p->{older}, qr{^\Q$base\E\?before=\d{14}-\d+$},
                "the older link of page " . scalar(@pages) . " is $base?before=<cursor>");
        }
        $url = $p->{older};
    }
    ok(@pages >= 2, "$start has several pages (" . scalar(@pages) . ')');
    ok(!defined $pages[0]{newer}, "the first page of $start has no \"Νεότερα\" link");
    ok(!defined $pages[-1]{older}, "the last page of $start has no \"Παλαιότερα\" link");
    for my $i (0 .. $#pages - 1) {
        is(scalar @{ $pages[$i]{ids} }, $PER_PAGE, "page " . ($i + 1) . " of $start has $PER_PAGE items");
    }
    cmp_ok(scalar @{ $pages[-1]{ids} }, '>=', 1, "the last page of $start is not empty");
    cmp_ok(scalar @{ $pages[-1]{ids} }, '<=', $PER_PAGE, "the last page of $start has at most $PER_PAGE items");
    for my $i (1 .. $#pages) {
        ok(defined $pages[$i]{newer}, "page " . ($i + 1) . " of $start has a \"Νεότερα\" link") or next;
        like($pages[$i]{newer}, qr{^\Q$base\E\?after=\d{14}-\d+$}, '... of the form ?after=<cursor>');
        my $back = fetch_page($pages[$i]{newer}) or next;
        is_deeply($back->{ids}, $pages[$i - 1]{ids},
            "\"Νεότερα\" from page " . ($i + 1) . " of $start gives back page $i exactly");
        if ($i == 1) {
            ok(!defined $back->{newer}, '... and page 1 reached that way has no "Νεότερα" link');
        }
        ok(defined $back->{older}, '... and has a "Παλαιότερα" link');
    }
    return map { @{ $_->{ids} } } @pages;
}

# ---- the data ------------------------------------------------------------------

my ($anak) = $t->sql(q{SELECT id FROM categories WHERE slug = 'anakoinoseis'});
ok($anak, 'the demo category "anakoinoseis" exists') or do { done_testing; exit 1 };
my $cat = $anak->[0];

# 45 announcements, one a minute back from now; numbers 17 to 24 share the
# very same second, so that page 1 ends in the middle of them (item 20 of
# both lists): only the id can order them.
my @rows;
for my $n (1 .. 45) {
    my $ago = ($n >= 17 && $n <= 24) ? 17 : $n;
    my $nn = sprintf '%02d', $n;
    push @rows, "($cat, 'lista-dokimis-$nn', 'Δοκιμαστική ανακοίνωση Λ$nn', 'Περίληψη Λ$nn',"
        . " 'Κείμενο $nn.', '<p>Κείμενο $nn.</p>', 'published', NOW() - INTERVAL $ago MINUTE)";
}
$t->sql("INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at) VALUES\n"
    . join(",\n", @rows));

# What must never be listed: a draft and a scheduled item, both newer than
# anything else, in the same category.
$t->sql(qq{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at) VALUES
  ($cat, 'proxeiro-listas', 'Πρόχειρο λίστας Ω4K', 'Περίληψη Ω4K', 'Κείμενο.', '<p>Κείμενο.</p>',
   'draft', NOW() - INTERVAL 5 SECOND),
  ($cat, 'mellontiki-listas', 'Μελλοντική ανακοίνωση Ω5M', 'Περίληψη Ω5M', 'Κείμενο.', '<p>Κείμενο.</p>',
   'published', NOW() + INTERVAL 1 DAY)
});
my @hidden = map { $_->[0] } $t->sql(q{
  SELECT id FROM news WHERE slug IN ('proxeiro-listas', 'mellontiki-listas')
  UNION SELECT id FROM news WHERE status = 'draft' OR published_at > NOW()
});
cmp_ok(scalar @hidden, '>=', 2, 'there are drafts and scheduled items in the database');

my @ties = map { $_->[0] } $t->sql(q{
  SELECT id FROM news WHERE slug BETWEEN 'lista-dokimis-17' AND 'lista-dokimis-24'
});
is(scalar @ties, 8, 'eight items share one publication second');

# ---- /news: the first page ----------------------------------------------------------

my @all = visible_ids();
my $first = fetch_page('/news');
like($first->{html}, qr{<html[^>]*\blang="el"}, '/news is a Greek page');
is_deeply($first->{ids}, [ @all[0 .. $PER_PAGE - 1] ],
    '/news lists the 20 newest public items, newest first');
my $tie_pos = 0;
for my $i (0 .. $#{ $first->{ids} }) {
    $tie_pos++ if grep { $_ == $first->{ids}[$i] } @ties;
}
ok($tie_pos > 0 && $tie_pos < @ties, 'page 1 ends in the middle of the items of the same second')
    or diag("$tie_pos of the tied items on page 1");
ok(defined $first->{older}, 'page 1 has a "Παλαιότερα" link');
ok(!defined $first->{newer}, 'page 1 has no "Νεότερα" link');

# ---- /news: every page ------------------------------------------------------------------

my @walked = walk('/news', '/news');
is_deeply(\@walked, \@all,
    'walking /news page by page gives every public item once, in order (no gap, no overlap)')
    or diag("walked: @walked\nwant:   @all");
my %count;
$count{$_}++ for @walked;
is(scalar(grep { $count{$_} > 1 } keys %count), 0, 'no item is listed twice');
for my $id (@hidden) {
    ok(!$count{$id}, "hidden item $id (draft or scheduled) is on no page");
}

# ---- a category ------------------------------------------------------------------------

my @in_cat = visible_ids('anakoinoseis');
my $cp = fetch_page('/news/anakoinoseis');
is_deeply($cp->{ids}, [ @in_cat[0 .. $PER_PAGE - 1] ], '/news/anakoinoseis: its 20 newest items, newest first');
is(scalar(grep { ($_->{cat} // '') ne 'anakoinoseis' } @{ $cp->{items} }), 0,
    '... every item on it is in that category');
like($cp->{html}, qr{<h1>Ανακοινώσεις</h1>}, '... its heading is the category name');
like($cp->{html}, qr{<a href="/news/anakoinoseis" aria-current="page">Ανακοινώσεις</a>},
    '... and the category is marked current in the category navigation');
my @cwalk = walk('/news/anakoinoseis', '/news/anakoinoseis');
is_deeply(\@cwalk, \@in_cat, 'walking /news/anakoinoseis gives exactly its public items, in order');
my $html_all = join '', map { $t->text($t->get($_)) } ('/news', '/news/anakoinoseis');
unlike($html_all, qr/Ω4K/, 'the draft is not listed');
unlike($html_all, qr/Ω5M/, 'the scheduled item is not listed');

# ---- unknown category, bad cursors --------------------------------------------------

my $res = $t->get('/news/no-such');
is($res->{status}, 404, '/news/no-such answers 404');
my $nf = $t->text($res);
like($nf, qr{<html[^>]*\blang="el"}, '... with a Greek page');
like($nf, qr/Αυτή η κατηγορία ειδήσεων δεν υπάρχει/, '... saying the category does not exist');

for my $q ('before=abc', 'before=20261301000000-x', 'after=abc', 'before=', 'after=2026110100000-5',
           'before=20261101000000-5&after=20261101000000-5', 'before=20261101000000-12345678901') {
    $res = $t->get("/news?$q");
    is($res->{status}, 400, "/news?$q answers 400");
    like($t->text($res), qr/Ο σύνδεσμος της σελίδας δεν είναι έγκυρος/, '... with the Greek message about the link')
        if $res->{status} == 400;
}
$res = $t->get('/news/anakoinoseis?before=abc');
is($res->{status}, 400, '/news/anakoinoseis?before=abc answers 400');

# A cursor of the right shape but an impossible date (month 13) is not a
# link the site ever made: it is refused like any other malformed cursor,
# not answered with an empty list.
for my $q ('before=20261301000000-5', 'after=20260230250000-5') {
    $res = $t->get("/news?$q");
    is($res->{status}, 400, "/news?$q (impossible date) answers 400");
}

# ---- tenders: open or closed ------------------------------------------------------------

my ($tcat) = $t->sql(q{SELECT id FROM categories WHERE slug = 'prokirixeis'});
$t->sql(qq{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at, deadline) VALUES
  ($tcat->[0], 'diagonismos-anoichtos', 'Διαγωνισμός με προθεσμία σε τρεις ημέρες', 'Ανοιχτός.', 'Κείμενο.',
   '<p>Κείμενο.</p>', 'published', NOW() - INTERVAL 10 SECOND, NOW() + INTERVAL 3 DAY),
  ($tcat->[0], 'diagonismos-elixe', 'Διαγωνισμός που έληξε χθες', 'Έληξε.', 'Κείμενο.',
   '<p>Κείμενο.</p>', 'published', NOW() - INTERVAL 11 SECOND, NOW() - INTERVAL 1 DAY)
});
my %want_state = map { $_->[0] => $_->[1] } $t->sql(q{
  SELECT id, IF(deadline > NOW(), 'open', 'closed') FROM news
  WHERE deadline IS NOT NULL AND status = 'published' AND published_at <= NOW()
});
my ($open_id)   = $t->sql(q{SELECT id FROM news WHERE slug = 'diagonismos-anoichtos'});
my ($closed_id) = $t->sql(q{SELECT id FROM news WHERE slug = 'diagonismos-elixe'});
my $tp = fetch_page('/news/prokirixeis');
my %tstate = map { $_->{id} => $_->{tender} } @{ $tp->{items} };
is_deeply($tstate{ $open_id->[0] }, [ 'open', 'Ανοιχτή' ], 'a tender whose deadline is ahead shows "Ανοιχτή"');
is_deeply($tstate{ $closed_id->[0] }, [ 'closed', 'Έληξε' ], 'a tender whose deadline has passed shows "Έληξε"');
my $checked = 0;
for my $it (@{ $tp->{items} }) {
    my $want = $want_state{ $it->{id} } or next;
    $checked++;
    is($it->{tender} && $it->{tender}[0], $want, "tender $it->{id} is shown $want");
}
cmp_ok($checked, '>=', 5, 'the demo tenders are on the page too');
for my $it (@{ $tp->{items} }) {
    next if $want_state{ $it->{id} };
    ok(!$it->{tender}, "item $it->{id} without a deadline shows no tender state");
}
like(join('', map { $_->{li} } grep { $_->{id} == $open_id->[0] } @{ $tp->{items} }),
    qr{προθεσμία υποβολής <time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d">},
    'the deadline is shown with a machine-readable <time>');

done_testing;
