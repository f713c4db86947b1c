#!/usr/bin/env perl
# Reader comments, the public side (issue 9), through nginx and the real
# workers: the form under a recent article (no cookie, ever; what was typed
# kept when refused), a comment in Greek waiting for a moderator (the
# author's notice on ?posted=, nothing public until approved, then the name,
# the text and "1 σχόλιο" on the article, /news and the home page), the
# one-time token (a replay gives the same comment; a missing or forged one
# stores nothing), replies one level deep, XSS and SQL payloads stored byte
# for byte and shown escaped, the spam checks (honeypot, too fast, links,
# the moderators' blocklist with Greek capitals and missing accents,
# repeats, the rate per address with Retry-After), readers' flags from
# several addresses hiding a comment at comment_flag_limit, closing
# (comments_closed, comment_close_days), post-moderation, the author's
# deletion through the link of the confirmation mail, a citizens' request's
# page, the English form, keyset pages of a long thread with replies,
# commenters' e-mail addresses on no public page or feed, and hostile input.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(decode_utf8 encode_utf8);
use HTTP::Tiny;
use Time::HiRes qw(time sleep);
use Test::More;
use Agora::Test qw(html_escape);
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(smtp => 1, conf => {
    comment_min_seconds => 2,
    comment_flag_limit  => 3,
    comment_close_days  => 30,
    comment_max_links   => 2,
    # the per-address limit is tested from an address of its own
    comment_rate        => 200,
});
my $reader = Agora::Staff->new($t);    # only its form parser is used

# The moderators' blocklist is read by each worker at its first check and
# then every 30 s: the pattern goes in before the first post.
$t->sql(q{INSERT INTO comment_blocklist (pattern, note) VALUES ('καζίνο|casino', 'διαφημίσεις')});

# ---- HTTP from any loopback address ------------------------------------------------------
# nginx listens on 127.0.0.1 and sees the connection's source address,
# which the workers use for the rate limit and for one flag per address.
my (%ua, @cookies);
sub ua {
    my ($from) = @_;
    return $ua{$from} //= HTTP::Tiny->new(max_redirect => 0, timeout => 15,
        agent => 'agora-test/1', keep_alive => 0, local_address => $from);
}

sub enc {
    my ($s) = @_;
    $s = encode_utf8($s) if utf8::is_utf8($s);
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}

# fetch(METHOD, PATH, from => IP, form => {FIELDS}, content => BYTES,
# headers => {...}): the response, with the time it came ({at}), its path
# and its text.  Every Set-Cookie seen is remembered (there must be none).
sub fetch {
    my ($method, $path, %o) = @_;
    my %opts = (headers => { %{ $o{headers} || {} } });
    if ($o{form}) {
        $opts{headers}{'content-type'} = 'application/x-www-form-urlencoded';
        $opts{content} = join '&', map { enc($_) . '=' . enc($o{form}{$_}) } sort keys %{ $o{form} };
    } elsif (defined $o{content}) {
        $opts{content} = $o{content};
    }
    my $from = $o{from} // '127.0.0.1';
    my $res = $from eq '127.0.0.1' ? $t->request($method, $path, \%opts)
        : ua($from)->request($method, $t->url($path), \%opts);
    $res->{at} = time;
    $res->{path} = $path;
    $res->{text} = $t->text($res);
    push @cookies, "$method $path: $res->{headers}{'set-cookie'}" if $res->{headers}{'set-cookie'};
    return $res;
}

