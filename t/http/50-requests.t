#!/usr/bin/env perl
# Citizens' requests, the public side: the form (categories and areas from
# the database, errors shown beside their fields with everything kept),
# a submission answered only after COMMIT with a tracking code and a
# protocol number, a form sent twice making one request, concurrent
# submissions getting gap-free protocol numbers, and the tracking page
# showing no personal data.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;
use POSIX ();

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(fcgi_backlog => 1024);    # 200 forms posted at once, below
my $b = Agora::Staff->new($t);    # a resident's browser: no session needed
my ($year) = $t->sql(q{SELECT YEAR(NOW())});
$year = $year->[0];
# The demo's requests come first: counts and this year's protocol numbers
# are relative to them.
my ($before) = $t->sql('SELECT COUNT(*) FROM requests');
$before = $before->[0];
my ($last) = $t->sql("SELECT COALESCE(MAX(last), 0) FROM protocol_counters WHERE year = $year");
$last = $last->[0];

my $r = $b->get('/requests/new');
is($r->{status}, 200, 'the form opens');
my $html = $t->text($r);
like($html, qr/Δρόμοι και κοινόχρηστοι χώροι: Ηλεκτροφωτισμός/, '... with the categories by group');
like($html, qr/<option value="\d+">Μόρια<\/option>/, '... and the communities');
like($html, qr/href="tel:/, '... and a phone number for what is urgent');
ok(!exists $r->{headers}{'set-cookie'}, '... and no cookie');
is($t->get('/en/requests/new')->{status}, 200, 'in English too');

# ---- errors keep what was typed -----------------------------------------------------
$r = $b->submit('/requests/new', '/requests/new',
    { description => 'Σβηστή λάμπα εδώ και μία εβδομάδα', address => '' });
is($r->{status}, 422, 'missing category, address and consent: 422');
$html = $t->text($r);
like($html, qr/Σβηστή λάμπα εδώ και μία εβδομάδα/, '... the description is kept');
like($html, qr/href="#f-category"/, '... the summary links to the category');
like($html, qr/href="#f-address"/, '... to the address');
like($html, qr/href="#f-consent"/, '... and to the consent');
my %ok = (category => 3, description => 'Σπασμένο παγκάκι', address => 'Ερμού 12', consent => 1);
$r = $b->submit('/requests/new', '/requests/new', { %ok, description => 'λ' x 4001 });
is($r->{status}, 422, '4001 characters of description: 422');
$r = $b->submit('/requests/new', '/requests/new', { %ok, email => 'not-an-email' });
is($r->{status}, 422, 'a bad e-mail: 422');
$r = $b->submit('/requests/new', '/requests/new', { %ok, category => 5 });
is($r->{status}, 422, 'a category without anonymous reports and no way to reach the reporter: 422');
like($t->text($r), qr/Γράψτε e-mail ή τηλέφωνο/, '... saying so');
$r = $b->submit('/requests/new', '/requests/new', { %ok, category => 999 });
is($r->{status}, 422, 'an unknown category: 422');
$r = $b->submit('/requests/new', '/requests/new', { %ok, area => 999 });
is($r->{status}, 422, 'an unknown community: 422');
my ($n) = $t->sql('SELECT COUNT(*) FROM requests');
is($n->[0], $before, 'nothing was stored');

# ---- a submission -------------------------------------------------------------------
my $page = $b->get('/requests/new');
my ($moria) = $t->sql(q{SELECT id FROM areas WHERE name_el = 'Μόρια'});
# Greenery (3): a category without extra questions (54-requests-form.t has those).
my %mine = (category => 3, description => "Το παγκάκι στην πλατεία είναι σπασμένο.\nΚινδυνεύουν τα παιδιά.",
    address => 'Οδός Αγίου Γεωργίου 14', area => $moria->[0], name => 'Ελένη Ιδιώτου',
    email => 'eleni.idiotou@example.org', phone => '6912345678', consent => 1);
$r = $b->submit($page, '/requests/new', \%mine);
is($r->{status}, 303, 'a good request: 303');
my ($code) = ($r->{headers}{location} // '') =~ m{^/requests/(\d{4}-\d{6})\?new=1$};
is($code, sprintf('%d-%06d', $year, $last + 1), "... to its tracking page, the year's next code");
my ($row) = $t->sql("SELECT protocol_no, department_id, status, due_date > CURDATE(), email FROM requests WHERE code = '$code'");
is_deeply($row, [ $last + 1, 4, 'submitted', 1, 'eleni.idiotou@example.org' ],
    'stored: the next protocol number, routed to its department, submitted, due in the future');
my ($ev) = $t->sql("SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.code = '$code'");
is($ev->[0], 1, '... with its first history row');
$r = $b->get("/requests/$code?new=1");
is($r->{status}, 200, 'the tracking page opens');
$html = $t->text($r);
like($html, qr/Λάβαμε το αίτημά σας/, '... saying it was received');
like($html, qr/Πράσινο και πάρκα/, '... the category');
like($html, qr/Οδός Αγίου Γεωργίου 14/, '... the address');
like($html, qr/Μόρια/, '... the community');
like($html, qr/\b${\ ($last + 1)}\/$year/, '... the protocol number');
like($html, qr/Αναμενόμενη επίλυση έως/, '... the expected date');
for my $private ('Ελένη Ιδιώτου', 'eleni.idiotou', '6912345678') {
    unlike($html, qr/\Q$private\E/, "... and never the reporter's \"$private\"");
}

# The same form again (a double click, a retry after a timeout).
$r = $b->submit($page, '/requests/new', \%mine);
is($r->{status}, 303, 'the same form sent again: 303');
like($r->{headers}{location}, qr{^/requests/\Q$code\E\?new=again$}, '... to the same request');
like($t->text($b->get("/requests/$code?new=again")), qr/δεν καταχωρίστηκε δεύτερη φορά/, '... which says so');
($n) = $t->sql('SELECT COUNT(*) FROM requests');
is($n->[0], $before + 1, 'one request only');

# ---- concurrent submissions: protocol numbers without gaps or doubles --------------------
# 200 forms fetched first, then 200 processes released at once (they wait
# on a pipe the parent closes), each posting its own.
my $N = 200;
my @forms = map { $b->form($b->get('/requests/new'), '/requests/new') } 1 .. $N;
pipe(my $gate_r, my $gate_w) or die "pipe: $!";
my @kids;
for my $i (1 .. $N) {
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        close $gate_w;
        my $go = <$gate_r>;    # EOF when the parent closes its end
        my $s = Agora::Staff->new($t);
        my $res = $s->post('/requests/new', { %{ $forms[$i - 1] }, %ok, description => "Ταυτόχρονο αίτημα $i" });
        # _exit: the child must not run the harness's clean-up (it would
        # stop the stack the parent still uses).
        POSIX::_exit(($res->{status} == 303 && ($res->{headers}{location} // '') =~ /new=1$/) ? 0 : 1);
    }
    push @kids, $pid;
}
close $gate_w;
my $fails = 0;
for (@kids) { waitpid($_, 0); $fails++ if $? != 0 }
is($fails, 0, "$N submissions at once: all accepted as new requests");
my @nos = map { $_->[0] } $t->sql("SELECT protocol_no FROM requests WHERE year = $year ORDER BY protocol_no");
is_deeply(\@nos, [ 1 .. $last + 1 + $N ], '... protocol numbers 1 to the last, no gaps, no doubles');

# ---- not found, and personal data nowhere public -------------------------------------------
is($t->get("/requests/$year-999999")->{status}, 404, 'an unknown code: 404');
is($t->get('/requests/2026-12')->{status}, 404, 'a malformed code: 404');
for my $path ('/', '/sitemap.xml', '/sitemap-site.xml', '/sitemap-news-0.xml', '/feed.atom', '/search?q=%CE%9B%CE%AC%CE%BC%CF%80%CE%B1') {
    my $h = $t->text($t->get($path));
    unlike($h, qr/eleni\.idiotou|Ελένη Ιδιώτου|6912345678/, "$path: no personal data");
}
like($t->sitemap, qr{/requests/new}, 'the sitemap lists the form');

done_testing;
