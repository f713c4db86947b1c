#!/usr/bin/env perl
# The municipality's time zone (agora.conf timezone = Europe/Athens) rules
# every time the portal computes or shows, whatever zone the processes run
# in: here the workers and MariaDB are started with TZ=UTC, two or three
# hours behind Athens.  A tender whose Athens deadline passed an hour ago
# is closed; one due in an hour is open; an item scheduled for half an hour
# ago (Athens) is published; times on the page carry Athens' offset.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use POSIX qw(strftime tzset);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

# Athens wall-clock times, computed here (the test's own zone is Athens).
sub athens {
    my ($delta) = @_;
    local $ENV{TZ} = 'Europe/Athens';
    tzset();
    my $s = strftime('%Y-%m-%d %H:%M:%S', localtime(time + $delta));
    my $off = strftime('%z', localtime(time + $delta));
    return ($s, substr($off, 0, 3) . ':' . substr($off, 3));
}

$ENV{TZ} = 'UTC';
tzset();
require Agora::Test;
my $t = Agora::Test->new;

my ($past, $off) = athens(-3600);
my ($future) = athens(3600);
my ($published) = athens(-1800);
$t->sql(qq{
  INSERT INTO news (category_id, slug, title, summary, body, body_html, status, published_at, deadline) VALUES
  (1, 'zoni-elixe', 'Διαγωνισμός ζώνης που έληξε', 'Περίληψη.', 'Κείμενο.', '<p>Κείμενο.</p>', 'published', '$published', '$past'),
  (1, 'zoni-anoixtos', 'Διαγωνισμός ζώνης ανοιχτός', 'Περίληψη.', 'Κείμενο.', '<p>Κείμενο.</p>', 'published', '$published', '$future')
});
my ($closed) = $t->sql(q{SELECT id FROM news WHERE slug = 'zoni-elixe'});
my ($open) = $t->sql(q{SELECT id FROM news WHERE slug = 'zoni-anoixtos'});

my $res = $t->get("/news/$closed->[0]-zoni-elixe");
is($res->{status}, 200, 'an item published half an hour ago (Athens) is visible to workers in UTC');
my $html = $t->text($res);
like($html, qr{class="[^"]*\bclosed\b}, 'a deadline an hour ago (Athens) is closed, not open for two more hours');
(my $iso = $past) =~ s/ /T/;
like($html, qr{<time datetime="\Q$iso$off\E">}, "the deadline carries Athens' offset ($off)");

$html = $t->text($t->get("/news/$open->[0]-zoni-anoixtos"));
like($html, qr{class="[^"]*\bopen\b}, 'a deadline in an hour (Athens) is open');

like($t->log_text, qr/worker ready/, 'the workers started with TZ=UTC');

done_testing;
