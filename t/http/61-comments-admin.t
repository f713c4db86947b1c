#!/usr/bin/env perl
# Reader comments, the moderators' side (/admin/comments), through nginx
# and MariaDB: who may (a moderator, not an editor: 403 on every page and
# form); the queue (pending by default, each status, flagged, one article,
# one request, official replies only when asked, never the e-mail or the
# address) and its keyset pages (60 rows both ways, none twice, none
# missing); bulk approve, reject and spam (news.comment_count recounted,
# one audit row each, the filters kept, 422 with nothing ticked or an
# unknown action); one comment's page (e-mail, IP, flags) and its forms:
# a decision, an edit (comment_edits before/after, links allowed), an
# official reply on a news comment (approved, official, one level of
# threading, one reply for a form sent twice) and on a request comment
# (the request's public reply, linked both ways, mailed to the reporter
# through the outbox); the PCRE2 blocklist (a bad pattern is 422 with
# PCRE2's message); the categories' moderation; closing an article;
# CSRF; markup and SQL-like text shown as text; a 5 MB field and a NUL
# byte refused.  Comments are written with SQL: the public form is not
# needed here.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[-1][0] : undef }
sub q_sql {
    my ($s) = @_;
    return 'NULL' unless defined $s;
    $s =~ s/\\/\\\\/g;
    $s =~ s/'/''/g;
    return "'$s'";
}
sub audits { my ($action, $id) = @_; one("SELECT COUNT(*) FROM audit_log WHERE action = '$action' AND object_id = '$id'") }
sub status_of { one("SELECT status FROM comments WHERE id = $_[0]") }

# These comments alone (the demo's go first), and the counts they leave.
$t->sql('DELETE FROM comments');
$t->sql('UPDATE news SET comment_count = 0, updated_at = updated_at');

# ---- people ----------------------------------------------------------------------------------
my $mod = Agora::Staff->new($t);
my $mpw = $mod->create('moda', roles => ['moderator']);
is($mod->login('moda', $mpw)->{status}, 303, 'a moderator signs in');
$t->sql(q{UPDATE users SET display_name = 'Μαρία Συντονίστρια' WHERE username = 'moda'});
my $mod_id = one(q{SELECT id FROM users WHERE username = 'moda'});
my $ed = Agora::Staff->new($t);
my $epw = $ed->create('edi', roles => ['editor']);
is($ed->login('edi', $epw)->{status}, 303, 'an editor signs in');
my $csrf = $mod->form($mod->get('/admin'), '/admin/logout')->{csrf};
my $ed_csrf = $ed->form($ed->get('/admin'), '/admin/logout')->{csrf};

# ---- what is commented on ------------------------------------------------------------------------
my $art = one(q{INSERT INTO news (category_id, slug, title, body, status, published_at)
    VALUES (1, 'arthro-sxolion', 'Άρθρο για τα σχόλια', 'Κείμενο.', 'published', NOW() - INTERVAL 1 DAY);
    SELECT LAST_INSERT_ID()});
my $art2 = one(q{INSERT INTO news (category_id, slug, title, body, status, published_at)
    VALUES (2, 'deytero', 'Δεύτερο άρθρο', 'Κείμενο.', 'published', NOW() - INTERVAL 1 DAY);
    SELECT LAST_INSERT_ID()});
my $code = '2026-990001';
my $rq = one(qq{INSERT INTO requests (code, year, protocol_no, token, category_id, department_id,
    description, address, status, channel, name, email, consent_at, due_date)
    VALUES ('$code', 2026, 990001, '${\ sprintf('tok%040d', 990001)}', 4, 5, 'Σπασμένο παγκάκι',
    'Πλατεία Σαπφούς 1', 'acknowledged', 'web', 'Αναφέρων Πολίτης', 'reporter\@example.org',
    NOW(), CURDATE() + INTERVAL 10 DAY); SELECT LAST_INSERT_ID()});
ok($art && $art2 && $rq, "two articles ($art, $art2) and a request ($code)");

