#!/usr/bin/env perl
# Editing pages, events, the alert banner and departments, through nginx
# and MariaDB: the page tree (a page under another shows in the tree and
# the menu, a move, a cycle refused, the depth limit, a taken slug refused
# with the text kept), scheduling a page, an event and an alert (they
# appear at their time; the sitemap and the calendar feed wait too), the
# server-side preview, "end now", a department edited and one with staff
# that cannot be deleted, revisions with a diff and a restore, hostile
# text shown escaped on the portal and in the admin, and who may open
# these pages.
#
# Caches: the main menu is kept 30 s per worker, the alerts and a path of
# the page tree 5 s (site/shared.h, site/pages.c).  What the menu must
# show is saved before any public page is asked for, so every worker reads
# it fresh; everything else is checked after one wait past its time plus
# 5 s, and once more after "end now".
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(time sleep);
use Encode qw(encode_utf8);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
my $ed = Agora::Staff->new($t);
my $pw = $ed->create('eleni', roles => ['editor']);
is($ed->login('eleni', $pw)->{status}, 303, 'the editor signs in');

sub local_time { my ($off) = @_; ($t->sql("SELECT DATE_FORMAT(NOW() + INTERVAL $off SECOND, '%Y-%m-%dT%H:%i:%s')"))[0][0] }
sub one { my ($q) = @_; my @r = $t->sql($q); return @r ? $r[0][0] : undef }
sub count_pages { one('SELECT COUNT(*) FROM pages') }
# A query parameter's value, percent-encoded as a browser sends it.
sub enc { my $s = encode_utf8($_[0]); $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge; $s }

# A public page, following the redirect to an item's canonical URL.
sub pub {
    my ($path) = @_;
    my $r = $t->get($path);
    $r = $t->get($r->{headers}{location}) if $r->{status} == 301;
    return $r;
}

