#!/usr/bin/env perl
# /admin/stats keeps its figures (stats_refresh, here 3 s; migration 0021):
# a request added meanwhile is not counted until they are due, the page
# says when they are from, each department's figures are kept apart, a
# worker that finds them claimed by another shows the ones it has, a kept
# blob that does not parse is computed afresh, periods nobody asked for in
# a day are dropped, and "overdue now" is counted at every view.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Time::HiRes qw(sleep);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $REFRESH = 3;
my $t = Agora::Test->new(workers => 2, conf => { stats_refresh => $REFRESH });
sub one { my ($sql) = @_; my @r = $t->sql($sql); return @r ? $r[0][0] : undef }

my $disp = Agora::Staff->new($t);
$disp->login('disp', $disp->create('disp', roles => ['dispatcher']));
my $tech = Agora::Staff->new($t);
$tech->login('tech', $tech->create('tech', roles => ['department'], department => 4));

# The default period's figures: total, overdue, when they are from.
sub view {
    my ($who) = @_;
    my $res = $who->get('/admin/stats');
    is($res->{status}, 200, '/admin/stats answers 200');
    my $html = $t->text($res);
    my ($total) = $html =~ m{id="stats-total">(\d+)<};
    my ($overdue) = $html =~ m{id="stats-overdue">(\d+)<};
    my ($as_of) = $html =~ m{id="stats-as-of">.*?<time datetime="([^"]+)"}s;
    return { total => $total, overdue => $overdue, as_of => $as_of, html => $html };
}
my $YEAR = one('SELECT YEAR(NOW())');
# The default period: the last 12 months, this one included.
my $in_year = "created_at >= DATE_FORMAT(NOW() - INTERVAL 11 MONTH, '%Y-%m-01')"
    . " AND created_at < DATE_FORMAT(NOW() + INTERVAL 1 MONTH, '%Y-%m-01')";

my $v1 = view($disp);
is($v1->{total}, one("SELECT COUNT(*) FROM requests WHERE $in_year"), "the period's total agrees with SQL ($v1->{total})");
ok($v1->{as_of}, "the page says when its figures are from ($v1->{as_of})");
like($v1->{html}, qr/υπολογίζονται ξανά κάθε $REFRESH δευτερόλεπτα/, '... and how often they are computed');
is(one('SELECT COUNT(*) FROM stats_snapshots'), 1, 'one period kept');

# A request added now: not counted while the figures are kept.
my $n = 0;
sub add_request {
    my (%o) = @_;
    $n++;
    my $code = sprintf('%d-%06d', $YEAR, 990000 + $n);
    $t->sql("INSERT INTO requests (code, year, protocol_no, token, category_id, department_id,"
        . " description, address, status, channel, name, email, consent_at, due_date) VALUES ('$code', $YEAR, "
        . (990000 + $n) . ", '" . sprintf('kept%039d', $n) . "', 4, " . ($o{dept} // 4) . ", 'Λακκούβα', 'Οδός 1',"
        . " 'acknowledged', 'web', 'Κάτοικος', 'k\@example.org', NOW(), CURDATE() - INTERVAL 3 DAY)");
}
add_request();
my $v2 = view($disp);
is($v2->{total}, $v1->{total}, 'a request added meanwhile: the kept total is shown');
is($v2->{as_of}, $v1->{as_of}, '... with the same time');
is($v2->{overdue}, $v1->{overdue} + 1, '"overdue now" is counted at every view');

# The department's figures are their own.
my $d1 = view($tech);
is($d1->{total}, one("SELECT COUNT(*) FROM requests WHERE department_id = 4 AND $in_year"),
    "the department's total is its own ($d1->{total})");
is(one('SELECT COUNT(*) FROM stats_snapshots'), 2, '... kept apart');

# Due: computed again.
sleep $REFRESH + 1.2;
my $v3 = view($disp);
is($v3->{total}, $v1->{total} + 1, 'after stats_refresh the request is counted');
isnt($v3->{as_of}, $v1->{as_of}, '... and the time is new');

# Claimed by another worker (a computation under way): the figures kept
# are shown, however old.
add_request();
$t->sql("UPDATE stats_snapshots SET computed_at = NOW() - INTERVAL 1 HOUR, claimed_until = NOW() + INTERVAL 1 MINUTE"
    . " WHERE scope LIKE '%|0'");
my $v4 = view($disp);
is($v4->{total}, $v3->{total}, 'figures claimed by another worker: the kept ones are shown');
# The claim lapsed (that worker died): the next view computes them.
$t->sql("UPDATE stats_snapshots SET claimed_until = NOW() - INTERVAL 1 SECOND WHERE scope LIKE '%|0'");
my $v5 = view($disp);
is($v5->{total}, $v3->{total} + 1, 'a lapsed claim: computed again');
is(one("SELECT COUNT(*) FROM stats_snapshots WHERE claimed_until IS NOT NULL"), 0, '... and released');

# A kept blob that does not parse (another version, damage): computed.
add_request();
$t->sql("UPDATE stats_snapshots SET data = 'not figures', computed_at = NOW() WHERE scope LIKE '%|0'");
my $v6 = view($disp);
is($v6->{total}, $v5->{total} + 1, 'a damaged snapshot: the figures are computed afresh');
$t->sql("UPDATE stats_snapshots SET data = SUBSTRING(data, 1, 20), computed_at = NOW() WHERE scope LIKE '%|0'");
is(view($disp)->{total}, $v6->{total}, '... also when it is cut short');

# Periods nobody asked for in a day go when figures are next kept.
$t->sql("INSERT INTO stats_snapshots (scope, computed_at, data) VALUES ('2020-01-01 00:00:00|2020-02-01 00:00:00|0',"
    . " NOW() - INTERVAL 2 DAY, '')");
sleep $REFRESH + 1.2;
view($disp);
is(one("SELECT COUNT(*) FROM stats_snapshots WHERE scope LIKE '2020-%'"), 0, 'a period unasked for in a day is dropped');

# A chosen period is kept under its own scope.
my $res = $disp->get("/admin/stats?from=$YEAR-01&to=$YEAR-01");
is($res->{status}, 200, 'a chosen period answers 200');
is(one("SELECT COUNT(*) FROM stats_snapshots WHERE scope = '$YEAR-01-01 00:00:00|$YEAR-02-01 00:00:00|0'"), 1,
    '... and is kept under its own scope');
is($t->errors_in_log, 0, 'no errors in the log') if $t->can('errors_in_log');

done_testing;
