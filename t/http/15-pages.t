#!/usr/bin/env perl
# The page tree under /p/: paths resolved level by level, breadcrumbs,
# children, what is not public, the department directory; and what every
# page carries: the main menu (with the current section marked) and the
# active emergency alerts.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(time sleep);
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# The menu and the alerts are cached by each worker for up to 30 s
# (src/site.h, SITE_TTL): rows inserted now are certainly seen after that.
my $SITE_TTL = 30;

# Inserted first, checked at the end, after the caches have expired: an
# alert whose time has not come, one that is active (the control: it proves
# the cache was refreshed), a draft top-level page marked in_menu and a
# published top-level page not in the menu.
$t->sql(q{
  INSERT INTO alerts (severity, message, message_en, starts_at, ends_at) VALUES
  ('critical', 'Μελλοντική ειδοποίηση Ψ3Τ', 'Future alert', NOW() + INTERVAL 1 HOUR, NOW() + INTERVAL 2 DAY),
  ('info', 'Ενεργή ειδοποίηση ελέγχου Ψ4Υ', 'Active control alert', NOW() - INTERVAL 1 MINUTE, NOW() + INTERVAL 2 DAY)
});
$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, summary, body, body_html, sort_order, in_menu, status) VALUES
  (NULL, 'proschedio-menou', 'Πρόχειρη ενότητα Χ5Ρ', '', 'Κ.', '<p>Κ.</p>', 0, 1, 'draft'),
  (NULL, 'ektos-menou', 'Σελίδα εκτός μενού Χ6Σ', '', 'Κ.', '<p>Κ.</p>', 0, 0, 'published')
});
my $inserted_at = time;

# ---- helpers -------------------------------------------------------------------

sub get_ok { $t->get_ok(@_) }

# [href, label, current?] of the main menu.
sub menu_of {
    my ($html) = @_;
    my ($nav) = $html =~ m{<nav class="main-nav"[^>]*>(.*?)</nav>}s or return ();
    my @m;
    # aria-current="page" on the page itself, "true" on the section above it.
    while ($nav =~ m{<li><a href="([^"]*)"( aria-current="(?:page|true)")?>([^<]*)</a></li>}g) {
        push @m, [ $1, $3, $2 ? 1 : 0 ];
    }
    return @m;
}

# [href or undef, text] of the breadcrumbs.
sub crumbs_of {
    my ($html) = @_;
    my ($ol) = $html =~ m{<nav class="breadcrumbs"[^>]*>\s*<ol>(.*?)</ol>}s or return ();
    my @c;
    while ($ol =~ m{<li>(?:<a href="([^"]*)">([^<]*)</a>|<span aria-current="page">([^<]*)</span>)</li>}g) {
        push @c, defined $1 ? [ $1, $2 ] : [ undef, $3 ];
    }
    return @c;
}

# The alert banners: labelled regions (<section aria-labelledby>), not
# role="alert", which a screen reader would announce again on every page.
sub alerts_of {
    my ($html) = @_;
    my @al;
    while ($html =~ m{<section class="alert alert-\w+" aria-labelledby="([^"]+)">(.*?)</section>}gs) {
        my ($id, $in) = ($1, $2);
        push @al, $in if $in =~ m{<strong id="\Q$id\E">[^<]+</strong>};
    }
    return @al;
}

# "2026-12-01 14:00:00" -> "1 Δεκεμβρίου 2026, 14:00" (layout.c, page_date).
my @MONTHS_EL = qw(Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου
    Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου);
sub date_el {
    my ($dt) = @_;
    my ($y, $m, $d, $hh, $mm) = $dt =~ /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)/ or return '';
    return sprintf('%d %s %d, %s:%s', $d, $MONTHS_EL[$m - 1], $y, $hh, $mm);
}

# ---- a section page and its children ------------------------------------------------