# The saved item's id from the 303 after a save, and what it says.
sub saved {
    my ($r, $kind) = @_;
    my ($id, $done) = ($r->{headers}{location} // '') =~ m{/admin/\Q$kind\E/(\d+)\?done=(\w+)};
    return wantarray ? ($id, $done) : $id;
}

# The alert banners of a public page (views/layout.tpl): "severity:
# message" lines.
sub alerts_of {
    my ($html) = @_;
    my @al;
    while ($html =~ m{<section class="alert alert-(\w+)" aria-labelledby="[^"]+">.*?<p class="alert-message"><strong[^>]*>[^<]*</strong> ([^<]*)</p>.*?</section>}gs) {
        push @al, "$1: $2";
    }
    return join "\n", @al;
}

# The main menu's links.
sub menu_of {
    my ($html) = @_;
    my ($nav) = $html =~ m{<nav class="main-nav"[^>]*>(.*?)</nav>}s or return '';
    return $nav;
}

# The staff tree: [id, depth, title] in the order shown.
sub tree_of {
    my ($html) = @_;
    my @rows;
    while ($html =~ m{<tr data-id="(\d+)" data-depth="(\d+)"><td><span class="tree-indent"[^>]*>[^<]*</span><a href="[^"]*">([^<]*)</a>}g) {
        push @rows, [ $1, $2, $3 ];
    }
    return @rows;
}

sub wait_until {
    my ($at) = @_;
    my $d = $at - time;
    sleep $d if $d > 0;
}

# ---- first, before any public page is asked for ----------------------------------------
# An alert with a start to come.
my $page = $ed->get('/admin/alerts/new');
is($page->{status}, 200, 'the new-alert form opens');
my $alert_start = time + 8;
my $r = $ed->submit($page, '/admin/alerts/new',
    { severity => 'critical', message => 'Κλειστή η οδός Ερμού Ω7Κ λόγω κατολίσθησης.',
      message_en => 'Ermou street closed Ω7Κ.', starts_at => local_time(8),
      ends_at => local_time(3600), action => 'publish' });
my ($aid, $adone) = saved($r, 'alerts');
ok($aid, 'the alert is saved');
is($adone, 'scheduled', '... and told it is scheduled');

# A section in the main menu, and a page under it, and one under that.
my $newpage = $ed->get('/admin/pages/new');
like($t->text($newpage), qr/class="field-pair"/, 'the page form: Greek and English side by side');
my $before = count_pages();
$r = $ed->submit($newpage, '/admin/pages/new',
    { parent => 0, title => 'Δημοτική Αγορά Ζ9Μ', title_en => 'Municipal Market Z9M',
      summary => 'Η αγορά της πόλης.', body => 'Η **αγορά** είναι ανοιχτή.', sort_order => 9,
      in_menu => 1, action => 'publish' });
my ($sec, $sdone) = saved($r, 'pages');
ok($sec, 'a top-level page in the menu is created');
is($sdone, 'published', '... and published');
my $secslug = one("SELECT slug FROM pages WHERE id = $sec");
is($secslug, 'dimotiki-agora-z9m', '... its slug made from the Greek title');
is(one("SELECT body_html FROM pages WHERE id = $sec"), "<p>Η <strong>αγορά</strong> είναι ανοιχτή.</p>\n",
    '... its Markdown rendered once, on save');
# The same form sent again (a double click): one page.
$r = $ed->post('/admin/pages/new', { %{ $ed->form($newpage, '/admin/pages/new') },
    parent => 0, title => 'Δημοτική Αγορά Ζ9Μ', body => 'x', action => 'publish' });
is($r->{status}, 303, 'the creating form sent twice: 303');
is(saved($r, 'pages'), $sec, '... to the page it created');
is(count_pages(), $before + 1, '... and no second page');

$r = $ed->submit("/admin/pages/new?parent=$sec", '/admin/pages/new',
    { title => 'Ωράριο της αγοράς', slug => 'orario', body => 'Δευτέρα ως Σάββατο.', action => 'publish' });
my $child = saved($r, 'pages');
ok($child, 'a page under it, from "new sub-page" (the parent chosen already)');
is(one("SELECT parent_id FROM pages WHERE id = $child"), $sec, '... under the section');
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $child, title => 'Καταστήματα', slug => 'katastimata', body => 'Λίστα.', action => 'publish' });
my $grand = saved($r, 'pages');
ok($grand, 'a page under that one');
# The search follows the tree: with the section a draft, the pages under
# it are not found; published again, they are (each save indexes the
# page and every page under it).
my $kat = qr{href="/p/\Q$secslug\E/orario/katastimata"};
like($t->text($t->get('/search?q=' . enc('Καταστήματα'))), $kat, 'the search finds the third-level page');
$r = $ed->submit("/admin/pages/$sec", "/admin/pages/$sec", { action => 'draft' });
is($r->{status}, 303, 'the section saved as a draft');
unlike($t->text($t->get('/search?q=' . enc('Καταστήματα'))), $kat, '... the page under it is no longer found');
$r = $ed->submit("/admin/pages/$sec", "/admin/pages/$sec", { action => 'publish' });
is($r->{status}, 303, 'the section published again');
like($t->text($t->get('/search?q=' . enc('Καταστήματα'))), $kat, '... and the page under it is found again');

# A page and an event to appear in a few seconds.
my $sched_start = time + 10;
my $sched_at = local_time(10);
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $sec, title => 'Χριστουγεννιάτικη αγορά Ψ2Λ', slug => 'christougenniatiki',
      body => 'Από τις 10 Δεκεμβρίου.', publish_at => $sched_at, action => 'publish' });
my ($spage, $spdone) = saved($r, 'pages');
is($spdone, 'scheduled', 'a page with a publication time to come: scheduled');
$r = $ed->submit('/admin/events/new', '/admin/events/new',
    { title => 'Συναυλία στο λιμάνι Ξ4Β', summary => 'Μουσική στην προκυμαία.',
      body => 'Με την **Φιλαρμονική**.', starts_at => local_time(3 * 86400),
      ends_at => local_time(3 * 86400 + 7200), place => 'Λιμάνι Μυτιλήνης',
      lat => '39,1047', lon => '26.5547', publish_at => $sched_at, action => 'publish' });
my ($ev, $evdone) = saved($r, 'events');
is($evdone, 'scheduled', 'an event with a publication time to come: scheduled');
is(one("SELECT CONCAT(lat, ' ', lon) FROM events WHERE id = $ev"), '39.104700 26.554700',
    '... its point stored (a decimal comma taken)');