# A comment written straight into the table; its id.
sub comment {
    my (%c) = @_;
    my $status = $c{status} // 'pending';
    my $body = $c{body} // 'Ένα σχόλιο αναγνώστη.';
    return one(sprintf(q{INSERT INTO comments (news_id, request_id, parent_id, status, official,
        user_id, author_name, email, body, ip, body_hash, flag_count, hidden_by_flags, deleted_at,
        published_at) VALUES (%s, %s, %s, %s, %d, %s, %s, %s, %s, INET6_ATON(%s),
        UNHEX(SHA2(%s, 256)), %d, %d, %s, %s); SELECT LAST_INSERT_ID()},
        $c{news} // 'NULL', $c{request} // 'NULL', $c{parent} // 'NULL', q_sql($status),
        $c{official} // 0, $c{official} ? $mod_id : 'NULL', q_sql($c{name} // 'Αναγνώστης'),
        q_sql(exists $c{email} ? $c{email} : 'reader@example.org'), q_sql($body),
        q_sql(exists $c{ip} ? $c{ip} : '192.0.2.7'), q_sql($body), $c{flags} // 0, $c{hidden} // 0,
        $c{deleted_at} ? 'NOW()' : 'NULL', $status eq 'approved' ? 'NOW()' : 'NULL'));
}

my $p1 = comment(news => $art, name => 'Ελένη Αναγνώστρια', email => 'eleni.secret@example.org',
    ip => '198.51.100.23', body => 'Πότε θα φτιαχτεί ο δρόμος;');
my $a1 = comment(news => $art, status => 'approved', name => 'Γιώργος Εγκεκριμένος', body => 'Ήδη δημοσιευμένο.');
my $r1 = comment(news => $art, status => 'rejected', name => 'Απορριφθείς Σχολιαστής');
my $s1 = comment(news => $art, status => 'spam', name => 'Spammer Casino');
my $f1 = comment(news => $art, name => 'Σημαδεμένος Σχολιαστής', flags => 3, hidden => 1);
my $o1 = comment(news => $art, status => 'approved', official => 1, parent => $a1,
    name => 'Δήμος Επίσημα', email => undef, ip => undef, body => 'Επίσημη παλιά απάντηση.');
