#!/usr/bin/env perl
# Tenders (διαγωνισμοί): the identifiers of a tender in the state's
# registries - the Diavgeia decision number (ΑΔΑ), the ΚΗΜΔΗΣ number (ΑΔΑΜ)
# and the ΕΣΗΔΗΣ system number - stored in columns whose format the database
# checks, shown on the article in a definition list beside the deadline
# (linked where the registry has a page per item); the wording of an open
# and of a closed tender; the attachments before the long text.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode qw(encode_utf8);
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- helpers -------------------------------------------------------------------

sub canon_of {
    my ($id) = @_;
    my ($row) = $t->sql("SELECT slug FROM news WHERE id = $id");
    return "/news/$id-$row->[0]";
}

# An SQL statement's outcome: 1 if it ran, 0 if the server refused it.
sub sql_ok {
    my ($stmt) = @_;
    return eval { $t->sql($stmt); 1 } ? 1 : 0;
}

# The tender box of an article: the state line and the definition list.
sub tender_box {
    my ($html) = @_;
    my ($box) = $html =~ m{<div class="tender-box">(.*?)</div>}s;
    return $box;
}

# dt text => dd inner HTML of the box's definition list.
sub facts {
    my ($box) = @_;
    my %f;
    while (($box // '') =~ m{<dt>([^<]*)</dt>\s*<dd>(.*?)</dd>}sg) {
        $f{$1} = $2;
    }
    return \%f;
}

# A URL as the page writes it: UTF-8 bytes percent-encoded.
sub pct {
    my ($s) = @_;
    my $b = encode_utf8($s);
    $b =~ s/([^A-Za-z0-9\-._~])/sprintf '%%%02X', ord $1/ge;
    return $b;
}

my $ADA_DT = 'ΑΔΑ (Διαύγεια)';
my $ADAM_DT = 'ΑΔΑΜ (ΚΗΜΔΗΣ)';
my $ESIDIS_DT = 'Α/Α συστήματος ΕΣΗΔΗΣ';
my $KIMDIS = 'https://cerpp.eprocurement.gov.gr/khmdhs-opendata/notice/attachment/';

# ---- the columns and their CHECK constraints ------------------------------------------------

my %col = map { $_->[0] => $_ } $t->sql(q{
  SELECT column_name, is_nullable, data_type FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'news'
    AND column_name IN ('diavgeia_ada', 'kimdis_adam', 'esidis_no')
});
is_deeply([ sort keys %col ], [ qw(diavgeia_ada esidis_no kimdis_adam) ],
    'news has the columns diavgeia_ada, kimdis_adam and esidis_no');
is(scalar(grep { $_->[1] eq 'YES' } values %col), 3, '... all three nullable');
is($col{esidis_no} && $col{esidis_no}[2], 'int', '... the ΕΣΗΔΗΣ number is a number');

$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at)
  VALUES (4, 'elegchos-morfis', 'Έλεγχος μορφής Q7K', 'Π.', 'Κ.', '<p>Κ.</p>', 'draft', NOW())
});
my ($probe) = $t->sql(q{SELECT id FROM news WHERE slug = 'elegchos-morfis'});
my $pid = $probe->[0];
for my $x (
    [ diavgeia_ada => q{'9ΙΛ4ΩΡΙ-ΞΒ6'}, 1, 'an ΑΔΑ of the older form (9ΙΛ4ΩΡΙ-ΞΒ6)' ],
    [ diavgeia_ada => q{'Ψ4ΔΘ46ΜΤΛ6-ΑΛ5'}, 1, 'an ΑΔΑ of the current form (Ψ4ΔΘ46ΜΤΛ6-ΑΛ5)' ],
    [ diavgeia_ada => q{'9ιλ4ωρι-ξβ6'}, 0, 'an ΑΔΑ in small letters' ],
    [ diavgeia_ada => q{'9IL4ORI-XB6'}, 0, 'an ΑΔΑ in Latin letters' ],
    [ diavgeia_ada => q{'9ΙΛ4ΩΡΙΞΒ6'}, 0, 'an ΑΔΑ without its hyphen' ],
    [ diavgeia_ada => q{'9ΙΛ4ΩΡΙ-ΞΒ6 '}, 0, 'an ΑΔΑ with a trailing space' ],
    [ diavgeia_ada => q{CONCAT('9ΙΛ4ΩΡΙ-ΞΒ6', CHAR(10))}, 0, 'an ΑΔΑ with a trailing newline' ],
    [ diavgeia_ada => q{'<b>-ΞΒ6'}, 0, 'markup as an ΑΔΑ' ],
    [ kimdis_adam => q{'24PROC015123456'}, 1, 'an ΑΔΑΜ of a notice (24PROC015123456)' ],
    [ kimdis_adam => q{'24proc015123456'}, 0, 'an ΑΔΑΜ in small letters' ],
    [ kimdis_adam => q{'24PROC01512345'}, 0, 'an ΑΔΑΜ one digit short' ],
    [ kimdis_adam => q{CONCAT('24PROC015123456', CHAR(10))}, 0, 'an ΑΔΑΜ with a trailing newline' ],
    [ kimdis_adam => q{'2024PROC015123456'}, 0, 'an ΑΔΑΜ with a four-digit year' ],
    [ kimdis_adam => q{'24SYMV015123456'}, 0, 'the ΑΔΑΜ of a contract (not a notice)' ],
    [ esidis_no => '215438', 1, 'an ΕΣΗΔΗΣ number (215438)' ],
    [ esidis_no => '0', 0, 'ΕΣΗΔΗΣ number 0' ],
    [ esidis_no => '-5', 0, 'a negative ΕΣΗΔΗΣ number' ],
) {
    my ($c, $v, $want, $what) = @$x;
    my $ok = sql_ok("UPDATE news SET $c = $v WHERE id = $pid");
    is($ok, $want, $want ? "$what is accepted" : "$what is refused by the database");
    $t->sql("UPDATE news SET $c = NULL WHERE id = $pid");
}
ok(sql_ok("UPDATE news SET diavgeia_ada = NULL, kimdis_adam = NULL, esidis_no = NULL WHERE id = $pid"),
    'all three may be NULL');