my $h = get_ok('/p/o-dimos');
my ($dimos) = $t->sql(q{SELECT id, title FROM pages WHERE parent_id IS NULL AND slug = 'o-dimos'});
like($h, qr{<h1>\Q${\ html_escape($dimos->[1])}\E</h1>}, '/p/o-dimos has its title as <h1>');
my @kids = $t->sql(qq{
  SELECT slug, title FROM pages WHERE parent_id = $dimos->[0] AND status = 'published' ORDER BY sort_order, id
});
cmp_ok(scalar @kids, '>=', 3, 'o-dimos has published children');
my ($kl) = $h =~ m{<ul class="child-list">(.*?)</ul>}s;
my @got = ($kl // '') =~ m{<li><a href="([^"]+)">([^<]+)</a>}g;
my @pairs;
push @pairs, [ splice(@got, 0, 2) ] while @got;
is_deeply(\@pairs, [ map { [ "/p/o-dimos/$_->[0]", html_escape($_->[1]) ] } @kids ],
    'its published children are listed as links, in order');
unlike($h, qr/proschedio|Προσχέδιο/, 'the draft child is not listed');
for my $k (@kids) {
    is($t->get("/p/o-dimos/$k->[0]")->{status}, 200, "child /p/o-dimos/$k->[0] answers 200");
}

# ---- three levels, breadcrumbs -------------------------------------------------------------

my $deep = '/p/episkeftite-ti-mytilini/axiotheata/kastro-mytilinis';
$h = get_ok($deep);
like($h, qr{<h1>Το Κάστρο της Μυτιλήνης</h1>}, "$deep: the castle page");
is_deeply([ crumbs_of($h) ], [
    [ '/', 'Αρχική' ],
    [ '/p/episkeftite-ti-mytilini', 'Επισκεφθείτε τη Μυτιλήνη' ],
    [ '/p/episkeftite-ti-mytilini/axiotheata', 'Αξιοθέατα' ],
    [ undef, 'Το Κάστρο της Μυτιλήνης' ],
], 'breadcrumbs: Αρχική › Επισκεφθείτε τη Μυτιλήνη › Αξιοθέατα › (this page), in order');
like($h, qr{<link rel="canonical" href="\Q${\ $t->url($deep)}\E">}, 'its canonical URL is the full path');

# ---- what is not a page ------------------------------------------------------------------------

$t->sql(q{
  INSERT INTO pages (parent_id, slug, title, summary, body, body_html, sort_order, status)
  SELECT id, 'paidi-proschediou', 'Παιδί του προσχεδίου', '', 'Κ.', '<p>Κ.</p>', 1, 'published'
  FROM pages WHERE slug = 'proschedio'
});
for my $p ('/p/o-dimos/proschedio',                                  # a draft
           '/p/o-dimos/proschedio/paidi-proschediou',                # published, under a draft
           '/p/ypiresies/dimarchos',                                 # the wrong parent
           '/p/dimarchos',                                           # a child at the top
           '/p/episkeftite-ti-mytilini/kastro-mytilinis',            # a level skipped
           '/p/den-yparchei', '/p/o-dimos/den-yparchei',             # unknown
           '/p/O-dimos', '/p/o-dimos/Dimarchos',                     # upper case
           '/p/o-dimos/', '/p/o-dimos/dimarchos/', '/p/', '/p',      # trailing slash, empty
           '/p/proschedio-menou') {                                  # a draft at the top
    my $res = $t->get($p);
    is($res->{status}, 404, "$p answers 404");
    my $nf = $t->text($res);
    like($nf, qr{<html[^>]*\blang="el"}, '... a Greek page');
    like($nf, qr{<title>Σφάλμα: Η σελίδα δεν βρέθηκε — }, '... titled «Σφάλμα: …»');
    like($nf, qr/δεν υπάρχει|δεν βρέθηκε/, '... saying it was not found');
}
unlike($t->text($t->get('/p/o-dimos/proschedio')), qr/Οι Δημοτικές Κοινότητες/, 'nothing of the draft is shown');

# ---- the department directory --------------------------------------------------------------

my @depts = $t->sql(q{
  SELECT name, head, phone, email, hours, address FROM departments ORDER BY sort_order, id
});
is(scalar @depts, 10, 'the demo has 10 departments');
$h = get_ok('/p/o-dimos/ypiresies-dimou');
my ($dl) = $h =~ m{<ul class="dept-list">(.*?)</ul>\s*</section>}s;
my @lis = ($dl // '') =~ m{<li class="dept">(.*?)</li>}gs;
is(scalar @lis, scalar @depts, 'every department is shown');
for my $i (0 .. $#depts) {
    my ($name, $head, $phone, $email, $hours, $address) = @{ $depts[$i] };
    my $li = $lis[$i] // '';
    like($li, qr{<h3[^>]*>\Q${\ html_escape($name)}\E</h3>}, "department " . ($i + 1) . ": $name, in order");
    like($li, qr{<dl>.*</dl>}s, '... its details are a definition list');
    my %dd;
    while ($li =~ m{<dt>([^<]+)</dt><dd>(.*?)</dd>}g) { $dd{$1} = $2 }
    my $digits = $phone =~ s/\D//gr;
    is($dd{'Τηλέφωνο'}, qq{<a href="tel:+30$digits">${\ html_escape($phone)}</a>},
        "... phone $phone, linked as tel:+30$digits");
    is($dd{'Email'}, qq{<a href="mailto:$email">${\ html_escape($email)}</a>}, "... e-mail $email as a mailto: link");
    is($dd{'Ωράριο'}, html_escape($hours), '... opening hours');
    is($dd{'Διεύθυνση'}, html_escape($address), '... address');
    is($dd{'Υπεύθυνος'}, html_escape($head), '... head of the department');
}
unlike(get_ok('/p/o-dimos/dimarchos'), qr{class="dept-list"}, 'another page has no department directory');

# ---- the main menu ---------------------------------------------------------------------------

my @top = $t->sql(q{
  SELECT slug, title FROM pages
  WHERE parent_id IS NULL AND in_menu = 1 AND status = 'published' ORDER BY sort_order, id
});
is(scalar @top, 4, 'the demo has 4 top-level pages in the menu');
my ($art) = $t->sql(q{
  SELECT CONCAT('/news/', id, '-', slug) FROM news
  WHERE status = 'published' AND published_at <= NOW() ORDER BY published_at DESC, id DESC LIMIT 1
});
my %current = (                    # page => the menu link marked current
    '/'                                  => '/',
    $art->[0]                            => '/news',
    '/news'                              => '/news',
    '/p/o-dimos'                         => '/p/o-dimos',
    '/p/o-dimos/ypiresies-dimou'         => '/p/o-dimos',
    $deep                                => '/p/episkeftite-ti-mytilini',
    '/p/epikoinonia'                     => '/p/epikoinonia',
    '/accessibility'                     => undef,
);
for my $path (sort keys %current) {
    my @m = menu_of(get_ok($path));
    my @pages = grep { $_->[0] =~ m{^/p/} } @m;
    is_deeply([ map { [ $_->[0], $_->[1] ] } @pages ],
              [ map { [ "/p/$_->[0]", html_escape($_->[1]) ] } @top ],
        "$path: the menu lists the 4 top-level menu pages in sort_order");
    is($m[0][0], '/', "$path: the menu starts with the home page");
    my @cur = map { $_->[0] } grep { $_->[2] } @m;
    is_deeply(\@cur, [ defined $current{$path} ? $current{$path} : () ],
        "$path: aria-current=\"page\" marks " . ($current{$path} // 'nothing'));
}
my @m404 = menu_of(get_ok('/p/den-yparchei', 404));
is(scalar(grep { $_->[0] =~ m{^/p/} } @m404), 4, 'the 404 page has the menu too');
is(scalar(grep { $_->[2] } @m404), 0, '... with nothing marked current');

# ---- alerts -------------------------------------------------------------------------------

# The demo has an active alert and an expired one (agora-admin demo sets
# them relative to the time it runs: no date here ages).
my ($active) = $t->sql(q{SELECT message, severity, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i:%s'),
  DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i:%s') FROM alerts
  WHERE starts_at <= NOW() AND ends_at > NOW() AND message NOT LIKE '%Ψ4Υ%' ORDER BY id LIMIT 1});
my ($expired) = $t->sql('SELECT message FROM alerts WHERE ends_at <= NOW() ORDER BY id LIMIT 1');
ok($active && $expired, 'the demo has an active alert and an expired one') or do { done_testing; exit 1 };
(my $issued_iso = $active->[2]) =~ s/ /T/;
(my $until_iso = $active->[3]) =~ s/ /T/;
for my $x (['/', 200], [$art->[0], 200], ['/p/o-dimos', 200], [$deep, 200], ['/p/den-yparchei', 404],
           ['/news/987654321-x', 404], ['/news', 200]) {
    my $html = get_ok(@$x);
    my @al = grep { index($_, html_escape($active->[0])) >= 0 } alerts_of($html);
    is(scalar @al, 1, "$x->[0]: the active alert is shown, as a region labelled by its heading");
    like($html, qr{<section class="alert alert-\Q$active->[1]\E" aria-labelledby=}, '... with its severity as a class');
    unlike($html, qr{<[^>]+ role="alert"}, '... and nothing on the page is role="alert"');
    like($al[0] // '', qr{Ανακοινώθηκε <time datetime="\Q$issued_iso\E[+-]\d\d:\d\d">\Q${\ date_el($active->[2])}\E</time>},
        '... it says when it was issued, with <time>');
    like($al[0] // '', qr{ισχύει έως <time datetime="\Q$until_iso\E[+-]\d\d:\d\d">\Q${\ date_el($active->[3])}\E</time>},
        '... and until when it holds');
    ok(index($html, html_escape($expired->[0])) < 0, "$x->[0]: the expired alert is not shown");
}

my $en_home = get_ok('/en/');
like($en_home, qr{Issued <time datetime="\Q$issued_iso\E[+-]\d\d:\d\d">}, '/en/: the alert says "Issued" in English');
like($en_home, qr{<section class="alert[^"]*" aria-labelledby="(alert-\d+-label)">\s*<div class="wrap">\s*<p class="alert-message"><strong id="\1">Emergency notice</strong>},
    '... and its region is labelled "Emergency notice"');

# Now the rows inserted at the start: wait until every worker's cache has
# expired.
my $wait = $inserted_at + $SITE_TTL + 1.5 - time;
sleep $wait if $wait > 0;
for my $path ('/', '/p/o-dimos', '/news', '/p/den-yparchei', '/', '/p/o-dimos') {
    my $res = $t->get($path);
    my $html = $t->text($res);
    my @al = alerts_of($html);
    ok(scalar(grep { /Ψ4Υ/ } @al), "$path: an alert that started a minute ago is shown (the cache was refreshed)");
    unlike($html, qr/Ψ3Τ/, "$path: an alert whose start time is still ahead is not shown");
    unlike($html, qr/Χ5Ρ/, "$path: a draft top-level page is not in the menu");
    unlike($html, qr/Χ6Σ/, "$path: a top-level page not marked in_menu is not in the menu");
}

done_testing;