my $d1 = comment(news => $art, status => 'deleted', name => '', body => '', email => undef, ip => undef);
my $q1 = comment(request => $rq, name => 'Κάτοικος Πλατείας', body => 'Το παγκάκι είναι επικίνδυνο για τα παιδιά.');
$t->sql("INSERT INTO comment_flags (comment_id, reason, ip) VALUES ($f1, 'offensive', INET6_ATON('192.0.2.1')),
    ($f1, 'spam', INET6_ATON('192.0.2.2')), ($f1, 'off_topic', INET6_ATON('192.0.2.3'))");

# ---- who may -------------------------------------------------------------------------------------------
is(Agora::Staff->new($t)->get('/admin/comments')->{status}, 401, 'anonymous: 401');
for my $path ('/admin/comments', "/admin/comments/$p1", '/admin/comments/blocklist',
              '/admin/comments/settings', '/admin/comments?status=spam') {
    is($ed->get($path)->{status}, 403, "an editor: GET $path is 403");
}
for my $path ('/admin/comments', "/admin/comments/$p1", "/admin/comments/$p1/status",
              "/admin/comments/$p1/reply", '/admin/comments/blocklist', '/admin/comments/blocklist/1/delete',
              '/admin/comments/settings', "/admin/comments/news/$art/closed") {
    is($ed->post($path, { csrf => $ed_csrf, action => 'approve', id => $p1, body => 'x', reply => 'x',
        pattern => 'x', cat_1 => 'post' })->{status}, 403, "an editor: POST $path is 403");
}
is(status_of($p1), 'pending', '... nothing changed');
like($t->text($mod->get('/admin')), qr{href="/admin/comments">Σχόλια<}, 'the moderator\'s menu has "Σχόλια"');
unlike($t->text($ed->get('/admin')), qr{href="/admin/comments"}, '... the editor\'s has not');

# ---- the queue ------------------------------------------------------------------------------------------
my $r = $mod->get('/admin/comments');
is($r->{status}, 200, 'the queue: 200');
my $h = $t->text($r);
sub ids_on { my ($html) = @_; return [ $html =~ m{<input type="checkbox" name="id" value="(\d+)"}g ] }
is_deeply([ sort { $a <=> $b } @{ ids_on($h) } ], [ sort { $a <=> $b } $p1, $f1, $q1 ],
    'pending by default: the waiting and the flagged ones, on articles and requests');
like($h, qr/Ελένη Αναγνώστρια/, '... the author\'s name');
like($h, qr/Πότε θα φτιαχτεί ο δρόμος;/, '... the text');
like($h, qr{<a href="/news/$art-arthro-sxolion">Άρθρο για τα σχόλια</a>}, '... the article, linked to its page');
like($h, qr{<a href="/requests/$code">$code</a>}, '... the request, linked to its page');
like($h, qr{κρυμμένο λόγω αναφορών}, '... the flagged one marked hidden by reports');
unlike($h, qr/eleni\.secret|reader\@example|198\.51\.100\.23|192\.0\.2/, '... never an e-mail or an address');
like($h, qr{<div class="table-wrap" tabindex="0" role="region" aria-labelledby="cm-caption">}, '... the table in a focusable region');
like($h, qr{<label for="sel-$p1" class="visually-hidden">}, '... each checkbox labelled');
my %want = (
    'status=approved' => [$a1], 'status=approved&official=1' => [$a1, $o1], 'status=rejected' => [$r1],
    'status=spam' => [$s1], 'status=deleted' => [$d1], 'status=flagged' => [$f1],
    "target=$art" => [$p1, $f1], "target=$code" => [$q1], "status=approved&official=1&target=$art" => [$a1, $o1],
    "target=$art2" => [],
);
for my $qs (sort keys %want) {
    $r = $mod->get("/admin/comments?$qs");
    is($r->{status}, 200, "?$qs: 200");
    is_deeply([ sort { $a <=> $b } @{ ids_on($t->text($r)) } ], [ sort { $a <=> $b } @{ $want{$qs} } ], "... the right comments");
}
$h = $t->text($mod->get("/admin/comments?status=flagged&target=$art&official=1"));
like($h, qr{<option value="flagged" selected>}, 'the filter form keeps the status');
like($h, qr{name="target" value="$art"}, '... the target');
like($h, qr{id="q-official" type="checkbox" name="official" value="1" checked}, '... and the official box');
like($h, qr{action="/admin/comments/news/$art/closed"}, '... and offers closing the article');
like($t->text($mod->get('/admin/comments?status=deleted')), qr/διαγράφηκε από τον συντάκτη/, 'a deleted comment says so');
for my $bad ('status=lost', 'target=abc', 'target=12a', 'before=x', 'after=-1', "before=5&after=3", 'official=yes') {
    is($mod->get("/admin/comments?$bad")->{status}, 400, "?$bad: 400");
}
is($mod->get('/admin/comments?target=999999')->{status}, 404, 'an unknown article: 404');
is($mod->get('/admin/comments?target=2026-999999')->{status}, 404, 'an unknown request: 404');
like($t->text($mod->get('/en/admin/comments')), qr{<h1>Reader comments</h1>}, 'the queue in English');

# ---- approving one -----------------------------------------------------------------------------------------
my $count0 = one("SELECT comment_count FROM news WHERE id = $art");
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', id => $p1 ]);
is($r->{status}, 303, 'approve one: 303');
is($r->{headers}{location}, '/admin/comments?done=approve&n=1', '... back to the queue, saying how many');
is(status_of($p1), 'approved', '... approved');
ok(defined one("SELECT published_at FROM comments WHERE id = $p1"), '... published_at set');
is(one("SELECT moderated_by FROM comments WHERE id = $p1"), $mod_id, '... moderated_by the moderator');
my $real = one("SELECT COUNT(*) FROM comments WHERE news_id = $art AND status = 'approved' AND deleted_at IS NULL");
is(one("SELECT comment_count FROM news WHERE id = $art"), $real, "... news.comment_count is the real count ($count0 -> $real)");
cmp_ok($real, '>', $count0, '... it went up');
is(audits('comment_approve', $p1), 1, '... one audit row');
like(one("SELECT summary FROM audit_log WHERE action = 'comment_approve' AND object_id = '$p1'"),
    qr/^Σχόλιο: Σε αναμονή → Εγκεκριμένο$/, '... saying what changed');
like($t->text($mod->get($r->{headers}{location})), qr{<p class="notice" role="status">1 σχόλιο εγκρίθηκε\.</p>}, '... and the notice');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', id => $p1 ]);
is($r->{headers}{location}, '/admin/comments?done=approve&n=0', 'approving it again changes nothing (n=0)');
is(audits('comment_approve', $p1), 1, '... no second audit row');

# ---- bulk ----------------------------------------------------------------------------------------------------
my @b = map { comment(news => $art, name => "Μαζικός $_") } 1 .. 4;
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'reject', status => 'pending',
    target => $art, id => $b[0], id => $b[1], id => $b[1] ]);
