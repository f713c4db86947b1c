#!/usr/bin/env perl
# /search: Greek matched regardless of case, accents and final sigma; marked,
# escaped snippets; what is not public is never found; any query at all gets
# a friendly page; pagination; English.
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

# Percent-encode a Perl character string for a query string.
sub enc {
    my ($s) = @_;
    $s = encode_utf8($s);
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}

# GET /search?q=Q (and more), checked to answer 200 with HTML; the text.
sub search {
    my ($q, %opt) = @_;
    my $path = ($opt{lp} // '') . '/search' . (defined $q ? '?q=' . enc($q) : '');
    $path .= ($path =~ /\?/ ? '&' : '?') . "page=$opt{page}" if defined $opt{page};
    my $res = $t->get($path);
    my $name = $opt{name} // "GET $path";
    is($res->{status}, 200, "$name answers 200") or diag(substr($t->text($res), 0, 300));
    return $t->text($res);
}

# The results of a page: [url, title text, snippet html] for each.
sub results {
    my ($html) = @_;
    my @r;
    while ($html =~ m{<li>\s*<article>(.*?)</article>}gs) {
        my $a = $1;
        my ($url, $title) = $a =~ m{<h3><a href="([^"]*)"[^>]*>(.*?)</a></h3>}s;
        my ($snip) = $a =~ m{<p class="snippet"[^>]*>(.*?)</p>}s;
        push @r, { url => $url, title => $title, snippet => $snip // '', html => $a };
    }
    return @r;
}

sub found {
    my ($html, $re) = @_;
    return grep { $_->{html} =~ $re } results($html);
}

sub friendly {
    my ($html, $name) = @_;
    like($html, qr{<h1 id="search-heading">}, "$name: the search page");
    like($html, qr{<input id="search-q" type="search" name="q"}, "$name: the form is shown again");
    unlike($html, qr/Internal error|Εσωτερικό σφάλμα/, "$name: no error page");
}

# ---- content ------------------------------------------------------------------------
$t->sql(q{
  INSERT INTO news (category_id, slug, title, summary, body, status, published_at) VALUES
  (1, 'dimos-oraiokastrou', 'Ο Δήμος Ωραιοκάστρου ανακοινώνει', 'Σύντομη περίληψη.',
   'Κείμενο για τη Φιλαρμονική και τον Φιλαρμονικός σύλλογο.', 'published', NOW() - INTERVAL 1 HOUR),
  (1, 'limani', 'Λιμάνι', 'Το λιμάνι της Μυτιλήνη Καστανόδασος.', 'Σώμα.', 'published', NOW() - INTERVAL 2 HOUR),
  (1, 'script-snippet', 'Δοκιμή ασφάλειας', '',
   CONCAT('## Επικεφαλίδα', CHAR(10), CHAR(10), '<script>x</script> δοκιμαστικό **κείμενο** & "εισαγωγικά"'),
   'published', NOW() - INTERVAL 3 HOUR),
  (1, 'proxeiro-anazitisi', 'Κρυφόλεξη πρόχειρο', '', 'Κρυφόλεξη.', 'draft', NOW() - INTERVAL 1 DAY),
  (1, 'avrio-anazitisi', 'Κρυφόλεξη αύριο', '', 'Κρυφόλεξη.', 'published', NOW() + INTERVAL 1 DAY)
});
$t->sql(q{
  INSERT INTO news (category_id, slug, title, title_en, summary, summary_en, body, body_en, status, published_at) VALUES
  (1, 'regata', 'Ιστιοπλοϊκή ρεγκάτα', 'Sailing regatta in the harbour', 'Η ρεγκάτα.',
   'The regatta starts at the harbour of Mytilene.', 'Σώμα.', 'Body.', 'published', NOW() - INTERVAL 4 HOUR)
});
for my $i (1 .. 15) {
    $t->sql(qq{
      INSERT INTO news (category_id, slug, title, body, status, published_at) VALUES
      (1, 'kolokythopita-$i', 'Κολοκυθόπιτα αριθμός $i', 'Συνταγή για κολοκυθόπιτα.', 'published',
       NOW() - INTERVAL $i DAY)
    });
}
$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, summary, body, status) VALUES
  (NULL, 'anazitisi-goneas', 'Γονέας', '', 'Γονική σελίδα.', 'published')
});
my ($parent) = $t->sql(q{SELECT id FROM pages WHERE slug = 'anazitisi-goneas' AND parent_id IS NULL});
$t->sql(qq{
  INSERT INTO pages (parent_id, slug, title, summary, body, status) VALUES
  ($parent->[0], 'paidi', 'Υπηρεσία Κηπουρικής', '', 'Η κηπουρική του Δήμου.', 'published')
});
my ($child) = $t->sql(q{SELECT id FROM pages WHERE slug = 'paidi'});
$t->sql(qq{
  INSERT INTO pages (parent_id, slug, title, summary, body, status) VALUES
  ($child->[0], 'eggoni', 'Λαχανόκηπος εγγονή', '', 'Σελίδα τρίτου επιπέδου.', 'published'),
  (NULL, 'kryfi-selida', 'Κρυφόλεξη σελίδα', '', 'Πρόχειρη.', 'draft')
});
# A branch down to the deepest level the router serves (8 segments).
my ($up) = $t->sql(q{SELECT id FROM pages WHERE slug = 'eggoni'});
for my $level (4 .. 8) {
    my $title = $level == 8 ? 'Βαθυσελίδα όγδοου επιπέδου' : "Επίπεδο $level";
    $t->sql(qq{
      INSERT INTO pages (parent_id, slug, title, summary, body, status) VALUES
      ($up->[0], 'epipedo-$level', '$title', '', 'Σελίδα επιπέδου $level.', 'published')
    });
    ($up) = $t->sql(qq{SELECT id FROM pages WHERE slug = 'epipedo-$level'});
}
my ($draft_parent) = $t->sql(q{SELECT id FROM pages WHERE slug = 'kryfi-selida'});
$t->sql(qq{
  INSERT INTO pages (parent_id, slug, title, summary, body, status) VALUES
  ($draft_parent->[0], 'kryfo-paidi', 'Κρυφόλεξη παιδί', '', 'Δημοσιευμένη κάτω από πρόχειρη.', 'published')
});
$t->sql(q{
  INSERT INTO events (slug, title, summary, body, starts_at, status) VALUES
  ('synavlia-filarmonikis', 'Συναυλία της Φιλαρμονικής', 'Στην πλατεία.', 'Η μπάντα παίζει.',
   NOW() + INTERVAL 7 DAY, 'published'),
  ('kryfi-ekdilosi', 'Κρυφόλεξη εκδήλωση', '', 'Πρόχειρη.', NOW() + INTERVAL 7 DAY, 'draft')
});
# Written with SQL, not through the staff forms: the index is rebuilt.
my ($rc, $out) = $t->admin('search', 'reindex');
is($rc, 0, 'agora-admin search reindex') or diag($out);
like($out, qr/news items: \d+ entries/, '... says what it wrote');
my ($dimos) = $t->sql(q{SELECT id FROM news WHERE slug = 'dimos-oraiokastrou'});
my ($event) = $t->sql(q{SELECT id FROM events WHERE slug = 'synavlia-filarmonikis'});