# The staff lists while they wait.
my @tree = tree_of($t->text($ed->get('/admin/pages?status=scheduled')));
is_deeply([ map { $_->[0] } @tree ], [$spage], 'the page filter "scheduled" lists the scheduled page only');
like($t->text($ed->get('/admin/events?when=all&status=scheduled')), qr/Ξ4Β/, 'the event filter "scheduled" shows the event');
unlike($t->text($ed->get('/admin/events?when=all&status=published')), qr/Ξ4Β/, '... "published" does not yet');
like($t->text($ed->get('/admin/alerts?state=scheduled')), qr/Ω7Κ/, 'the alert is listed as scheduled');

# ---- the portal now -------------------------------------------------------------------------
my $home = $t->get('/');
like(menu_of($t->text($home)), qr{<a href="/p/\Q$secslug\E"[^>]*>Δημοτική Αγορά Ζ9Μ</a>}, 'the section is in the main menu');
unlike($t->text($home), qr/Ω7Κ/, 'the alert is not shown before its start');
my $html = $t->text(pub("/p/$secslug"));
like($html, qr{<a href="/p/\Q$secslug\E/orario"[^>]*>Ωράριο της αγοράς</a>}, 'the page under it is listed on the section');
unlike($html, qr/Ψ2Λ/, '... the scheduled one is not');
like($t->text(pub("/p/$secslug/orario")), qr{<a href="/p/\Q$secslug\E"[^>]*>Δημοτική Αγορά Ζ9Μ</a>}, '... which opens, under its breadcrumbs');
my $neg_cached = time;    # a 404 for the scheduled path may be kept 5 s
is($t->get("/p/$secslug/christougenniatiki")->{status}, 404, 'the scheduled page is not on the portal yet');
is($t->get("/events/$ev")->{status}, 404, 'nor the scheduled event');
unlike($t->text($t->get('/events')), qr/Ξ4Β/, '... nor in the calendar');
unlike($t->text($t->get('/events.ics')), qr/Ξ4Β/, '... nor in its feed');
my $sm = $t->sitemap;
unlike($sm, qr{/p/\Q$secslug\E/christougenniatiki|/events/$ev\b}, '... nor in the sitemap');
my $found = $t->get('/search?q=' . enc('Χριστουγεννιάτικη'));
is($found->{status}, 200, 'the search answers');
unlike($t->text($found), qr/Ψ2Λ/, '... without the scheduled page');

# ---- the tree in the admin ---------------------------------------------------------------------
$r = $ed->get('/admin/pages');
is($r->{status}, 200, 'the page tree opens');
@tree = tree_of($t->text($r));
my %at = map { $tree[$_][0] => $_ } 0 .. $#tree;
is($tree[ $at{$sec} ][1], 1, 'the section is at the top level');
is($tree[ $at{$child} ][1], 2, '... its page one level in');
is($at{$child}, $at{$sec} + 1, '... right under it');
is($tree[ $at{$grand} ][1], 3, '... and the one under that, deeper');
like($t->text($r), qr{<tr data-id="$sec"[^>]*>.*?<td>9</td><td>Ναι</td>}s, '... with its menu order and "in the menu"');
@tree = tree_of($t->text($ed->get('/admin/pages?q=' . enc('ωραριο'))));
is_deeply([ map { $_->[0] } @tree ], [$child], 'the search finds a title without accents or capitals');
is($ed->get('/admin/pages?status=bogus')->{status}, 400, 'an unknown status: 400');

# ---- moving, cycles, depth, slugs -----------------------------------------------------------------
$r = $ed->submit("/admin/pages/$grand", "/admin/pages/$grand", { parent => $sec, action => 'publish' });
is($r->{status}, 303, 'a page moved under another');
@tree = tree_of($t->text($ed->get('/admin/pages')));
%at = map { $tree[$_][0] => $_ } 0 .. $#tree;
is($tree[ $at{$grand} ][1], 2, '... is one level up in the tree');
is(pub("/p/$secslug/katastimata")->{status}, 200, '... and at its new address on the portal');
is($t->get("/p/$secslug/orario/katastimata")->{status}, 404, '... not at the old one');

$page = $ed->get("/admin/pages/$sec");
unlike($t->text($page), qr{<option value="$child"}, "the section's parent choices leave out its own sub-pages");
like($t->text($page), qr{<option value="1">}, '... but offer other pages');
$r = $ed->submit($page, "/admin/pages/$sec",
    { parent => $child, title => 'Δημοτική Αγορά (κάτω από το ωράριο)', action => 'publish' });
