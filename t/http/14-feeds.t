#!/usr/bin/env perl
# Feeds: /feed.atom (Greek, English, per category), /sitemap.xml and
# /robots.txt - well-formed XML with the elements Atom and sitemaps need,
# only public content, stored text escaped.
#
# The documents are checked with xmllint (Debian libxml2-utils): a real XML
# parser decides well-formedness, and XPath (by local-name(), as xmllint's
# --xpath cannot bind namespaces) reads the values back as a reader would.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode qw(decode_utf8 encode_utf8);
use File::Temp qw(tempfile);
use IPC::Open3 qw(open3);
use Symbol qw(gensym);
use Agora::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $XMLLINT = (grep { -x "$_/xmllint" } split /:/, $ENV{PATH} // '')[0];
if (!$XMLLINT) {
    fail('xmllint is installed (Debian package libxml2-utils)');
    done_testing;
    exit 1;
}
$XMLLINT .= '/xmllint';

my $t = Agora::Test->new;
my $site = $t->url('');    # site_url as script/server configures it

# ---- xmllint helpers ---------------------------------------------------------

# Run xmllint ARGS on BYTES; (exit code, output as characters).
sub xmllint {
    my ($bytes, @args) = @_;
    my ($fh, $file) = tempfile('agora-xml-XXXXXX', TMPDIR => 1, UNLINK => 1);
    binmode $fh;
    print $fh $bytes;
    close $fh;
    my $pid = open3(my $in, my $out, undef, $XMLLINT, @args, $file);
    close $in;
    local $/;
    my $text = <$out> // '';
    waitpid $pid, 0;
    unlink $file;
    return ($? >> 8, decode_utf8($text));
}

sub well_formed {
    my ($bytes, $name) = @_;
    my ($rc, $err) = xmllint($bytes, '--noout', '--nonet');
    ok($rc == 0, $name) or diag($err);
    return $rc == 0;
}

# XPath over a document whose elements are written as a:name (any
# namespace): xp($doc, 'count(/a:feed/a:entry)').  Returns the string value.
sub xp {
    my ($bytes, $expr) = @_;
    $expr =~ s/\ba:([A-Za-z]+)/*[local-name()='$1']/g;
    my ($rc, $out) = xmllint($bytes, '--nonet', '--xpath', $expr);
    return '' if $rc != 0;    # xmllint exits 10 for an empty result
    $out =~ s/\n\z//;
    return $out;
}

# Every string(EXPR[i]) for i in 1..count(EXPR).
sub xp_all {
    my ($bytes, $expr) = @_;
    my $n = xp($bytes, "count($expr)") || 0;
    return map { xp($bytes, "string(($expr)[$_])") } 1 .. $n;
}

my $RFC3339 = qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/;

# ---- content of our own ------------------------------------------------------

# An item whose text looks like HTML, the newest of all; a draft and an
# item scheduled for tomorrow, which no feed may show.
my $html_title = '<b>Τόλμη</b> & "εισαγωγικά" <script>alert(1)</script>';
my $html_body  = '<p>Πρώτη <em>παράγραφος</em> &amp; δεύτερη</p>';
$t->sql(qq{
  INSERT INTO news (category_id, slug, title, title_en, summary, body, body_html,
                    body_en_html, status, published_at) VALUES
  (2, 'tolmi-feed', '$html_title', 'Bold <i>English</i> & co',
   CONCAT('Περίληψη με form feed', CHAR(12), 'και <img src=x>'),
   'Πρώτη', '$html_body', '<p>English <em>body</em></p>',
   'published', NOW() - INTERVAL 1 SECOND),
  (2, 'feed-draft', 'Πρόχειρο feeddraft', NULL, '', 'x', '<p>x</p>', NULL,
   'draft', NOW() - INTERVAL 1 DAY),
  (2, 'feed-future', 'Αυριανό feedfuture', NULL, '', 'x', '<p>x</p>', NULL,
   'published', NOW() + INTERVAL 1 DAY),
  (1, 'mono-ellinika-feed', 'Μόνο ελληνικά feedgreek', NULL, 'Περίληψη.', 'x',
   '<p>x</p>', NULL, 'published', NOW() - INTERVAL 2 SECOND)
});
my %id = map { $_->[1] => $_->[0] }
    $t->sql(q{SELECT id, slug FROM news WHERE slug IN
              ('tolmi-feed', 'feed-draft', 'feed-future', 'mono-ellinika-feed')});
is(scalar keys %id, 4, 'test news items inserted');

# Pages: a published section with a child, a draft page, and a published
# page under a draft (hidden with its parent).
$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, body, status) VALUES
  (NULL, 'feed-enotita', 'Ενότητα feed', 'Κείμενο.', 'published'),
  (NULL, 'feed-proschedio', 'Πρόχειρη ενότητα', 'Κείμενο.', 'draft')
});
$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, body, status)
  SELECT id, 'yposelida', 'Υποσελίδα', 'Κείμενο.', 'published'
  FROM pages WHERE parent_id IS NULL AND slug = 'feed-enotita'
});
$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, body, status)
  SELECT id, 'kryfi', 'Κρυφή', 'Κείμενο.', 'published'
  FROM pages WHERE parent_id IS NULL AND slug = 'feed-proschedio'
});

$t->sql(q{
  INSERT INTO events (slug, title, body, starts_at, status) VALUES
  ('synavlia-feed', 'Συναυλία feed', 'Κείμενο.', NOW() + INTERVAL 7 DAY, 'published'),
  ('proxeiri-ekdilosi', 'Πρόχειρη εκδήλωση', 'Κείμενο.', NOW() + INTERVAL 7 DAY, 'draft')
});
my %ev = map { $_->[1] => $_->[0] }
    $t->sql(q{SELECT id, slug FROM events WHERE slug IN ('synavlia-feed', 'proxeiri-ekdilosi')});

# Personal data that must never reach a public document.
$t->sql(q{
  INSERT INTO users (username, display_name, email, password_hash) VALUES
  ('feeduser', 'Ιδιώτης Υπάλληλος', 'ypallilos.feed@example.org', 'x')
});
$t->sql(q{
  INSERT INTO accessibility_feedback (token, name, email, message) VALUES
  ('feedtoken0000000000000000000000000000000000', 'Πολίτης Feed',
   'politis.feed@example.org', 'Μήνυμα')
});
my @private = ('ypallilos.feed@example.org', 'Ιδιώτης Υπάλληλος',
               'politis.feed@example.org', 'Πολίτης Feed');

# ---- /feed.atom ----------------------------------------------------------------

my $res = $t->get('/feed.atom');
is($res->{status}, 200, 'GET /feed.atom answers 200');
is($res->{headers}{'content-type'}, 'application/atom+xml; charset=utf-8', '... as Atom in UTF-8');
is($res->{headers}{'cache-control'}, 'max-age=300', '... cacheable for 5 minutes');
my $feed = $res->{content};
like($feed, qr/\A<\?xml version="1\.0" encoding="utf-8"\?>\n/, '... starting with the XML declaration');
well_formed($feed, '/feed.atom is well-formed XML');

is(xp($feed, "namespace-uri(/*)"), 'http://www.w3.org/2005/Atom', 'the root is in the Atom namespace');
is(xp($feed, "local-name(/*)"), 'feed', '... and is <feed>');
is(xp($feed, 'string(/a:feed/@xml:lang)'), 'el', 'the feed says it is Greek');
like(xp($feed, 'string(/a:feed/a:id)'), qr/^(?:tag:|https?:)\S+$/, 'feed has an id (tag: or URL)');
is(xp($feed, 'string(/a:feed/a:title)'), 'Δήμος Μυτιλήνης', 'feed title is the site name');
my $updated = xp($feed, 'string(/a:feed/a:updated)');
like($updated, $RFC3339, 'feed updated is RFC 3339 with a UTC offset');
is(xp($feed, q{string(/a:feed/a:link[@rel='self']/@href)}), "$site/feed.atom",
    'rel=self is the absolute URL of the feed');
like(xp($feed, q{string(/a:feed/a:link[@rel='alternate']/@href)}), qr{^\Q$site\E/},
    'rel=alternate is an absolute URL of the site');
ok(length xp($feed, 'string(/a:feed/a:author/a:name)'), 'the feed has an author (the municipality)');

my $n = xp($feed, 'count(/a:feed/a:entry)');
ok($n >= 2 && $n <= 20, "between 2 and 20 entries ($n)");
for my $el (qw(id title updated published)) {
    is(xp($feed, "count(/a:feed/a:entry[not(a:$el)])"), 0, "every entry has <$el>");
}
is(xp($feed, q{count(/a:feed/a:entry[not(a:link[@rel='alternate'])])}), 0,
    'every entry has a link rel=alternate');
is(xp($feed, 'count(/a:feed/a:entry[not(a:category/@term)])'), 0, 'every entry has a category');
my @upd = xp_all($feed, '/a:feed/a:entry/a:updated');
is(scalar(grep { !/$RFC3339/ } @upd), 0, 'entry times are RFC 3339');
ok((grep { $_ eq $updated } @upd), 'the feed updated is one of its entries\' updated');
my @links = xp_all($feed, q{/a:feed/a:entry/a:link[@rel='alternate']/@href});
is(scalar(grep { !m{^\Q$site\E/news/[0-9]+(?:-[a-z0-9-]+)?$} } @links), 0,
    'entry links are absolute canonical article URLs');
my @ids = xp_all($feed, '/a:feed/a:entry/a:id');
my %seen;
is(scalar(grep { $seen{$_}++ } @ids), 0, 'entry ids are unique');

# Our HTML-looking item is the newest: first, and read back intact.
my $first = '/a:feed/a:entry[1]';
is(xp($feed, "string($first/a:title)"), $html_title,
    'a title with markup comes back as the same text (escaped in the XML)');
unlike($feed, qr/<script>|<b>Τόλμη|<img src=x/, 'no markup from the database is raw in the feed');
is(xp($feed, "string($first/a:content/\@type)"), 'html', 'content is type="html"');
is(xp($feed, "string($first/a:content)"), $html_body, '... holding the stored body_html');
is(xp($feed, "string($first/a:summary/\@type)"), 'text', 'summary is type="text"');
like(xp($feed, "string($first/a:summary)"), qr/^Περίληψη με form feed\s*και <img src=x>$/,
    '... the summary text, its control character made harmless');
is(xp($feed, "string($first/a:link[\@rel='alternate']/\@href)"), "$site/news/$id{'tolmi-feed'}-tolmi-feed",
    '... its link is the canonical URL');
is(xp($feed, "string($first/a:category/\@term)"), 'anakoinoseis', '... its category term is the slug');
is(xp($feed, "string($first/a:category/\@label)"), 'Ανακοινώσεις', '... with the Greek label');
like(xp($feed, "string($first/a:published)"), $RFC3339, '... published is RFC 3339');

unlike($feed, qr/feeddraft|feed-draft/, 'a draft is not in the feed');
unlike($feed, qr/feedfuture|feed-future/, 'an item scheduled for tomorrow is not in the feed');
for my $p (@private) {
    ok(index(decode_utf8($feed), $p) < 0, "no personal data in the feed ($p)");
}

# HTTP::Tiny never reads a body after HEAD: read the answer to EOF on a
# raw socket, and check that the same reader sees GET's body.
$res = $t->raw_request('HEAD', '/feed.atom');
is($res->{status}, 200, 'HEAD /feed.atom answers 200');
is($res->{headers}{'content-type'}, 'application/atom+xml; charset=utf-8', '... as Atom');
is(length $res->{content}, 0, '... and nothing follows the headers (read until nginx closed)');
$res = $t->raw_request('GET', '/feed.atom');
like($res->{content}, qr/<feed\b/, '... while GET /feed.atom on the same reader has the feed after them');

# ---- /en/feed.atom ---------------------------------------------------------------

$res = $t->get('/en/feed.atom');
is($res->{status}, 200, 'GET /en/feed.atom answers 200');
my $en = $res->{content};
well_formed($en, '/en/feed.atom is well-formed XML');
is(xp($en, 'string(/a:feed/@xml:lang)'), 'en', 'the English feed says it is English');
is(xp($en, 'string(/a:feed/a:title)'), 'Municipality of Mytilene', 'its title is the English site name');
is(xp($en, q{string(/a:feed/a:link[@rel='self']/@href)}), "$site/en/feed.atom", 'rel=self is /en/feed.atom');
isnt(xp($en, 'string(/a:feed/a:id)'), xp($feed, 'string(/a:feed/a:id)'), 'its id differs from the Greek feed\'s');
is(xp($en, "string($first/a:title)"), 'Bold <i>English</i> & co', 'an item with an English title shows it');
is(xp($en, "string($first/a:content)"), '<p>English <em>body</em></p>', '... and its English body');
is(xp($en, "string($first/a:link[\@rel='alternate']/\@href)"), "$site/en/news/$id{'tolmi-feed'}-tolmi-feed",
    '... and links to the English page');
is(xp($en, "string($first/a:category/\@label)"), 'Announcements', '... with the English category label');
my $greek_only = q{/a:feed/a:entry[a:link[@rel='alternate'][contains(@href, '-mono-ellinika-feed')]]};
is(xp($en, "string($greek_only/a:title)"), 'Μόνο ελληνικά feedgreek', 'an item without English falls back to Greek');
is(xp($en, "string($greek_only/a:title/\@xml:lang)"), 'el', '... marked xml:lang="el"');

# ---- category feeds --------------------------------------------------------------

$res = $t->get('/news/anakoinoseis/feed.atom');
is($res->{status}, 200, 'GET /news/anakoinoseis/feed.atom answers 200');
is($res->{headers}{'content-type'}, 'application/atom+xml; charset=utf-8', '... as Atom');
my $cat = $res->{content};
well_formed($cat, 'the category feed is well-formed XML');
my @terms = xp_all($cat, '/a:feed/a:entry/a:category/@term');
ok(@terms >= 1, 'the category feed has entries');
is(scalar(grep { $_ ne 'anakoinoseis' } @terms), 0, '... all of that category');
like(xp($cat, 'string(/a:feed/a:title)'), qr/Ανακοινώσεις/, '... and its title names it');
is(xp($cat, q{string(/a:feed/a:link[@rel='self']/@href)}), "$site/news/anakoinoseis/feed.atom",
    '... rel=self is its own URL');
is(xp($cat, "string($first/a:id)"), xp($feed, "string($first/a:id)"),
    'an entry has the same id in the category feed as in the main feed');
unlike($cat, qr/feeddraft|feedfuture/, 'no draft or future item in the category feed');

$res = $t->get('/news/nea/feed.atom');
is($res->{status}, 200, 'GET /news/nea/feed.atom answers 200');
my @nea = xp_all($res->{content}, '/a:feed/a:entry/a:category/@term');
is(scalar(grep { $_ ne 'nea' } @nea), 0, 'the "nea" feed holds only "nea" items');
unlike($res->{content}, qr/tolmi-feed/, '... and not our announcement');

$res = $t->get('/en/news/anakoinoseis/feed.atom');
is($res->{status}, 200, 'the English category feed answers 200');
is(xp($res->{content}, 'string(/a:feed/a:title)'), 'Municipality of Mytilene: Announcements',
    '... with an English title');

$res = $t->get('/news/den-yparchei/feed.atom');
is($res->{status}, 404, 'an unknown category\'s feed answers 404');
like($res->{headers}{'content-type'}, qr{^text/html}, '... with the HTML error page');
isnt($res->{headers}{'cache-control'} // '', 'max-age=300', '... which is not cached as a feed');
is($t->get('/en/news/den-yparchei/feed.atom')->{status}, 404, '... in English too');

# ---- /sitemap.xml ----------------------------------------------------------------

$res = $t->get('/sitemap.xml');
is($res->{status}, 200, 'GET /sitemap.xml answers 200');
is($res->{headers}{'content-type'}, 'application/xml; charset=utf-8', '... as XML in UTF-8');
is($res->{headers}{'cache-control'}, 'max-age=300', '... cacheable for 5 minutes');
my $idx = $res->{content};
well_formed($idx, '/sitemap.xml is well-formed XML');
is(xp($idx, 'local-name(/*)'), 'sitemapindex', '... a sitemap index');
is(xp($idx, 'namespace-uri(/*)'), 'http://www.sitemaps.org/schemas/sitemap/0.9', '... in the sitemaps namespace');
my @children = xp_all($idx, '/a:sitemapindex/a:sitemap/a:loc');
is($children[0], "$site/sitemap-site.xml", 'its first file is the fixed pages\', the page tree\'s and the events\'');
like(xp($idx, 'string(/a:sitemapindex/a:sitemap[1]/a:lastmod)'), qr/^\d{4}-\d\d-\d\d$/, '... with its date');
my ($maxid) = $t->sql('SELECT MAX(id) FROM news');
is_deeply([ @children[1 .. $#children] ],
    [ map { "$site/sitemap-news-$_.xml" } 0 .. int(($maxid->[0] - 1) / 20000) ],
    'then one file of news per 20 000 ids, up to the highest id');
# The whole sitemap: every child file, each a well-formed urlset.
my @locs;
my ($sm, $site_xml, $two_langs) = ('', '', 0);
for my $child (@children) {
    my $path = $child =~ s{^\Q$site\E}{}r;
    my $r = $t->get($path);
    is($r->{status}, 200, "$path answers 200");
    is($r->{headers}{'cache-control'}, 'max-age=300', '... cacheable');
    well_formed($r->{content}, "... well-formed XML");
    is(xp($r->{content}, 'namespace-uri(/*)'), 'http://www.sitemaps.org/schemas/sitemap/0.9',
        '... a urlset in the sitemaps namespace');
    push @locs, xp_all($r->{content}, '/a:urlset/a:url/a:loc');
    $two_langs += xp($r->{content}, q{count(/a:urlset/a:url[count(a:link[@hreflang])!=2])});
    $site_xml = $r->{content} if $path eq '/sitemap-site.xml';
    $sm .= $r->{content};
}
my %loc = map { $_ => 1 } @locs;
is(scalar(keys %loc), scalar(@locs), 'no URL is listed twice');
is(scalar(grep { !m{^\Q$site\E/} } @locs), 0, 'every <loc> is absolute on the site');
cmp_ok(scalar(@locs), '<=', 50000 * @children, 'at most 50,000 URLs a file');
is($t->get('/sitemap-news-' . (int(($maxid->[0] - 1) / 20000) + 1) . '.xml')->{status}, 404,
    'a news file past the highest id: 404');
is($t->get('/sitemap-news-99999999999.xml')->{status}, 404, '... and a number too long for the route too');

# A news item with an id of the second file is listed there, not in the first.
$t->sql(q{
  INSERT INTO news (id, category_id, slug, title, summary, body, body_html, status, published_at)
  VALUES (20001, 2, 'deftero-arxeio', 'Στο δεύτερο αρχείο Ω2Α', '', 'x', '<p>x</p>', 'published', NOW() - INTERVAL 1 MINUTE)
});
my @second = map { $_ =~ s{^\Q$site\E}{}r } xp_all($t->get('/sitemap.xml')->{content}, '/a:sitemapindex/a:sitemap/a:loc');
is($second[-1], '/sitemap-news-1.xml', 'an item with id 20001 adds the second news file to the index');
like($t->text($t->get('/sitemap-news-1.xml')), qr{<loc>\Q$site\E/news/20001-deftero-arxeio</loc>}, '... which lists it');
unlike($t->text($t->get('/sitemap-news-0.xml')), qr{/news/20001-}, '... and the first does not');
$t->sql('DELETE FROM news WHERE id = 20001');

my ($art) = $t->sql(q{
  SELECT CONCAT('/news/', id, '-', slug) FROM news
  WHERE status = 'published' AND published_at <= NOW() AND slug <> ''
  ORDER BY published_at LIMIT 1
});
my ($demo_page) = $t->sql(q{
  SELECT CONCAT('/p/', p.slug, '/', c.slug) FROM pages c JOIN pages p ON p.id = c.parent_id
  WHERE c.status = 'published' AND p.status = 'published' AND p.parent_id IS NULL
  ORDER BY c.id LIMIT 1
});
my @want = ('/', '/news', '/news/nea', '/news/anakoinoseis', '/news/deltia-typou',
    '/news/prokirixeis', $art->[0], "/news/$id{'tolmi-feed'}-tolmi-feed",
    '/p/feed-enotita', '/p/feed-enotita/yposelida', '/events',
    "/events/$ev{'synavlia-feed'}-synavlia-feed", '/accessibility');
push @want, $demo_page->[0] if $demo_page;
for my $p (@want) {
    ok($loc{"$site$p"}, "sitemap lists $p");
    ok($loc{"$site/en$p"}, "... and /en$p");
}
my @bad = grep { /feed-draft|feed-future|feed-proschedio|kryfi|proxeiri-ekdilosi/ } @locs;
is(scalar @bad, 0, 'no draft, future or hidden item, page or event in the sitemap')
    or diag(join "\n", @bad);
my ($demo_draft) = $t->sql(q{SELECT id FROM news WHERE status = 'draft' AND slug <> 'feed-draft' LIMIT 1});
if ($demo_draft) {
    is(scalar(grep { m{/news/$demo_draft->[0](?:-|$)} } @locs), 0, 'the demo draft is not in the sitemap');
}

is($two_langs, 0, 'every URL names its Greek and English versions');
my $home = q{/a:urlset/a:url[a:loc='} . "$site/" . q{']};
is(xp($site_xml, "string($home/a:link[\@hreflang='en']/\@href)"), "$site/en/", 'the home page\'s English version is /en/');
my $page = q{/a:urlset/a:url[a:loc='} . "$site/en/p/feed-enotita/yposelida" . q{']};
is(xp($site_xml, "string($page/a:link[\@hreflang='el']/\@href)"), "$site/p/feed-enotita/yposelida",
    'an English URL names its Greek version');
is(xp($site_xml, "namespace-uri($page/a:link[1])"), 'http://www.w3.org/1999/xhtml', '... in the xhtml namespace');
my @lastmod = (xp_all($site_xml, '/a:urlset/a:url/a:lastmod'), $sm =~ m{<lastmod>([^<]*)</lastmod>}g);
ok(@lastmod > 10, 'URLs carry <lastmod>');
is(scalar(grep { !/^\d{4}-\d\d-\d\d$/ } @lastmod), 0, '... as dates');
for my $p (@private) {
    ok(index(decode_utf8($sm), $p) < 0, "no personal data in the sitemap ($p)");
}
is($t->get('/en/sitemap.xml')->{status}, 404, '/en/sitemap.xml does not exist (one sitemap for both)');

# ---- /robots.txt -------------------------------------------------------------------

$res = $t->get('/robots.txt');
is($res->{status}, 200, 'GET /robots.txt answers 200 (from the worker)');
like($res->{headers}{'content-type'}, qr{^text/plain}, '... as plain text');
my $robots = $res->{content};
like($robots, qr/^User-agent: \*$/m, 'robots.txt addresses every robot');
like($robots, qr{^Disallow: /admin/$}m, '... keeps them out of /admin/');
like($robots, qr{^Sitemap: \Q$site\E/sitemap\.xml$}m, '... and names the sitemap by its absolute URL');
is($t->get('/en/robots.txt')->{status}, 404, '/en/robots.txt does not exist');

done_testing;