# ---- demo content --------------------------------------------------------------------

my @tenders = $t->sql(q{
  SELECT id, diavgeia_ada, kimdis_adam, esidis_no, body LIKE '%ΕΣΗΔΗΣ%' FROM news
  WHERE category_id = 4 AND deadline IS NOT NULL ORDER BY id
});
cmp_ok(scalar @tenders, '>=', 10, 'the demo has tenders with deadlines');
for my $r (@tenders) {
    my ($id, $ada, $adam, $esidis, $via_esidis) = @$r;
    ok(defined $ada, "demo tender $id has an ΑΔΑ");
    next unless $via_esidis;
    ok(defined $adam && defined $esidis, "demo tender $id (run through ΕΣΗΔΗΣ) has an ΑΔΑΜ and an ΕΣΗΔΗΣ number");
}
my ($dups) = $t->sql(q{
  SELECT COUNT(diavgeia_ada) - COUNT(DISTINCT diavgeia_ada), COUNT(kimdis_adam) - COUNT(DISTINCT kimdis_adam),
         COUNT(esidis_no) - COUNT(DISTINCT esidis_no) FROM news
});
is_deeply($dups, [ 0, 0, 0 ], 'no two demo items share a number');

# ---- an open tender: demo item 37 ---------------------------------------------------------------

