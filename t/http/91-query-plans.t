#!/usr/bin/env perl
# Every list stays cheap as its table grows: with the demo grown to 20 000
# news items, 6 300 requests, 20 000 comments and 2 000 support cases
# (script/lib/scale.sql, the loader of script/bench --scale), each page is
# opened through nginx and MariaDB's slow log (every statement, with its
# plan: AGORA_DB_SLOW_LOG) says what each of the workers' statements did.
# A page passes when none of them
#   - reads more than 5 000 rows (a page of a list is 10 to 1 000 rows,
#     the Open311 API's default page 1 000 with a reply and a photo
#     looked up for each; a statement that reads more grows with the
#     table),
#   - reads a whole table or index of more than 1 000 rows (its plan's
#     type ALL or index),
#   - or sorts more than 1 000 rows (a sort over the matches instead of a
#     walk down an index that stops at LIMIT; an article's related items
#     sort at most their 500 candidates, by design).
# The statistics page counts the whole period's requests when its kept
# figures are due (stats_refresh, at most once in 10 minutes per period
# and department: 56-stats-kept.t); the view checked here is the next
# one, which reads them.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Encode ();
use Time::HiRes qw(sleep);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(workers => 2, db_slow_log => 1, conf => { stats_refresh => 600 });
my $log = $t->slow_log_path;

# ---- the rows ----------------------------------------------------------------------------------
open my $fh, '<:encoding(UTF-8)', $t->srcdir . '/script/lib/scale.sql' or die "scale.sql: $!";
my $procs = do { local $/; <$fh> };
close $fh;
$t->sql($procs);
$t->sql('CALL agora_scale_news(20000); CALL agora_scale_requests(20); CALL agora_scale_comments(20000);'
    . ' CALL agora_scale_help(2000); ANALYZE TABLE news, news_tags, requests, request_events, comments, help_cases');
my ($n_news) = $t->sql('SELECT COUNT(*) FROM news');
my ($n_rq) = $t->sql('SELECT COUNT(*) FROM requests');
cmp_ok($n_news->[0], '>=', 20000, "$n_news->[0] news items");
cmp_ok($n_rq->[0], '>=', 6000, "$n_rq->[0] requests");
my ($rc, $out) = $t->admin('search', 'reindex');
is($rc, 0, 'the search index rebuilt for the rows loaded with SQL') or diag($out);
sleep 6;    # the workers' 5-second caches of what the load changed

