package Agora::Test;

# Agora::Test - a private Agora stack for one test script.
#
#   use Agora::Test;
#   my $t = Agora::Test->new(conf => { max_body => 4096 });
#   my $res = $t->get('/');            # HTTP::Tiny response, no redirects
#   my @rows = $t->sql('select id, title from news');
#
# new() starts MariaDB, the workers and nginx on a free port with all state
# in a fresh temporary directory, by running script/server (the same code a
# developer's `script/server` runs, with AGORA_SKIP_SETUP=1: no apt-get, no
# build).  The demo content is loaded as on a first start.
#
# When the script calls done_testing, the harness stops the stack and adds
# one last test, "the stack's logs are clean", which fails on any of:
#   - a worker that died: multiwatch's "Child[N] died, respawn", "Spawning
#     child[N] failed, next try" (a death within 10 s of the worker's start),
#     "died to often" and fork failures in agora.log (multiwatch's stderr);
#   - an upstream error in nginx-error.log ("upstream prematurely closed",
#     "connect() ... failed", "recv() failed", "upstream timed out", ...)
#     or a 502/504 answered by nginx (nginx-access.log);
#   - [alert], [emerg] or [crit] in nginx-error.log;
#   - a worker under valgrind whose ERROR SUMMARY is not 0 (agora.log);
#   - a sanitizer report (ASan, LSan, UBSan "runtime error:") in agora.log
#     (the workers' stderr) or in the output of agora-admin or
#     script/server run through this object.
# A test that kills workers or breaks the upstream on purpose says so for
# the lines it causes, and only for them:
#   $t->expect_worker_deaths(2, sub { ...kill two workers... });
#   $t->allow_upstream_errors(sub { ... });
# Each runs the code and allows that kind of line only in the part of the
# logs written meanwhile; expect_worker_deaths also waits (up to 10 s) for
# multiwatch's lines and adds a test that exactly that many workers died.
# A death or upstream error outside such a window still fails.
# If anything failed it prints the logs' tails.  (A script with a fixed
# plan gets no such test.)  The stack is also stopped by END or a TERM/INT
# signal, and the temporary directory is removed, unless AGORA_KEEP=1.
#
# Environment: AGORA_SRCDIR (the repository; default: found from this file),
# AGORA_BUILDDIR (default: $AGORA_SRCDIR/build) - both set by `make check`.
#
# Strings: sql() takes and returns Perl character strings (UTF-8 on the
# wire); HTTP responses are bytes, as HTTP::Tiny returns them (decode with
# $t->text($res) when comparing with Greek text).

use strict;
use warnings;
use utf8;

use Carp qw(croak);
use Cwd qw(abs_path);
use Encode qw(decode_utf8 encode_utf8);
use File::Basename qw(dirname);
use File::Path qw(remove_tree);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Select;
use IO::Socket::INET;
use Scalar::Util qw(weaken);
use Time::HiRes ();
use Test::More ();
use Test2::API qw(test2_add_callback_testing_done context);
use Exporter qw(import);

our @EXPORT_OK = qw(html_escape);

my $SRCDIR = $ENV{AGORA_SRCDIR}
    || abs_path(dirname(__FILE__) . '/../../..');
my $BUILDDIR = $ENV{AGORA_BUILDDIR} || "$SRCDIR/build";

my @LIVE;    # stacks not yet stopped, for the END block and signals

# A test interrupted with Ctrl-C or killed by a timeout must not leave
# daemons behind: turn the signal into a normal exit, which runs END.
$SIG{INT} = $SIG{TERM} = sub { die "caught SIG$_[0]\n" };