# Deadlines relative to now (no test depends on today's date), set before
# the items are first requested (the workers keep an article 5 s).
$t->sql(q{UPDATE news SET deadline = DATE_FORMAT(NOW() + INTERVAL 14 DAY, '%Y-%m-%d 15:00:00') WHERE id = 37});
$t->sql(q{UPDATE news SET deadline = DATE_FORMAT(NOW() - INTERVAL 30 DAY, '%Y-%m-%d 15:00:00') WHERE id = 39});
my ($d37) = $t->sql(q{SELECT DATE_FORMAT(deadline, '%Y-%m-%dT%H:%i:%s') FROM news WHERE id = 37});
my ($d39) = $t->sql(q{SELECT DATE_FORMAT(deadline, '%Y-%m-%dT%H:%i:%s') FROM news WHERE id = 39});
my $OFF = qr/[+-]\d\d:\d\d/;
my ($r37) = $t->sql(q{SELECT diavgeia_ada, kimdis_adam, esidis_no, deadline > NOW() FROM news WHERE id = 37});
my ($ada, $adam, $esidis, $open37) = @$r37;
ok($open37, 'item 37 is an open tender');
my $c37 = canon_of(37);
my $h = $t->get_ok($c37);
my $box = tender_box($h);
ok(defined $box, "$c37 has a tender box") or diag($h);
$box //= '';
like($box, qr{<span class="tender tender-open">Ανοιχτή</span> Υποβολή έως <time datetime="\Q$d37->[0]\E$OFF">\d{1,2} \S+ \d{4}, 15:00</time>},
    '... an open tender says until when');
unlike($box, qr{Έληξε}, '... and not that it has closed');
my $f = facts($box);
is_deeply([ sort keys %$f ], [ sort $ADA_DT, $ADAM_DT, $ESIDIS_DT ],
    '... a definition list with the ΑΔΑ, the ΑΔΑΜ and the ΕΣΗΔΗΣ number');
is($f->{$ADA_DT}, '<a href="https://diavgeia.gov.gr/decision/view/' . pct($ada) . qq{" lang="el">$ada</a>},
    "... the ΑΔΑ $ada links to its decision on Diavgeia");
is($f->{$ADAM_DT}, qq{<a href="$KIMDIS$adam">$adam</a> (PDF)},
    "... the ΑΔΑΜ $adam links to the notice in ΚΗΜΔΗΣ");
is($f->{$ESIDIS_DT}, $esidis, "... the ΕΣΗΔΗΣ number $esidis is text, without a link");
like($h, qr{<header>.*<div class="tender-box">.*</div>\s*</header>}s, '... the box is in the article header');

# The attachments come before the long text on a tender.
my $files_at = index($h, '<section class="attachments"');
my $body_at = index($h, '<div class="body"');
ok($files_at > 0 && $body_at > 0, '... which has attachments and a body');
ok($files_at < $body_at, '... the attachments come before the body');
is(scalar(() = $h =~ /<div class="body"/g), 1, '... the body is shown once');

# In English.
$h = $t->get_ok("/en$c37");
$box = tender_box($h) // '';
like($box, qr{<span class="tender tender-open">Open</span> Submissions until <time datetime="\Q$d37->[0]\E$OFF">\d{1,2} [A-Z][a-z]+ \d{4}, 15:00</time>},
    "/en$c37: an open tender says until when, in English");
$f = facts($box);
is_deeply([ sort keys %$f ],
    [ sort 'Diavgeia decision number (ADA)', 'KIMDIS registry number (ADAM)', 'ESIDIS system number' ],
    '... with English labels');
ok(index($h, '<section class="attachments"') < index($h, '<div class="body"'), '... attachments first there too');

# ---- a closed tender: demo item 39 (no English) ------------------------------------------------

my ($r39) = $t->sql(q{SELECT deadline <= NOW(), diavgeia_ada FROM news WHERE id = 39});
ok($r39->[0], 'item 39 is a closed tender');
my $c39 = canon_of(39);
$h = $t->get_ok($c39);
$box = tender_box($h) // '';
like($box, qr{<span class="tender tender-closed">Έληξε η προθεσμία υποβολής</span> \(<time datetime="\Q$d39->[0]\E$OFF">\d{1,2} \S+ \d{4}, 15:00</time>\)},
    '... «Έληξε η προθεσμία υποβολής», with the deadline it had');
unlike($box, qr{Ανοιχτή|Υποβολή έως}, '... and not that it is open');
$h = $t->get_ok("/en$c39");
like(tender_box($h) // '', qr{<span class="tender tender-closed">The submission deadline has passed</span> \(<time datetime="\Q$d39->[0]\E$OFF">\d{1,2} [A-Z][a-z]+ \d{4}, 15:00</time>\)},
    '... "The submission deadline has passed" in English');

# Lists keep their short wording.
$h = $t->get_ok('/news/prokirixeis');
like($h, qr{<span class="tender tender-closed">Έληξε</span>, προθεσμία υποβολής <time}, '/news/prokirixeis keeps the short state');

# ---- only some numbers; escaping -----------------------------------------------------------

$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at, deadline, diavgeia_ada)
  VALUES (4, 'mono-ada', 'Πρόσκληση μόνο με ΑΔΑ Q7M', 'Π.', 'Κ.', '<p>Μεγάλο κείμενο Q7M.</p>', 'published',
          NOW() - INTERVAL 1 MINUTE, NOW() + INTERVAL 3 DAY, 'ΨΚ2Β46ΜΤΛ6-ΓΡΛ')
});
my ($m) = $t->sql(q{SELECT id FROM news WHERE slug = 'mono-ada'});
$h = $t->get_ok("/news/$m->[0]-mono-ada");
$f = facts(tender_box($h));
is_deeply([ keys %$f ], [ $ADA_DT ], 'an item with only an ΑΔΑ lists only the ΑΔΑ');
unlike($h, qr{ΚΗΜΔΗΣ|ΕΣΗΔΗΣ}, '... and says nothing of ΚΗΜΔΗΣ or ΕΣΗΔΗΣ');
ok(index($h, '<div class="body"') > 0, '... its body is shown (no attachments)');