is($r->{status}, 422, 'moving a page under its own sub-page: 422');
like($t->text($r), qr/κάτω από τον εαυτό της ή κάτω από μία από τις υποσελίδες της/, '... with a message saying why');
like($t->text($r), qr/value="Δημοτική Αγορά \(κάτω από το ωράριο\)"/, '... and the title typed kept');
is(one("SELECT COALESCE(parent_id, 0) FROM pages WHERE id = $sec"), 0, '... nothing moved');

# Eight levels at most: sec (1) > child (2) > six more (3..8).
my $deep = $child;
for my $level (3 .. 8) {
    $r = $ed->submit('/admin/pages/new', '/admin/pages/new',
        { parent => $deep, title => "Επίπεδο $level", slug => "level-$level", action => 'draft' });
    $deep = saved($r, 'pages') or last;
}
ok($deep && $deep != $child, 'pages down to the eighth level');
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $deep, title => 'Επίπεδο 9', slug => 'level-9', action => 'draft' });
is($r->{status}, 422, 'a ninth level: 422');
like($t->text($r), qr/βαθύτερα από 8 επίπεδα/, '... saying so');
$r = $ed->submit("/admin/pages/$child", "/admin/pages/$child", { parent => $grand, action => 'publish' });
is($r->{status}, 422, 'moving a subtree of seven levels under a second-level page: 422');

$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $sec, title => 'Άλλο ωράριο', slug => 'orario', body => 'Κείμενο που κρατιέται Θ3.', action => 'publish' });
is($r->{status}, 422, 'a slug taken by a sibling: 422');
like($t->text($r), qr/υπάρχει ήδη σε άλλη σελίδα με την ίδια γονική σελίδα/, '... with a clear message');
like($t->text($r), qr/Κείμενο που κρατιέται Θ3\./, '... and the text typed kept');
$r = $ed->submit($r, '/admin/pages/new',
    { parent => $sec, title => 'Ωράριο', slug => '', body => 'Κείμενο.', action => 'publish' });
is($r->{status}, 422, 'the same slug made from the title: 422 too');
like($t->text($r), qr/name="slug" type="text" maxlength="100" value="orario"/, '... the slug made shown to be changed');
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => 0, title => 'x', slug => 'Κεφαλαία', action => 'draft' });
is($r->{status}, 422, 'a slug with other characters: 422');
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => 12, title => 'Ωράριο μουσείων', slug => 'orario', action => 'draft' });
is($r->{status}, 303, 'the same slug under another parent is fine');

# ---- preview ----------------------------------------------------------------------------------------
my $n = count_pages();
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $sec, title => 'Προεπισκόπηση', body => "Με **έντονα** και [σύνδεσμο](/p/o-dimos).\n\n- ένα\n- δύο",
      body_en => 'See [this](/p/o-dimos).', action => 'preview' });
is($r->{status}, 200, 'preview of a page: 200');
like($t->text($r), qr{<strong>έντονα</strong>}, '... the Markdown rendered on the server');
like($t->text($r), qr{<li>ένα</li>}, '... lists too');
like($t->text($r), qr{<a href="/p/o-dimos">σύνδεσμο</a>}, '... and links');
is(count_pages(), $n, '... nothing saved');
$r = $ed->post('/en/admin/pages/new', { %{ $ed->form($ed->get('/en/admin/pages/new'), '/admin/pages/new') },
      parent => $sec, title => 'Προεπισκόπηση', title_en => 'Preview', body => 'x',
      body_en => 'See [this](/p/o-dimos).', action => 'preview' });
like($t->text($r), qr{<a href="/en/p/o-dimos">this</a>}, 'the English preview: links to the English pages');

# ---- revisions: compare and restore (a page) ------------------------------------------------------------
$r = $ed->submit("/admin/pages/$child", "/admin/pages/$child",
    { title => 'Ωράριο λειτουργίας', body => "Δευτέρα ως Σάββατο.\nΚυριακή κλειστά.", action => 'publish' });