is($r->{status}, 303, 'bulk reject of two: 303');
is($r->{headers}{location}, "/admin/comments?target=$art&done=reject&n=2", '... back with the same filters');
is_deeply([ map { status_of($_) } @b[0, 1] ], [qw(rejected rejected)], '... both rejected');
is(audits('comment_reject', $b[0]) + audits('comment_reject', $b[1]), 2, '... one audit row each');
like($t->text($mod->get($r->{headers}{location})), qr/2 σχόλια απορρίφθηκαν\./, '... "2 σχόλια απορρίφθηκαν."');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'spam', status => 'flagged', id => $b[2], id => $f1 ]);
is($r->{headers}{location}, '/admin/comments?status=flagged&done=spam&n=2', 'bulk spam from the flagged view: back to it');
is_deeply([ map { status_of($_) } $b[2], $f1 ], [qw(spam spam)], '... both spam');
is(one("SELECT hidden_by_flags FROM comments WHERE id = $f1"), 0, '... the moderator\'s decision clears hidden_by_flags');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', status => 'pending' ]);
is($r->{status}, 422, 'nothing ticked: 422');
$h = $t->text($r);
like($h, qr/Δεν επιλέξατε κανένα σχόλιο/, '... saying so');
like($h, qr{name="id" value="$b[3]"}, '... with the queue shown again');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'delete-all', id => $b[3] ]);
is($r->{status}, 422, 'an unknown action: 422');
$h = $t->text($r);
like($h, qr/Διαλέξτε έγκριση, απόρριψη ή ανεπιθύμητο/, '... saying so');
like($h, qr{name="id" value="$b[3]" id="sel-$b[3]" checked}, '... the ticked comment still ticked');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', map { (id => $_) } 1 .. 101 ]);
is($r->{status}, 422, '101 comments at once: 422');
like($t->text($r), qr/έως 100 τη φορά/, '... saying the limit');
$r = $mod->post('/admin/comments', [ action => 'approve', id => $b[3] ]);
is($r->{status}, 403, 'bulk without the CSRF token: 403');
is(status_of($b[3]), 'pending', '... nothing changed');
is($mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', id => $b[3], status => 'lost' ])->{status},
    400, 'bulk with a malformed filter: 400');

# ---- keyset pages -----------------------------------------------------------------------------------------------
$t->sql('INSERT INTO comments (news_id, status, author_name, email, body, ip, body_hash) VALUES '
    . join(',', map { "($art2, 'pending', 'Σελίδα $_', 'p$_\@example.org', 'Σχόλιο αριθμός $_', NULL, UNHEX(SHA2('$_', 256)))" } 1 .. 60));
my @all = map { $_->[0] } $t->sql("SELECT id FROM comments WHERE news_id = $art2 AND status = 'pending' ORDER BY id DESC");
is(scalar @all, 60, '60 pending comments on the second article');
sub walk {
    my ($path, $rel) = @_;
    my (@pages, $n);
    while (defined $path && $n++ < 10) {
        my $res = $mod->get($path);
        is($res->{status}, 200, "GET $path") or last;
        my $html = $t->text($res);
        push @pages, ids_on($html);
        ($path) = $html =~ m{<a href="([^"]+)" rel="$rel">};
        $path =~ s/&amp;/&/g if defined $path;
    }
    return @pages;
}
my @pages = walk("/admin/comments?target=$art2", 'next');
is(scalar @pages, 2, 'two pages of 50');
is(scalar @{ $pages[0] }, 50, '... the first holds 50');
is_deeply([ map { @$_ } @pages ], \@all, '... every comment once, newest first');
my ($last) = $t->text($mod->get("/admin/comments?target=$art2&before=$pages[0][-1]")) =~ m{<a href="([^"]+)" rel="prev">};
ok($last, 'the second page links to newer comments');
$last =~ s/&amp;/&/g;
is_deeply(ids_on($t->text($mod->get($last))), $pages[0], '... which is the first page again, in the same order');
unlike($t->text($mod->get($last)), qr{rel="prev"}, '... with nothing newer');
my @want_pending = map { $_->[0] } $t->sql("SELECT id FROM comments WHERE status = 'pending' AND official = 0 ORDER BY id DESC");
is_deeply([ map { @$_ } walk('/admin/comments', 'next') ], \@want_pending, 'the whole pending queue over its pages');