# A tender with attachments but no numbers: no empty list.
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at, deadline)
  VALUES (4, 'choris-arithmous', 'Διαγωνισμός χωρίς αριθμούς Q7N', 'Π.', 'Κ.', '<p>Κείμενο Q7N.</p>', 'published',
          NOW() - INTERVAL 1 MINUTE, NOW() - INTERVAL 1 DAY)
});
my ($n) = $t->sql(q{SELECT id FROM news WHERE slug = 'choris-arithmous'});
$t->sql(qq{
  INSERT INTO news_attachments (news_id, title, url, mime, size_bytes, sort_order)
  VALUES ($n->[0], 'Διακήρυξη Q7N', '/static/docs/q7n.pdf', 'application/pdf', 2048, 1)
});
$h = $t->get_ok("/news/$n->[0]-choris-arithmous");
$box = tender_box($h) // '';
like($box, qr{Έληξε η προθεσμία υποβολής}, 'a tender without numbers still has its state');
unlike($box, qr{<dl}, '... and no empty definition list');
ok(index($h, 'Διακήρυξη Q7N') < index($h, 'Κείμενο Q7N'), '... its attachments come before its body');

# ---- not a tender: the body comes first ----------------------------------------------------

my ($plain) = $t->sql(q{
  SELECT id, slug FROM news WHERE deadline IS NULL AND status = 'published' AND published_at <= NOW()
    AND diavgeia_ada IS NULL ORDER BY id LIMIT 1
});
$t->sql(qq{
  INSERT INTO news_attachments (news_id, title, url, mime, size_bytes, sort_order)
  VALUES ($plain->[0], 'Συνημμένο Q7P', '/static/docs/q7p.pdf', 'application/pdf', 4096, 1)
});
$h = $t->get_ok("/news/$plain->[0]-$plain->[1]");
unlike($h, qr{<div class="tender-box">}, "item $plain->[0] (not a tender) has no tender box");
my ($fa, $ba) = (index($h, '<section class="attachments"'), index($h, '<div class="body"'));
ok($fa > 0 && $ba > 0 && $ba < $fa, '... its body comes before its attachments');

done_testing;
