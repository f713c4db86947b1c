#!/usr/bin/env perl
# What an article page carries besides its text: the rendered body
# (body_html), attached documents served by nginx, tags linking to the
# search, related items, Open Graph tags, plain share links, the lead image
# with its alt text - and no script at all.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode qw(decode_utf8);
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- helpers -------------------------------------------------------------------

sub canon_of {
    my ($id) = @_;
    my ($row) = $t->sql("SELECT slug FROM news WHERE id = $id");
    return "/news/$id-$row->[0]";
}

sub page_of {
    my ($path) = @_;
    my $res = $t->get($path);
    is($res->{status}, 200, "GET $path answers 200");
    return $t->text($res);
}

sub attr_unescape {
    my ($s) = @_;
    my %e = (amp => '&', lt => '<', gt => '>', quot => '"', '#39' => "'", '#x27' => "'");
    $s =~ s/&(amp|lt|gt|quot|#39|#x27);/$e{$1}/g;
    return $s;
}

# Percent-decoding of a query value (form encoding: "+" is a space).
sub qdecode {
    my ($s) = @_;
    $s =~ tr/+/ /;
    $s =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge;
    return decode_utf8($s);
}

sub meta_prop {
    my ($html, $prop) = @_;
    my ($v) = $html =~ m{<meta property="\Q$prop\E" content="([^"]*)">};
    return defined $v ? attr_unescape($v) : undef;
}

# The part of the page inside <section class="NAME">.
sub section {
    my ($html, $name) = @_;
    my ($s) = $html =~ m{<section class="\Q$name\E"[^>]*>(.*?)</section>}s;
    return $s;
}

# ---- data for the related-items check, before any article is requested ------------

# Each worker keeps an article's rows, related items included, for 5 s
# (src/memo.c).  Rows added after a first request to an article could be
# missing from its related items only because of that cache, which would
# make the check below vacuous; so they are added before any request.
# A draft and a scheduled item that share every tag and the category of
# item 3 and are newer than anything: the best candidates, were they public.
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at) VALUES
  (3, 'proxeiro-sxetiko', 'Πρόχειρο σχετικό Ζ9D', 'Π.', 'Κ.', '<p>Κ.</p>', 'draft', NOW() - INTERVAL 1 MINUTE),
  (3, 'mellon-sxetiko', 'Μελλοντικό σχετικό Ζ9F', 'Π.', 'Κ.', '<p>Κ.</p>', 'published', NOW() + INTERVAL 1 DAY)
});
$t->sql(q{
  INSERT INTO news_tags (news_id, tag_id)
  SELECT n.id, nt.tag_id FROM news n JOIN news_tags nt ON nt.news_id = 3
  WHERE n.slug IN ('proxeiro-sxetiko', 'mellon-sxetiko')
});
my %hidden = map { $_->[0] => 1 } $t->sql(q{
  SELECT id FROM news WHERE status = 'draft' OR published_at > NOW()
});
my %public = map { $_->[0] => 1 } $t->sql(q{
  SELECT id FROM news WHERE status = 'published' AND published_at <= NOW()
});

# ---- the rendered body: demo item 37 (a tender with a table) ----------------------

my $c37 = canon_of(37);
my $h37 = page_of($c37);
my ($body37) = $t->sql('SELECT body_html FROM news WHERE id = 37');
ok(defined $body37->[0] && length $body37->[0], 'item 37 has body_html in the database');
ok(index($h37, $body37->[0]) >= 0, 'body_html is on the page as HTML, unchanged');
like($h37, qr{<div class="body">.*<table>.*</table>.*</div>}s, 'the body has its <table>');
like($h37, qr{<div class="body">.*<h2>[^<]+</h2>}s, '... and its <h2> headings');
unlike($h37, qr{&lt;(?:table|h2|p|ul|li)&gt;}, 'no HTML of the body shown as escaped text');

# ---- attachments ------------------------------------------------------------------------

my @files = $t->sql(q{
  SELECT title, url, mime, size_bytes FROM news_attachments WHERE news_id = 37 ORDER BY sort_order, id
});
cmp_ok(scalar @files, '>=', 1, 'item 37 has attachments in the database');
my $att = section($h37, 'attachments') // '';
like($att, qr{<h2[^>]*>Συνημμένα έγγραφα</h2>}, 'an "attached documents" section with a heading');
my @links = $att =~ m{<li><a href="([^"]+)">([^<]+)</a>}g;
my @got_files;
push @got_files, [ splice(@links, 0, 2) ] while @links;
is_deeply([ map { [ $_->[1], $_->[0] ] } @got_files ],
          [ map { [ $_->[0], html_escape($_->[1]) ] } @files ],
    'every attachment is listed, in order, with its title and link');
