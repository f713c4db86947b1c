#!/usr/bin/env perl
# Editing news as an editor, through nginx and MariaDB: the list and its
# filters, the form keeping what was typed, the server-side preview,
# publishing, scheduling (the item appears at its time), unpublishing,
# two editors at once, revisions (compare, restore), deleting, a form sent
# twice, and hostile text shown escaped on the portal and in the admin.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode qw(decode_utf8);
use POSIX qw(strftime);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
my $ed = Agora::Staff->new($t);
my $pw = $ed->create('nikos', roles => ['editor']);
is($ed->login('nikos', $pw)->{status}, 303, 'the editor signs in');

sub count_news { ($t->sql('SELECT COUNT(*) FROM news'))[0][0] }
sub local_time { my ($off) = @_; ($t->sql("SELECT DATE_FORMAT(NOW() + INTERVAL $off SECOND, '%Y-%m-%dT%H:%i:%s')"))[0][0] }

# ---- the list ----------------------------------------------------------------------
my $r = $ed->get('/admin/news');
is($r->{status}, 200, 'the news list opens');
my ($draft_title) = $t->sql(q{SELECT title FROM news WHERE status = 'draft' LIMIT 1});
like($t->text($r), qr/\Q$draft_title->[0]\E/, '... listing drafts too');
$r = $ed->get('/admin/news?status=draft');
my @rows = $t->text($r) =~ /<tr><td><a href/g;
my ($ndraft) = $t->sql(q{SELECT COUNT(*) FROM news WHERE status = 'draft'});
is(scalar @rows, $ndraft->[0], 'the draft filter lists exactly the drafts');
is($ed->get('/admin/news?status=bogus')->{status}, 400, 'an unknown status: 400');
is($ed->get('/admin/news?before=xyz')->{status}, 400, 'a broken cursor: 400');

# ---- a new article: errors keep what was typed -------------------------------------
my $before = count_news();
my $page = $ed->get('/admin/news/new');
is($page->{status}, 200, 'the new-article form opens');
like($t->text($page), qr/class="field-pair"/, '... Greek and English side by side');
$r = $ed->submit($page, '/admin/news/new',
    { category => 2, title => '', body => 'Κείμενο που κρατιέται', action => 'publish' });
is($r->{status}, 422, 'no title: 422');
like($t->text($r), qr/Κείμενο που κρατιέται/, '... the text typed is kept');
like($t->text($r), qr/href="#f-title"/, '... and the error summary links to the field');
$r = $ed->submit($r, '/admin/news/new',
    { category => 2, title => 'Με λάθος ΑΔΑ', body => 'x', diavgeia_ada => 'abc-1', action => 'publish' });
is($r->{status}, 422, 'a malformed ΑΔΑ: 422 (not a database error)');
like($t->text($r), qr/Ψ4ΔΘ46ΜΤΛ6-ΑΛ5/, '... with an example of the right form');
is(count_news(), $before, 'nothing was saved');

# ---- preview ---------------------------------------------------------------------
$r = $ed->submit($page, '/admin/news/new',
    { category => 2, title => 'Διακοπή νερού στη Βαρειά', summary => 'Αύριο 8:00-14:00.',
      body => "Λόγω εργασιών **διακοπή** υδροδότησης.\n\n- Οδός Αγίας Ειρήνης\n- Οδός Κρατήρων",
      action => 'preview' });
is($r->{status}, 200, 'preview: 200');
like($t->text($r), qr{<strong>διακοπή</strong>}, '... the Markdown rendered on the server');
like($t->text($r), qr{<li>Οδός Αγίας Ειρήνης</li>}, '... lists too');
is(count_news(), $before, '... and nothing saved');

# ---- publish ------------------------------------------------------------------------
$r = $ed->submit($r, '/admin/news/new',
    { category => 2, title => 'Διακοπή νερού στη Βαρειά', summary => 'Αύριο 8:00-14:00.',
      body => "Λόγω εργασιών **διακοπή** υδροδότησης.", action => 'publish' });
is($r->{status}, 303, 'publish: 303');
my ($id) = $r->{headers}{location} =~ m{/admin/news/(\d+)\?done=published} or diag($r->{headers}{location});
ok($id, '... to the item, saying it is published');
is(count_news(), $before + 1, 'one item more');
my $pub = $t->get("/news/$id");
$pub = $t->get($pub->{headers}{location}) if $pub->{status} == 301;
is($pub->{status}, 200, 'the article is on the portal');
like($t->text($pub), qr/Διακοπή νερού στη Βαρειά/, '... with its title');
my ($audit) = $t->sql("SELECT COUNT(*) FROM audit_log WHERE action = 'news_create' AND object_id = '$id' AND username = 'nikos'");
is($audit->[0], 1, 'the creation is in the audit log');