is($r->{status}, 303, 'the page edited');
$r = $ed->get("/admin/pages/$child/revisions");
is($r->{status}, 200, 'its revisions');
my @revs = $t->text($r) =~ /name="a" value="(\d+)"/g;
is(scalar @revs, 2, '... two saves, two revisions');
like($t->text($r), qr{<td>eleni</td>}, '... with their author');
my ($first) = sort { $a <=> $b } @revs;
$r = $ed->get("/admin/pages/$child/revisions/diff?a=$first&b=$revs[0]");
is($r->{status}, 200, 'two revisions compared');
like($t->text($r), qr{<del class="diff-del"><span class="visually-hidden">[^<]*</span>Ωράριο της αγοράς</del>}, '... the old title removed');
like($t->text($r), qr{<ins class="diff-ins"><span class="visually-hidden">[^<]*</span>Κυριακή κλειστά\.</ins>}, '... a line added');
$r = $ed->get("/admin/pages/$child?revision=$first");
like($t->text($r), qr/value="Ωράριο της αγοράς"/, 'the form filled with the first revision');
$r = $ed->submit($r, "/admin/pages/$child?restored=$first", { action => 'publish' });
is($r->{status}, 303, 'saving it restores it');
is(one("SELECT title FROM pages WHERE id = $child"), 'Ωράριο της αγοράς', '... the first title again');
is(one("SELECT note FROM revisions WHERE object_type = 'page' AND object_id = $child ORDER BY id DESC LIMIT 1"),
    "restored from revision $first", '... noted in the new revision');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'page_update' AND object_id = '$grand' AND summary LIKE '%moved%'"),
    1, 'the move is in the audit log');

# ---- two editors at once ------------------------------------------------------------------------------------
my $ed2 = Agora::Staff->new($t);
$ed2->login('eleni', $pw);
my $p1 = $ed->get("/admin/pages/$grand");
my $p2 = $ed2->get("/admin/pages/$grand");
sleep 1;    # updated_at has one-second resolution
is($ed->submit($p1, "/admin/pages/$grand", { body => 'Πρώτη εκδοχή.', action => 'publish' })->{status},
    303, 'the first editor saves');
$r = $ed2->submit($p2, "/admin/pages/$grand", { body => 'Δεύτερη εκδοχή Κ5.', action => 'publish' });
is($r->{status}, 409, 'the second, from an older form: 409');
like($t->text($r), qr/Δεύτερη εκδοχή Κ5\./, '... their text kept');

# ---- events: errors keep what was typed -----------------------------------------------------------------------
$r = $ed->submit('/admin/events/new', '/admin/events/new',
    { title => 'Θέατρο Λ6', body => 'Κράτηση θέσεων.', starts_at => '2026-12-20T20:00',
      ends_at => '2026-12-20T19:00', action => 'publish' });
is($r->{status}, 422, 'an event ending before it starts: 422');
like($t->text($r), qr/Η λήξη πρέπει να είναι μετά την έναρξη/, '... saying so');
like($t->text($r), qr/Κράτηση θέσεων\./, '... the text kept');
$r = $ed->submit($r, '/admin/events/new',
    { title => 'Θέατρο Λ6', starts_at => '2026-12-20T20:00', ends_at => '', lat => '91', lon => '26', action => 'publish' });
is($r->{status}, 422, 'a latitude out of range: 422');
$r = $ed->submit($r, '/admin/events/new',
    { title => 'Θέατρο Λ6', starts_at => '2026-12-20T20:00', lat => '39.1', lon => '', action => 'publish' });
is($r->{status}, 422, 'a latitude without a longitude: 422');
$r = $ed->submit($r, '/admin/events/new', { title => 'Θέατρο Λ6', starts_at => '', lat => '', action => 'publish' });
is($r->{status}, 422, 'no start: 422');
like($t->text($r), qr/Γράψτε πότε αρχίζει η εκδήλωση/, '... saying so');
like($t->text($ed->get('/admin/events')), qr/Ξ4Β/, 'the event list (upcoming) shows the event');
unlike($t->text($ed->get('/admin/events?when=past')), qr/Ξ4Β/, '... not among the past ones');
is($ed->get('/admin/events?when=later')->{status}, 400, 'an unknown filter: 400');
is($ed->get('/admin/events?at=xyz')->{status}, 400, 'a broken cursor: 400');

# ---- alerts: the rules ----------------------------------------------------------------------------------------
$r = $ed->submit('/admin/alerts/new', '/admin/alerts/new',
    { severity => 'warning', message => 'λ' x 501, ends_at => local_time(600), action => 'publish' });
is($r->{status}, 422, 'an alert of 501 characters: 422');
$r = $ed->submit('/admin/alerts/new', '/admin/alerts/new',
    { severity => 'warning', message => 'Μήνυμα Π1.', starts_at => local_time(600),
      ends_at => local_time(60), action => 'publish' });