# ---- reading the slow log ---------------------------------------------------------------------
# The statements the workers (MariaDB user agora) ran since byte $from of
# the log: {sql, rows, full_scan, filesort, explain}.
sub statements_since {
    my ($from) = @_;
    open my $in, '<:raw', $log or die "$log: $!";    # binary values (hashes) are in it
    seek $in, $from, 0;
    my $text = do { local $/; <$in> };
    close $in;
    my @st;
    for my $e (split /^# User\@Host: /m, $text) {
        next unless $e =~ /^agora\[agora\]/;
        my %s;
        ($s{rows}) = $e =~ /Rows_examined: (\d+)/;
        ($s{full_scan}) = $e =~ /Full_scan: (\w+)/;
        ($s{filesort}) = $e =~ /Filesort: (\w+)/;
        $s{explain} = join "\n", $e =~ /^# explain: (.*)$/mg;
        ($s{sql}) = $e =~ /^SET timestamp=\d+;\n(.*)/ms;
        $s{sql} //= '';
        $s{sql} =~ s/\s+/ /g;
        next if $s{sql} =~ /^(?:SET |SELECT 1\b|COMMIT|ROLLBACK|START TRANSACTION|BEGIN|# administrator)/i
            || !defined $s{rows};
        push @st, \%s;
    }
    return @st;
}

# What is wrong with a statement, or nothing.  Its plan (EXPLAIN with
# the rows each step actually read, r_rows) names the step: a whole
# table or index read (type ALL or index) or a sort ("Using filesort")
# over more than 1 000 rows.  A tiny table read whole (the categories,
# one photo in a subquery) is no concern, whatever MariaDB's flags say.
sub unbounded {
    my ($s) = @_;
    return "read $s->{rows} rows" if $s->{rows} > 5000;
    for my $line (split /\n/, $s->{explain}) {
        my @f = split /\t/, $line;
        next if @f < 13 || $f[0] eq 'id';
        my ($table, $type, $r_rows, $extra) = @f[2, 3, 9, 12];
        next unless $r_rows =~ /^[\d.]+$/ && $r_rows > 1000;
        return "$table read whole ($type, $r_rows rows)" if $type eq 'ALL' || $type eq 'index';
        return "${table}'s $r_rows rows sorted" if $extra =~ /filesort/;
    }
    return;
}

# GET PATH (as the browser b, or anonymously) and check every statement
# it ran.  The slow log is written as each statement ends: wait until it
# has stopped growing.
sub page_ok {
    my ($path, %o) = @_;
    my $from = -s $log // 0;
    my $res = $o{as} ? $o{as}->get($path) : $t->get($path);
    my ($size, $same) = (-1, 0);
    for (1 .. 50) {
        my $now = -s $log;
        $same = $now == $size ? $same + 1 : 0;
        last if $same >= 2;
        $size = $now;
        sleep 0.03;
    }
    my @st = statements_since($from);
    my @bad = grep { unbounded($_) } @st;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    is($res->{status}, $o{status} // 200, "$path answers " . ($o{status} // 200));
    ok(@st > 0 || $o{no_sql}, "... its statements are in the slow log (" . scalar(@st) . ")");
    # A known exception (todo => why) is reported, not failed.
    our $TODO;
    local $TODO = $o{todo} if $o{todo};
    ok(!@bad, "$path: every statement reads about its own rows")
        or diag(join "\n", map { unbounded($_) . ': ' . substr($_->{sql}, 0, 400) . "\n$_->{explain}" } @bad);
    return $res;
}

# ---- public pages ------------------------------------------------------------------------------
page_ok('/');
page_ok('/en/');
my $list = page_ok('/news');
# The 30th keyset page, found as a reader finds it.
my $deep = '/news';
for (1 .. 29) {
    my ($next) = $t->get($deep)->{content} =~ m{href="(/news\?before=[^"]+)"} or last;
    ($deep = $next) =~ s/&amp;/&/g;
}
isnt($deep, '/news', "a deep page of the news: $deep");
page_ok($deep);
page_ok('/news/anakoinoseis');
my ($cat_next) = $t->get('/news/anakoinoseis')->{content} =~ m{href="(/news/anakoinoseis\?before=[^"]+)"};
page_ok($cat_next =~ s/&amp;/&/gr) if $cat_next;
# Articles no worker has read yet: a synthetic one, with its related
# items by tag, and the one with most comments.
my ($aid) = $t->sql("SELECT id FROM news WHERE id > 100000 AND status = 'published' ORDER BY id DESC LIMIT 1 OFFSET 7");
page_ok("/news/$aid->[0]-synthetiki-eidisi-" . ($aid->[0] - 100000));
my ($busy) = $t->sql("SELECT news_id FROM comments WHERE news_id IS NOT NULL GROUP BY news_id ORDER BY COUNT(*) DESC LIMIT 1");
my $busy_page = $t->get("/news/$busy->[0]");
page_ok($busy_page->{headers}{location} ? $busy_page->{headers}{location} =~ s{^https?://[^/]+}{}r : "/news/$busy->[0]");
page_ok('/events');
page_ok('/feed.atom');
page_ok('/news/nea/feed.atom');
page_ok('/sitemap.xml');
page_ok('/sitemap-site.xml');
page_ok('/sitemap-news-0.xml');
page_ok('/sitemap-news-3.xml');
page_ok('/requests');
page_ok('/requests?area=1');
page_ok('/requests?category=1');
page_ok('/requests?status=resolved');
my ($rq_next) = $t->get('/requests')->{content} =~ m{href="(/requests\?[^"]*after=[^"]+)"};
page_ok($rq_next =~ s/&amp;/&/gr) if $rq_next;
my ($code) = $t->sql('SELECT code FROM requests ORDER BY id DESC LIMIT 1');
page_ok("/requests/$code->[0]");
page_ok("/requests/$code->[0]/feed.atom");
page_ok('/open311/v2/requests.json');
page_ok('/open311/v2/requests.xml?page_size=100&page=3');
page_ok('/open311/v2/services.json');
page_ok('/help');
# Search: a word in every item, one in a sixth, one in a few titles, two
# common words together, a common word with a rare one, a word in none.
sub search_ok {
    my ($q, $want) = @_;
    (my $enc = Encode::encode_utf8($q)) =~ s/([^A-Za-z0-9._~-])/sprintf('%%%02X', ord $1)/ge;
    my $res = page_ok("/search?q=$enc");
    like($t->text($res), $want, "... '$q': $want");
}
search_ok('δήμος', qr/Περισσότερα από 500 αποτελέσματα/);
search_ok('λιμάνι', qr/Περισσότερα από 500 αποτελέσματα/);
search_ok('Πλωμαρίου', qr/Περισσότερα από 500 αποτελέσματα/);
search_ok('δήμος λιμάνι', qr/Περισσότερα από 500 αποτελέσματα/);
search_ok('λιμάνι συγκοινωνία', qr/\d+ αποτελέσματα/);
search_ok('ωράριο Πλωμαρίου', qr/\d+ αποτελέσματα|1 αποτέλεσμα|Δεν βρέθηκαν/);
search_ok('Ξυλοκερατιά', qr/Δεν βρέθηκαν αποτελέσματα/);

# ---- the staff area ------------------------------------------------------------------------------
my $s = Agora::Staff->new($t);
my $pw = $s->create('plans', roles => [qw(dispatcher editor moderator operator)]);
is($s->login('plans', $pw)->{status}, 303, 'a dispatcher, editor, moderator and operator signs in');
page_ok('/admin', as => $s);
page_ok("/admin/requests$_", as => $s) for '', '?status=open', '?overdue=1', '?department=4&overdue=1',
    '?sort=due&status=open', '?sort=priority', '?category=1', '?area=1', '?department=4', '?sort=old';
page_ok('/admin/news', as => $s);
page_ok('/admin/comments', as => $s);
page_ok('/admin/help', as => $s);
is($s->get('/admin/stats')->{status}, 200, '/admin/stats: its figures computed and kept');
page_ok('/admin/stats', as => $s);

done_testing;
