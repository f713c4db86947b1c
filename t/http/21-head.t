#!/usr/bin/env perl
# What every page's <head> tells search engines and social sites: one
# <meta name="description"> (the page's summary where it has one, else the
# site's own), and for an article with a lead image an og:image that those
# sites show, a raster image: the demo's lead images have PNG versions
# beside their SVGs, 1200x630 and small.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

sub descriptions {
    my ($html) = @_;
    my ($head) = $html =~ m{<head>(.*?)</head>}s;
    return ($head // '') =~ m{<meta name="description" content="([^"]*)">}g;
}

my $SITE_EL = 'Δήμος Μυτιλήνης: νέα και ανακοινώσεις, δημοτικές υπηρεσίες, εκδηλώσεις και στοιχεία επικοινωνίας.';
my $SITE_EN = 'Municipality of Mytilene: news and announcements, municipal services, events and contact details.';

my ($art) = $t->sql(q{SELECT CONCAT('/news/', id, '-', slug), summary, summary_en, lead_image FROM news
  WHERE status = 'published' AND published_at <= NOW() AND lead_image IS NOT NULL AND summary_en IS NOT NULL
  ORDER BY id LIMIT 1});
my ($page) = $t->sql(q{SELECT CONCAT('/p/', slug), summary, summary_en FROM pages
  WHERE parent_id IS NULL AND slug = 'epikoinonia'});
my ($ev) = $t->sql(q{SELECT CONCAT('/events/', id, '-', slug), summary, summary_en FROM events
  WHERE status = 'published' AND summary_en IS NOT NULL ORDER BY starts_at DESC LIMIT 1});
ok($art && $page && $ev, 'the demo has an article with a lead image, a page and an event with summaries')
    or do { done_testing; exit 1 };

# ---- one description on every page ------------------------------------------------------------

my %site = map { $_ => $SITE_EL } '/', '/news', '/news/prokirixeis', '/events', '/accessibility',
    '/search?q=%CE%B4%CE%AE%CE%BC%CE%BF%CF%82', '/p/den-yparchei';
$site{$_} = $SITE_EN for '/en/', '/en/news', '/en/events', '/en/accessibility', '/en/den-yparchei';
for my $path (sort keys %site) {
    my $res = $t->get($path);
    my @d = descriptions($t->text($res));
    is(scalar @d, 1, "$path ($res->{status}): one <meta name=\"description\">");
    is($d[0], html_escape($site{$path}), '... the site\'s own description');
}

my %own = (
    $art->[0] => $art->[1], "/en$art->[0]" => $art->[2],
    $page->[0] => $page->[1], "/en$page->[0]" => $page->[2],
    $ev->[0] => $ev->[1], "/en$ev->[0]" => $ev->[2],
);
my %got;
for my $path (sort keys %own) {
    my @d = descriptions($t->get_ok($path));
    is(scalar @d, 1, "$path: one <meta name=\"description\">");
    ok(length($d[0] // ''), '... not empty');
    $got{$path} = $d[0];
}
is($got{$_}, html_escape($own{$_}), "$_: the description is its summary") for sort keys %own;

# ---- raster lead images ---------------------------------------------------------------------

# width and height from a PNG's IHDR chunk, or () if it is not a PNG.
sub png_size {
    my ($b) = @_;
    return () unless defined $b && substr($b, 0, 8) eq "\x89PNG\r\n\x1a\n" && substr($b, 12, 4) eq 'IHDR';
    return unpack('NN', substr($b, 16, 8));
}

my $imgdir = $t->srcdir . '/views/static/img/news';
opendir(my $dh, $imgdir) or die "$imgdir: $!";
my @svgs = sort grep { /\.svg$/ } readdir $dh;
closedir $dh;
cmp_ok(scalar @svgs, '>=', 4, 'the demo has SVG lead images');
for my $svg (@svgs) {
    (my $png = $svg) =~ s/\.svg$/.png/;
    my $res = $t->get("/static/img/news/$png");
    is($res->{status}, 200, "/static/img/news/$png: a PNG beside $svg");
    like($res->{headers}{'content-type'} // '', qr{^image/png\b}, '... served as image/png');
    is_deeply([ png_size($res->{content}) ], [ 1200, 630 ], '... 1200x630 (the 1.91:1 of link previews)');
    cmp_ok(length($res->{content} // ''), '<', 60_000, '... and small (under 60 KB)');
}

my $h = $t->get_ok($art->[0]);
my ($og) = $h =~ m{<meta property="og:image" content="([^"]+)">};
ok($og, "$art->[0]: an og:image");
(my $want = $art->[3]) =~ s/\.svg$/.png/;
like($og // '', qr{^https?://[^/]+\Q$want\E$}, '... the raster (PNG) version of its lead image');
like($h, qr{<img src="\Q$art->[3]\E"}, '... the page itself still shows the SVG');

done_testing;
