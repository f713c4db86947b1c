#!/usr/bin/env perl
# Bad input gets a clear 4xx answer, in Greek, never a crash.  The body
# parser is reached through the test-only route POST /_echo (test_routes = 1),
# which lists the parsed fields as "name=value" lines and uploads as
# "file:name:filename:bytes".
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use IO::Socket::INET;
use Encode qw(encode_utf8);
use Agora::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new(conf => { test_routes => 1, max_body => 4096, max_fields => 20 });
my $FORM = { 'Content-Type' => 'application/x-www-form-urlencoded' };

sub greek_error_page {
    my ($res, $status, $words, $name) = @_;
    is($res->{status}, $status, "$name: $status");
    like($res->{headers}{'content-type'} // '', qr{^text/html;\s*charset=utf-8$}i, "$name: an HTML page");
    my $html = $t->text($res);
    like($html, qr{<html[^>]*\blang="el"}, "$name: in Greek (lang=el)");
    like($html, $words, "$name: the message says why");
}

# ---- the parser works on good input ---------------------------------------------
my $res = $t->post('/_echo', { headers => $FORM, content => 'a=1&b=%CE%B1+%CE%B2&c=' });
is($res->{status}, 200, 'a good urlencoded form is accepted');
is($t->text($res), "a=1\nb=α β\nc=\n", '... and decoded (UTF-8, "+" is a space)');

my $boundary = 'XyZ0123456789';
my $mp = join "\r\n",
    "--$boundary",
    'Content-Disposition: form-data; name="title"',
    '',
    'Λιμάνι',
    "--$boundary",
    'Content-Disposition: form-data; name="photo"; filename="a.txt"',
    'Content-Type: text/plain',
    '',
    'hello',
    "--$boundary--",
    '';
$mp = encode_utf8($mp);    # HTTP::Tiny sends bytes
$res = $t->post('/_echo', {
    headers => { 'Content-Type' => "multipart/form-data; boundary=$boundary" },
    content => $mp });
is($res->{status}, 200, 'a good multipart form is accepted');
is($t->text($res), "title=Λιμάνι\nfile:photo:a.txt:5\n", '... fields and the upload are seen');

# ---- size limits ---------------------------------------------------------------------
$res = $t->post('/_echo', { headers => $FORM, content => 'a=' . ('x' x 5000) });
greek_error_page($res, 413, qr/μεγάλ/, "a body above the worker's max_body (4096)");

# nginx's own limit (client_max_body_size 10m) answers from the headers
# alone: send only the headers of an 11 MB POST.
{
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $t->port, Timeout => 10)
        or die "connect: $!";
    print $s "POST /_echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        . "Content-Type: application/x-www-form-urlencoded\r\n"
        . "Content-Length: 11000000\r\nConnection: close\r\n\r\n";
    my $status_line = <$s> // '';
    like($status_line, qr{^HTTP/1\.1 413\b}, "a body above nginx's client_max_body_size: nginx answers 413 at once");
    close $s;
}

my $many = join '&', map { "f$_=$_" } 1 .. 21;
$res = $t->post('/_echo', { headers => $FORM, content => $many });
greek_error_page($res, 413, qr/πολλά πεδία|πεδί/, 'a form with 21 fields (max_fields 20)');
$res = $t->get("/?$many");
greek_error_page($res, 413, qr/πολλά πεδία|πεδί/, 'a query string with 21 fields');
$res = $t->post('/_echo', { headers => $FORM, content => join '&', map { "f$_=$_" } 1 .. 20 });
is($res->{status}, 200, 'a form with exactly 20 fields is accepted');

# ---- broken bodies ----------------------------------------------------------------
(my $unclosed = $mp) =~ s/--\Q$boundary\E--\r\n$//;
$res = $t->post('/_echo', {
    headers => { 'Content-Type' => "multipart/form-data; boundary=$boundary" },
    content => $unclosed });
greek_error_page($res, 400, qr/κατεστραμμένη|έγκυρ/, 'multipart without its closing delimiter');

$res = $t->post('/_echo', {
    headers => { 'Content-Type' => 'multipart/form-data; boundary=Other' },
    content => $mp });
greek_error_page($res, 400, qr/κατεστραμμένη|έγκυρ/, 'multipart whose boundary is not in the body');

$res = $t->post('/_echo', {
    headers => { 'Content-Type' => 'multipart/form-data' },
    content => $mp });
greek_error_page($res, 400, qr/κατεστραμμένη|έγκυρ/, 'multipart without a boundary parameter');

$res = $t->get('/?q=%C3%28');
greek_error_page($res, 400, qr/UTF-8|έγκυρ/, 'invalid UTF-8 in the query string');
$res = $t->get('/?q=%ZZ');
greek_error_page($res, 400, qr/έγκυρ/, 'a bad %-escape in the query string');
$res = $t->post('/_echo', { headers => $FORM, content => 'a=%C3%28' });
greek_error_page($res, 400, qr/UTF-8|έγκυρ/, 'invalid UTF-8 in a urlencoded body');

$res = $t->post('/_echo', {
    headers => { 'Content-Type' => 'application/xml' },
    content => '<a>1</a>' });
greek_error_page($res, 415, qr/τύπος|υποστηρίζεται/, 'an XML body');

# ---- routes and methods ------------------------------------------------------------
$res = $t->get('/no/such/page');
greek_error_page($res, 404, qr/δεν βρέθηκε|δεν υπάρχει/, 'an unknown path');
my $html = $t->text($res);
like($html, qr{<a\b[^>]*\bhref="#main"}, '... inside the site layout (skip link)');
like($html, qr{<a\b[^>]*\bhref="/accessibility"}, '... inside the site layout (footer link)');

for my $m (qw(POST PUT DELETE)) {
    $res = $t->request($m, '/', { headers => $FORM, content => 'a=1' });
    is($res->{status}, 405, "$m / answers 405");
    is($res->{headers}{allow}, 'GET, HEAD', "... with Allow: GET, HEAD");
}
like($t->text($res), qr/μέθοδος|δεν δέχεται/, '... and a Greek message');

# After all that, the workers still serve.
is($t->get('/')->{status}, 200, 'the home page still answers 200');

done_testing;