sub new {
    my ($class, %arg) = @_;
    my $self = bless {
        srcdir  => $SRCDIR,
        builddir => $BUILDDIR,
        # No micro-cache (conf micro_cache) unless the test sets it: a
        # test that edits a page and reads it at once checks the edit, not
        # the second it may wait in nginx's cache (t/http/90-micro-cache.t
        # tests the cache itself).  nginx's cache configuration is in place
        # either way: the workers' headers decide what it keeps.
        # Nor kept statistics (stats_refresh): a test that adds a request
        # and opens /admin/stats checks the count (56-stats-kept.t tests
        # the keeping).
        # AGORA_TEST_MICRO_CACHE=1 runs the suite with the cache on (see
        # request(): a page read again after a change waits out its copy).
        conf    => { micro_cache => $ENV{AGORA_TEST_MICRO_CACHE} // 0, stats_refresh => 0,
                     %{ $arg{conf} || {} } },
        # The cache is on only by that knob (not by the test's own conf).
        wait_copies => ($ENV{AGORA_TEST_MICRO_CACHE} // 0) > 0
            && !exists(($arg{conf} || {})->{micro_cache}),
        fetched => {},    # GET/HEAD path => when its last answer ended
        changed => 0,     # when the test last changed something
        workers => $arg{workers} || 3,
        windows => [],    # expect_worker_deaths / allow_upstream_errors
        tool_reports => [],    # sanitizer lines from agora-admin, script/server
    }, $class;
    croak "no agora.fcgi in $BUILDDIR (build first, or set AGORA_BUILDDIR)"
        unless -x "$BUILDDIR/agora.fcgi";

    # Short path: sockets live in var/run and must stay under 107 bytes.
    $self->{var} = tempdir('agora-t-XXXXXX', TMPDIR => 1, CLEANUP => 0);
    $self->{port} = _free_port();
    # Mail goes to this stack's SMTP listener (t/lib/smtp-sink.py), started
    # by smtp => 1 or on the first smtp_start / mails; the test's conf wins.
    $self->{smtp_port} = _free_port();
    my %smtp = (smtp_url => "smtp://127.0.0.1:$self->{smtp_port}", smtp_tls => 'none',
        smtp_timeout => 5, mail_from => 'noreply@agora.test');
    _write_file("$self->{var}/agora.conf.local",
        join '', map { "$_ = $smtp{$_}\n" } grep { !exists $self->{conf}{$_} } sort keys %smtp);
    open my $local, '>>:raw', "$self->{var}/agora.conf.local" or die "agora.conf.local: $!";
    print $local map { "$_ = $self->{conf}{$_}\n" } sort keys %{ $self->{conf} };
    close $local or die "agora.conf.local: $!";

    push @LIVE, $self;
    weaken($LIVE[-1]);
    my $me = $self;
    weaken($me);
    test2_add_callback_testing_done(sub { $me->_finish if $me });

    # nginx lets an address sign in 10 times a minute; tests sign in far
    # more often, so they run with a high rate unless they test the limit.
    local $ENV{AGORA_LOGIN_RATE} = $arg{login_rate} || '6000r/m';
    # The same for comments (nginx's zone agora_comments; the workers'
    # own comment_rate is conf, set by the tests that need it).
    local $ENV{AGORA_COMMENT_RATE} = $arg{comment_rate} || '60000r/m';
    # And for the other public forms (zone agora_post) and searches
    # (agora_search), but in t/http/93-limits.t.
    local $ENV{AGORA_POST_RATE} = $arg{post_rate} || '60000r/m';
    # nginx sees requests accepted in one event-loop pass as simultaneous,
    # whatever the rate: the burst too, for the tests that post many forms
    # at once (t/http/50-requests.t posts 200).
    local $ENV{AGORA_POST_BURST} = $arg{post_rate} ? 20 : 1000;
    local $ENV{AGORA_SEARCH_RATE} = $arg{search_rate} || '10000r/s';
    # fcgi_backlog => N: the workers' socket queue (spawn-fcgi -b; the
    # shipped 128 sheds the rest with a 503).  A test that sends more
    # requests at once than that, and expects every one served, asks for
    # more (t/http/50-requests.t: 200 at once, slow under the sanitizers).
    local $ENV{AGORA_FCGI_BACKLOG} = $arg{fcgi_backlog} if $arg{fcgi_backlog};
    # tls => 1: nginx also serves over TLS on tls_port (script/server's
    # AGORA_TLS_PORT: a self-signed certificate, tls_cert).
    $self->{tls_port} = _free_port() if $arg{tls};
    local $ENV{AGORA_TLS_PORT} = $self->{tls_port} if $arg{tls};
    # db_slow_log => 1: MariaDB logs every statement with its plan to
    # slow_log_path (t/http/91-query-plans.t).
    local $ENV{AGORA_DB_SLOW_LOG} = $self->slow_log_path if $arg{db_slow_log};
    my ($rc, $out) = $self->server('start');
    if ($rc != 0) {
        Test::More::diag("script/server start failed (exit $rc):\n$out");
        $self->_diag_logs;
        die "could not start the Agora stack\n";
    }
    $self->smtp_start(%{ $arg{smtp_reject} ? { reject => $arg{smtp_reject} } : {} })
        if $arg{smtp};
    $self->{http} = HTTP::Tiny->new(
        max_redirect => 0,
        timeout      => 15,
        agent        => 'agora-test/1',
        keep_alive   => 0,
    );
    return $self;
}

# ---- accessors -------------------------------------------------------------

sub port     { $_[0]{port} }
sub var      { $_[0]{var} }
sub srcdir   { $_[0]{srcdir} }
sub builddir { $_[0]{builddir} }
sub conf_path { "$_[0]{var}/agora.conf" }
sub slow_log_path { "$_[0]{var}/log/mariadb-slow.log" }
sub url      { my ($self, $path) = @_; "http://127.0.0.1:$self->{port}" . ($path // '/') }
sub tls_port { $_[0]{tls_port} }
sub tls_url  { my ($self, $path) = @_; "https://127.0.0.1:$self->{tls_port}" . ($path // '/') }
sub tls_cert { "$_[0]{var}/nginx/tls.crt" }

# ---- HTTP ----------------------------------------------------------------------

# request(METHOD, PATH, {headers => {...}, content => ...}): the
# HTTP::Tiny response hash (status, reason, headers with lower-case names,
# content as bytes).  Redirects are returned, not followed.
#
# With the micro-cache on (AGORA_TEST_MICRO_CACHE=1) a page is kept by
# nginx and by the worker that made it up to the end of the next whole
# second (X-Accel-Expires: 1): a test that changes something (a POST, a
# write in sql(), agora-admin) and reads a page it read before the change
# waits until that page's copies have expired - the edit shows within the
# cache's lifetime, which is what the portal promises, and the test then
# checks the edit itself.  A page not read before has no copy to wait for.
sub request {
    my ($self, $method, $path, $opts) = @_;
    $self->before_request($method, $path);
    my $res = $self->{http}->request($method, $self->url($path), $opts || {});
    $self->after_request($method, $path, $res);
    return $res;
}

# before_request(METHOD, PATH) and after_request(METHOD, PATH): what
# request() does around each request, for a test that sends its own (a
# client library's); changed(): the test changed something behind the
# pages (request(), sql() and admin() say so themselves).
sub before_request {
    my ($self, $method, $path) = @_;
    return unless $self->{wait_copies} && ($method eq 'GET' || $method eq 'HEAD');
    # The staff's pages are never kept (nor waited for: a sign-in delay
    # would pass meanwhile).
    return if $path =~ m{^(?:/en)?/admin(?:[/?]|$)};
    my $f = $self->{fetched}{$path};
    my $left = defined $f && $self->{changed} >= $f ? $f + 2.05 - Time::HiRes::time() : 0;
    Time::HiRes::sleep($left) if $left > 0;
}
# A page can have been kept only when it came through one of nginx's
# cached locations (X-Cache-Status) and issued no one-time form token
# (the workers never let such a page be kept: t/http/90-micro-cache.t);
# after_request without RES (a client library's answer) assumes it can.
sub after_request {
    my ($self, $method, $path, $res) = @_;
    return unless $self->{wait_copies};
    if ($method ne 'GET' && $method ne 'HEAD') { $self->changed; return }
    return if $res && (!exists $res->{headers}{'x-cache-status'}
        || ($res->{content} // '') =~ /name="token"/);
    $self->{fetched}{$path} = Time::HiRes::time();
}
sub changed { $_[0]{changed} = Time::HiRes::time() }
sub get  { my ($self, $path, $opts) = @_; $self->request('GET',  $path, $opts) }
sub post { my ($self, $path, $opts) = @_; $self->request('POST', $path, $opts) }

# raw_request(METHOD, PATH[, {HEADER => VALUE}]): the request over a plain
# socket with "Connection: close", reading everything nginx sends until it
# closes the connection.  Returns {status, headers (lower-case names),
# content (every byte after the header block, exactly as sent), raw}.
# Unlike HTTP::Tiny (which never reads a body after HEAD) it shows whether
# a HEAD answer carries a body.  Dies on a timeout (15 s) or a reply that
# is not HTTP.
sub raw_request {
    my ($self, $method, $path, $hdr) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $self->{port},
        Proto => 'tcp', Timeout => 15) or croak "connect to 127.0.0.1:$self->{port}: $!";
    my $req = "$method $path HTTP/1.1\r\nHost: 127.0.0.1:$self->{port}\r\n"
        . "User-Agent: agora-test/1\r\nConnection: close\r\n"
        . join('', map { "$_: $hdr->{$_}\r\n" } sort keys %{ $hdr || {} }) . "\r\n";
    $sock->syswrite($req) == length $req or croak "write: $!";
    my $sel = IO::Select->new($sock);
    my $raw = '';
    while (1) {
        $sel->can_read(15) or croak "raw_request $method $path: no EOF within 15 s";
        my $n = $sock->sysread($raw, 65536, length $raw);
        croak "read: $!" unless defined $n;
        last if $n == 0;
    }
    close $sock;
    my $end = index($raw, "\r\n\r\n");
    croak "raw_request $method $path: no header block in the reply" if $end < 0;
    my ($line, @h) = split /\r\n/, substr($raw, 0, $end);
    my ($status) = $line =~ m{^HTTP/1\.[01] (\d{3})} or croak "not an HTTP status line: $line";
    my %h;
    for (@h) {
        my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
        $h{ lc $k } = exists $h{ lc $k } ? "$h{lc $k}, $v" : $v;
    }
    return { status => $status, headers => \%h, content => substr($raw, $end + 4), raw => $raw };
}

# sitemap(): the whole sitemap as one text (characters): /sitemap.xml,
# the index, followed by every child file it names, each fetched through
# nginx; dies when one does not answer 200.
sub sitemap {
    my ($self) = @_;
    my $idx = $self->text($self->get('/sitemap.xml'));
    my $all = $idx;
    for my $loc ($idx =~ m{<loc>([^<]+)</loc>}g) {
        my ($path) = $loc =~ m{^https?://[^/]+(/.*)$} or croak "sitemap: a child at $loc";
        my $r = $self->get($path);
        croak "sitemap: $path answers $r->{status}" unless $r->{status} == 200;
        $all .= $self->text($r);
    }
    return $all;
}

# text(RES): the response body decoded from UTF-8 (characters).
sub text { my ($self, $res) = @_; decode_utf8($res->{content} // '') }

# get_ok(PATH[, STATUS]): GET PATH, one test that it answers STATUS (200),
# and the decoded body.
sub get_ok {
    my ($self, $path, $status) = @_;
    $status //= 200;
    my $res = $self->get($path);
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    Test::More::is($res->{status}, $status, "GET $path answers $status");
    return $self->text($res);
}

# ---- the database ------------------------------------------------------------

# sql(STATEMENT): run it as the database's root in database agora; returns
# the rows (array refs of strings; NULL comes back as undef).  Dies with
# the client's message on error.
sub sql {
    my ($self, $stmt) = @_;
    my $sock = $self->_run_dir . '/mysqld.sock';
    my $user = getpwuid($<);
    my $in   = "$self->{var}/sql.in";
    _write_file($in, encode_utf8($stmt));
    my @cmd = ('mariadb', '--no-defaults', "--socket=$sock", "--user=$user",
        '--default-character-set=utf8mb4', '--batch', '--skip-column-names',
        # The workers' session zone (agora.conf timezone): NOW() in a test's
        # SQL is the same instant on the same wall clock as theirs.
        "--init-command=SET time_zone = 'Europe/Athens'",
        'agora');
    my $out = _capture(\@cmd, $in, \my $rc);
    $self->changed if $stmt !~ /^\s*(?:SELECT|SHOW|EXPLAIN|DESCRIBE)\b/i;
    croak "sql failed ($stmt): $out" if $rc != 0;
    my @rows;
    for my $line (split /\n/, decode_utf8($out)) {
        push @rows, [ map { $_ eq 'NULL' ? undef : _unescape($_) } split /\t/, $line, -1 ];
    }
    return @rows;
}

# The mariadb client's --batch escapes: \n \t \\ \0.
sub _unescape {
    my ($s) = @_;
    $s =~ s/\\([nt0\\])/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1 eq '0' ? "\0" : "\\"/ge;
    return $s;
}

sub db_stop  { my ($self) = @_; $self->_server_ok('db-stop') }
sub db_start { my ($self) = @_; $self->_server_ok('db-start') }

# ---- processes and logs -----------------------------------------------------

# multiwatch's pid, as recorded by script/server.
sub multiwatch_pid {
    my ($self) = @_;
    my $pid = _read_file("$self->{var}/state/multiwatch.pid") // return;
    chomp $pid;
    return $pid;
}

# worker_pids: the live agora.fcgi processes (children of multiwatch), sorted.
sub worker_pids {
    my ($self) = @_;
    my $mw = $self->multiwatch_pid or return ();
    my @kids;
    for my $stat (glob '/proc/[0-9]*/stat') {
        my $line = _read_file($stat) // next;
        $line =~ /\) (\S) (\d+) / or next;
        next if $1 eq 'Z';
        push @kids, ($stat =~ m{/proc/(\d+)/})[0] if $2 == $mw;
    }
    return sort { $a <=> $b } @kids;
}

# worker_ready: the worker has logged that it serves (it has its signal
# handlers, its configuration and its listening socket).  A pid that
# worker_pids lists may still be starting: a signal then meets the default
# action, not the worker's handler.
sub worker_ready {
    my ($self, $pid) = @_;
    return $self->log_text =~ /pid=$pid msg="worker ready"/;
}

sub log_text       { _read_file("$_[0]{var}/log/agora.log") // '' }
sub nginx_error_log { _read_file("$_[0]{var}/log/nginx-error.log") // '' }

# admin(ARGS...): run agora-admin -c <this stack's config> ARGS; returns
# (exit code, combined output).
sub admin {
    my ($self, @args) = @_;
    my $out = _capture([ "$self->{builddir}/agora-admin", '-c', $self->conf_path, @args ],
        undef, \my $rc);
    $self->changed;
    $self->_note_tool_output("agora-admin @args", $out);
    return ($rc, $out);
}

# ---- mail ----------------------------------------------------------------------

# smtp_start(reject => {ADDRESS => CODE}): (re)start the SMTP listener on
# this stack's smtp_url; RCPT TO an ADDRESS is answered CODE (e.g. 550).
# Messages received are kept across restarts.
sub smtp_start {
    my ($self, %opt) = @_;
    $self->smtp_stop;
    my $dir = $self->smtp_dir;
    mkdir $dir;
    my @cmd = ('/usr/bin/python3', "$self->{srcdir}/t/lib/smtp-sink.py",
        '--port', $self->{smtp_port}, '--dir', $dir,
        map { ('--reject', "$_=$opt{reject}{$_}") } sort keys %{ $opt{reject} || {} });
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', "$self->{var}/log/smtp-sink.log";
        open STDERR, '>&', \*STDOUT;
        exec @cmd or POSIX::_exit(127);
    }
    $self->{smtp_pid} = $pid;
    for (1 .. 100) {    # up to 10 s for python and asyncio to listen
        my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $self->{smtp_port},
            Proto => 'tcp', Timeout => 1);
        if ($s) { close $s; return 1 }
        croak "smtp-sink.py exited: " . (_read_file("$self->{var}/log/smtp-sink.log") // '')
            if waitpid($pid, POSIX::WNOHANG()) == $pid;
        Time::HiRes::sleep(0.1);
    }
    croak "smtp-sink.py does not listen on $self->{smtp_port}";
}

# smtp_stop: stop the listener (idempotent); mail then cannot be delivered.
sub smtp_stop {
    my ($self) = @_;
    my $pid = delete $self->{smtp_pid} or return;
    kill 'TERM', $pid;
    waitpid $pid, 0;
}

sub smtp_dir { "$_[0]{var}/mails" }

# mails: every message the listener received, oldest first, parsed:
#   { file, raw (bytes), headers => { lower-case name => decoded text },
#     header_raw => { name => the folded value as sent }, text, html,
#     parts => [ { type, encoding, body } ] }
# Headers are decoded with Encode's MIME-Header, bodies with MIME::Base64
# or MIME::QuotedPrint and then from UTF-8.
sub mails {
    my ($self) = @_;
    require MIME::Base64;
    require MIME::QuotedPrint;
    my @mails;
    for my $file (sort glob($self->smtp_dir . '/*.eml')) {
        my $raw = _read_file($file);
        my ($head, $body) = split /\r\n\r\n/, $raw, 2;
        my %h = _mail_headers($head);
        my %m = (file => $file, raw => $raw, headers => $h{decoded}, header_raw => $h{raw},
            parts => []);
        my ($boundary) = ($h{raw}{'content-type'} // '') =~ /boundary="([^"]+)"/;
        my @bodies = $boundary
            ? grep { /\S/ && !/^--\r?\n?$/ } split /\r\n--\Q$boundary\E(?:--)?(?:\r\n|$)/, "\r\n$body"
            : ();
        for my $p (@bodies) {
            my ($ph, $pb) = split /\r\n\r\n/, $p, 2;
            next unless defined $pb;
            my %ph = _mail_headers($ph);
            my $enc = lc($ph{raw}{'content-transfer-encoding'} // '');
            my $bytes = $enc eq 'base64' ? MIME::Base64::decode_base64($pb)
                : $enc eq 'quoted-printable' ? MIME::QuotedPrint::decode_qp($pb) : $pb;
            $bytes =~ s/\r\n/\n/g;
            my ($type) = ($ph{raw}{'content-type'} // '') =~ m{^([\w/.+-]+)};
            push @{ $m{parts} }, { type => lc($type // ''), encoding => $enc,
                body => decode_utf8($bytes) };
        }
        ($m{text}) = map { $_->{body} } grep { $_->{type} eq 'text/plain' } @{ $m{parts} };
        ($m{html}) = map { $_->{body} } grep { $_->{type} eq 'text/html' } @{ $m{parts} };
        push @mails, \%m;
    }
    return @mails;
}

sub _mail_headers {
    my ($head) = @_;
    require Encode;
    my (%raw, %dec);
    for my $line (split /\r\n(?![ \t])/, $head // '') {
        my ($name, $value) = $line =~ /^([!-9;-~]+):[ \t]*(.*)$/s or next;
        $name = lc $name;
        next if exists $raw{$name};    # the first of a repeated header
        $raw{$name} = $value;
        (my $unfolded = $value) =~ s/\r\n([ \t])/$1/g;
        $dec{$name} = Encode::decode('MIME-Header', $unfolded);
    }
    return (raw => \%raw, decoded => \%dec);
}

# help_wipe: empty the support desk's tables (the demo's residents and
# cases), for a test that counts its own rows.
sub help_wipe {
    my ($self) = @_;
    $self->sql($_) for 'DELETE FROM help_case_health', 'DELETE FROM help_health_notes',
        'DELETE FROM help_web_contacts', 'DELETE FROM help_case_events', 'DELETE FROM help_cases',
        'DELETE FROM help_health', 'DELETE FROM help_volunteer_areas', 'DELETE FROM help_volunteers',
        'DELETE FROM help_beneficiaries';
}

# outbox_send: run `agora-admin outbox send`; (exit code, output).
sub outbox_send { my ($self) = @_; $self->admin('outbox', 'send') }

# outbox_loop_start / outbox_loop_stop: the sender as production runs it
# (`agora-admin outbox send --loop`, every 5 s) in the background, its
# output in log/outbox-sender.log; stopping it (SIGTERM) returns that
# output, whose sanitizer reports count like the workers'.
sub outbox_loop_start {
    my ($self) = @_;
    $self->outbox_loop_stop;
    my $log = "$self->{var}/log/outbox-sender.log";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', $log;
        open STDERR, '>&', \*STDOUT;
        exec "$self->{builddir}/agora-admin", '-c', $self->conf_path, 'outbox', 'send', '--loop'
            or POSIX::_exit(127);
    }
    $self->{outbox_pid} = $pid;
    return $pid;
}
sub outbox_loop_stop {
    my ($self) = @_;
    my $pid = delete $self->{outbox_pid} or return '';
    kill 'TERM', $pid;
    waitpid $pid, 0;
    my $out = _read_file("$self->{var}/log/outbox-sender.log") // '';
    $self->_note_tool_output('agora-admin outbox send --loop', $out);
    return $out;
}

# server(COMMAND): run script/server COMMAND for this stack; (exit, output).
sub server {
    my ($self, $cmd) = @_;
    local $ENV{AGORA_VAR}        = $self->{var};
    local $ENV{AGORA_PORT}       = $self->{port};
    local $ENV{AGORA_BUILD}      = $self->{builddir};
    local $ENV{AGORA_WORKERS}    = $self->{workers};
    local $ENV{AGORA_SKIP_SETUP} = 1;
    my $out = _capture([ 'bash', "$self->{srcdir}/script/server", $cmd ], undef, \my $rc);
    $self->_note_tool_output("script/server $cmd", $out);
    return ($rc, $out);
}

# Sanitizer reports of programs run through this object (agora-admin, and
# through script/server start: migrate, demo, user-add) count like the
# workers' own.
sub _note_tool_output {
    my ($self, $what, $out) = @_;
    push @{ $self->{tool_reports} }, map { "$what: $_" } grep { _is_sanitizer($_) } split /\n/, $out;
}

sub _server_ok {
    my ($self, $cmd) = @_;
    my ($rc, $out) = $self->server($cmd);
    croak "script/server $cmd failed (exit $rc): $out" if $rc != 0;
    return 1;
}

sub _run_dir {
    my ($self) = @_;
    my $d = _read_file("$self->{var}/state/run-dir") // "$self->{var}/run\n";
    chomp $d;
    return $d;
}

# ---- what the logs must not say ---------------------------------------------------

# The three logs the final test reads, under $var/log.
my @LOGS = qw(agora.log nginx-error.log nginx-access.log);

sub _is_sanitizer {
    my ($l) = @_;
    return $l =~ /ERROR: (?:Address|Leak|Memory|Thread|UndefinedBehavior)Sanitizer|LeakSanitizer|runtime error:|SUMMARY: \w*Sanitizer/;
}

# _classify(LOG, LINE): undef for a harmless line, else the kind of
# trouble: 'death' (allowed by expect_worker_deaths), 'upstream' (allowed by
# allow_upstream_errors) or 'fatal' (never allowed).
sub _classify {
    my ($log, $l) = @_;
    if ($log eq 'agora.log') {
        return 'fatal' if _is_sanitizer($l);
        # A worker under valgrind (script/test --valgrind) sums up its
        # errors, leaks included, when it exits.
        return 'fatal' if $l =~ /^==\d+== ERROR SUMMARY: [1-9]/;
        # multiwatch (1.0.0) on a child's exit: "died, respawn"; within its
        # 10 s retry timeout "Spawning child[N] failed, next try"; after
        # three of those "died to often, not forking again".  It prints
        # nothing when it shuts its children down.
        return 'death' if $l =~ /^Child\[\d+\] died, respawn|^Spawning child\[\d+\] failed, next try/;
        return 'fatal' if $l =~ /^Child\[\d+\] died to often|Couldn't fork child|No child running and fork failed|^Exec failed/;
        return undef;
    }
    if ($log eq 'nginx-error.log') {
        return 'fatal' if $l =~ /\[(?:alert|emerg|crit)\]/ && $l !~ /while connecting to upstream/;
        return 'upstream' if $l =~ /upstream prematurely closed|connect\(\) to \S+ failed|recv\(\) failed|upstream timed out|while (?:connecting to|reading response header from|reading|sending request to) upstream|no live upstreams/;
        return undef;
    }
    if ($log eq 'nginx-access.log') {
        # combined format: ... [time] "request" status bytes ...
        return 'upstream' if $l =~ /^\S+ \S+ \S+ \[[^\]]*\] "[^"]*" (?:502|504) /;
        return undef;
    }
    return undef;
}

sub _log_size { my ($self, $log) = @_; -s "$self->{var}/log/$log" // 0 }

# _window(KIND, CODE): run CODE; lines of KIND written to the logs meanwhile
# are allowed.  Returns the window (offsets of each log before and after).
sub _window {
    my ($self, $kind, $code, $settle) = @_;
    my %w = (kind => $kind, from => { map { $_ => $self->_log_size($_) } @LOGS });
    my $ok = eval { $code->(); 1 };
    my $err = $@;
    $settle->(\%w) if $settle;
    $w{to} = { map { $_ => $self->_log_size($_) } @LOGS };
    push @{ $self->{windows} }, \%w;
    die $err unless $ok;
    return \%w;
}

# The lines of LOG written inside window W, with their kinds.
sub _window_lines {
    my ($self, $w, $log, $to) = @_;
    my $text = _read_file("$self->{var}/log/$log") // '';
    $to //= length $text;
    my $from = $w->{from}{$log};
    return () if $to <= $from;
    return split /\n/, substr($text, $from, $to - $from);
}

# expect_worker_deaths(N, CODE): run CODE, which makes exactly N workers
# die (kill, SIGTERM outside shutdown, a deliberate crash).  multiwatch's
# lines for them are allowed; the harness waits up to 10 s for them to be
# written and then adds one test: exactly N deaths were logged meanwhile.
sub expect_worker_deaths {
    my ($self, $n, $code) = @_;
    my $count = sub {
        my ($w) = @_;
        return scalar grep { (_classify('agora.log', $_) // '') eq 'death' }
            $self->_window_lines($w, 'agora.log');
    };
    my $seen = 0;
    my $w = $self->_window('death', $code, sub {
        my ($w) = @_;
        my $t0 = Time::HiRes::time();
        while (($seen = $count->($w)) < $n && Time::HiRes::time() - $t0 < 10) {
            Time::HiRes::sleep(0.05);
        }
    });
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    return Test::More::is($seen, $n, "multiwatch logged exactly $n expected worker death(s)");
}

# allow_upstream_errors(CODE): run CODE, during which nginx may fail to
# reach the workers (upstream errors in its error log, 502/504 answers).
sub allow_upstream_errors {
    my ($self, $code) = @_;
    $self->_window('upstream', $code);
    return 1;
}

# log_problems: every line that makes the final test fail, "log: line".
sub log_problems {
    my ($self) = @_;
    my @bad;
    for my $log (@LOGS) {
        my $text = _read_file("$self->{var}/log/$log") // next;
        my $pos = 0;
        for my $l (split /\n/, $text) {
            my $at = $pos;
            $pos += length($l) + 1;
            my $kind = _classify($log, $l) // next;
            next if $kind ne 'fatal' && grep {
                $_->{kind} eq $kind && $at >= $_->{from}{$log} && $at < $_->{to}{$log}
            } @{ $self->{windows} };
            push @bad, "$log: $l";
        }
    }
    push @bad, @{ $self->{tool_reports} };
    # Under valgrind every worker must have ended with its summary (a
    # worker killed before it could say would otherwise pass unseen).
    if (($ENV{AGORA_WORKER_WRAPPER} // '') =~ /valgrind/) {
        my $text = _read_file("$self->{var}/log/agora.log") // '';
        my %started = map { $_ => 1 } $text =~ /^==(\d+)== Memcheck, /mg;
        delete @started{ $text =~ /^==(\d+)== ERROR SUMMARY: /mg };
        push @bad, map { "agora.log: worker $_ under valgrind ended without its ERROR SUMMARY" }
            sort keys %started;
        push @bad, 'agora.log: no worker ran under valgrind' unless $text =~ /^==\d+== Memcheck, /m;
    }
    return @bad;
}

# ---- the end ------------------------------------------------------------------

# Called once when testing is done: stop the stack, then check its logs.
sub _finish {
    my ($self) = @_;
    return if $self->{finished}++;
    $self->stop;
    my $ctx = context();
    my @bad = $self->log_problems;
    $ctx->ok(!@bad, 'the stack\'s logs are clean: no worker died, no upstream error or 502, '
        . 'no [alert]/[emerg]/[crit], no sanitizer report');
    $ctx->diag(join "\n", @bad[0 .. ($#bad < 19 ? $#bad : 19)]) if @bad;
    $self->_diag_logs($ctx) if !$ctx->hub->is_passing;
    $ctx->release;
}

sub _diag_logs {
    my ($self, $ctx) = @_;
    my $diag = $ctx ? sub { $ctx->diag(@_) } : \&Test::More::diag;
    for my $log (qw(agora.log nginx-error.log nginx-access.log mariadb.log)) {
        my $text = _read_file("$self->{var}/log/$log") // next;
        my @l = split /\n/, $text;
        # MariaDB's notes are noise; its errors are what matter.
        @l = grep { /\[ERROR\]/ } @l if $log eq 'mariadb.log';
        next unless @l;
        @l = @l[-25 .. -1] if @l > 25;
        $diag->("---- last lines of $self->{var}/log/$log ----\n" . join("\n", @l));
    }
}

# stop: end the stack (idempotent); the temp dir goes with DESTROY.
sub stop {
    my ($self) = @_;
    $self->outbox_loop_stop;
    $self->smtp_stop;
    return if $self->{stopped}++;
    my ($rc, $out) = $self->server('stop');
    Test::More::diag("script/server stop failed (exit $rc): $out") if $rc != 0;
}

sub DESTROY {
    my ($self) = @_;
    local ($?, $!, $@);
    $self->stop;
    if ($ENV{AGORA_KEEP}) {
        Test::More::diag("AGORA_KEEP: state kept in $self->{var}");
    } elsif ($self->{var} && -d $self->{var}) {
        # Sockets may sit in /tmp/agora-<hash> when var was too deep.
        my $run = $self->_run_dir;
        remove_tree($run) if $run !~ m{^\Q$self->{var}\E/} && -d $run;
        remove_tree($self->{var});
    }
}

END {
    local $?;
    $_ && $_->stop for @LIVE;
}

# ---- helpers ----------------------------------------------------------------------

# html_escape(TEXT): TEXT as ctemplate's :h modifier writes it, to look for
# database text in a page.
sub html_escape {
    my ($s) = @_;
    my %e = ('&' => '&amp;', '<' => '&lt;', '>' => '&gt;', '"' => '&quot;', "'" => '&#39;');
    $s =~ s/([&<>"'])/$e{$1}/g;
    $s =~ s/[\r\n\t\x0b\f]/ /g;    # ctemplate writes these as spaces
    return $s;
}

sub _free_port {
    my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
        Proto => 'tcp', Listen => 1, ReuseAddr => 1) or die "no free port: $!";
    my $port = $s->sockport;
    close $s;
    return $port;
}

# _capture(\@cmd, STDIN_FILE, \RC): run without a shell, stdout+stderr into
# a file (never a pipe: the daemons script/server starts must not hold our
# pipe open), return the output.
sub _capture {
    my ($cmd, $stdin, $rcref) = @_;
    my ($fh, $file) = File::Temp::tempfile('agora-out-XXXXXX', TMPDIR => 1, UNLINK => 1);
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDIN, '<', ($stdin // '/dev/null') or die "stdin: $!";
        open STDOUT, '>&', $fh or die "stdout: $!";
        open STDERR, '>&', $fh or die "stderr: $!";
        exec @$cmd or do { print STDERR "exec $cmd->[0]: $!\n"; POSIX::_exit(127) };
    }
    waitpid $pid, 0;
    $$rcref = $? >> 8 | ($? & 127 ? 128 + ($? & 127) : 0);
    my $out = _read_file($file) // '';
    unlink $file;
    return $out;
}

sub _read_file {
    my ($path) = @_;
    open my $fh, '<:raw', $path or return undef;
    local $/;
    my $s = <$fh>;
    return $s // '';
}

sub _write_file {
    my ($path, $data) = @_;
    open my $fh, '>:raw', $path or die "open($path): $!";
    print $fh $data;
    close $fh or die "close($path): $!";
}

use POSIX ();

# ---- HTTP listeners: the pharmacists' association, the SMS gateway ---------------
#
# The association's reference receiver (docs/pharmacy-receiver.py) and an
# HTTP sink (t/lib/http-sink.py) as the SMS gateway, each on a port the
# test chooses before new() so that its URL can be in the stack's conf:
#
#   my $pport = Agora::Test::free_port();
#   my $t = Agora::Test->new(conf => {
#       pharmacy_url => "http://127.0.0.1:$pport/rx", pharmacy_secret => $secret });
#   $t->pharmacy_start($pport, $secret);   # $t->pharmacy_stop to be "down"
#   my @rx = $t->pharmacy_received;         # the prescriptions it stored
#
# Both are stopped with the stack's END (and by the *_stop methods).

# free_port: a TCP port free on 127.0.0.1 now.
sub free_port { _free_port() }

# _listen(NAME, PORT, CMD...): start CMD in the background (output to
# log/NAME.log), wait until PORT accepts connections; the pid.
sub _listen {
    my ($self, $name, $port, @cmd) = @_;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', "$self->{var}/log/$name.log";
        open STDERR, '>&', \*STDOUT;
        exec @cmd or POSIX::_exit(127);
    }
    for (1 .. 100) {
        my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port,
            Proto => 'tcp', Timeout => 1);
        if ($s) { close $s; return $pid }
        croak "$name exited: " . (_read_file("$self->{var}/log/$name.log") // '')
            if waitpid($pid, POSIX::WNOHANG()) == $pid;
        Time::HiRes::sleep(0.1);
    }
    kill 'TERM', $pid;
    waitpid $pid, 0;
    croak "$name does not listen on $port";
}

sub _unlisten {
    my ($self, $key) = @_;
    my $pid = delete $self->{$key} or return;
    kill 'TERM', $pid;
    waitpid $pid, 0;
}

# pharmacy_secret_file(SECRET): the secret in a file of this stack's var/.
sub pharmacy_secret_file {
    my ($self, $secret) = @_;
    my $f = "$self->{var}/pharmacy-secret";
    _write_file($f, "$secret\n") if defined $secret;
    return $f;
}

# pharmacy_start(PORT, SECRET[, tolerance => S]): (re)start the reference
# receiver; what it stored is kept across restarts (pharmacy_store).
sub pharmacy_start {
    my ($self, $port, $secret, %o) = @_;
    $self->pharmacy_stop;
    $self->{pharmacy_port} = $port;
    $self->{pharmacy_pid} = $self->_listen('pharmacy-receiver', $port, '/usr/bin/python3',
        "$self->{srcdir}/docs/pharmacy-receiver.py", 'serve', '--port', $port,
        '--secret-file', $self->pharmacy_secret_file($secret),
        '--store', $self->pharmacy_store, '--tolerance', $o{tolerance} // 300);
    return 1;
}
sub pharmacy_stop  { $_[0]->_unlisten('pharmacy_pid') }
sub pharmacy_store { "$_[0]{var}/pharmacy-received.jsonl" }

# pharmacy_received: the receiver's stored lines, parsed ({received_at,
# nonce, payload}), oldest first.
sub pharmacy_received { _json_lines($_[0]->pharmacy_store) }

# pharmacy_callback(URL, case => ID, status => S[, note => N]): the
# receiver's callback mode; (exit code, output: the status line, the body).
sub pharmacy_callback {
    my ($self, $url, %o) = @_;
    my @cmd = ('/usr/bin/python3', "$self->{srcdir}/docs/pharmacy-receiver.py", 'callback',
        '--url', $url, '--secret-file', $self->pharmacy_secret_file, '--case', $o{case},
        '--status', $o{status}, (defined $o{note} ? ('--note', $o{note}) : ()));
    my $out = _capture(\@cmd, undef, \my $rc);
    return ($rc, $out);
}

# sms_start(PORT[, status => CODE]): the SMS gateway (an HTTP sink that
# answers CODE, 200 by default); sms_received: what it got, parsed
# ({path, headers, body}).
sub sms_start {
    my ($self, $port, %o) = @_;
    $self->sms_stop;
    $self->{sms_pid} = $self->_listen('sms-sink', $port, '/usr/bin/python3',
        "$self->{srcdir}/t/lib/http-sink.py", '--port', $port,
        '--log', "$self->{var}/sms-received.jsonl", '--status', $o{status} // 200);
    return 1;
}
sub sms_stop     { $_[0]->_unlisten('sms_pid') }
sub sms_received { _json_lines("$_[0]{var}/sms-received.jsonl") }

sub _json_lines {
    my ($file) = @_;
    require JSON::PP;
    my $text = _read_file($file) // return ();
    return map { JSON::PP->new->utf8->decode($_) } grep { /\S/ } split /\n/, $text;
}

END {
    local $?;
    for my $t (@LIVE) {
        next unless $t;
        $t->pharmacy_stop;
        $t->sms_stop;
    }
}

1;