is($r->{status}, 422, 'an alert ending before it starts: 422');
like($t->text($r), qr/Μήνυμα Π1\./, '... the message kept');
$r = $ed->submit($r, '/admin/alerts/new',
    { severity => 'info', message => 'Μήνυμα Π1.', starts_at => '', ends_at => local_time(600), action => 'preview' });
is($r->{status}, 200, 'the preview of an alert');
like($t->text($r), qr{<div class="alert alert-info">\s*<p class="alert-message"><strong>[^<]+</strong> Μήνυμα Π1\.</p>},
    '... the banner as the portal shows it');

# ---- departments (admins) ---------------------------------------------------------------------------------------
my $adm = Agora::Staff->new($t);
my $apw = $adm->create('anna', roles => ['admin']);
$adm->login('anna', $apw);
$adm->enrol;    # admins must have a second factor
is($adm->get('/admin/departments')->{status}, 200, 'the admin opens the departments');
my ($dir_url) = $t->text($adm->get('/admin/departments')) =~ m{<a href="(/p/[^"]+)">}
    or diag('no link to the directory');
my $dept = one('SELECT id FROM departments ORDER BY sort_order, id LIMIT 1');
$r = $adm->submit("/admin/departments/$dept", "/admin/departments/$dept",
    { name => 'Τμήμα Ύδρευσης Ρ8Φ', hours => 'Δευτέρα–Παρασκευή 7:30–15:00', phone => '22510 12345',
      email => 'ydrefsi@example.gr', action => 'save' });
is($r->{status}, 303, 'a department edited');
$r = $adm->submit("/admin/departments/$dept", "/admin/departments/$dept",
    { email => 'όχι διεύθυνση', hours => 'Ώρες Υ2', action => 'save' });
is($r->{status}, 422, 'a bad e-mail: 422');
like($t->text($r), qr/Ώρες Υ2/, '... the text kept');
my $dept2 = one("SELECT id FROM departments WHERE id <> $dept ORDER BY id LIMIT 1");
$adm->create('maria', roles => ['department'], department => $dept2);
$r = $adm->get("/admin/departments/$dept2/delete");
is($r->{status}, 409, 'deleting a department a staff user belongs to: refused (409)');
like($t->text($r), qr/δεν μπορεί να διαγραφεί όσο ανήκουν σε αυτήν χρήστες/, '... saying why');
my $csrf = $adm->form($adm->get('/admin'), '/admin/logout')->{csrf};
$r = $adm->post("/admin/departments/$dept2/delete", { csrf => $csrf });
is($r->{status}, 409, '... also when posted (not a 500)');
is(one("SELECT COUNT(*) FROM departments WHERE id = $dept2"), 1, '... it is still there');
$r = $adm->submit('/admin/departments/new', '/admin/departments/new',
    { name => 'Προσωρινό γραφείο', sort_order => 99, action => 'save' });
my $tmp = saved($r, 'departments');
ok($tmp, 'a department created');
$r = $adm->get("/admin/departments/$tmp/delete");
is($r->{status}, 200, '... deleting it asks first');
$r = $adm->submit($r, "/admin/departments/$tmp/delete", {});
is($r->{status}, 303, '... confirmed: deleted');
is(one("SELECT COUNT(*) FROM departments WHERE id = $tmp"), 0, '... gone');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'department_delete' AND object_id = '$tmp'"), 1, '... and audited');

