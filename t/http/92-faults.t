#!/usr/bin/env perl
# Faults (issue 13): what the portal acknowledged survives crashed
# workers, a restarted database and dead mail and pharmacy servers.
#
# For about 45 s eight residents (processes) send citizens' requests,
# support-desk online requests and comments through nginx, and an operator
# sends medicines cases' prescriptions to the pharmacists' association,
# while
#   - a worker is killed with SIGKILL every 2 s (a random one of those up
#     for more than 10 s: multiwatch gives up a slot whose worker dies
#     three times within 10 s of starting - PITFALLS.md - and that is a
#     crash loop, not the fault tested here),
#   - MariaDB is stopped and started again once,
#   - the SMTP listener and the pharmacy receiver are down for 10 s,
# and `agora-admin outbox send --loop` delivers the outbox meanwhile, as
# in production.  A submission that fails (a 5xx, or no answer) is sent
# again once, a second later, with the same form - a person pressing the
# button again.  Then:
#   - every acknowledged tracking code, case number and comment exists
#     exactly once, and its page answers 200; no form token has two rows;
#     every retried submission exists exactly once when acknowledged, at
#     most once when not;
#   - every message of the outbox was delivered once after the outage:
#     each Message-ID once at the SMTP listener, each webhook's nonce once
#     at the receiver (which logs a nonce it has seen as a duplicate);
#   - 5xx answers came only in the fault windows: a request under way
#     when a worker was killed, or while the database was down (and the
#     second after it was back); none while only mail and the pharmacy
#     were down, none after the faults;
#   - the workers then serve normally, without a restart of the stack.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Encode qw(encode_utf8 decode_utf8);
use JSON::PP;
use POSIX ();
use Test::More;
use Time::HiRes qw(time sleep);
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $USERS    = 8;
my $RUN      = 44;    # seconds of traffic
my $KILL_END = 36;    # kills every 2 s from 2 s to here
my ($DB_STOP, $NET_DOWN, $NET_UP) = (8, 18, 28);    # seconds into the run

my $secret = 'fault-test-pharmacy-secret-0123456789abcdefghij';
my $pport = Agora::Test::free_port();
my $t = Agora::Test->new(workers => 6, smtp => 1, conf => {
    pharmacy_url => "http://127.0.0.1:$pport/prescriptions",
    pharmacy_secret => $secret,
    pharmacy_timeout => 3,
    smtp_timeout => 3,
    outbox_retry_seconds => 1,
    # Residents here write fast and often from one address.
    comment_min_seconds => 0,
    comment_rate => 100000,
});
$t->pharmacy_start($pport, $secret);
$t->help_wipe;
my $json = JSON::PP->new->utf8->canonical;