# ---- one comment --------------------------------------------------------------------------------------------------
is($mod->get('/admin/comments/999999999')->{status}, 404, 'an unknown comment: 404');
$r = $mod->get("/admin/comments/$p1");
is($r->{status}, 200, 'a comment\'s page: 200');
$h = $t->text($r);
like($h, qr{<h1>Σχόλιο #$p1</h1>}, '... its heading');
like($h, qr{href="mailto:eleni\.secret\@example\.org"}, '... the commenter\'s e-mail, for moderators');
like($h, qr{<dd>198\.51\.100\.23</dd>}, '... the IP address');
like($h, qr{<p>Πότε θα φτιαχτεί ο δρόμος;</p>}, '... the text');
like($h, qr{<a href="/news/$art-arthro-sxolion">Άρθρο για τα σχόλια</a>}, '... where it was written');
$h = $t->text($mod->get("/admin/comments/$f1"));
like($h, qr{<td>Προσβλητικό</td>.*<td>Ανεπιθύμητο \(spam\)</td>.*<td>Εκτός θέματος</td>}s, 'the flags with their reasons');
like($t->text($mod->get("/admin/comments/$q1")), qr{<a href="/requests/$code">$code</a>}, 'a request comment names the request');

# The decision form.
my $c2 = comment(news => $art, body => 'Για απόφαση από τη σελίδα του.');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2/status", { action => 'reject' });
is($r->{status}, 303, 'reject from the comment page: 303');
is($r->{headers}{location}, "/admin/comments/$c2?done=rejected", '... back to it');
is(status_of($c2), 'rejected', '... rejected');
is(audits('comment_reject', $c2), 1, '... audited');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2/status", { action => 'approve' });
is(status_of($c2), 'approved', 'approved after all');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2/status", { action => 'publish' });
is($r->{status}, 422, 'an unknown decision: 422');
$h = $t->text($mod->get("/admin/comments/$d1"));
like($h, qr/Ο συντάκτης διέγραψε αυτό το σχόλιο/, 'a comment deleted by its author: no forms');
unlike($h, qr{action="/admin/comments/$d1/status"}, '... none');
is($mod->post("/admin/comments/$d1/status", [ csrf => $csrf, action => 'approve' ])->{status}, 422,
    '... and a decision posted anyway: 422');
is(status_of($d1), 'deleted', '... it stays deleted');

# ---- editing --------------------------------------------------------------------------------------------------------
my $before = one("SELECT body FROM comments WHERE id = $c2");
my $new = "Διορθωμένο κείμενο.\nΔείτε https://example.org/odigos για λεπτομέρειες.";
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2", { body => $new, links => 1 });
is($r->{status}, 303, 'an edit with links allowed: 303');
is($r->{headers}{location}, "/admin/comments/$c2?done=edited", '... back to the comment');
is_deeply([ $t->sql("SELECT body, links_allowed, edited_at IS NOT NULL, body_hash = UNHEX(SHA2(${\ q_sql($before)}, 256)) FROM comments WHERE id = $c2") ],
    [[ $new, 1, 1, 1 ]], '... text, links_allowed and edited_at stored; the hash of what the author sent kept');
is_deeply([ $t->sql("SELECT body_before, body_after, user_id FROM comment_edits WHERE comment_id = $c2") ],
    [[ $before, $new, $mod_id ]], '... one comment_edits row: before, after, who');
is(audits('comment_edit', $c2), 1, '... audited');
$h = $t->text($mod->get("/admin/comments/$c2"));
like($h, qr{<a href="https://example\.org/odigos" rel="nofollow ugc noopener">}, '... the address is a link now');
like($h, qr{<td>\Q$before\E</td><td>Διορθωμένο κείμενο\.<br>}, '... and the log shows before and after');
like($h, qr{<td>Μαρία Συντονίστρια</td>}, '... and who');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2", { links => undef });
is($r->{status}, 303, 'links taken away again: 303');
unlike($t->text($mod->get("/admin/comments/$c2")), qr{<a href="https://example\.org}, '... the address is text');
is(one("SELECT COUNT(*) FROM comment_edits WHERE comment_id = $c2"), 1, '... no edit row for links alone');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2", {});
is($r->{status}, 422, 'saving without a change: 422');
like($t->text($r), qr/Δεν αλλάξατε τίποτα/, '... saying so');
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2", { body => '' });
is($r->{status}, 422, 'an empty text: 422');
like($t->text($r), qr{href="#f-body">Γράψτε το κείμενο του σχολίου\.}, '... linked to the field');
my $long = 'α' x 2001;
$r = $mod->submit("/admin/comments/$c2", "/admin/comments/$c2", { body => $long });
is($r->{status}, 422, '2001 characters: 422');
like($t->text($r), qr{>$long</textarea>}, '... the text kept as typed');
is(one("SELECT COUNT(*) FROM comment_edits WHERE comment_id = $c2"), 1, '... nothing saved');

# ---- an official reply on a news comment --------------------------------------------------------------------------------
my $c3 = comment(news => $art, body => 'Ερώτηση που περιμένει απάντηση.');
my $page = $mod->get("/admin/comments/$c3");
my $form = $mod->form($page, "/admin/comments/$c3/reply");
ok($form && $form->{token}, 'the comment page has the official reply form with its token');
my $answer = 'Ο δρόμος θα φτιαχτεί τον Μάιο. — Δήμος';
$r = $mod->post("/admin/comments/$c3/reply", { %$form, reply => $answer });
is($r->{status}, 303, 'an official reply: 303');
is($r->{headers}{location}, "/admin/comments/$c3?done=replied", '... back to the comment');
my @rep = $t->sql("SELECT id, status, official, user_id, author_name, email, ip, parent_id, news_id, published_at IS NOT NULL
    FROM comments WHERE parent_id = $c3 AND official = 1");
is(scalar @rep, 1, '... one reply');
is_deeply([ @{ $rep[0] }[1 .. 9] ], [ 'approved', 1, $mod_id, 'Μαρία Συντονίστρια', undef, undef, $c3, $art, 1 ],
    '... approved, official, by the moderator in their name, no e-mail, no address, under the comment');
is(status_of($c3), 'approved', '... the answered comment, pending, is published with it');
is(one("SELECT comment_count FROM news WHERE id = $art"),
    one("SELECT COUNT(*) FROM comments WHERE news_id = $art AND status = 'approved' AND deleted_at IS NULL"),
    '... news.comment_count counts both');
is(audits('comment_reply', $c3), 1, '... audited');
$r = $mod->post("/admin/comments/$c3/reply", { %$form, reply => $answer });
is($r->{status}, 303, 'the same form sent again: 303');
is(one("SELECT COUNT(*) FROM comments WHERE parent_id = $c3 AND official = 1"), 1, '... still one reply');
like($t->text($mod->get("/admin/comments/$c3")), qr{Σχόλιο #$rep[0][0]</a> · Μαρία Συντονίστρια <strong class="tag">Επίσημη απάντηση</strong>},
    'the comment page lists the reply');
my $c4 = comment(news => $art, status => 'approved', parent => $a1, body => 'Απάντηση αναγνώστη σε σχόλιο.');
$r = $mod->submit("/admin/comments/$c4", "/admin/comments/$c4/reply", { reply => 'Ευχαριστούμε.' });
is($r->{status}, 303, 'an official reply to a reply: 303');
is(one("SELECT parent_id FROM comments WHERE official = 1 AND body = 'Ευχαριστούμε.'"), $a1,
    '... it goes under the first comment of the thread (one level)');
$r = $mod->submit("/admin/comments/$c4", "/admin/comments/$c4/reply", { reply => '' });
is($r->{status}, 422, 'an empty reply: 422');
like($t->text($r), qr{href="#f-reply">Γράψτε την απάντηση\.}, '... linked to the field');

# ---- an official reply on a request comment --------------------------------------------------------------------------------
my $events0 = one("SELECT COUNT(*) FROM request_events WHERE request_id = $rq");
$page = $mod->get("/admin/comments/$q1");
like($t->text($page), qr/γίνεται η δημόσια απάντηση του αιτήματος/, 'a request comment\'s reply form says where the answer goes');
$form = $mod->form($page, "/admin/comments/$q1/reply");
my $rq_answer = 'Το συνεργείο θα αντικαταστήσει το παγκάκι αυτή την εβδομάδα.';
$r = $mod->post("/admin/comments/$q1/reply", { %$form, reply => $rq_answer });
is($r->{status}, 303, 'an official reply on a request comment: 303');
my @ev = $t->sql("SELECT id, reply, comment_id, user_id, status_to FROM request_events WHERE request_id = $rq ORDER BY id DESC LIMIT 1");
is(one("SELECT COUNT(*) FROM request_events WHERE request_id = $rq"), $events0 + 1, '... one new history row');
is_deeply([ @{ $ev[0] }[1 .. 4] ], [ $rq_answer, $q1, $mod_id, undef ],
    '... the public reply, naming the comment, by the moderator, the status unchanged');
is(one("SELECT answer_event FROM comments WHERE id = $q1"), $ev[0][0], '... comments.answer_event names it');
is(status_of($q1), 'approved', '... the comment is published');
is(one("SELECT status FROM requests WHERE id = $rq"), 'acknowledged', '... the request keeps its status');
ok(defined one("SELECT first_reply_at FROM requests WHERE id = $rq"), '... its first reply is recorded');
is(one("SELECT COUNT(*) FROM outbox WHERE rcpt = 'reporter\@example.org' AND kind = 'request.update' AND state = 'queued'"),
    1, '... and a mail to the reporter waits in the outbox');
like(one("SELECT body_text FROM outbox WHERE rcpt = 'reporter\@example.org' ORDER BY id DESC LIMIT 1"),
    qr/\Q$rq_answer\E/, '... with the reply');
like($t->text($t->get("/requests/$code")), qr/\Q$rq_answer\E/, 'the tracking page shows the reply');
is(audits('comment_reply', $q1), 1, 'audited');
$r = $mod->post("/admin/comments/$q1/reply", { %$form, reply => $rq_answer });
is($r->{status}, 303, 'the same form sent again: 303');
is(one("SELECT COUNT(*) FROM request_events WHERE request_id = $rq"), $events0 + 1, '... no second history row');
is(one("SELECT COUNT(*) FROM outbox WHERE rcpt = 'reporter\@example.org'"), 1, '... and no second mail');
like($t->text($mod->get("/admin/comments/$q1")), qr/Δημόσια απάντηση στο ιστορικό του αιτήματος, εγγραφή #$ev[0][0]/,
    'the comment page says it was answered');

# ---- the blocklist ------------------------------------------------------------------------------------------------------
$r = $mod->get('/admin/comments/blocklist');
is($r->{status}, 200, 'the blocklist: 200');
like($t->text($r), qr/Η λίστα είναι κενή/, '... empty');
$r = $mod->submit($r, '/admin/comments/blocklist', { pattern => '\bκαζίνο\b', note => 'διαφημίσεις' });
is($r->{status}, 303, 'a good pattern: 303');
my ($bl) = $t->sql(q{SELECT id, pattern, note, created_by FROM comment_blocklist});
is_deeply([ @$bl[1 .. 3] ], [ '\bκαζίνο\b', 'διαφημίσεις', $mod_id ], '... stored with its note and who');
is(audits('comment_block_add', $bl->[0]), 1, '... audited');
$h = $t->text($mod->get('/admin/comments/blocklist'));
like($h, qr{<code>\\bκαζίνο\\b</code></th><td>διαφημίσεις</td>}, '... listed');
$r = $mod->submit('/admin/comments/blocklist', '/admin/comments/blocklist', { pattern => '(ανοιχτή παρένθεση', note => 'λάθος' });
is($r->{status}, 422, 'a pattern PCRE2 refuses: 422');
$h = $t->text($r);
like($h, qr/Μήνυμα του PCRE2: missing closing parenthesis/, '... with PCRE2\'s message beside the field');
like($h, qr{name="pattern" type="text" maxlength="500" value="\(ανοιχτή παρένθεση"}, '... the pattern kept');
like($h, qr{value="λάθος"}, '... and the note');
is(one('SELECT COUNT(*) FROM comment_blocklist'), 1, '... nothing stored');
$r = $mod->submit('/admin/comments/blocklist', '/admin/comments/blocklist', { pattern => 'x' x 501 });
is($r->{status}, 422, 'a pattern of 501 characters: 422');
$r = $mod->submit('/admin/comments/blocklist', '/admin/comments/blocklist', { pattern => '' });
is($r->{status}, 422, 'no pattern: 422');
$r = $mod->post("/admin/comments/blocklist/$bl->[0]/delete", { csrf => $csrf });
is($r->{status}, 303, 'delete: 303');
is(one('SELECT COUNT(*) FROM comment_blocklist'), 0, '... gone');
is(audits('comment_block_delete', $bl->[0]), 1, '... audited');
is($mod->post("/admin/comments/blocklist/$bl->[0]/delete", { csrf => $csrf })->{status}, 404, 'delete again: 404');

# ---- settings ----------------------------------------------------------------------------------------------------------
$r = $mod->get('/admin/comments/settings');
is($r->{status}, 200, 'the settings: 200');
like($t->text($r), qr{<select id="f-cat_2" name="cat_2" required aria-required="true">}, '... a select per category');
like($t->text($r), qr{<option value="pre" selected>Έλεγχος πριν τη δημοσίευση</option>}, '... pre by default');
$r = $mod->submit($r, '/admin/comments/settings', { cat_2 => 'post' });
is($r->{status}, 303, 'category 2 to post-moderation: 303');
is(one('SELECT comment_moderation FROM categories WHERE id = 2'), 'post', '... saved');
is(one('SELECT comment_moderation FROM categories WHERE id = 1'), 'pre', '... the others kept');
is(audits('comment_moderation', 2), 1, '... audited once');
is(one(q{SELECT COUNT(*) FROM audit_log WHERE action = 'comment_moderation'}), 1, '... and only for what changed');
like($t->text($mod->get('/admin/comments/settings')), qr{<option value="post" selected>}, '... and shown');
$r = $mod->submit('/admin/comments/settings', '/admin/comments/settings', { cat_1 => 'never' });
is($r->{status}, 422, 'a mode that does not exist: 422');

# ---- closing an article --------------------------------------------------------------------------------------------------
$page = $mod->get("/admin/comments?target=$art");
$r = $mod->submit($page, "/admin/comments/news/$art/closed", { action => 'close' });
is($r->{status}, 303, 'close the article\'s comments from its queue: 303');
is($r->{headers}{location}, "/admin/comments?target=$art&done=closed", '... back to it');
is(one("SELECT comments_closed FROM news WHERE id = $art"), 1, '... closed');
is(audits('comments_close', $art), 1, '... audited');
$h = $t->text($mod->get($r->{headers}{location}));
like($h, qr/Τα σχόλια σε αυτό το άρθρο είναι κλειστά/, '... the queue says so');
$page = $mod->get("/admin/comments/$p1");
like($t->text($page), qr/Τα σχόλια σε αυτό το άρθρο είναι κλειστά/, '... and the comment page');
$r = $mod->submit($page, "/admin/comments/news/$art/closed", { action => 'open' });
is($r->{headers}{location}, "/admin/comments/$p1?done=opened", 'opened from a comment page: back to it');
is(one("SELECT comments_closed FROM news WHERE id = $art"), 0, '... open');
is($mod->post("/admin/comments/news/$art/closed", { csrf => $csrf, action => 'lock' })->{status}, 400, 'another action: 400');
is($mod->post('/admin/comments/news/999999/closed', { csrf => $csrf, action => 'close' })->{status}, 404, 'an unknown article: 404');

# ---- CSRF ----------------------------------------------------------------------------------------------------------------
my $audit0 = one('SELECT COUNT(*) FROM audit_log');
for my $path ('/admin/comments', "/admin/comments/$b[3]", "/admin/comments/$b[3]/status",
              "/admin/comments/$b[3]/reply", '/admin/comments/blocklist', '/admin/comments/blocklist/1/delete',
              '/admin/comments/settings', "/admin/comments/news/$art/closed") {
    my $f = { action => 'approve', id => $b[3], body => 'χωρίς csrf', reply => 'χωρίς csrf',
              pattern => 'x', cat_1 => 'post', token => $form->{token} };
    is($mod->post($path, $f)->{status}, 403, "POST $path without the CSRF token: 403");
    is($mod->post($path, { %$f, csrf => 'x' x 43 })->{status}, 403, '... with a wrong one: 403');
}
is(one('SELECT COUNT(*) FROM audit_log'), $audit0, '... nothing was done');
is(status_of($b[3]), 'pending', '... the comment untouched');

# ---- markup and SQL as text --------------------------------------------------------------------------------------------
my $xname = '<script>alert(1)</script>';
my $xbody = '"><img src=x onerror=alert(1)>';
my $x = comment(news => $art, name => $xname, body => $xbody);
my $sqlname = q{Robert'); DROP TABLE comments;--};
my $sqlbody = q{' OR 1=1 --};
my $y = comment(news => $art, name => $sqlname, body => $sqlbody);
for my $path ("/admin/comments?target=$art", "/admin/comments/$x") {
    $h = $t->text($mod->get($path));
    like($h, qr/\Q${\ html_escape($xname)}\E/, "$path: the name with markup is shown escaped");
    like($h, qr/\Q${\ html_escape($xbody)}\E/, '... so is the text');
    unlike($h, qr{<script>alert|<img src=x}, '... never as markup');
}
$h = $t->text($mod->get("/admin/comments/$y"));
like($h, qr/\Q${\ html_escape($sqlname)}\E/, 'an SQL-like name is shown as typed');
like($h, qr/\Q${\ html_escape($sqlbody)}\E/, '... and the text');
$r = $mod->submit("/admin/comments/$y", "/admin/comments/$y", { body => q{x' OR '1'='1'; --} });
is($r->{status}, 303, 'an edit to SQL-like text: 303');
is(one("SELECT body FROM comments WHERE id = $y"), q{x' OR '1'='1'; --}, '... stored exactly');
is(one('SELECT COUNT(*) FROM comments') > 60, 1, '... and the table is still there');

# ---- what the form layer refuses ---------------------------------------------------------------------------------------------
$form = $mod->form($mod->get("/admin/comments/$y"), "/admin/comments/$y");
$r = $mod->post("/admin/comments/$y", [ %$form, body => 'x' x (5 * 1024 * 1024) ]);
is($r->{status}, 413, 'a 5 MB field: 413');
$r = $mod->post("/admin/comments/$y", [ %$form, body => "a\0b" ]);
is($r->{status}, 400, 'a NUL byte: 400');
$r = $mod->post('/admin/comments', [ csrf => $csrf, action => 'approve', id => "1\0" ]);
is($r->{status}, 400, '... in the bulk form too');
is(one("SELECT body FROM comments WHERE id = $y"), q{x' OR '1'='1'; --}, '... the comment unchanged');

done_testing;