# ---- hostile text in every field ---------------------------------------------------------------------------------
my $xss = q{<script>alert(1)</script>"><img src=x onerror=alert(2)>};
my $live = qr/<script>alert\(1\)|<img src=x|onerror=alert\(2\)>|javascript:alert/i;
# In the admin the Markdown is shown as typed, in a textarea: escaped text.
my $live_admin = qr/<script>alert\(1\)|<img src=x/;
$r = $ed->submit('/admin/pages/new', '/admin/pages/new',
    { parent => $sec, slug => 'kakovoulo', title => "Σελίδα Χ1 $xss", title_en => "Page Χ1 $xss",
      summary => "Περίληψη $xss", summary_en => "Summary $xss",
      body => "Κείμενο $xss\n\n[κλικ](javascript:alert(3))", body_en => "Text $xss", action => 'publish' });
my $xpage = saved($r, 'pages');
ok($xpage, 'a page full of markup saves');
$r = $ed->submit('/admin/events/new', '/admin/events/new',
    { title => "Εκδήλωση Χ2 $xss", title_en => "Event $xss", summary => "Π $xss", summary_en => "S $xss",
      body => "Κ $xss", body_en => "T $xss", place => "Χώρος $xss", place_en => "Place $xss",
      starts_at => local_time(86400), action => 'publish' });
my $xev = saved($r, 'events');
ok($xev, 'an event full of markup saves');
$r = $ed->submit('/admin/alerts/new', '/admin/alerts/new',
    { severity => 'info', message => "Ειδοποίηση Χ3 $xss", message_en => "Alert Χ3 $xss",
      ends_at => local_time(3600), action => 'publish' });
my ($xal, $xdone) = saved($r, 'alerts');
is($xdone, 'current', 'an alert full of markup saves, shown at once');
$r = $adm->submit("/admin/departments/$dept2", "/admin/departments/$dept2",
    { name => "Τμήμα Χ4 $xss", name_en => "Dept $xss", head => "Προϊστάμενος $xss",
      hours => "Ώρες $xss", hours_en => "Hours $xss", address => "Οδός $xss",
      address_en => "Street $xss", action => 'save' });
is($r->{status}, 303, 'a department full of markup saves');
$r = $adm->submit("/admin/departments/$dept2", "/admin/departments/$dept2", { email => "x$xss", action => 'save' });
is($r->{status}, 422, 'markup as an e-mail address: 422');
unlike($t->text($r), $live_admin, '... shown escaped in the form');
for my $path ('/admin/pages', "/admin/pages/$xpage", '/admin/events?when=all', "/admin/events/$xev",
              '/admin/alerts', "/admin/alerts/$xal", "/admin/alerts/$xal/revisions") {
    my $html = $t->text($ed->get($path));
    unlike($html, $live_admin, "$path (admin): no live markup");
    like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, '... shown as text');
}
for my $path ('/admin/departments', "/admin/departments/$dept2") {
    my $html = $t->text($adm->get($path));
    unlike($html, $live_admin, "$path (admin): no live markup");
    like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, '... shown as text');
}
my $last_edit = time;

# ---- at their time ---------------------------------------------------------------------------------------------------
# Past the scheduled times, the 404 kept for the scheduled path and the
# 5 s of the alerts and the tree's paths.
wait_until(1 + (sort { $b <=> $a } $sched_start, $alert_start, $neg_cached + 5, $last_edit + 5)[0]);
for my $path ('/', '/news', '/events', "/p/$secslug", '/search?q=' . enc('αγορά'), '/p/no-such-page') {
    my $al = alerts_of($t->text($t->get($path)));
    like($al, qr/^critical: Κλειστή η οδός Ερμού Ω7Κ/m, "$path: the alert shows, now that it has started");
}
like(alerts_of($t->text($t->get('/en/'))), qr/Ermou street closed Ω7Κ/, '... in English on the English pages');
$r = pub("/p/$secslug/christougenniatiki");
is($r->{status}, 200, 'the scheduled page appears at its time');
like($t->text(pub("/p/$secslug")), qr/Ψ2Λ/, '... listed on its section');
$r = pub("/events/$ev");
is($r->{status}, 200, 'the scheduled event appears at its time');
like($t->text($r), qr{<strong>Φιλαρμονική</strong>}, '... its text rendered');
like($t->text($t->get('/events')), qr/Ξ4Β/, '... in the calendar');
like($t->text($t->get('/events.ics')), qr/Ξ4Β/, '... and its feed');
$sm = $t->sitemap;
like($sm, qr{/p/\Q$secslug\E/christougenniatiki<}, 'the sitemap lists the page now');
like($sm, qr{/events/$ev-}, '... and the event');
like($t->text($t->get('/search?q=' . enc('Χριστουγεννιάτικη'))), qr/Ψ2Λ/, '... and the search finds it');
if ($dir_url) {
    my $dir = $t->text($t->get($dir_url));
    like($dir, qr{<h3 id="dept-\d+">Τμήμα Ύδρευσης Ρ8Φ</h3>}, 'the department edited shows on the directory');
    like($dir, qr{Δευτέρα–Παρασκευή 7:30–15:00}, '... with its hours');
}
for my $path ("/p/$secslug/kakovoulo", "/en/p/$secslug/kakovoulo", "/p/$secslug", "/events/$xev",
              "/en/events/$xev", '/events', '/', '/en/', $dir_url // '/', '/search?q=' . enc('Σελίδα')) {
    my $html = $t->text(pub($path));
    unlike($html, $live, "$path: no live markup");
}
like($t->text(pub("/p/$secslug/kakovoulo")), qr/Σελίδα Χ1 &lt;script&gt;alert\(1\)&lt;\/script&gt;/,
    'the hostile title is shown as text');