sub one { my @r = $t->sql($_[0]); $r[0] ? $r[0][0] : undef }
sub path_of { my ($l) = @_; ($l // '') =~ s{^https?://[^/]+}{}r }

# ---- what they send --------------------------------------------------------------------------
my $area = one(q{SELECT id FROM areas WHERE name_el = 'Μόρια'});
my $article = one(q{SELECT id FROM news WHERE status = 'published'
    AND published_at BETWEEN NOW() - INTERVAL 20 DAY AND NOW() ORDER BY published_at DESC, id DESC LIMIT 1});
ok($area && $article, "the demo has a village ($area) and an article open to comments ($article)");
my $art_path = path_of($t->get("/news/$article")->{headers}{location}) || "/news/$article";
is($t->get($art_path)->{status}, 200, "the article's page $art_path answers");

# Twelve medicines cases with prescriptions, for the operator to send.
$t->sql(qq{INSERT INTO help_beneficiaries (first_name, last_name, phone, address, area_id)
           VALUES ('Σταματία', 'Δοκιμάκη', '2251023456', 'Οδός Ελύτη 3', $area)});
my $ben = one(q{SELECT id FROM help_beneficiaries WHERE last_name = 'Δοκιμάκη'});
my @cases;
for my $i (1 .. 12) {
    $t->sql(qq{INSERT INTO help_cases (beneficiary_id, area_id, type, details, urgency, wanted_by, channel)
               VALUES ($ben, $area, 'medicines', 'Φάρμακα $i', 'urgent', NOW() + INTERVAL 1 DAY, 'phone')});
    my $c = one('SELECT MAX(id) FROM help_cases');
    $t->sql(sprintf q{INSERT INTO help_case_health (case_id, prescriptions, amka, details)
                      VALUES (%d, '%013d', '', 'Ινσουλίνη')}, $c, 1234567890000 + $i);
    push @cases, $c;
}
my $op = Agora::Staff->new($t);
my $op_pw = $op->create('fault-operator', roles => ['operator']);
is($op->login('fault-operator', $op_pw)->{status}, 303, 'the operator signs in');
$op->{csrf} = $op->form($op->get('/admin'), '/admin/logout')->{csrf};
ok($op->{csrf}, '... with a CSRF token');

my %FORM = (
    request => {
        page => '/requests/new', action => '/requests/new',
        fields => sub {
            my ($u, $n) = @_;
            return { category => 3, description => "Σπασμένο παγκάκι ($u-$n), δοκιμή αντοχής.",
                address => "Οδός Δοκιμής $u", area => $area, consent => 1,
                email => "fault.request.$u.$n\@example.org" };
        },
        ack => qr{^/requests/(\d{4}-\d{6})\?new=(?:1|again)$},
    },
    help => {
        page => '/help', action => '/help',
        fields => sub {
            my ($u, $n) = @_;
            return { whom => 'self', first_name => 'Ευανθία', last_name => "Δοκιμή $u-$n",
                phone => '+30 6912-345 678', address => 'Ερμού 112', area => $area,
                type => 'groceries', description => "Ψωμί και γάλα ($u-$n)", when => 'today',
                email => "fault.help.$u.$n\@example.org", consent => 1 };
        },
        ack => qr{^/help/received\?n=(\d+)&r=[A-Za-z0-9_-]{43}$},
    },
    comment => {
        page => $art_path, action => "/news/$article/comments",
        fields => sub {
            my ($u, $n) = @_;
            return { name => "Αναγνώστης $u", email => "fault.comment.$u.$n\@example.org",
                consent => 1, body => "Σχόλιο $u-$n της δοκιμής αντοχής, χωρίς συνδέσμους." };
        },
        ack => qr{\?posted=(\d+)-[A-Za-z0-9_-]+#comment-notice$},
    },
);

# ---- the clients -----------------------------------------------------------------------------
# Each writes one JSON line per submission to its own file:
#   {kind, token, ack, first: [status, start, end], retry: [status, start, end] or null}
# and one line per other request ({get: [path, status, start, end]}).
my $dir = $t->var . '/fault';
mkdir $dir or die "$dir: $!";
my $T0;

sub client_loop {
    my ($who, $each) = @_;
    open my $out, '>', "$dir/$who.jsonl" or die "$dir/$who.jsonl: $!";
    $out->autoflush(1);
    my $log = sub { print $out $json->encode($_[0]), "\n" };
    my $timed = sub {
        my ($code) = @_;
        my $s = time - $T0;
        my $res = $code->();
        return ($res, [ $res->{status}, $s, time - $T0 ]);
    };
    $each->($log, $timed);
    close $out;
}

# submit_once(B, KIND, FIELDS, LOG, TIMED, ACTION[, ID]): one submission,
# sent again once a second later if it failed; ID names it in the log
# (default: its form token).
sub submit_once {
    my ($b, $kind, $fields, $log, $timed, $action, $id) = @_;
    my ($res, $first) = $timed->(sub { $b->post($action, $fields) });
    my $rec = { kind => $kind, token => $id // $fields->{token}, first => $first, retry => undef };
    if ($res->{status} >= 500) {
        sleep 1;
        ($res, $rec->{retry}) = $timed->(sub { $b->post($action, $fields) });
    }
    $rec->{location} = path_of($res->{headers}{location});
    $rec->{final} = $res->{status};
    $log->($rec);
}

my @kids;
sub start_clients {
for my $u (1 .. $USERS) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        srand($$);
        my $b = Agora::Staff->new($t);    # a resident's browser: its form parser
        client_loop("user$u", sub {
            my ($log, $timed) = @_;
            my $n = 0;
            while (time - $T0 < $RUN) {
                my $kind = (qw(request help comment))[($u + $n) % 3];
                my $f = $FORM{$kind};
                $n++;
                # The form's page; reloaded (a person presses F5) while it fails.
                my $form;
                for (1 .. 20) {
                    my ($page, $g) = $timed->(sub { $b->get($f->{page}) });
                    $log->({ get => [ $f->{page}, @$g ] });
                    last if $page->{status} == 200 && ($form = $b->form($page, $f->{action}));
                    last if time - $T0 > $RUN;
                    sleep 0.5;
                }
                next unless $form && $form->{token};
                submit_once($b, $kind, { %$form, %{ $f->{fields}->($u, $n) } }, $log, $timed,
                    $f->{action});
                sleep 0.2 + rand 0.5;    # a person's pace, roughly
            }
        });
        POSIX::_exit(0);
    }
    push @kids, $pid;
}
# The operator sends a case's prescription every 3 s.
{
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        client_loop('operator', sub {
            my ($log, $timed) = @_;
            for my $c (@cases) {
                last if time - $T0 > $RUN;
                submit_once($op, 'pharmacy', { csrf => $op->{csrf} }, $log, $timed,
                    "/admin/help/cases/$c/pharmacy", "case-$c");
                sleep 3;
            }
        });
        POSIX::_exit(0);
    }
    push @kids, $pid;
}
}

# ---- the faults --------------------------------------------------------------------------------
my $CLK = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;
sub age {    # seconds since the process started
    my ($pid) = @_;
    open my $st, '<', "/proc/$pid/stat" or return 0;
    my $line = <$st>;
    $line =~ s/^.*\) //;
    my $start = (split ' ', $line)[19];
    open my $up, '<', '/proc/uptime' or return 0;
    my ($uptime) = split ' ', scalar <$up>;
    return $uptime - $start / $CLK;
}