# The comment form of PAGE posting to ACTION (/en kept in ACTION, matched
# without it) as a browser sends it, FIELDS over it (undef: left out), sent
# no sooner than comment_min_seconds after PAGE came (unless now => 1), to
# ACTION or to another path (to => PATH, as a script would).  The fields
# sent are in {sent} of the answer.
sub send_comment {
    my ($page, $action, $fields, %o) = @_;
    (my $bare = $action) =~ s{^/en(?=/)}{};
    my $form = $reader->form($page->{content}, $bare)
        // die "no form posting to $bare on $page->{path} (status $page->{status})";
    my %all = (%$form, %{ $fields || {} });
    delete @all{ grep { !defined $all{$_} } keys %all };
    if (!$o{now}) {
        my $wait = $page->{at} + 2.2 - time;
        sleep $wait if $wait > 0;
    }
    my $res = fetch('POST', $o{to} // $action, from => $o{from}, form => \%all);
    $res->{sent} = \%all;
    return $res;
}

# Each page of a form carries a one-time token: every comment needs a page
# of its own.  Pages fetched ahead (prefetch) are older than
# comment_min_seconds when used, as a reader's page is after writing.
my %pool;
sub prefetch { my ($path, $n) = @_; push @{ $pool{$path} }, map { fetch('GET', $path) } 1 .. $n }
sub form_page { my ($path) = @_; return shift(@{ $pool{$path} || [] }) // fetch('GET', $path) }

# Each comment a reader writes is different (the repeat check), with an
# address of its own (looked for on public pages at the end).
my ($N, @EMAILS) = (0);
sub fields {
    my (%f) = @_;
    $N++;
    my $email = $f{email} // "sxoliastis.$N\@example.org";
    push @EMAILS, $email;
    return { name => "Αναγνώστρια $N", email => $email, consent => 1,
        body => "Σχόλιο δοκιμής αριθμός $N για το άρθρο.", %f };
}

sub posted_id {
    my ($res) = @_;
    my ($id) = ($res->{headers}{location} // '') =~ m{\?posted=(\d+)-[A-Za-z0-9_-]+#comment-notice$};
    return $id;
}
# page_ok(PATH): one test that PATH answers 200, and its text (so that
# what a test says is missing from it is not missing from an error page).
sub page_ok {
    my ($path) = @_;
    my $res = fetch('GET', $path);
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($res->{status}, 200, "GET $path: 200");
    return $res->{text};
}
sub location_path { my ($res) = @_; (my $l = $res->{headers}{location} // '') =~ s/#.*//; $l }

sub one { my ($q) = @_; my ($row) = $t->sql($q); return $row ? $row->[0] : undef }
sub row { my ($q) = @_; my ($row) = $t->sql($q); return $row }

# What a refused post must leave as it was: comments, flags, the outbox.
sub state { row('SELECT (SELECT COUNT(*) FROM comments), (SELECT COUNT(*) FROM comment_flags),'
    . ' (SELECT COUNT(*) FROM outbox), (SELECT COALESCE(SUM(comment_count), 0) FROM news)') }
sub unchanged {
    my ($before, $what) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is_deeply(state(), $before, "$what: no comment, flag, mail or count changed");
}

sub recount {
    my ($news) = @_;
    # What readers can see, as db_comments.c counts it: published, not
    # deleted, a reply only under a published comment.
    $t->sql("UPDATE news SET comment_count = (SELECT COUNT(*) FROM comments c"
        . " LEFT JOIN comments p ON p.id = c.parent_id WHERE c.news_id = $news"
        . " AND c.status = 'approved' AND c.deleted_at IS NULL"
        . " AND (c.parent_id IS NULL OR p.status = 'approved')) WHERE id = $news");
}
# A moderator's approval, as the brief for this test says (by SQL: the
# moderators' pages are someone else's).
sub approve {
    my (@ids) = @_;
    for my $id (@ids) {
        $t->sql("UPDATE comments SET status = 'approved', published_at = NOW() WHERE id = $id");
        my $news = one("SELECT news_id FROM comments WHERE id = $id");
        recount($news) if defined $news;
    }
    wait_caches();
}
# An article's rows, a page of its thread and the list of latest items
# are kept by each worker for 5 s (site/news.c, comments/comments.c,
# site/shared.h): counts, approvals and closing show after that.
sub wait_caches { sleep 6 }

# The top-level comments of a page in order, and the replies under each.
sub thread {
    my ($html) = @_;
    my ($section) = $html =~ m{(<section class="comments" id="comments".*?</section>)}s;
    my (@top, %replies, $cur);
    my $in = 0;
    while (($section // '') =~ m{<li class="comment[^"]*" id="comment-(\d+)">|(<ol class="comment-replies">)|(</ol>)}g) {
        if (defined $1) {
            if ($in) { push @{ $replies{$cur} }, $1 } else { push @top, $1; $cur = $1 }
        } elsif (defined $2) {
            $in = 1;
        } else {
            $in = 0;
        }
    }
    return (\@top, \%replies);
}
sub link_rel {
    my ($html, $rel) = @_;
    my ($u) = $html =~ m{<a href="([^"]+)" rel="$rel">};
    $u =~ s/&amp;/&/g if defined $u;
    $u =~ s/#.*// if defined $u;
    return $u;
}

# ---- the articles ------------------------------------------------------------------------
# These comments alone (the demo's go first), and the counts they leave.
$t->sql('DELETE FROM comments');
$t->sql('UPDATE news SET comment_count = 0, updated_at = updated_at');
my @recent = $t->sql(q{SELECT id, category_id FROM news WHERE status = 'published'
    AND published_at BETWEEN NOW() - INTERVAL 20 DAY AND NOW() ORDER BY published_at DESC, id DESC});
cmp_ok(scalar @recent, '>=', 5, 'the demo has at least five articles published in the last 20 days')
    or BAIL_OUT('not enough recent articles');
my $A = $recent[0][0];    # the newest: also on the home page
# Post-moderation for a category that none of the other articles used has.
my ($pm) = grep { $_->[1] != $recent[0][1] } @recent;
my ($PM, $PMCAT) = @$pm;
my @others = map { $_->[0] } grep { $_->[1] != $PMCAT && $_->[0] != $A } @recent;
cmp_ok(scalar @others, '>=', 3, 'three more recent articles outside the post-moderated category');
my ($B, $C, $PG) = @others;
# One published 40 days ago, one 25 days ago (comment_close_days is 30).
my @older = map { $_->[0] } $t->sql(q{SELECT id FROM news WHERE status = 'published'
    AND published_at < NOW() - INTERVAL 60 DAY ORDER BY published_at DESC LIMIT 2});
my ($OLD, $MID) = @older;
$t->sql("UPDATE news SET published_at = NOW() - INTERVAL 40 DAY WHERE id = $OLD");
$t->sql("UPDATE news SET published_at = NOW() - INTERVAL 25 DAY WHERE id = $MID");
$t->sql("UPDATE categories SET comment_moderation = 'post' WHERE id = $PMCAT");
my %path;
for my $id ($A, $B, $C, $PG, $PM, $OLD, $MID) {
    my $r = fetch('GET', "/news/$id");
    ($path{$id} = $r->{headers}{location} // '') =~ s{^https?://[^/]+}{};
}
like($path{$A}, qr{^/news/$A-[a-z0-9-]+$}, "article $A has its canonical path $path{$A}");
prefetch($path{$A}, 60);

# ---- 1. the form --------------------------------------------------------------------------
my $pageA = fetch('GET', $path{$A});
is($pageA->{status}, 200, 'the newest article opens');
is($pageA->{headers}{'set-cookie'}, undef, '... without setting a cookie');
my $html = $pageA->{text};
like($html, qr{<section class="comments" id="comments" aria-labelledby="comments-heading">}, '... it has the comments section');
like($html, qr{<h2 id="comments-heading">Σχόλια <span class="count">\(0\)</span></h2>}, '... headed "Σχόλια (0)"');
like($html, qr{Δεν υπάρχουν ακόμη σχόλια\. Γράψτε πρώτοι το δικό σας\.}, '... saying there are no comments yet');
like($html, qr{<form id="comment" method="post" action="/news/$A/comments"}, '... and the form posting to /news/ID/comments');
like($html, qr{Γράψτε το σχόλιό σας}, '... under its heading');
like($html, qr{Τα σχόλια δημοσιεύονται αφού τα εγκρίνει συντονιστής\.}, '... saying a moderator approves comments first');
for my $f (qw(name email body consent website)) {
    like($html, qr{id="f-comment-$f"}, "... with the field f-comment-$f");
}
like($html, qr{<div class="field trap" aria-hidden="true">\s*<label for="f-comment-website">Αφήστε αυτό το πεδίο κενό</label>},
    '... the honeypot hidden from people and screen readers');
like($html, qr{Έως 2000 χαρακτήρες· έως 2 διευθύνσεις ιστοσελίδων\.}, '... the text\'s hint names the link limit');
like($html, qr{Δεν χρησιμοποιούμε cookies\.}, '... and the privacy note says there are no cookies');
my $pageC = fetch('GET', $path{$C});    # kept: a reader's open page, closed later
like($pageC->{text}, qr{<form id="comment"}, "article $C has the form too");

my $s0 = state();
my $r = send_comment($pageA, "/news/$A/comments",
    { name => '', email => 'όχι-διεύθυνση', body => 'x', consent => undef });
is($r->{status}, 422, 'an empty name, a bad e-mail, a one-letter text and no consent: 422');
is($r->{headers}{'set-cookie'}, undef, '... the POST sets no cookie either');
like($r->{text}, qr{<title>Σφάλμα:}, '... the title starts with "Σφάλμα:"');
like($r->{text}, qr{Η φόρμα χρειάζεται διόρθωση}, '... the error summary');
like($r->{text}, qr{<a href="#f-comment-name">Γράψτε ένα όνομα έως 80 χαρακτήρες</a>}, '... links the name to its field');
like($r->{text}, qr{<a href="#f-comment-email">Γράψτε μια διεύθυνση e-mail, όπως onoma\@example\.gr</a>}, '... the e-mail');
like($r->{text}, qr{<a href="#f-comment-body">Το σχόλιο πρέπει να έχει από 2 έως 2000 χαρακτήρες</a>}, '... the text');
like($r->{text}, qr{<a href="#f-comment-consent">Χρειάζεται η συγκατάθεσή σας για να δημοσιευτεί το σχόλιο</a>}, '... and the consent');
like($r->{text}, qr{id="f-comment-email"[^>]*value="όχι-διεύθυνση"[^>]*aria-invalid="true"}, '... the e-mail as typed, marked invalid');
unchanged($s0, 'a form with four problems');

my $kept = fields(body => "Θα ήθελα να ξέρω\nπότε θα φυτευτούν.", consent => undef);
$r = send_comment(form_page($path{$A}), "/news/$A/comments", $kept);
is($r->{status}, 422, 'everything but the consent: 422');
like($r->{text}, qr{id="f-comment-name"[^>]*value="\Q$kept->{name}\E"}, '... the name kept');
like($r->{text}, qr{id="f-comment-email"[^>]*value="\Q$kept->{email}\E"}, '... the e-mail kept');
like($r->{text}, qr{<textarea id="f-comment-body"[^>]*>Θα ήθελα να ξέρω\nπότε θα φυτευτούν\.</textarea>}, '... the text kept with its line break');
unlike($r->{text}, qr{id="f-comment-consent"[^>]*checked}, '... the consent still unticked');
my $again = send_comment($r, "/news/$A/comments", { consent => 1 }, now => 1);
is($again->{status}, 303, '... ticked and sent again from the page that came back: stored');
my $first_kept = posted_id($again);
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(body => 'λ' x 2001));
is($r->{status}, 422, 'a text of 2001 characters: 422');
like($r->{text}, qr{<p class="field-error" id="f-comment-body-error">Το σχόλιο πρέπει να έχει από 2 έως 2000 χαρακτήρες</p>}, '... said beside the text');

# ---- 2. a comment in Greek ------------------------------------------------------------------
my $body1 = "Πολύ καλή πρωτοβουλία.\nΕλπίζω να φυτευτούν δέντρα και στην πλατεία.";
my $f1 = fields(name => 'Ελένη Παπαδοπούλου', email => 'eleni.sxoliazei@example.org', body => $body1);
$s0 = state();
$r = send_comment(form_page($path{$A}), "/news/$A/comments", $f1);
is($r->{status}, 303, 'a comment in Greek: 303');
is($r->{headers}{'set-cookie'}, undef, '... and no cookie');
my $c1 = posted_id($r);
ok($c1, "... to the article with its signed notice (comment $c1)")
    or diag($r->{headers}{location});
like($r->{headers}{location}, qr{^\Q$path{$A}\E\?posted=}, '... on the article\'s own page');
is_deeply(row("SELECT news_id, request_id, parent_id, status, lang, INET6_NTOA(ip), author_name, email, body,"
    . " published_at, official FROM comments WHERE id = $c1"),
    [ $A, undef, undef, 'pending', 'el', '127.0.0.1', 'Ελένη Παπαδοπούλου', 'eleni.sxoliazei@example.org',
      $body1, undef, 0 ],
    '... stored pending on the article, in Greek, from 127.0.0.1, as written');
is(one("SELECT COUNT(*) FROM outbox WHERE kind = 'comment.confirm' AND rcpt = 'eleni.sxoliazei\@example.org'"), 1,
    '... with its confirmation mail queued');
is(one("SELECT comment_count FROM news WHERE id = $A"), 0, '... and not counted while pending');

my $notice = fetch('GET', location_path($r));
is($notice->{status}, 200, 'the author\'s page after posting');
like($notice->{text}, qr{<div class="notice" id="comment-notice" role="status"}, '... has the notice');
like($notice->{text}, qr{Ευχαριστούμε! Το σχόλιό σας θα δημοσιευτεί όταν το εγκρίνει συντονιστής\.}, '... saying a moderator will approve it');
like($notice->{text}, qr{<strong>Ελένη Παπαδοπούλου</strong>}, '... quoting the name');
like($notice->{text}, qr{Πολύ καλή πρωτοβουλία\.<br>\nΕλπίζω να φυτευτούν δέντρα και στην πλατεία\.}, '... and the text with its line break');
like($notice->{text}, qr{Σας στείλαμε e-mail με σύνδεσμο για να το διαγράψετε}, '... and the mail with the delete link');
like($notice->{headers}{'cache-control'} // '', qr{\bprivate\b}, '... Cache-Control private: no shared cache keeps it');
like($notice->{headers}{'cache-control'} // '', qr{\bno-store\b}, '... nor the browser (no-store: a pending comment is the author\'s own)');
unlike($notice->{text}, qr{eleni\.sxoliazei}, '... without the e-mail address');
(my $forged = location_path($r)) =~ s/(posted=\d+-)(.)/$1 . ($2 eq 'A' ? 'B' : 'A')/e;
my $fn = fetch('GET', $forged);
is($fn->{status}, 200, 'a forged ?posted= signature: the page');
unlike($fn->{text}, qr{comment-notice|Πολύ καλή πρωτοβουλία}, '... without the notice or the pending text');
unlike($fn->{headers}{'cache-control'} // '', qr{private}, '... and shareable');

my $pub = fetch('GET', $path{$A});
is($pub->{status}, 200, 'the public page');
unlike($pub->{text}, qr{Πολύ καλή πρωτοβουλία|id="comment-$c1"}, 'the public page does not show the pending comment');
unlike($pub->{headers}{'cache-control'} // '', qr{private}, '... and is not private');

approve($c1);
# The reader's page of article C, still open, is closed meanwhile (section 8).
$t->sql("UPDATE news SET comments_closed = 1 WHERE id = $C");
$t->sql("INSERT INTO comments (news_id, status, author_name, email, body, body_hash, published_at)"
    . " VALUES ($C, 'approved', 'Παλιός Σχολιαστής', NULL, 'Σχόλιο πριν κλείσουν.', UNHEX(SHA2('closed-1', 256)), NOW())");
recount($C);
wait_caches();
$pub = fetch('GET', $path{$A});
like($pub->{text}, qr{<li class="comment" id="comment-$c1">}, 'approved: the comment is on the article');
like($pub->{text}, qr{<span class="comment-author">Ελένη Παπαδοπούλου</span>}, '... with the name');
like($pub->{text}, qr{<p class="comment-body">Πολύ καλή πρωτοβουλία\.<br>\nΕλπίζω να φυτευτούν δέντρα και στην πλατεία\.</p>}, '... and the text');
like($pub->{text}, qr{Σχόλια <span class="count">\(1\)</span>}, '... headed "Σχόλια (1)"');
like($pub->{text}, qr{<a class="item-comments" href="#comments">1 σχόλιο</a>}, '... and "1 σχόλιο" beside the date');
unlike($pub->{text}, qr{Δεν υπάρχουν ακόμη σχόλια}, '... no longer "no comments yet"');
my $list = fetch('GET', '/news');
like($list->{text}, qr{href="\Q$path{$A}\E#comments">1 σχόλιο</a>}, '/news says "1 σχόλιο" for the article');
my $home = fetch('GET', '/');
like($home->{text}, qr{href="\Q$path{$A}\E"}, 'the newest article is on the home page');
like($home->{text}, qr{href="\Q$path{$A}\E#comments">1 σχόλιο</a>}, '... with "1 σχόλιο"');

# ---- 3. the one-time token -------------------------------------------------------------------
$s0 = state();
my $replay = fetch('POST', "/news/$A/comments", form => $r->{sent});
is($replay->{status}, 303, 'the same form sent again: 303');
is(posted_id($replay), $c1, '... to the same comment');
unchanged($s0, '... one row, one mail');
my $elsewhere = fetch('POST', "/news/$B/comments", form => $r->{sent});
is($elsewhere->{status}, 303, 'the same form sent to another article: 303');
like($elsewhere->{headers}{location} // '', qr{^\Q$path{$A}\E\?posted=$c1-}, '... to the article it was stored on');
unchanged($s0, '... and nothing new');

my %no_token = %{ fields() };
my $base = $reader->form($pageA->{content}, "/news/$A/comments");
my %sent = (%$base, %no_token);
delete $sent{token};
$r = fetch('POST', "/news/$A/comments", form => \%sent);
is($r->{status}, 422, 'no token: 422');
like($r->{text}, qr{Η φόρμα έληξε ή δεν είναι έγκυρη\. Ελέγξτε τα στοιχεία και στείλτε την ξανά\.}, '... saying the form is not valid');
like($r->{text}, qr{id="f-comment-name"[^>]*value="\Q$no_token{name}\E"}, '... with what was typed');
unchanged($s0, 'a post without a token');
my $tok = $base->{token};
(my $bad = $tok) =~ s/^(.{20})(.)/$1 . ($2 eq 'A' ? 'B' : 'A')/e;
$r = fetch('POST', "/news/$A/comments", form => { %$base, %{ fields() }, token => $bad });
is($r->{status}, 422, 'a forged token: 422');
like($r->{text}, qr{Η φόρμα έληξε ή δεν είναι έγκυρη}, '... the token\'s message');
my $other_form = $reader->form(fetch('GET', "/comments/$c1/flag")->{content}, "/comments/$c1/flag");
$r = fetch('POST', "/news/$A/comments", form => { %$base, %{ fields() }, token => $other_form->{token} });
is($r->{status}, 422, 'a token issued for another form (the flag form): 422');
unchanged($s0, 'forged and borrowed tokens');

# ---- 4. replies ------------------------------------------------------------------------------
my $rp = fetch('GET', "$path{$A}?reply=$c1");
like($rp->{text}, qr{Απαντάτε στο σχόλιο του/της <a href="#comment-$c1">Ελένη Παπαδοπούλου</a>}, '?reply=ID: "Απαντάτε στο σχόλιο" naming its author');
like($rp->{text}, qr{<input type="hidden" name="parent" value="$c1">}, '... the form carries the parent');
like($rp->{text}, qr{Ακύρωση απάντησης}, '... and a way to cancel');
like($pub->{text}, qr{href="\Q$path{$A}\E\?reply=$c1#comment-form">Απάντηση}, 'the comment has its reply link');
$r = send_comment($rp, "/news/$A/comments", fields(name => 'Γιώργος', body => 'Συμφωνώ απόλυτα μαζί σας.'));
is($r->{status}, 303, 'a reply: 303');
my $reply1 = posted_id($r);
is(one("SELECT parent_id FROM comments WHERE id = $reply1"), $c1, '... its parent is the comment');
approve($reply1);
my $rr = fetch('GET', "$path{$A}?reply=$reply1");
like($rr->{text}, qr{Απαντάτε στο σχόλιο του/της <a href="#comment-$reply1">Γιώργος</a>}, 'replying to the reply');
$r = send_comment($rr, "/news/$A/comments", fields(name => 'Σοφία', body => 'Και εγώ συμφωνώ με τον Γιώργο.'));
is($r->{status}, 303, '... 303');
my $reply2 = posted_id($r);
is(one("SELECT parent_id FROM comments WHERE id = $reply2"), $c1, '... attached to the top-level comment (one level)');
approve($reply2);
$pub = fetch('GET', $path{$A});
my ($top, $reps) = thread($pub->{text});
is_deeply($reps->{$c1}, [ $reply1, $reply2 ], 'both replies are under the comment, in order');
ok(!grep({ $_ == $reply1 || $_ == $reply2 } @$top), '... and not at the top level');
unlike($pub->{text}, qr{\?reply=$reply1#}, 'a reply has no reply link of its own');

my $pending = posted_id(send_comment(form_page($path{$A}), "/news/$A/comments", fields()));
ok($pending, "a comment waiting for a moderator ($pending)");
my $onB = one("SELECT id FROM comments WHERE news_id = $B LIMIT 1") // do {
    $t->sql("INSERT INTO comments (news_id, status, author_name, body, body_hash, published_at)"
        . " VALUES ($B, 'approved', 'Άλλου άρθρου', 'Σχόλιο σε άλλο άρθρο.', UNHEX(SHA2('other-1', 256)), NOW())");
    one("SELECT MAX(id) FROM comments WHERE news_id = $B");
};
for my $case ([ $pending, 'a parent waiting for a moderator' ], [ $onB, 'a parent on another article' ],
    [ 'abc', 'a parent that is not a number' ], [ '0', 'parent 0' ], [ '99999999', 'a parent that does not exist' ]) {
    my ($parent, $what) = @$case;
    $s0 = state();
    my $f = fields(body => "Απάντηση σε κάτι που δεν βρίσκω ($what).");
    $r = send_comment(form_page($path{$A}), "/news/$A/comments", { %$f, parent => $parent });
    is($r->{status}, 422, "$what: 422");
    like($r->{text}, qr{Το σχόλιο στο οποίο απαντάτε δεν βρέθηκε\. Στείλτε το δικό σας ως νέο σχόλιο\.}, '... with the parent\'s message');
    like($r->{text}, qr{\Q$f->{body}\E</textarea>}, '... the text kept');
    unchanged($s0, $what);
}
# The message says to send it as a new comment: the form as it came back
# must do exactly that.
is($reader->form($r->{content}, "/news/$A/comments")->{parent}, '', 'the form that comes back has no parent any more');
my $as_new = send_comment($r, "/news/$A/comments", {}, now => 1);
is($as_new->{status}, 303, '... so sent again as it is, it is stored');
is_deeply(row('SELECT parent_id IS NULL, news_id FROM comments WHERE id = ' . (posted_id($as_new) // 0)), [ 1, $A ],
    '... as a new top-level comment');

# ---- 5. XSS and SQL in name and text --------------------------------------------------------
my @payloads = (
    [ '<script>alert(1)</script>', q{"><img src=x onerror=alert(1)> ' OR 1=1 --} ],
    [ q{Robert'); DROP TABLE comments;--}, q{<script>alert(1)</script> Robert'); DROP TABLE comments;-- ' OR 1=1 --} ],
    [ q{' OR 1=1 --}, q{"><img src=x onerror=alert(1)> & <b>bold</b>} ],
);
my @xss;
for my $p (@payloads) {
    my ($name, $body) = @$p;
    $r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(name => $name, body => $body));
    is($r->{status}, 303, "a comment named $name: stored");
    my $id = posted_id($r);
    push @xss, $id;
    is_deeply(row("SELECT author_name, body FROM comments WHERE id = $id"), [ $name, $body ], '... byte for byte');
    my $n = fetch('GET', location_path($r));
    for my $raw ($name, $body) {
        ok(index($n->{text}, $raw) < 0, "... the author's notice never has the raw \"$raw\"");
        ok(index($n->{text}, html_escape($raw)) >= 0, '... but has it escaped');
    }
}
approve(@xss);
ok(one('SELECT COUNT(*) FROM comments') > 0, 'the table comments is still there, with its rows');
$pub = fetch('GET', $path{$A});
for my $i (0 .. $#payloads) {
    for my $raw (@{ $payloads[$i] }) {
        ok(index($pub->{text}, $raw) < 0, "the article never has the raw \"$raw\"");
        ok(index($pub->{text}, html_escape($raw)) >= 0, '... but has it escaped');
    }
}
unlike($pub->{text}, qr{<script>alert|<img src=x}i, '... no injected element anywhere on the page');
my $fp = fetch('GET', "/comments/$xss[0]/flag");
ok(index($fp->{text}, '<script>alert(1)</script>') < 0 && index($fp->{text}, html_escape('<script>alert(1)</script>')) >= 0,
    'the flag page shows the name escaped too');

# ---- 6. spam checks ------------------------------------------------------------------------
$s0 = state();
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(website => 'http://spam.example.com/'));
is($r->{status}, 422, 'the honeypot filled in: 422');
like($r->{text}, qr{Το σχόλιο δεν έγινε δεκτό\. Αφήστε κενό το πεδίο «Αφήστε αυτό το πεδίο κενό»}, '... saying to leave it empty');
unchanged($s0, 'the honeypot');

my $fresh = fetch('GET', $path{$A});
my $ff = fields(body => 'Γρήγορο σχόλιο αλλά ανθρώπινο.');
$r = send_comment($fresh, "/news/$A/comments", $ff, now => 1);
is($r->{status}, 422, 'posted at once after the page came (comment_min_seconds 2): 422');
like($r->{text}, qr{Το σχόλιο στάλθηκε πολύ γρήγορα μετά το άνοιγμα της σελίδας\.}, '... saying it was too fast');
like($r->{text}, qr{Γρήγορο σχόλιο αλλά ανθρώπινο\.</textarea>}, '... the text kept');
unchanged($s0, 'too fast');
$r->{at} = $fresh->{at};
$r = send_comment($r, "/news/$A/comments", {});
is($r->{status}, 303, '... the same form sent again two seconds later: stored');

$s0 = state();
$r = send_comment(form_page($path{$A}), "/news/$A/comments",
    fields(body => 'Δείτε https://a.example.com και http://b.example.com και www.c.example.com εδώ.'));
is($r->{status}, 422, 'three links (comment_max_links 2): 422');
like($r->{text}, qr{<p class="field-error" id="f-comment-body-error">Έχει περισσότερες διευθύνσεις ιστοσελίδων από όσες επιτρέπονται</p>}, '... said beside the text');
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(name => 'www.spam.example.com'));
is($r->{status}, 422, 'a link in the name: 422');
like($r->{text}, qr{<p class="field-error" id="f-comment-name-error">Έχει περισσότερες}, '... said beside the name');
unchanged($s0, 'too many links');
$r = send_comment(form_page($path{$A}), "/news/$A/comments",
    fields(body => 'Δείτε https://a.example.com/dentra και www.b.example.com για λεπτομέρειες.'));
is($r->{status}, 303, 'two links: stored');
my $links = posted_id($r);
my $ln = fetch('GET', location_path($r));
like($ln->{text}, qr{Δείτε https://a\.example\.com/dentra και www\.b\.example\.com}, '... shown as text');
unlike($ln->{text}, qr{<a href="https://a\.example\.com}, '... not as links');

for my $case ([ 'Κερδίστε στο καζίνο μας!', 'the blocklisted word' ], [ 'Κερδίστε στο ΚΑΖΙΝΟ ΜΑΣ!', 'in Greek capitals without accents' ],
    [ 'Κερδίστε στο ΚΑΖΊΝΟ σήμερα', 'in capitals with the accent' ], [ 'Κερδίστε στο καζινο τωρα', 'without its accent' ],
    [ 'Best CASINO bonus', 'the Latin word in capitals' ]) {
    my ($body, $what) = @$case;
    $s0 = state();
    $r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(body => $body));
    is($r->{status}, 422, "blocklist 'καζίνο|casino', $what: 422");
    like($r->{text}, qr{Το σχόλιο περιέχει λέξεις ή διευθύνσεις που δεν δεχόμαστε σε αυτόν τον ιστότοπο\.}, '... with the blocklist\'s message');
    unchanged($s0, "... $what");
}
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(name => 'Casino Royale'));
is($r->{status}, 422, 'a blocklisted word in the name: 422');
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(body => 'Η καζούρα στο γήπεδο δεν είναι καλή.'));
is($r->{status}, 303, 'a word that only begins like it: stored');

my $rep = 'ΠΟΛΥ ΚΑΛΗ ΠΡΩΤΟΒΟΥΛΙΑ!!! Ελπίζω να φυτευτούν δέντρα και στην... πλατεία';
for my $case ([ '127.0.0.1', $A, 'from the same address on the same article' ],
    [ '127.0.0.5', $A, 'from another address on the same article' ],
    [ '127.0.0.1', $B, 'from the same address on another article' ]) {
    my ($from, $news, $what) = @$case;
    $s0 = state();
    my $page = fetch('GET', $path{$news}, from => $from);
    $r = send_comment($page, "/news/$news/comments", fields(body => $rep), from => $from);
    is($r->{status}, 422, "the first comment's text again (other case and punctuation), $what: 422");
    like($r->{text}, qr{Το ίδιο σχόλιο έχει ήδη σταλεί\.}, '... saying it was sent already');
    unchanged($s0, "a repeat $what");
}
my $pb = fetch('GET', $path{$B}, from => '127.0.0.5');
$r = send_comment($pb, "/news/$B/comments", fields(body => $rep), from => '127.0.0.5');
is($r->{status}, 303, '... from another address on another article: not a repeat');

# The rate: comment_rate (200) comments from one address in 10 minutes.
$t->sql("INSERT INTO comments (news_id, status, author_name, body, body_hash, ip, created_at)"
    . " SELECT $B, 'pending', 'Βιαστικός', CONCAT('Πλημμύρα ', seq), UNHEX(SHA2(CONCAT('rate', seq), 256)),"
    . " INET6_ATON('127.0.0.9'), NOW() - INTERVAL 9 MINUTE FROM seq_1_to_200");
$s0 = state();
my $p9 = fetch('GET', $path{$A}, from => '127.0.0.9');
my $fr = fields(body => 'Ένα ακόμη σχόλιο από πολυσύχναστη σύνδεση.');
$r = send_comment($p9, "/news/$A/comments", $fr, from => '127.0.0.9');
is($r->{status}, 429, '200 comments from an address in the last 10 minutes: the next is 429');
is($r->{headers}{'retry-after'}, 600, '... with Retry-After: 600');
like($r->{text}, qr{Από τη σύνδεσή σας στάλθηκαν πολλά σχόλια σε λίγο χρόνο\. Δοκιμάστε ξανά σε δέκα λεπτά\.}, '... and the Greek message');
like($r->{text}, qr{Ένα ακόμη σχόλιο από πολυσύχναστη σύνδεση\.</textarea>}, '... the text kept');
unchanged($s0, 'the rate limit');
my $p8 = fetch('GET', $path{$A}, from => '127.0.0.8');
is(send_comment($p8, "/news/$A/comments", fields(), from => '127.0.0.8')->{status}, 303, '... another address is not limited');
$t->sql("UPDATE comments SET created_at = NOW() - INTERVAL 11 MINUTE WHERE ip = INET6_ATON('127.0.0.9')");
$r = send_comment($r, "/news/$A/comments", {}, from => '127.0.0.9', now => 1);
is($r->{status}, 303, '... and the limited one may post again once they are 11 minutes old');
$t->sql("DELETE FROM comments WHERE author_name = 'Βιαστικός'");

# ---- 7. flags -------------------------------------------------------------------------------
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(name => 'Ενοχλητικός', body => 'Ένα σχόλιο που θα αναφερθεί.'));
my $fl = posted_id($r);
approve($fl);
my $flr = posted_id(send_comment(fetch('GET', "$path{$A}?reply=$fl"), "/news/$A/comments",
    fields(name => 'Απαντά στον ενοχλητικό', body => 'Διαφωνώ με αυτό που γράφετε.')));
approve($flr);
is(one("SELECT parent_id FROM comments WHERE id = $flr"), $fl, 'the comment to be flagged has a published reply');
my $count = one("SELECT comment_count FROM news WHERE id = $A");
like(fetch('GET', $path{$A})->{text}, qr{href="/comments/$fl/flag" rel="nofollow">Αναφορά}, 'a published comment has its flag link');
my $flag_page = fetch('GET', "/comments/$fl/flag");
is($flag_page->{status}, 200, 'the flag page');
like($flag_page->{text}, qr{<h1>Αναφορά σχολίου</h1>}, '... its heading');
like($flag_page->{text}, qr{Ένα σχόλιο που θα αναφερθεί\.}, '... quoting the comment');
like($flag_page->{text}, qr{Διαφήμιση ή ανεπιθύμητο \(spam\).*Προσβλητικό.*Εκτός θέματος}s, '... offering the three reasons');
is(one("SELECT COUNT(*) FROM comment_flags WHERE comment_id = $fl"), 0, '... and the GET counted nothing');
my $flag = sub {
    my ($from, $reason) = @_;
    my $pg = fetch('GET', "/comments/$fl/flag", from => $from);
    my $f = $reader->form($pg->{content}, "/comments/$fl/flag") // {};
    return fetch('POST', "/comments/$fl/flag", from => $from, form => { %$f, reason => $reason });
};
$r = $flag->('127.0.0.1', 'spam');
is($r->{status}, 303, 'flagged as spam from 127.0.0.1: 303');
like($r->{headers}{location}, qr{^\Q$path{$A}\E\?flagged=1#comments$}, '... back to the article');
like(fetch('GET', location_path($r))->{text}, qr{Ευχαριστούμε\. Η αναφορά σας καταγράφηκε και θα την εξετάσει συντονιστής\.}, '... which thanks the reader');
is(one("SELECT COUNT(*) FROM comment_flags WHERE comment_id = $fl"), 1, '... one flag');
$r = $flag->('127.0.0.1', 'offensive');
is($r->{status}, 303, 'flagged again from the same address: the same answer');
is_deeply(row("SELECT (SELECT COUNT(*) FROM comment_flags WHERE comment_id = $fl), flag_count, status FROM comments WHERE id = $fl"),
    [ 1, 1, 'approved' ], '... not counted twice');
is($flag->('127.0.0.2', 'off_topic')->{status}, 303, 'flagged from 127.0.0.2');
is_deeply(row("SELECT flag_count, status, hidden_by_flags FROM comments WHERE id = $fl"), [ 2, 'approved', 0 ],
    '... two flags: still published');
$s0 = state();
$r = $flag->('127.0.0.3', 'nonsense');
is($r->{status}, 422, 'a reason that is not one of the three: 422');
like($r->{text}, qr{Διαλέξτε έναν λόγο}, '... saying to choose one');
unchanged($s0, 'a bad reason');
is($flag->('127.0.0.3', 'offensive')->{status}, 303, 'flagged from 127.0.0.3 (comment_flag_limit 3)');
is_deeply(row("SELECT flag_count, status, hidden_by_flags FROM comments WHERE id = $fl"), [ 3, 'pending', 1 ],
    '... back to the moderators: pending, hidden by flags');
is(one("SELECT comment_count FROM news WHERE id = $A"), $count - 2,
    '... and no longer counted, nor its reply (hidden with it)');
wait_caches();
unlike(page_ok($path{$A}), qr{id="comment-$fl"|Ένα σχόλιο που θα αναφερθεί}, '... gone from the article');
is(fetch('GET', "/comments/$fl/flag")->{status}, 404, 'a hidden comment\'s flag page: 404');
$s0 = state();
$r = send_comment(form_page($path{$A}), "/news/$A/comments", { %{ fields() }, parent => $flr });
is($r->{status}, 422, 'a reply to the reply of a hidden comment (its thread is not shown): 422');
like($r->{text}, qr{Το σχόλιο στο οποίο απαντάτε δεν βρέθηκε}, '... with the parent\'s message');
unchanged($s0, 'a reply into a hidden thread');
is(fetch('GET', "/comments/$pending/flag")->{status}, 404, 'a pending comment\'s flag page: 404');
my $flag_tok = $reader->form(fetch('GET', "/comments/$c1/flag")->{content}, "/comments/$c1/flag");
$t->sql("INSERT INTO comments (news_id, status, official, author_name, body, body_hash, published_at)"
    . " VALUES ($B, 'approved', 1, 'Δήμος Μυτιλήνης', 'Η απάντηση του Δήμου.', UNHEX(SHA2('official-1', 256)), NOW())");
my $official = one("SELECT MAX(id) FROM comments WHERE official = 1");
$s0 = state();
is(fetch('POST', "/comments/$pending/flag", form => { %$flag_tok, reason => 'spam' })->{status}, 404, 'flagging a pending comment: 404');
is(fetch('GET', "/comments/$official/flag")->{status}, 404, 'an official comment\'s flag page: 404');
is(fetch('POST', "/comments/$official/flag", form => { %$flag_tok, reason => 'spam' })->{status}, 404, '... and flagging it: 404');
unchanged($s0, 'flags on comments that cannot be flagged');
my $pbo = fetch('GET', $path{$B})->{text};
like($pbo, qr{<li class="comment comment-official" id="comment-$official">.*?<span class="badge">Απάντηση του Δήμου</span>}s,
    'the official comment is marked as the municipality\'s answer');
unlike($pbo, qr{/comments/$official/flag}, '... and has no flag link');

# ---- 8. closing -------------------------------------------------------------------------------
my $closed = fetch('GET', $path{$C});
like($closed->{text}, qr{<p class="comments-closed">Τα σχόλια σε αυτό το άρθρο έχουν κλείσει\.</p>}, 'comments_closed = 1: the article says comments are closed');
unlike($closed->{text}, qr{<form id="comment"}, '... no form');
like($closed->{text}, qr{Σχόλιο πριν κλείσουν\.}, '... the comments before it still shown');
unlike($closed->{text}, qr{\?reply=}, '... without reply links');
$s0 = state();
$r = send_comment($pageC, "/news/$C/comments", fields());
is($r->{status}, 403, '... the form a reader had open before: 403');
like($r->{text}, qr{Τα σχόλια εδώ έχουν κλείσει: το σχόλιο δεν αποθηκεύτηκε\.}, '... saying it was not stored');
unchanged($s0, 'a post to a closed article');
$r = send_comment($pageC, "/news/$C/comments", { %{ fields() }, body => '' });
is($r->{status}, 403, '... a form with a field wrong, too: 403, not a form to correct');
my $old = fetch('GET', $path{$OLD});
like($old->{text}, qr{Τα σχόλια σε αυτό το άρθρο έχουν κλείσει\.}, 'an article published 40 days ago (comment_close_days 30): closed');
unlike($old->{text}, qr{<form id="comment"}, '... no form');
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(), to => "/news/$OLD/comments");
is($r->{status}, 403, '... a post to it: 403');
unchanged($s0, 'a post to an old article');
like(fetch('GET', $path{$MID})->{text}, qr{<form id="comment"}, 'an article published 25 days ago: still open');

# ---- 9. post-moderation ----------------------------------------------------------------------
my $ppm = fetch('GET', $path{$PM});
like($ppm->{text}, qr{Τα σχόλια δημοσιεύονται αμέσως και τα ελέγχουν συντονιστές\.}, 'a category with post-moderation: the form says so');
$r = send_comment($ppm, "/news/$PM/comments", fields(name => 'Άμεσος', body => 'Δημοσιεύεται αμέσως, χωρίς αναμονή.'));
is($r->{status}, 303, '... a comment: 303');
my $cpm = posted_id($r);
is_deeply(row("SELECT status, published_at IS NOT NULL FROM comments WHERE id = $cpm"), [ 'approved', 1 ], '... published at once');
is(one("SELECT comment_count FROM news WHERE id = $PM"), 1, '... and counted');
like(fetch('GET', location_path($r))->{text}, qr{Ευχαριστούμε! Το σχόλιό σας δημοσιεύτηκε\.</strong> <a href="#comment-$cpm">Δείτε το</a>}, '... the notice says it is published');
wait_caches();
like(fetch('GET', $path{$PM})->{text}, qr{<li class="comment" id="comment-$cpm">.*Δημοσιεύεται αμέσως}s, '... and everyone sees it (within the workers\' 5 s)');

# ---- 10. the author's deletion --------------------------------------------------------------
my ($rc, $out) = $t->outbox_send;
is($rc, 0, 'agora-admin outbox send') or diag $out;
my @mine = grep { ($_->{headers}{to} // '') =~ /eleni\.sxoliazei\@example\.org/ } $t->mails;
is(scalar @mine, 1, 'the author got one confirmation mail');
like($mine[0]{headers}{subject} // '', qr{^Το σχόλιό σας: }, '... its Greek subject');
like($mine[0]{text} // '', qr{Θα δημοσιευτεί όταν το εγκρίνει συντονιστής\. Το κείμενό σας:\n\nΠολύ καλή πρωτοβουλία\.}, '... what was written, waiting for a moderator');
my ($link, $k) = ($mine[0]{text} // '') =~ m{(https?://\S+/comments/$c1/delete\?k=([A-Za-z0-9_-]+))};
ok($link, '... and the link that deletes it');
(my $del = $link // '') =~ s{^https?://[^/]+}{};
my $dp = fetch('GET', $del);
is($dp->{status}, 200, 'the link opens');
like($dp->{text}, qr{<h1>Διαγραφή του σχολίου σας</h1>}, '... the deletion page');
like($dp->{text}, qr{Πολύ καλή πρωτοβουλία\.}, '... showing the comment');
like($dp->{text}, qr{<button type="submit">Διαγραφή του σχολίου μου</button>}, '... and a button');
unlike($dp->{text}, qr{eleni\.sxoliazei}, '... not the e-mail address');
is(one("SELECT author_name FROM comments WHERE id = $c1"), 'Ελένη Παπαδοπούλου', '... the GET changed nothing');
(my $wrong = $del) =~ s/k=(.)/'k=' . ($1 eq 'A' ? 'B' : 'A')/e;
my $w = fetch('GET', $wrong);
is($w->{status}, 403, 'a wrong k: 403');
like($w->{text}, qr{Ο σύνδεσμος δεν είναι σωστός\.}, '... saying the link is wrong');
is(fetch('GET', "/comments/$reply1/delete?k=$k")->{status}, 403, 'the signature of another comment: 403');
my $dform = $reader->form($dp->{content}, "/comments/$c1/delete");
is(fetch('POST', "/comments/$c1/delete", form => { %$dform, k => $k . 'x' })->{status}, 403, 'the form with a wrong k: 403');
is(one("SELECT author_name FROM comments WHERE id = $c1"), 'Ελένη Παπαδοπούλου', '... nothing erased');
$r = fetch('POST', "/comments/$c1/delete", form => $dform);
is($r->{status}, 303, 'the button: 303');
like(fetch('GET', location_path($r))->{text}, qr{Το σχόλιο διαγράφηκε\.}, '... to a page saying it is deleted');
is_deeply(row("SELECT author_name, body, email, ip, status, deleted_at IS NOT NULL FROM comments WHERE id = $c1"),
    [ '', '', undef, undef, 'approved', 1 ], 'with published replies: name, text, e-mail and address erased, kept as deleted');
wait_caches();
$pub = fetch('GET', $path{$A});
like($pub->{text}, qr{<li class="comment" id="comment-$c1">\s*<p class="comment-deleted"><em>Το σχόλιο διαγράφηκε από τον συντάκτη του\.</em>}, '... shown as deleted by its author');
($top, $reps) = thread($pub->{text});
is_deeply($reps->{$c1}, [ $reply1, $reply2 ], '... with its replies still under it');
unlike($pub->{text}, qr{Πολύ καλή πρωτοβουλία|Ελένη Παπαδοπούλου}, '... and neither its text nor its name');
unlike($pub->{text}, qr{\?reply=$c1#}, '... nor a reply link');
$s0 = state();
$r = send_comment(form_page($path{$A}), "/news/$A/comments", { %{ fields() }, parent => $c1 });
is($r->{status}, 422, 'a reply to the deleted comment all the same: 422');
like($r->{text}, qr{Το σχόλιο στο οποίο απαντάτε δεν βρέθηκε}, '... with the parent\'s message');
unchanged($s0, 'a reply to a deleted comment');
$r = send_comment(form_page($path{$A}), "/news/$A/comments", fields(body => 'Απάντηση στην απάντηση, κάτω από διαγραμμένο.', parent => $reply1));
is($r->{status}, 303, 'a reply to one of its replies: its thread is still shown, so accepted');
is(one('SELECT parent_id FROM comments WHERE id = ' . (posted_id($r) // 0)), $c1, '... under the deleted comment');

# A comment without replies goes entirely.
{
    $t->outbox_send;
    my ($m) = grep { ($_->{text} // '') =~ m{/comments/$cpm/delete} } $t->mails;
    like($m->{text} // '', qr{Δημοσιεύτηκε\. Το κείμενό σας:}, 'the post-moderated comment\'s mail says it is published');
    my ($d) = ($m->{text} // '') =~ m{https?://[^/\s]+(/comments/$cpm/delete\?k=[A-Za-z0-9_-]+)};
    my $page = fetch('GET', $d // "/comments/$cpm/delete");
    $r = fetch('POST', "/comments/$cpm/delete", form => $reader->form($page->{content}, "/comments/$cpm/delete") // {});
    is($r->{status}, 303, 'its author deletes it');
    is_deeply(row("SELECT author_name, body, email, ip, status FROM comments WHERE id = $cpm"), [ '', '', undef, undef, 'deleted' ],
        '... without replies: erased, status deleted');
    is(one("SELECT comment_count FROM news WHERE id = $PM"), 0, '... and no longer counted');
    unlike(page_ok($path{$PM}), qr{id="comment-$cpm"}, '... gone from the article');
    like(fetch('GET', "$d&done=1")->{text}, qr{Το σχόλιο διαγράφηκε\.}, '... the link still works, saying so');
}

# ---- 11. a citizens' request ------------------------------------------------------------------
my ($RQ, $RQID) = @{ row(q{SELECT code, id FROM requests WHERE status = 'submitted' AND description_hidden = 0 ORDER BY id DESC LIMIT 1}) };
my ($RQOLD, $RQRECENT) = map { $_->[0] } $t->sql(q{SELECT code FROM requests WHERE status = 'submitted'
    AND code <> } . "'$RQ'" . q{ ORDER BY id DESC LIMIT 2});
$t->sql("UPDATE requests SET status = 'resolved', resolved_at = NOW() - INTERVAL 40 DAY WHERE code = '$RQOLD'");
$t->sql("UPDATE requests SET status = 'resolved', resolved_at = NOW() - INTERVAL 5 DAY WHERE code = '$RQRECENT'");
prefetch("/requests/$RQ", 3);
my $rqp = fetch('GET', "/requests/$RQ");
is($rqp->{status}, 200, "request ${RQ}'s page");
like($rqp->{text}, qr{<h2 id="comments-heading">Πληροφορίες από κατοίκους <span class="count">\(0\)</span></h2>}, '... has "Πληροφορίες από κατοίκους"');
like($rqp->{text}, qr{<h3 id="comment-form-heading">Προσθέστε πληροφορίες</h3>}, '... and its form');
like($rqp->{text}, qr{<form id="comment" method="post" action="/requests/$RQ/comments"}, '... posting to /requests/CODE/comments');
$r = send_comment(form_page("/requests/$RQ"), "/requests/$RQ/comments", fields(name => 'Γείτονας', body => 'Το φως είναι σβηστό και απόψε, από τις οκτώ.'));
is($r->{status}, 303, '... a resident\'s information: 303');
like($r->{headers}{location}, qr{^/requests/$RQ\?posted=\d+-}, '... to the request\'s page');
my $crq = posted_id($r);
is_deeply(row("SELECT news_id, request_id, status FROM comments WHERE id = $crq"), [ undef, $RQID, 'pending' ],
    '... stored pending on the request');
like(fetch('GET', location_path($r))->{text}, qr{θα δημοσιευτεί όταν το εγκρίνει συντονιστής.*Το φως είναι σβηστό}s, '... the author\'s notice');
unlike(page_ok("/requests/$RQ"), qr{Το φως είναι σβηστό}, '... not public yet');
approve($crq);
my $rqa = fetch('GET', "/requests/$RQ")->{text};
like($rqa, qr{<li class="comment" id="comment-$crq">.*<span class="comment-author">Γείτονας</span>.*Το φως είναι σβηστό και απόψε}s, 'approved: shown on the request\'s page');
like($rqa, qr{Πληροφορίες από κατοίκους <span class="count">\(1\)</span>}, '... counted');
my $rqo = fetch('GET', "/requests/$RQOLD");
like($rqo->{text}, qr{Το αίτημα έχει κλείσει και δεν δέχεται πια σχόλια\.}, 'a request resolved 40 days ago: closed');
unlike($rqo->{text}, qr{<form id="comment"}, '... no form');
$s0 = state();
is(send_comment(form_page("/requests/$RQ"), "/requests/$RQ/comments", fields(), to => "/requests/$RQOLD/comments")->{status}, 403,
    '... a post to it: 403');
unchanged($s0, 'a post to a closed request');
like(fetch('GET', "/requests/$RQRECENT")->{text}, qr{<form id="comment"}, 'a request resolved 5 days ago: still open');
is(send_comment(form_page("/requests/$RQ"), "/requests/$RQ/comments", fields(), to => '/requests/2026-999999/comments')->{status}, 404,
    'a request that does not exist: 404');

# ---- 12. English --------------------------------------------------------------------------------
my $en = fetch('GET', "/en$path{$B}");
is($en->{status}, 200, 'the English article page');
like($en->{text}, qr{<h3 id="comment-form-heading">Write your comment</h3>}, '... has the English form');
like($en->{text}, qr{<form id="comment" method="post" action="/en/news/$B/comments"}, '... posting to /en/news/ID/comments');
like($en->{text}, qr{<button type="submit">Send comment</button>}, '... with its English button');
$r = send_comment($en, "/en/news/$B/comments", fields(consent => undef, body => 'An English comment.'));
is($r->{status}, 422, 'an English post without consent: 422');
like($r->{text}, qr{Your consent is needed to publish the comment}, '... saying so in English');
like($r->{text}, qr{<form id="comment" method="post" action="/en/news/$B/comments"}, '... the English form again');
$r = send_comment($r, "/en/news/$B/comments", { consent => 1 }, now => 1);
is($r->{status}, 303, '... with consent: 303');
like($r->{headers}{location}, qr{^/en\Q$path{$B}\E\?posted=\d+-}, '... to the English page');
my $cen = posted_id($r);
is(one("SELECT lang FROM comments WHERE id = $cen"), 'en', '... stored as English');
like(fetch('GET', location_path($r))->{text}, qr{Thank you! Your comment will be published once a moderator approves it\.}, '... the English notice');

# ---- 13. pages of a long thread -------------------------------------------------------------
$t->sql("INSERT INTO comments (news_id, status, author_name, body, body_hash, created_at, published_at)"
    . " SELECT $PG, IF(seq = 60, 'pending', 'approved'), CONCAT('Σχολιαστής ', seq), CONCAT('Κορυφαίο σχόλιο ', seq),"
    . " UNHEX(SHA2(CONCAT('x', seq), 256)), NOW() - INTERVAL 300 - seq MINUTE, NOW() - INTERVAL 300 - seq MINUTE"
    . " FROM seq_1_to_121");
$t->sql("INSERT INTO comments (news_id, parent_id, status, author_name, body, body_hash, published_at)"
    . " SELECT $PG, c.id, IF(s.seq = 3, 'pending', 'approved'), CONCAT('Απαντών ', s.seq), CONCAT('Απάντηση ', s.seq, ' στο ', c.id),"
    . " UNHEX(SHA2(CONCAT('y', c.id, '-', s.seq), 256)), NOW() FROM comments c JOIN seq_1_to_3 s"
    . " WHERE c.news_id = $PG AND c.parent_id IS NULL AND c.status = 'approved' AND MOD(c.id, 7) IN (0, 1)");
recount($PG);
my @want_top = map { $_->[0] } $t->sql("SELECT id FROM comments WHERE news_id = $PG AND parent_id IS NULL AND status = 'approved' ORDER BY id");
is(scalar @want_top, 120, '120 published top-level comments (and one pending) on one article');
my %want_rep;
push @{ $want_rep{ $_->[0] } }, $_->[1] for $t->sql("SELECT parent_id, id FROM comments WHERE news_id = $PG AND parent_id IS NOT NULL AND status = 'approved' ORDER BY parent_id, id");
my (@got_top, %got_rep, @pages);
my $next = $path{$PG};
while ($next && @pages < 10) {
    my $pg = fetch('GET', $next);
    is($pg->{status}, 200, "GET $next");
    push @pages, $pg->{text};
    my ($tp, $rp2) = thread($pg->{text});
    push @got_top, @$tp;
    %got_rep = (%got_rep, %$rp2);
    $next = link_rel($pg->{text}, 'next');
    like($pg->{text}, qr{rel="next">Επόμενα σχόλια →</a>}, '... with the link "Επόμενα σχόλια"') if $next;
}
is(scalar @pages, 3, 'following "Επόμενα σχόλια": three pages of up to 50');
is_deeply(\@got_top, \@want_top, '... every published comment exactly once, in order');
is_deeply(\%got_rep, \%want_rep, '... each with its published replies under it, in order');
unlike($pages[0], qr{rel="prev"}, 'the first page has no link back');
unlike($pages[-1], qr{rel="next"}, 'the last has no link forward');
like($pages[0], qr{Σχόλια <span class="count">\((\d+)\)</span>}, 'the heading counts comments and replies');
my ($shown_count) = $pages[0] =~ m{Σχόλια <span class="count">\((\d+)\)</span>};
is($shown_count, 120 + scalar(map { @$_ } values %want_rep), '... all of them, published ones only');
my $back = link_rel($pages[1], 'prev');
like($pages[1], qr{rel="prev">← Προηγούμενα σχόλια</a>}, 'the second page links back');
my ($b1) = thread(fetch('GET', $back)->{text});
is_deeply($b1, [ @want_top[0 .. 49] ], '... to exactly the first page');
my $latest = fetch('GET', "$path{$PG}?comments=latest");
my ($lt) = thread($latest->{text});
is_deeply($lt, [ @want_top[70 .. 119] ], '?comments=latest: the last 50 comments');
unlike($latest->{text}, qr{rel="next"}, '... nothing after them');
my @back_top = @$lt;
my $prev = link_rel($latest->{text}, 'prev');
my $steps = 0;
while ($prev && $steps++ < 10) {
    my $pg = fetch('GET', $prev);
    my ($tp) = thread($pg->{text});
    unshift @back_top, @$tp;
    $prev = link_rel($pg->{text}, 'prev');
}
is_deeply(\@back_top, \@want_top, '... and its "Προηγούμενα σχόλια" links lead back through all of them once');
is(fetch('GET', "$path{$PG}?comments_after=abc")->{status}, 200, 'a cursor that is not a number: the first page');
my $stale = fetch('GET', "$path{$PG}?comments_after=$want_top[-1]");
like($stale->{text}, qr{Δεν υπάρχουν άλλα σχόλια εδώ\. <a href="[^"]*#comments">Τα πρώτα σχόλια</a>},
    'an old link past the last comment: says so, with the way back');

# ---- 14. no e-mail address in public --------------------------------------------------------------
my @public = ($path{$A}, $path{$B}, $path{$PM}, $path{$C}, "/en$path{$B}", "/requests/$RQ", '/feed.atom',
    '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml', '/news', '/', "/comments/$reply1/flag", "/requests/$RQ/feed.atom");
my $seen = '';
$seen .= page_ok($_) for @public;
$seen .= fetch('GET', location_path($_))->{text} for grep { $_->{headers}{location} } ($again, $as_new);
my @found = grep { index($seen, $_) >= 0 } @EMAILS;
ok(!@found, 'no commenter\'s e-mail address on the articles, the request, the feeds, the sitemap, the lists or the author\'s notices')
    or diag("found: @found");
ok(scalar @EMAILS > 20, '... of the ' . scalar(@EMAILS) . ' used');

# ---- 15. hostile input -------------------------------------------------------------------------
$s0 = state();
my $form = $reader->form($pageA->{content}, "/news/$A/comments");
$r = fetch('POST', "/news/$A/comments", form => { %$form, %{ fields() }, body => 'a' x (5 << 20) });
is($r->{status}, 413, 'a 5 MB text: 413');
like($r->{headers}{'content-type'} // '', qr{^text/html}, '... a page');
like($r->{text}, qr{Ένα πεδίο της αίτησης είναι πολύ μεγάλο\.}, '... saying a field is too large');
my %nul = (%$form, %{ fields() });
delete $nul{name};
my $raw = join '&', map { enc($_) . '=' . enc($nul{$_}) } sort keys %nul;
$r = fetch('POST', "/news/$A/comments", content => "$raw&name=ab%00cd",
    headers => { 'content-type' => 'application/x-www-form-urlencoded' });
is($r->{status}, 400, 'a NUL byte in the name: 400');
like($r->{text}, qr{δεν είναι έγκυρο κείμενο UTF-8}, '... saying the text is not valid');
my $bd = 'agoraComment' . int(rand 1e9);
my $mp = "--$bd\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n$form->{token}\r\n"
    . "--$bd\r\nContent-Disposition: form-data\r\n\r\nπεριεχόμενο χωρίς όνομα\r\n--$bd--\r\n";
$r = fetch('POST', "/news/$A/comments", content => encode_utf8($mp),
    headers => { 'content-type' => "multipart/form-data; boundary=$bd" });
cmp_ok($r->{status}, '<', 500, "a multipart part without a name: not a server error ($r->{status})");
is($r->{status}, 400, '... 400, the form refused');
unchanged($s0, 'hostile posts');
$r = fetch('GET', "/news/$A/comments");
is($r->{status}, 405, 'GET /news/ID/comments: 405');
like($r->{headers}{allow} // '', qr{POST}, '... Allow names POST');
is(fetch('POST', '/news/99999999/comments', form => { %$form, %{ fields() } })->{status}, 404, 'an article that does not exist: 404');
my $draft = one(q{SELECT id FROM news WHERE status = 'draft' LIMIT 1});
my $future = one(q{SELECT id FROM news WHERE status = 'published' AND published_at > NOW() LIMIT 1});
for my $case ([ $draft, 'a draft' ], [ $future, 'a scheduled article' ]) {
    my ($id, $what) = @$case;
    ok($id, "the demo has $what");
    is(fetch('POST', "/news/$id/comments", form => { %$form, %{ fields() } })->{status}, 404, "... a comment on $what: 404");
}
is(fetch('GET', '/comments/99999999/flag')->{status}, 404, 'a comment that does not exist: its flag page 404');
unchanged($s0, 'posts to what does not exist');

is_deeply(\@cookies, [], 'no answer in this whole test set a cookie');

done_testing;