like(alerts_of($t->text($t->get('/news'))), qr/Ειδοποίηση Χ3 &lt;script&gt;/, '... so is the hostile alert');

# ---- end now, unpublish ------------------------------------------------------------------------------------------------
$page = $ed->get("/admin/alerts/$aid");
$r = $ed->submit($page, "/admin/alerts/$aid/end", {});
is($r->{status}, 303, '"end now"');
like($r->{headers}{location}, qr/done=ended/, '... says it has ended');
like($t->text($ed->get('/admin/alerts?state=past')), qr/Ω7Κ/, '... the alert is listed as past');
unlike($t->text($ed->get('/admin/alerts?state=current')), qr/Ω7Κ/, '... not as current');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'alert_end' AND object_id = '$aid'"), 1, '... audited');
$r = $ed->submit("/admin/pages/$spage", "/admin/pages/$spage", { action => 'draft' });
like($r->{headers}{location} // '', qr/done=draft/, 'the scheduled page unpublished (a draft)');
my $ended = time;
wait_until($ended + 6);
for my $path ('/', '/news', '/events', "/p/$secslug", '/p/no-such-page') {
    unlike(alerts_of($t->text($t->get($path))), qr/Ω7Κ/, "$path: the ended alert is gone");
}
is($t->get("/p/$secslug/christougenniatiki")->{status}, 404, 'the unpublished page is gone');

# ---- deleting ------------------------------------------------------------------------------------------------------------
$r = $ed->get("/admin/pages/$sec/delete");
is($r->{status}, 409, 'deleting a page with sub-pages: refused (409)');
like($t->text($r), qr/Μετακινήστε ή διαγράψτε πρώτα τις υποσελίδες της/, '... saying what to do');
$r = $ed->get("/admin/pages/$xpage/delete");
is($r->{status}, 200, 'deleting a page asks first');
$r = $ed->submit($r, "/admin/pages/$xpage/delete", {});
is($r->{status}, 303, '... confirmed: deleted');
is($ed->get("/admin/pages/$xpage")->{status}, 404, '... gone from the admin');
$r = $ed->submit("/admin/events/$xev/delete", "/admin/events/$xev/delete", {});
is($r->{status}, 303, 'an event deleted');
$r = $ed->submit("/admin/alerts/$xal/delete", "/admin/alerts/$xal/delete", {});
is($r->{status}, 303, 'an alert deleted');
is(one("SELECT COUNT(*) FROM audit_log WHERE action IN ('page_delete', 'event_delete', 'alert_delete')"
     . " AND object_id IN ('$xpage', '$xev', '$xal')"), 3, '... each in the audit log');
is($ed->get('/admin/pages/999999')->{status}, 404, 'a page that does not exist: 404');
is($ed->get('/admin/events/999999/revisions')->{status}, 404, '... an event: 404');
is($ed->get('/admin/alerts/999999/delete')->{status}, 404, '... an alert: 404');

# ---- who may -------------------------------------------------------------------------------------------------------------
for my $role (qw(moderator volunteer)) {
    my $s = Agora::Staff->new($t);
    $s->login("u-$role", $s->create("u-$role", roles => [$role]));
    for my $path ('/admin/pages', "/admin/pages/$sec", '/admin/events/new', '/admin/alerts', '/admin/departments') {
        is($s->get($path)->{status}, 403, "a $role opening $path: 403");
    }
    my $c = $s->form($s->get('/admin'), '/admin/logout')->{csrf};
    is($s->post("/admin/alerts/$xal/end", { csrf => $c })->{status}, 403, "... nor ends an alert");
}
is($ed->get('/admin/departments')->{status}, 403, 'an editor does not edit departments (admins do)');
like($t->text($ed->get('/admin')), qr{href="/admin/pages"}, 'the staff menu offers an editor the pages');
unlike($t->text($ed->get('/admin')), qr{href="/admin/departments"}, '... not the departments');

done_testing;