# busy(PID): the worker is serving a request: running, or waiting for
# MariaDB or nginx - not in accept() (x86-64 syscalls 43 and 288), nor in
# libfcgi's closing poll() of 2 s (7 with timeout 0x7d0), where the
# answer has been sent already.
sub busy {
    my ($pid) = @_;
    open my $f, '<', "/proc/$pid/syscall" or return 0;
    my ($nr, undef, undef, $timeout) = split ' ', scalar(<$f>) // '';
    return 0 unless defined $nr;
    return 1 if $nr eq 'running';
    return $nr ne '43' && $nr ne '288' && !($nr eq '7' && ($timeout // '') eq '0x7d0');
}

# The workers the stack started must be past multiwatch's 10 s first.
my $wait_until = time + 15;
sleep 0.2 while time < $wait_until && grep { age($_) < 10.5 } $t->worker_pids;

my (@kills, %db, %net, $db_pid);
my $busy_kills = 0;
my $n_kills = int(($KILL_END - 2) / 2) + 1;
$T0 = time;
$t->outbox_loop_start;
start_clients();
$t->expect_worker_deaths($n_kills, sub {
    $t->allow_upstream_errors(sub {
        my @plan = ((map { [ 2 * $_, 'kill' ] } 1 .. $n_kills), [ $DB_STOP, 'db' ],
            [ $NET_DOWN, 'net-down' ], [ $NET_UP, 'net-up' ]);
        for my $step (sort { $a->[0] <=> $b->[0] } @plan) {
            my ($at, $what) = @$step;
            my $left = $T0 + $at - time;
            sleep $left if $left > 0;
            if ($what eq 'kill') {
                # One serving a request if there is one: the kill lands
                # in the middle of it, where a submission can be lost.
                # (Looked for during up to half a second.)
                my @old = grep { age($_) >= 10.5 } $t->worker_pids;
                my @busy;
                my $until = time + 0.5;
                until ((@busy = grep { busy($_) } @old) || time > $until) { sleep 0.002 }
                my ($oldest) = sort { age($b) <=> age($a) } $t->worker_pids;
                my $victim = @busy ? $busy[rand @busy] : @old ? $old[rand @old] : $oldest;
                push @kills, time - $T0;
                $busy_kills++ if @busy;
                kill 'KILL', $victim or diag("could not kill $victim: $!");
            } elsif ($what eq 'db') {
                # In a process of its own: the kills go on meanwhile.
                $db_pid = fork // die "fork: $!";
                if (!$db_pid) {
                    my %d = (stop => time - $T0);
                    $t->db_stop;
                    $d{stopped} = time - $T0;
                    sleep 5;
                    $t->db_start;
                    $d{up} = time - $T0;
                    open my $o, '>', "$dir/db.json" or POSIX::_exit(1);
                    print $o $json->encode(\%d);
                    close $o;
                    POSIX::_exit(0);
                }
            } elsif ($what eq 'net-down') {
                $net{down} = time - $T0;
                $t->smtp_stop;
                $t->pharmacy_stop;
            } else {
                $t->smtp_start;
                $t->pharmacy_start($pport, $secret);
                $net{up} = time - $T0;
            }
        }
        waitpid($_, 0) for @kids;
        waitpid($db_pid, 0);
        is($?, 0, 'the database was stopped and started again');
    });
});
%db = %{ $json->decode(Agora::Test::_read_file("$dir/db.json") // '{}') };
my $done = time - $T0;
diag(sprintf 'kills at %s s; database stopped %.1f-%.1f s, up at %.1f s; mail and pharmacy down %.1f-%.1f s; traffic until %.1f s',
    join(' ', map { sprintf '%.1f', $_ } @kills), $db{stop}, $db{stopped}, $db{up}, $net{down}, $net{up}, $done);
is(scalar @kills, $n_kills, "$n_kills workers killed, one every 2 s ($busy_kills while serving a request)");

# ---- what the clients saw ------------------------------------------------------------------------
my (@subs, @gets);
for my $f (glob "$dir/*.jsonl") {
    open my $in, '<', $f or die "$f: $!";
    while (my $line = <$in>) {
        my $r = $json->decode($line);
        $r->{get} ? push(@gets, $r->{get}) : push(@subs, $r);
    }
}
my %by_kind;
$by_kind{ $_->{kind} }++ for @subs;
diag(join ', ', map { "$by_kind{$_} $_" } sort keys %by_kind);
cmp_ok($by_kind{$_} // 0, '>=', 10, "at least ten $_ submissions were made") for qw(request help comment);
cmp_ok($by_kind{pharmacy} // 0, '>=', 10, 'at least ten prescriptions were sent');

# A 5xx (or no answer) is allowed in a fault window only.
sub in_window {
    my ($status, $s, $e) = @_;
    return 1 if grep { $_ >= $s - 0.05 && $_ <= $e + 0.05 } @kills;
    return 1 if $e >= $db{stop} && $s <= $db{up} + 1;
    return 0;
}
my @outside;
for my $x ((map { [ "GET $_->[0]", @$_[1 .. 3] ] } @gets),
           (map { my $s = $_; map { [ "POST $s->{kind} $s->{token}", @$_ ] } grep { $_ } $s->{first}, $s->{retry} } @subs)) {
    my ($what, $status, $s, $e) = @$x;
    push @outside, sprintf('%s: %d at %.2f-%.2f s', $what, $status, $s, $e)
        if $status >= 500 && !in_window($status, $s, $e);
}
is(scalar @outside, 0, 'every 5xx came in a fault window (a killed worker, the database down)')
    or diag(join "\n", @outside[0 .. ($#outside < 19 ? $#outside : 19)]);
my @late = grep { $_->[1] >= 500 && $_->[2] > $KILL_END + 1 && $_->[2] > $db{up} + 1 }
    (map { [ "GET $_->[0]", @$_[1 .. 3] ] } @gets);
is(scalar @late, 0, 'no page failed after the last fault');
my %five;
$five{ $_->[1] }++ for grep { $_->[1] >= 500 } @gets;
diag('pages that failed in the windows: ' . (join(', ', map { "$five{$_} x $_" } sort keys %five) || 'none'));

my @odd = grep { $_->{final} != 303 && $_->{final} < 500 } @subs;
is(scalar @odd, 0, 'every submission was either acknowledged (303) or failed with a 5xx: no 4xx')
    or diag(join "\n", map { "$_->{kind}: $_->{final} (first $_->{first}[0])" } @odd[0 .. ($#odd < 9 ? $#odd : 9)]);
my @retried = grep { $_->{retry} } @subs;
my @acked = grep { $_->{final} == 303 } @subs;
diag(sprintf '%d submissions, %d acknowledged, %d retried (%d of those acknowledged)',
    scalar @subs, scalar @acked, scalar @retried, scalar grep { $_->{final} == 303 } @retried);
cmp_ok(scalar @retried, '>=', 1, 'some submissions had to be sent again');

# ---- nothing acknowledged lost, nothing doubled ---------------------------------------------
my %table = (request => [ 'requests', 'token' ], help => [ 'help_cases', 'form_token' ],
    comment => [ 'comments', 'form_token' ]);
my %rows;    # kind => token => rows
for my $kind (keys %table) {
    my ($tab, $col) = @{ $table{$kind} };
    $rows{$kind}{ $_->[0] } = $_->[1]
        for $t->sql("SELECT $col, COUNT(*) FROM $tab WHERE $col IS NOT NULL GROUP BY $col");
}
my (@lost, @double, @bad_ack);
for my $s (grep { $_->{kind} ne 'pharmacy' } @subs) {
    my $n = $rows{ $s->{kind} }{ $s->{token} } // 0;
    push @double, "$s->{kind} $s->{token}: $n rows" if $n > 1;
    next unless $s->{final} == 303;
    push @lost, "$s->{kind} $s->{token} ($s->{location})" if $n != 1;
    push @bad_ack, "$s->{kind}: $s->{location}" unless $s->{location} =~ $FORM{ $s->{kind} }{ack};
}
is(scalar @bad_ack, 0, 'every acknowledgement points to what was stored') or diag(join "\n", @bad_ack);
is(scalar @lost, 0, 'every acknowledged submission is stored exactly once') or diag(join "\n", @lost);
is(scalar @double, 0, 'no form token has two rows') or diag(join "\n", @double);
is(one(q{SELECT COUNT(*) FROM (SELECT token FROM requests GROUP BY token HAVING COUNT(*) > 1) d}), 0,
    '... in the whole requests table');

# Each acknowledged tracking code, case and comment is there for its resident.
my (%code_seen, @pages_bad);
for my $s (@acked) {
    next if $s->{kind} eq 'pharmacy';
    my ($id) = $s->{location} =~ $FORM{ $s->{kind} }{ack} or next;
    if ($s->{kind} eq 'request') {
        $code_seen{$id}++;
        my $r = $t->get("/requests/$id");
        push @pages_bad, "/requests/$id: $r->{status}" if $r->{status} != 200;
        my $tok = one("SELECT token FROM requests WHERE code = '$id'") // '';
        push @pages_bad, "$id belongs to another form" if $tok ne $s->{token};
    } elsif ($s->{kind} eq 'help') {
        my $r = $t->get($s->{location});
        push @pages_bad, "$s->{location}: $r->{status}" if $r->{status} != 200;
        my $case = one("SELECT id FROM help_cases WHERE form_token = '$s->{token}'") // 0;
        push @pages_bad, "help $s->{token}: case $case, acknowledged $id" if $case != $id;
    } else {
        my $tok = one("SELECT form_token FROM comments WHERE id = $id") // '';
        push @pages_bad, "comment $id belongs to another form" if $tok ne $s->{token};
    }
}
is(scalar @pages_bad, 0, 'every acknowledged tracking code answers 200 and names its own submission')
    or diag(join "\n", @pages_bad[0 .. ($#pages_bad < 9 ? $#pages_bad : 9)]);
is(scalar(grep { $code_seen{$_} > 1 } keys %code_seen), 0, 'no tracking code was given to two forms');
my @r_ok = grep { $_->{final} == 303 } @retried;
is(scalar(grep { ($rows{ $_->{kind} }{ $_->{token} } // 0) == 1 } grep { $_->{kind} ne 'pharmacy' } @r_ok),
    scalar(grep { $_->{kind} ne 'pharmacy' } @r_ok), 'every retried submission that was acknowledged exists once');

# The prescriptions: one webhook row per case sent, whatever the retries.
my @sent_cases = map { $_->{token} =~ /^case-(\d+)$/ ? $1 : () } grep { $_->{kind} eq 'pharmacy' && $_->{final} == 303 } @subs;
my $hooks_n = one(q{SELECT COUNT(*) FROM outbox WHERE kind = 'help.pharmacy'});
is($hooks_n, scalar @sent_cases, 'one webhook queued per prescription sent (' . scalar(@sent_cases) . ')');
my %queued_ev = map { $_->[0] => $_->[1] } $t->sql(q{SELECT case_id, COUNT(*) FROM help_case_events
    WHERE kind = 'pharmacy' AND status = 'queued' GROUP BY case_id});
is(scalar(grep { ($queued_ev{$_} // 0) == 1 } @sent_cases), scalar @sent_cases,
    '... each case queued once in its history');

# ---- the outbox, delivered once ---------------------------------------------------------------
my $deadline = time + 60;
my $queued;
while (time < $deadline) {
    $queued = one(q{SELECT COUNT(*) FROM outbox WHERE state = 'queued'});
    last if $queued == 0;
    sleep 1;
}
is($queued, 0, sprintf 'the outbox emptied %.0f s after the traffic', time - $T0 - $done);
my $sender_out = $t->outbox_loop_stop;
is(one(q{SELECT COUNT(*) FROM outbox WHERE state <> 'sent'}), 0, '... every message sent, none failed');
cmp_ok(one(q{SELECT COUNT(*) FROM outbox WHERE tries > 1}), '>', 0, '... some after a failed try (the outage)');

my %mid;
for my $m ($t->mails) {
    my ($id) = ($m->{header_raw}{'message-id'} // '') =~ /<([^>]+)>/;
    $mid{ $id // '?' }++;
}
my @mail_rows = $t->sql(q{SELECT message_id FROM outbox WHERE channel = 'mail'});
my @mail_bad = grep { ($mid{ $_->[0] } // 0) != 1 } @mail_rows;
is(scalar @mail_bad, 0, sprintf '%d mails, each Message-ID received exactly once', scalar @mail_rows)
    or diag(join "\n", map { "$_->[0]: " . ($mid{ $_->[0] } // 0) . ' times' } @mail_bad[0 .. ($#mail_bad < 9 ? $#mail_bad : 9)]);
is(scalar(keys %mid), scalar @mail_rows, '... and nothing else was received');

my %nonce;
$nonce{ $_->{nonce} }++ for $t->pharmacy_received;
my @hook_rows = $t->sql(q{SELECT message_id FROM outbox WHERE kind = 'help.pharmacy'});
is(scalar(grep { ($nonce{ $_->[0] } // 0) == 1 } @hook_rows), scalar @hook_rows,
    scalar(@hook_rows) . ' webhooks, each nonce received by the association');
my $dups = () = (Agora::Test::_read_file($t->var . '/log/pharmacy-receiver.log') // '') =~ /duplicate delivery/g;
is($dups, 0, '... once: the receiver saw no nonce twice');

# ---- afterwards ------------------------------------------------------------------------------
my @w = $t->worker_pids;
is(scalar @w, 6, 'six workers run (multiwatch replaced every one killed)');
my %codes;
for (1 .. 30) {
    $codes{ $t->get((qw(/ /news /requests/new /help), $art_path)[$_ % 5])->{status} }++;
}
is_deeply(\%codes, { 200 => 30 }, 'thirty pages afterwards: all 200, no restart of the stack');
my $b = Agora::Staff->new($t);
my $r = $b->submit('/requests/new', '/requests/new', $FORM{request}{fields}->(0, 0));
is($r->{status}, 303, '... and a request is accepted');

done_testing;