# The same form sent again (a double click): still one item.
$r = $ed->post('/admin/news/new', { %{ $ed->form($page, '/admin/news/new') },
    category => 2, title => 'Διακοπή νερού στη Βαρειά', body => 'x', action => 'publish' });
is($r->{status}, 303, 'the creating form sent twice: 303');
is(count_news(), $before + 1, '... and no second item');

# ---- hostile text is escaped everywhere ----------------------------------------------
my $xss = q{<script>alert(1)</script>"><img src=x onerror=alert(2)>};
$page = $ed->get("/admin/news/$id");
$r = $ed->submit($page, "/admin/news/$id",
    { category => 2, title => "Τίτλος $xss", summary => "Περίληψη $xss", title_en => "Title $xss",
      body => "Κείμενο $xss\n\n[κλικ](javascript:alert(3))", body_en => "Text $xss", action => 'publish' });
is($r->{status}, 303, 'an article full of markup saves');
sleep 6;    # the article cache (5 s) of the worker that served it before
# (The query is percent-encoded as a browser sends it: "Τίτλος".)
for my $path ("/news/$id", "/en/news/$id", '/news', '/', '/feed.atom',
              '/search?q=%CE%A4%CE%AF%CF%84%CE%BB%CE%BF%CF%82') {
    my $res = $t->get($path);
    $res = $t->get($res->{headers}{location}) if $res->{status} == 301;
    is($res->{status}, 200, "$path: 200");
    my $html = $t->text($res);
    unlike($html, qr/<script>alert\(1\)|<img src=x|onerror=alert\(2\)>|javascript:alert/i,
        "$path: no live markup from the article");
}
# The search index follows the form: the new title is found, the old one
# no longer (indexed in the saving transaction, no reindex run).
like($t->text($t->get('/search?q=%CE%A4%CE%AF%CF%84%CE%BB%CE%BF%CF%82')), qr{href="/news/$id-},
    'search finds the article by its new title at once');
unlike($t->text($t->get('/search?q=%CE%92%CE%B1%CF%81%CE%B5%CE%B9%CE%AC')), qr{href="/news/$id-},
    '... and no longer by its old one ("Βαρειά")');
for my $path ("/admin/news", "/admin/news/$id") {
    my $html = $t->text($ed->get($path));
    unlike($html, qr/<script>alert\(1\)|<img src=x onerror/, "$path (admin): escaped");
    like($html, qr/&lt;script&gt;alert\(1\)&lt;\/script&gt;/, "... shown as text");
}

# ---- scheduling ------------------------------------------------------------------------
$page = $ed->get('/admin/news/new');
my $at = local_time(4);
$r = $ed->submit($page, '/admin/news/new',
    { category => 1, title => 'Προγραμματισμένη ανακοίνωση', body => 'Θα φανεί σε λίγο.',
      published_at => $at, action => 'publish' });
is($r->{status}, 303, 'a publication time to come: saved');
my ($sid) = $r->{headers}{location} =~ m{/admin/news/(\d+)\?done=scheduled};
ok($sid, '... and told it is scheduled');
is($t->get("/news/$sid")->{status}, 404, 'before its time it is not on the portal');
unlike($t->text($t->get('/news')), qr/Προγραμματισμένη ανακοίνωση/, '... nor in the list');
like($t->text($ed->get('/admin')), qr/Προγραμματισμένη ανακοίνωση/, 'the dashboard lists it for today');
sleep 10;    # its time (4 s) and the caches' lifetime (5 s)
$r = $t->get("/news/$sid");
$r = $t->get($r->{headers}{location}) if $r->{status} == 301;
is($r->{status}, 200, 'at its time it appears, with nobody pressing anything');
like($t->text($t->get('/search?q=%CE%A0%CF%81%CE%BF%CE%B3%CF%81%CE%B1%CE%BC%CE%BC%CE%B1%CF%84%CE%B9%CF%83%CE%BC%CE%AD%CE%BD%CE%B7')),
    qr{href="/news/$sid-}, '... and in the search ("Προγραμματισμένη")');

# ---- unpublish ---------------------------------------------------------------------------
$page = $ed->get("/admin/news/$sid");
$r = $ed->submit($page, "/admin/news/$sid",
    { category => 1, title => 'Προγραμματισμένη ανακοίνωση', body => 'Θα φανεί σε λίγο.',
      published_at => $at, action => 'draft' });
like($r->{headers}{location} // '', qr/done=draft/, 'saved as a draft (unpublished)');
sleep 6;
is($t->get("/news/$sid")->{status}, 404, '... and gone from the portal');

# ---- two editors at once -------------------------------------------------------------------
my $ed2 = Agora::Staff->new($t);
$ed2->login('nikos', $pw);
my $p1 = $ed->get("/admin/news/$id");
my $p2 = $ed2->get("/admin/news/$id");
sleep 1;    # updated_at has one-second resolution
$r = $ed->submit($p1, "/admin/news/$id",
    { category => 2, title => 'Διακοπή νερού: νέα ώρα', body => 'Από 9:00.', action => 'publish' });
is($r->{status}, 303, 'the first editor saves');
$r = $ed2->submit($p2, "/admin/news/$id",
    { category => 2, title => 'Διακοπή νερού: άλλη εκδοχή', body => 'Το κείμενο του δεύτερου.', action => 'publish' });
is($r->{status}, 409, 'the second, from an older form: 409');
like($t->text($r), qr/Το κείμενο του δεύτερου/, '... with their text kept');
my ($title_now) = $t->sql("SELECT title FROM news WHERE id = $id");
is($title_now->[0], 'Διακοπή νερού: νέα ώρα', '... and the first save stands');

# ---- revisions: compare and restore ----------------------------------------------------------
$r = $ed->get("/admin/news/$id/revisions");
is($r->{status}, 200, 'the revisions page opens');
my @revs = $t->text($r) =~ /name="a" value="(\d+)"/g;
cmp_ok(scalar @revs, '>=', 3, 'three saves, three revisions');
my ($first) = sort { $a <=> $b } @revs;
$r = $ed->get("/admin/news/$id/revisions/diff?a=$first&b=$revs[0]");
is($r->{status}, 200, 'two revisions compared');
like($t->text($r), qr{<del class="diff-del"><span class="visually-hidden">[^<]*</span>Διακοπή νερού στη Βαρειά</del>},
    '... the old title shown removed');
like($t->text($r), qr{<ins class="diff-ins"><span class="visually-hidden">[^<]*</span>Διακοπή νερού: νέα ώρα</ins>},
    '... the new one added');
is($ed->get("/admin/news/$id/revisions/diff?a=1&b=x")->{status}, 400, 'a bad revision number: 400');
$r = $ed->get("/admin/news/$id?revision=$first");
is($r->{status}, 200, 'the form filled with the first revision');
like($t->text($r), qr/value="Διακοπή νερού στη Βαρειά"/, '... its title');
$r = $ed->submit($r, "/admin/news/$id?restored=$first", { action => 'publish' });
is($r->{status}, 303, 'saving it restores it');
($title_now) = $t->sql("SELECT title FROM news WHERE id = $id");
is($title_now->[0], 'Διακοπή νερού στη Βαρειά', '... the title is the first one again');
my ($note) = $t->sql("SELECT note FROM revisions WHERE object_type = 'news' AND object_id = $id ORDER BY id DESC LIMIT 1");
is($note->[0], "restored from revision $first", '... and the new revision says where it came from');

# ---- delete -------------------------------------------------------------------------------------
$r = $ed->get("/admin/news/$id/delete");
is($r->{status}, 200, 'deleting asks first');
$r = $ed->submit($r, "/admin/news/$id/delete", {});
is($r->{status}, 303, 'confirmed: deleted');
is($ed->get("/admin/news/$id")->{status}, 404, 'the item is gone from the admin');
sleep 6;
is($t->get("/news/$id")->{status}, 404, '... and from the portal');
($audit) = $t->sql("SELECT summary FROM audit_log WHERE action = 'news_delete' AND object_id = '$id'");
like($audit->[0], qr/deleted/, 'the deletion is in the audit log');
my ($left) = $t->sql("SELECT COUNT(*) FROM search_terms WHERE kind = 'n' AND item_id = $id");
is($left->[0], 0, '... and its words are gone from the search index');

# ---- a huge field and a NUL ------------------------------------------------------------------------
$page = $ed->get('/admin/news/new');
$r = $ed->submit($page, '/admin/news/new', { category => 1, title => 'x', body => 'λ' x 300_000, action => 'draft' });
is($r->{status}, 422, 'a text beyond 200 000 characters: 422');
$r = $ed->submit($page, '/admin/news/new', { category => 1, title => "x\0y", body => 'b', action => 'draft' });
is($r->{status}, 400, 'a NUL byte: 400');

done_testing;