# ---- Greek without regard to case, accents and final sigma -------------------------------
for my $q ('δημος ωραιοκαστρου', 'ΔΗΜΟΣ ΩΡΑΙΟΚΑΣΤΡΟΥ', 'Δήμος Ωραιοκάστρου', 'δημοσ ωραιοκάστρου') {
    my $html = search($q);
    my @r = found($html, qr{href="/news/$dimos->[0]-dimos-oraiokastrou"});
    is(scalar @r, 1, "'$q' finds the item 'Ο Δήμος Ωραιοκάστρου'");
    like($r[0]{title} // '', qr{<mark>Δήμος</mark> <mark>Ωραιοκάστρου</mark>},
        '... with both words marked in the title, as written');
}

my $html = search('δημος');
like($html, qr{<h2 id="results-heading">\d+ αποτελέσματα για «δημος»</h2>},
    "'δημος' says how many results for what");
ok(scalar(() = $html =~ /<mark>Δήμο[ςυ]<\/mark>/g) >= 1, "'δημος' marks 'Δήμος' (or 'Δήμου') in the results");

$html = search('ΜΥΤΙΛΗΝΗ καστανοδασος');
my @r = found($html, qr{href="/news/\d+-limani"});
is(scalar @r, 1, "'ΜΥΤΙΛΗΝΗ καστανοδασος' finds the item with 'Μυτιλήνη Καστανόδασος'");
like($r[0]{snippet} // '', qr{<mark>Μυτιλήνη</mark> <mark>Καστανόδασος</mark>}, '... marked in the snippet');
$html = search('ΜΥΤΙΛΗΝΗ');
like($html, qr{<mark>Μυτιλήν}, "'ΜΥΤΙΛΗΝΗ' finds and marks 'Μυτιλήνη'");

for my $q ('φιλαρμονικος', 'φιλαρμονικοσ', 'ΦΙΛΑΡΜΟΝΙΚΌΣ') {
    $html = search($q);
    @r = found($html, qr{href="/news/$dimos->[0]-});
    is(scalar @r, 1, "'$q' (final or medial sigma, any case) finds 'Φιλαρμονικός'");
    like($r[0]{snippet} // '', qr{<mark>Φιλαρμονικός</mark>}, '... marked');
    @r = found($html, qr{href="/events/$event->[0]-synavlia-filarmonikis"});
    is(scalar @r, 1, '... and the event with another form of the word, Φιλαρμονικής');
    like($r[0]{html} // '', qr{Εκδήλωση}, '... labelled as an event');
    like($r[0]{title} // '', qr{<mark>Φιλαρμονικής</mark>}, '... with that form marked');
}

# ---- snippets are escaped and marked ----------------------------------------------------------
$html = search('δοκιμαστικο');
@r = found($html, qr{href="/news/\d+-script-snippet"});
is(scalar @r, 1, "'δοκιμαστικο' finds 'δοκιμαστικό'");
my $snip = $r[0]{snippet} // '';
like($snip, qr{&lt;script&gt;x&lt;/script&gt; <mark>δοκιμαστικό</mark>},
    'the snippet escapes HTML from the body and marks the word');
like($snip, qr{κείμενο &amp; (?:&quot;|&#34;)εισαγωγικά}, '... & and quotes escaped, Markdown ** dropped');
unlike($snip, qr{##}, '... and the heading marks');
unlike($html, qr{<script>x}, 'no raw <script> from the database on the page');

# ---- pages and their paths -----------------------------------------------------------
$html = search('κηπουρικη');
@r = found($html, qr{href="/p/anazitisi-goneas/paidi"});
is(scalar @r, 1, 'a second-level page is found at /p/parent/child');
like($r[0]{html} // '', qr{Σελίδα}, '... labelled as a page');
$html = search('λαχανοκηπος');
ok(scalar found($html, qr{href="/p/anazitisi-goneas/paidi/eggoni"}), 'a third-level page at /p/a/b/c');

# Pages are found at every depth the tree serves (it was three levels).
my $deep8 = '/p/anazitisi-goneas/paidi/eggoni/epipedo-4/epipedo-5/epipedo-6/epipedo-7/epipedo-8';
$html = search('βαθυσελιδα');
is(scalar(found($html, qr{href="\Q$deep8\E"})), 1, 'an eighth-level page is found, with its full path');
is($t->get($deep8)->{status}, 200, '... and that path is the page');

# ---- what is not public is never found ----------------------------------------------------
$html = search('κρυφολεξη');
is(scalar(results($html)), 0, 'drafts (news, pages, events), a page under a draft and future news are not found');
like($html, qr{Δεν βρέθηκαν αποτελέσματα}, '... the page says so');

# ---- any query at all: a friendly page -------------------------------------------------
$html = search(undef, name => 'no q');
friendly($html, 'no q');
like($html, qr{Πώς να αναζητήσετε}, 'no q: explains how to search');
$html = search('   ', name => 'blank q');
like($html, qr{Πώς να αναζητήσετε}, 'blank q: explains how to search');

$html = search('α', name => 'one letter');
friendly($html, 'one letter');
like($html, qr{τουλάχιστον 2 γράμματα}, 'one letter: asks for 2 letters');
like($html, qr{value="α"}, 'one letter: the letter is in the form');

# 2000 Latin letters; 1000 Greek ones (2000 Greek letters take a 12 KB
# request line, above nginx's default large_client_header_buffers of 8 KB).
for my $long ('abcd ' x 400, 'λ' x 1000) {
    my $name = length($long) . ' characters';
    $html = search($long, name => $name);
    friendly($html, $name);
    like($html, qr{πολύ μεγάλη}, "$name: says it is too long");
    my ($val) = $html =~ m{id="search-q" type="search" name="q" value="([^"]*)"};
    is(length($val // ''), 200, "$name: the form shows the first 200");
    ($val) = $html =~ m{id="site-search-q" type="search" name="q" value="([^"]*)"};
    is(length($val // ''), 200, "$name: so does the header's form");
}

for my $q ('%%%', '"+-*<>()', q{' OR 1=1 --}, '@@ ~~ ((', 'the of', '<b>ναι</b>?') {
    $html = search($q, name => "garbage '$q'");
    friendly($html, "garbage '$q'");
    like($html, qr{Δεν βρέθηκαν αποτελέσματα|(?:αποτέλεσμα|αποτελέσματα) για}, "garbage '$q': a results or no-results page");
    ok(index($html, html_escape($q)) >= 0, "garbage '$q': shown escaped");
}
unlike($html, qr{<b>ναι</b>}, 'HTML in q is not reflected raw');

# ---- pagination ------------------------------------------------------------------------------
$html = search('κολοκυθοπιτα');
like($html, qr{15 αποτελέσματα για «κολοκυθοπιτα»}, '15 results counted');
is(scalar(results($html)), 10, 'page 1 has 10');
my $q = enc('κολοκυθοπιτα');
like($html, qr{<a rel="next" href="/search\?q=\Q$q\E&amp;page=2">}, 'a next link that keeps q');
unlike($html, qr{rel="prev"}, 'no previous link on page 1');
$html = search('κολοκυθοπιτα', page => 2);
is(scalar(results($html)), 5, 'page 2 has 5');
like($html, qr{<a rel="prev" href="/search\?q=\Q$q\E">}, 'a previous link that keeps q');
unlike($html, qr{rel="next"}, 'no next link on the last page');
like($html, qr{Αποτελέσματα 11–15 από 15}, 'the range is shown');
$html = search('κολοκυθοπιτα', page => 3);
is(scalar(results($html)), 0, 'page 3 is empty');
like($html, qr{Δεν υπάρχουν άλλα αποτελέσματα}, '... and says so, with a link to the first page');
for my $p ('0', '51', 'abc', '-1', '1e3', '99999999999999999999') {
    my $res = $t->get("/search?q=$q&page=$p");
    is($res->{status}, 400, "page=$p answers 400");
    like($t->text($res), qr{από 1 έως 50}, '... explaining the range');
}

# ---- English ---------------------------------------------------------------------------------------
$html = search('regatta', lp => '/en');
@r = found($html, qr{href="/en/news/\d+-regata"});
is(scalar @r, 1, '/en/search finds English text');
like($r[0]{title} // '', qr{Sailing <mark>regatta</mark> in the harbour}, '... shows the English title, marked');
like($html, qr{1 result for “regatta”}, '... in English');
$html = search('ωραιοκαστρου', lp => '/en');
@r = found($html, qr{href="/en/news/$dimos->[0]-dimos-oraiokastrou"});
is(scalar @r, 1, '/en/search falls back to Greek content');
like($r[0]{html} // '', qr{<a href="[^"]*" lang="el">}, '... marked as Greek');
$html = search(undef, lp => '/en', name => '/en/search without q');
like($html, qr{How to search}, '/en/search without q explains in English');

done_testing;
