#!/usr/bin/env perl
# The accessibility statement (EU model sections) and its feedback form:
# errors shown with what was typed (422), Post/Redirect/Get (303) after the
# row is stored, the one-time token (a resubmission stores nothing twice; a
# missing or forged one stores nothing), and personal data never public.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use HTTP::Tiny;
use Agora::Test qw(html_escape);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# ---- helpers -------------------------------------------------------------------

sub token_of {
    my ($html) = @_;
    my ($tok) = $html =~ m{<input type="hidden" name="token" value="([^"]*)">};
    return $tok;
}

sub fresh_token {
    my ($path) = @_;
    return token_of($t->text($t->get($path // '/accessibility')));
}

# POST the fields (a list of pairs, in order) url-encoded.
sub post_form {
    my ($path, @pairs) = @_;
    # www_form_urlencode encodes character strings as UTF-8 itself.
    return $t->post($path, {
        headers => { 'content-type' => 'application/x-www-form-urlencoded' },
        content => HTTP::Tiny->www_form_urlencode(\@pairs),
    });
}

sub rows { my ($r) = $t->sql('SELECT COUNT(*) FROM accessibility_feedback'); $r->[0] }

sub location_is {
    my ($res, $path, $name) = @_;
    my $loc = $res->{headers}{location} // '';
    ok($loc eq $path || $loc eq $t->url($path), $name) or diag("Location: '$loc', want '$path'");
}

# ---- the statement ------------------------------------------------------------------

my $res = $t->get('/accessibility');
is($res->{status}, 200, 'GET /accessibility answers 200');
ok(!exists $res->{headers}{'set-cookie'}, 'no cookie is set');
my $html = $t->text($res);
like($html, qr{<h1>Δήλωση προσβασιμότητας</h1>}, 'the statement has its <h1>');
my @h2 = $html =~ m{<h2[^>]*>([^<]+)</h2>}g;
for my $want ('Κατάσταση συμμόρφωσης', 'Μη προσβάσιμο περιεχόμενο', 'Κατάρτιση της δήλωσης',
              'Ανατροφοδότηση', 'Διαδικασία εφαρμογής') {
    ok(scalar(grep { index($_, $want) == 0 } @h2), "a section headed \"$want\"");
}
my @order = map { my $w = $_; (grep { index($h2[$_], $w) == 0 } 0 .. $#h2)[0] // -1 }
    ('Κατάσταση συμμόρφωσης', 'Μη προσβάσιμο περιεχόμενο', 'Κατάρτιση της δήλωσης', 'Ανατροφοδότηση', 'Διαδικασία εφαρμογής');
is_deeply(\@order, [ sort { $a <=> $b } @order ], '... in the order of the EU model');

like($html, qr{<form id="a11y" method="post" action="/accessibility#feedback"}, 'a form posting to /accessibility');
my $tok = token_of($html);
like($tok // '', qr/^[A-Za-z0-9_-]{43}$/, 'with a hidden one-time token of 43 characters');
isnt(fresh_token(), $tok, 'each GET gives a different token');
for my $f (qw(name email page_url message)) {
    like($html, qr{<label for="f-$f">[^<]+}, "field $f has a <label>");
    like($html, qr{<(?:input|textarea) id="f-$f" name="$f"}, "... bound to the field by its id");
}
like($html, qr{<textarea id="f-message"[^>]* aria-required="true"}, 'the message is marked required');
unlike($html, qr{aria-invalid}, 'no field is marked invalid on a fresh form');
unlike($html, qr{class="error-summary"}, 'no error summary on a fresh form');

my $before = rows();

# ---- an empty message ---------------------------------------------------------------

my %typed = (
    name     => 'Γιώργος <b>Παπαδόπουλος</b> & "φίλοι" \'εμείς\'',
    email    => 'giorgos.p@example.gr',
    page_url => '/news?a=1&b=<2>',
);
$res = post_form('/accessibility', token => $tok, name => $typed{name}, email => $typed{email},
    page_url => $typed{page_url}, message => "  \r\n\t ");
is($res->{status}, 422, 'a message of white space only answers 422');
$html = $t->text($res);
like($html, qr{<html[^>]*\blang="el"}, '... a Greek page');
for my $f (qw(name email page_url)) {
    like($html, qr{<input id="f-$f" [^>]*value="\Q${\ html_escape($typed{$f})}\E"},
        "... the form again with what was typed in $f (escaped)");
}
unlike($html, qr{<b>Παπαδόπουλος}, '... and the typed HTML is not markup');
like($html, qr{<div class="error-summary" role="alert"}, '... an error summary (role="alert")');
like($html, qr{<div class="error-summary".*?<a href="#f-message">Γράψτε το μήνυμά σας}s,
    '... linking to the message field (#f-message)');
like($html, qr{<textarea id="f-message"[^>]* aria-invalid="true"[^>]* aria-describedby="f-message-error"},
    '... the message field is aria-invalid and described by its error');
like($html, qr{<p class="field-error" id="f-message-error">Γράψτε το μήνυμά σας}, '... which is shown beside it');
like($html, qr{<label for="f-message">.*?</label>\s*<p class="field-error" id="f-message-error">[^<]*</p>\s*<textarea id="f-message"}s,
    '... between its label and the field, where the eye and a screen reader meet it first');
unlike($html, qr{<input id="f-(?:name|email|page_url)"[^>]*aria-invalid}, '... no other field is marked invalid');
is(token_of($html), $tok, '... the same token is kept, so the corrected form is still one submission');
like($html, qr{<title>Σφάλμα: Δήλωση προσβασιμότητας}, '... the title starts with «Σφάλμα:»');
is(rows(), $before, 'nothing is stored');

# ---- undeclared fields are not looked at; hostile values ---------------------------------

$res = post_form('/accessibility', token => $tok, message => "Γραμμή\r\nδεύτερη", name => "Όνομα\x01",
    is_admin => 1, 'message[]' => 'x');
is($res->{status}, 422, 'a control character in the name answers 422');
like($t->text($res), qr{<input id="f-name"[^>]* aria-invalid="true"}, '... with the error on the name');
unlike($t->text($res), qr{is_admin}, '... and an undeclared field is not shown back');
is(rows(), $before, 'nothing is stored');

# ---- a bad e-mail address -------------------------------------------------------------------

my $msg = 'Το κουμπί «Αναζήτηση» δεν διαβάζεται <με> αναγνώστη οθόνης & "εστίαση".';
for my $bad ('not-an-email', 'giorgos@', 'a b@example.gr', 'a@b@example.gr', 'giorgos@example') {
    $res = post_form('/accessibility', token => $tok, name => 'Ν', email => $bad, message => $msg);
    is($res->{status}, 422, "e-mail \"$bad\" answers 422");
    $html = $t->text($res);
    like($html, qr{<a href="#f-email">Το email δεν φαίνεται σωστό}, '... the summary names the e-mail error');
    like($html, qr{<input id="f-email"[^>]* aria-invalid="true"}, '... the e-mail field is aria-invalid');
    like($html, qr{<textarea id="f-message"[^>]*>\Q${\ html_escape($msg)}\E</textarea>},
        '... the message typed is kept (escaped)');
    unlike($html, qr{<a href="#f-message">}, '... the message itself is not in error');
}
is(rows(), $before, 'nothing is stored');

# ---- too long --------------------------------------------------------------------------

$res = post_form('/accessibility', token => $tok, message => ('α' x 4001));
is($res->{status}, 422, 'a message of 4001 characters answers 422');
like($t->text($res), qr{<a href="#f-message">}, '... with the error on the message');
$res = post_form('/accessibility', token => $tok, name => ('ν' x 201), message => 'Σύντομο.');
is($res->{status}, 422, 'a name of 201 characters answers 422');
like($t->text($res), qr{<input id="f-name"[^>]* aria-invalid="true"}, '... with the error on the name');
is(rows(), $before, 'nothing is stored');

# 4000 characters (8000 bytes in Greek) is the limit, not over it.
my $tok4000 = fresh_token();
$res = post_form('/accessibility', token => $tok4000, message => ('ω' x 4000));
is($res->{status}, 303, 'a message of exactly 4000 Greek characters is accepted');
my ($len) = $t->sql("SELECT CHAR_LENGTH(message) FROM accessibility_feedback WHERE token = '$tok4000'");
is($len && $len->[0], 4000, '... and stored whole');
$before = rows();

# ---- a valid message, then the same again ------------------------------------------------------

my @valid = (token => $tok, name => 'Ελένη Δοκιμαστική-Ξ1', email => ' eleni.test.x1@example.gr ',
    page_url => '/news', message => "  $msg\nΔεύτερη γραμμή.  ");
$res = post_form('/accessibility', @valid);
is($res->{status}, 303, 'a valid message answers 303');
location_is($res, '/accessibility?sent=1#feedback', '... to /accessibility?sent=1#feedback');
my @stored = $t->sql("SELECT name, email, page_url, message, lang FROM accessibility_feedback WHERE token = '$tok'");
is(scalar @stored, 1, 'the message is stored once, under its token');
is_deeply($stored[0], [ 'Ελένη Δοκιμαστική-Ξ1', 'eleni.test.x1@example.gr', '/news', "$msg\nΔεύτερη γραμμή.", 'el' ],
    '... with what was typed (surrounding white space trimmed) and the language');
is(rows(), $before + 1, 'one row more in accessibility_feedback');

$res = post_form('/accessibility', @valid);
is($res->{status}, 303, 'the same form sent again answers 303');
location_is($res, '/accessibility?sent=dup#feedback', '... to /accessibility?sent=dup#feedback');
is(rows(), $before + 1, '... and nothing more is stored');

# ---- missing and forged tokens -------------------------------------------------------------------

for my $case ([ 'no token', () ],
              [ 'an empty token', token => '' ],
              [ 'a short token', token => 'abc' ],
              [ 'a token with bad characters', token => ('!' x 43) ],
              [ 'a token one character too long', token => ($tok . 'A') ],
              [ 'a well-formed token the site never issued', token => ('A' x 43) ]) {
    my ($name, @tk) = @$case;
    $res = post_form('/accessibility', @tk, name => 'Πλαστός Ξ2', email => 'forged.x2@example.gr',
        message => "Μήνυμα με $name.");
    if (is($res->{status}, 422, "$name: 422")) {
        $html = $t->text($res);
        my $fresh = token_of($html) // '';
        like($fresh, qr/^[A-Za-z0-9_-]{43}$/, '... the form again with a fresh token');
        isnt($fresh, $tok, '... not a token already used');
        like($html, qr{<div class="error-summary" role="alert".*?<li>Η φόρμα έληξε ή δεν είναι έγκυρη}s,
            '... saying the form has expired, as an error');
        unlike($html, qr{<p class="notice"[^>]*>Η φόρμα έληξε}, '... not in the "sent" style');
        like($html, qr{<title>Σφάλμα: }, '... and the title starts with «Σφάλμα:»');
        like($html, qr{<textarea id="f-message"[^>]*>\QΜήνυμα με $name.\E</textarea>}, '... keeping the message typed');
    }
    is(rows(), $before + 1, "$name: nothing is stored");
}

# ---- the thank-you page --------------------------------------------------------------------------

$html = $t->text($t->get('/accessibility?sent=1'));
like($html, qr{<p class="notice" role="status">Το μήνυμά σας καταχωρίστηκε}, '?sent=1 shows the notice with role="status"');
like($html, qr{<section id="feedback"}, '... in the section the redirect points to (#feedback)');
$html = $t->text($t->get('/accessibility?sent=dup'));
like($html, qr{<p class="notice" role="status">Το μήνυμα αυτό έχει ήδη καταχωριστεί}, '?sent=dup says it was already recorded');

# ---- English ------------------------------------------------------------------------------------

my $entok = fresh_token('/en/accessibility');
$res = post_form('/en/accessibility', token => $entok, message => 'The search button has no label.');
is($res->{status}, 303, 'a message sent from the English page answers 303');
location_is($res, '/en/accessibility?sent=1#feedback', '... back to the English page');
my ($lang) = $t->sql("SELECT lang FROM accessibility_feedback WHERE token = '$entok'");
is($lang && $lang->[0], 'en', '... and is stored with lang en');
$res = post_form('/en/accessibility', token => fresh_token('/en/accessibility'), message => '');
is($res->{status}, 422, 'an empty message from the English page answers 422');
like($t->text($res), qr{<a href="#f-message">Write your message}, '... with the error in English');

# ---- «Σφάλμα:» in the title of an error ----------------------------------------------------------

# An error page's <title> starts with «Σφάλμα:» ("Error:"), the first thing a
# screen reader announces.
$res = $t->post('/accessibility', { headers => { 'content-type' => 'text/plain' }, content => 'x' });
is($res->{status}, 415, 'a form sent as text/plain answers 415');
like($t->text($res), qr{<title>Σφάλμα: [^<]+ — Δήμος Μυτιλήνης</title>}, '... a page titled «Σφάλμα: …»');
$res = $t->post('/en/accessibility', { headers => { 'content-type' => 'text/plain' }, content => 'x' });
like($t->text($res), qr{<title>Error: [^<]+ — Municipality of Mytilene</title>}, '... "Error: …" in English');
$html = $t->text(post_form('/accessibility', token => fresh_token(), message => ''));
like($html, qr{<title>Σφάλμα: Δήλωση προσβασιμότητας — }, 'the form with errors (422) is titled «Σφάλμα: …» too');

# ---- personal data stays private ------------------------------------------------------------------

for my $p ('/', '/accessibility', '/accessibility?sent=1', '/accessibility?sent=dup', '/news', '/en/accessibility') {
    my $page = $t->text($t->get($p));
    unlike($page, qr/Ελένη Δοκιμαστική|eleni\.test\.x1|Πλαστός|forged\.x2/, "$p shows no submitted name or e-mail");
}

done_testing;