for my $f (@files) {
    my ($title, $url, $mime, $size) = @$f;
    like($url, qr{^/static/docs/[a-z0-9-]+\.pdf$}, "attachment link $url is under /static/docs/");
    my $res = $t->get($url);
    is($res->{status}, 200, "nginx serves $url: 200");
    like($res->{headers}{'content-type'} // '', qr{^application/pdf\b}, '... as application/pdf');
    is(length($res->{content} // ''), $size, '... with the size recorded in the database');
    like($res->{content} // '', qr/^%PDF-/, '... and it is a PDF');
}
like($att, qr{\(PDF, \d+ KB\)}, 'each link says it is a PDF and its size');

# ---- tags --------------------------------------------------------------------------------

my $c3 = canon_of(3);
my $h3 = page_of($c3);
my @tags3 = map { $_->[0] } $t->sql(q{
  SELECT t.name_el FROM news_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.news_id = 3 ORDER BY t.name_el
});
cmp_ok(scalar @tags3, '>=', 2, 'item 3 has at least two tags (one with a space)');
my $tagsec = section($h3, 'tags') // '';
my @taglinks = $tagsec =~ m{<a href="([^"]*)">([^<]*)</a>}g;
my @got_tags;
push @got_tags, [ splice(@taglinks, 0, 2) ] while @taglinks;
is(scalar @got_tags, scalar @tags3, 'every tag is a link');
for my $i (0 .. $#tags3) {
    my ($href, $text) = @{ $got_tags[$i] // [ '', '' ] };
    is($text, html_escape($tags3[$i]), "tag $i is \"$tags3[$i]\"");
    like($href, qr{^/search\?q=[A-Za-z0-9%+._~-]+$}, '... linking to /search?q= with the name URL-encoded (ASCII only)');
    my ($q) = $href =~ /\?q=(.*)$/;
    is(qdecode($q // ''), $tags3[$i], '... which decodes to the tag name');
}

# ---- related items --------------------------------------------------------------------------

for my $id (3, 24, 37, 36, 1) {
    my $html = $id == 3 ? $t->text($t->get($c3)) : $t->text($t->get(canon_of($id)));
    my $rel = section($html, 'related');
    ok(defined $rel, "item $id has a related section") or next;
    my @rids = $rel =~ m{<a href="/news/(\d+)-}g;
    cmp_ok(scalar @rids, '>=', 1, "item $id: at least one related item");
    cmp_ok(scalar @rids, '<=', 3, "item $id: at most 3 related items");
    ok(!grep({ $_ == $id } @rids), "item $id is not related to itself");
    ok(!grep({ $hidden{$_} } @rids), "item $id: no draft or scheduled item among the related");
    is(scalar(grep { !$public{$_} } @rids), 0, "item $id: every related item is public");
    my ($cat) = $t->sql("SELECT category_id FROM news WHERE id = $id");
    for my $r (@rids) {
        my ($share) = $t->sql(qq{
          SELECT (SELECT COUNT(*) FROM news_tags a JOIN news_tags b ON a.tag_id = b.tag_id
                  WHERE a.news_id = $id AND b.news_id = $r)
               + (SELECT COUNT(*) FROM news WHERE id = $r AND category_id = $cat->[0])
        });
        ok($share->[0] > 0, "item $id: related item $r shares a tag or the category");
    }
}
unlike($h3 . $t->text($t->get($c3)), qr/Ζ9D|Ζ9F/, 'the draft and the scheduled item are not shown as related');

# ---- Open Graph --------------------------------------------------------------------------

my ($t3) = $t->sql('SELECT title, lead_image, lead_image_alt FROM news WHERE id = 3');
is(meta_prop($h3, 'og:title'), $t3->[0], 'og:title is the title');
is(meta_prop($h3, 'og:url'), $t->url($c3), 'og:url is the absolute canonical URL');
my ($canon_link) = $h3 =~ m{<link rel="canonical" href="([^"]+)">};
is($canon_link, $t->url($c3), '... the same as <link rel="canonical">');
(my $png3 = $t3->[1]) =~ s/\.svg$/.png/;
is(meta_prop($h3, 'og:image'), $t->url($png3), 'og:image is the absolute URL of the lead image (its PNG: social sites ignore SVG)');
is(meta_prop($h3, 'og:type'), 'article', 'og:type is article');
is(meta_prop($h37, 'og:image'), undef, 'no og:image for an item without a lead image (37)');

my ($t24) = $t->sql('SELECT title, lead_image, lead_image_alt FROM news WHERE id = 24');
my $c24 = canon_of(24);
my $h24 = page_of($c24);
(my $png24 = $t24->[1]) =~ s/\.svg$/.png/;
is(meta_prop($h24, 'og:image'), $t->url($png24), 'item 24: og:image is absolute too');

# ---- the lead image ------------------------------------------------------------------------

for my $x ([ 3, $t3, $h3 ], [ 24, $t24, $h24 ]) {
    my ($id, $row, $html) = @$x;
    my ($title, $src, $alt) = @$row;
    like($html, qr{<img src="\Q$src\E" alt="\Q${\ html_escape($alt)}\E"},
        "item $id: the lead image has the alt text from the database");
    my $res = $t->get($src);
    is($res->{status}, 200, "item $id: the lead image $src is served");
}
unlike($h37, qr{<figure class="lead-image">}, 'no lead image figure for an item without one');

# An alt text with quotes and angle brackets stays inside its attribute.
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at, lead_image, lead_image_alt)
  VALUES (1, 'eikona-me-eisagogika', 'Εικόνα με "εισαγωγικά" & <σύμβολα>', 'Π.', 'Κ.', '<p>Κ.</p>', 'published',
          NOW() - INTERVAL 1 MINUTE, '/static/img/news/dentro.svg', 'Δέντρο "μεγάλο" & <πράσινο> onerror=x')
});
my ($q) = $t->sql(q{SELECT id FROM news WHERE slug = 'eikona-me-eisagogika'});
my $hq = page_of("/news/$q->[0]-eikona-me-eisagogika");
like($hq, qr{alt="Δέντρο &quot;μεγάλο&quot; &amp; &lt;πράσινο&gt; onerror=x"}, 'quotes and brackets in alt are escaped');
like($hq, qr{<meta property="og:title" content="Εικόνα με &quot;εισαγωγικά&quot; &amp; &lt;σύμβολα&gt;">},
    'and in og:title');

# ---- share links ------------------------------------------------------------------------

for my $x ([ 3, $c3, $h3, $t3->[0] ], [ 37, $c37, $h37, undef ]) {
    my ($id, $canon, $html, $title) = @$x;
    ($title) = map { $_->[0] } $t->sql("SELECT title FROM news WHERE id = $id") unless defined $title;
    my $abs = $t->url($canon);
    my $share = section($html, 'share') // '';
    my @hrefs = map { attr_unescape($_) } $share =~ m{<a href="([^"]+)"}g;
    is(scalar @hrefs, 3, "item $id: three share links");
    my ($fb) = grep { m{^https://www\.facebook\.com/sharer/sharer\.php\?u=} } @hrefs;
    my ($tw) = grep { m{^https://twitter\.com/intent/tweet\?} } @hrefs;
    my ($ml) = grep { m{^mailto:\?} } @hrefs;
    ok($fb && $tw && $ml, "item $id: Facebook, X (Twitter) and e-mail share links") or next;
    my ($u) = $fb =~ /\?u=(.*)$/;
    unlike($u, qr{[:?&#= ]}, 'the Facebook link carries the URL percent-encoded');
    is(qdecode($u), $abs, '... which decodes to the absolute canonical URL');
    my %tw = map { my ($k, $v) = split /=/, $_, 2; ($k => $v) } split /&/, ($tw =~ /\?(.*)$/)[0];
    unlike($tw{url} // ':', qr{[:?&#= ]}, 'the X link carries the URL percent-encoded');
    is(qdecode($tw{url} // ''), $abs, '... which decodes to the absolute canonical URL');
    is(qdecode($tw{text} // ''), $title, '... and the title as its text');
    my %ml = map { my ($k, $v) = split /=/, $_, 2; ($k => $v) } split /&/, ($ml =~ /\?(.*)$/)[0];
    unlike($ml{body} // ':', qr{[:?&#= ]}, 'the e-mail link carries the URL percent-encoded');
    my $mb = $ml{body} // '';
    $mb =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge;
    is($mb, $abs, '... which decodes to the absolute canonical URL');
    # In a mailto: URL (RFC 6068) "+" is a plus sign, not a space: a space
    # must be written %20, or mail programs show the subject full of "+".
    my $subj = $ml{subject} // '';
    $subj =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge;
    is(decode_utf8($subj), $title, 'the e-mail subject decodes (RFC 6068: no "+" for spaces) to the title');
    unlike($share, qr{<script|<iframe|onclick=}i, 'share links are plain links: no script, frame or handler');
}

# ---- no script anywhere ------------------------------------------------------------------------

for my $x ([ $c3, $h3 ], [ $c24, $h24 ], [ $c37, $h37 ]) {
    unlike($x->[1], qr{<script\b}i, "no <script> on $x->[0]");
    unlike($x->[1], qr{\son[a-z]+\s*=}i, "no inline event handler on $x->[0]");
}

done_testing;
