#!/usr/bin/env perl
# Uploads through the news form, through nginx and MariaDB: a photo with
# GPS is published without it (checked with exiftool and by the bytes),
# in several widths for srcset, with its alt text; served from MariaDB by
# its hash, immutable and kept by nginx; a renamed executable (415), a
# decompression bomb (413), a damaged file (422), a file over max_file
# (413) and a missing alt text (422) are refused with the form shown again
# and what was typed kept.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;
use Agora::Staff;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $data = "$FindBin::Bin/../unit/data/media";
sub slurp { my ($f) = @_; open my $h, '<:raw', "$data/$f" or die "$f: $!"; local $/; <$h> }

my $t = Agora::Test->new(conf => { max_file => 1048576 });
my $ed = Agora::Staff->new($t);
my $pw = $ed->create('sofia', roles => ['editor']);
$ed->login('sofia', $pw);

my %text = (category => 2, title => 'Νέα παιδική χαρά στη Βαρειά',
    body => 'Η παιδική χαρά είναι ανοιχτή.', action => 'publish');
my $photo = slurp('photo.jpg');
like($photo, qr/GPS|Exif/, 'the fixture photo carries EXIF');

# ---- refusals keep the text ------------------------------------------------------
my @cases = (
    [ 'a renamed executable', 'elf.jpg', 'image/jpeg', 415, qr/γίνονται δεκτές μόνο εικόνες/ ],
    [ 'a Windows program named .jpg', 'mz.jpg', 'image/jpeg', 415, qr/γίνονται δεκτές μόνο εικόνες/ ],
    [ 'an SVG with a script', 'script.svg', 'image/svg+xml', 415, qr/γίνονται δεκτές μόνο εικόνες/ ],
    [ 'a decompression bomb', 'bomb.png', 'image/png', 413, qr/πάρα πολλά εικονοστοιχεία/ ],
    [ 'a truncated JPEG', 'truncated.jpg', 'image/jpeg', 422, qr/κατεστραμμένο ή ελλιπές/ ],
    [ 'a PDF as the lead image', 'doc.pdf', 'application/pdf', 415, qr/όχι έγγραφο/ ],
);
for my $c (@cases) {
    my ($what, $file, $ct, $status, $msg) = @$c;
    my $r = $ed->submit_multipart('/admin/news/new', '/admin/news/new',
        { %text, image_alt => 'Περιγραφή' }, { image => [ $file, $ct, slurp($file) ] });
    is($r->{status}, $status, "$what: $status");
    like($t->text($r), $msg, '... with a clear message');
    like($t->text($r), qr/Νέα παιδική χαρά στη Βαρειά/, '... and the text typed kept');
}
my $r = $ed->submit_multipart('/admin/news/new', '/admin/news/new', { %text },
    { image => [ 'photo.jpg', 'image/jpeg', $photo ] });
is($r->{status}, 422, 'a photo without its description: 422');
like($t->text($r), qr/Γράψτε τι δείχνει η εικόνα/, '... asking for it');
$r = $ed->submit_multipart('/admin/news/new', '/admin/news/new', { %text, image_alt => 'x' },
    { image => [ 'big.jpg', 'image/jpeg', $photo x 20 ] });
is($r->{status}, 413, 'a file over max_file: 413');
my ($n) = $t->sql('SELECT COUNT(*) FROM media');
is($n->[0], 0, 'nothing refused was stored');

# ---- a photo published without its GPS ------------------------------------------------
$r = $ed->submit_multipart('/admin/news/new', '/admin/news/new',
    { %text, image_alt => 'Παιδιά στις κούνιες της νέας παιδικής χαράς', image_alt_en => 'Children on the swings' },
    { image => [ 'Φωτογραφία κινητού.jpg', 'image/jpeg', $photo ] });
is($r->{status}, 303, 'a photo with its description: published');
my ($id) = ($r->{headers}{location} // '') =~ m{/admin/news/(\d+)};
my ($files) = $t->sql('SELECT COUNT(*) FROM media');
cmp_ok($files->[0], '>=', 2, "stored in several widths ($files->[0] files)");
my ($item) = $t->sql(q{SELECT kind, filename, alt_el FROM media_items ORDER BY id DESC LIMIT 1});
is_deeply($item, [ 'image', 'Φωτογραφία κινητού.jpg', 'Παιδιά στις κούνιες της νέας παιδικής χαράς' ],
    'the upload is recorded with its name and description');
my $pub = $t->get("/news/$id");
$pub = $t->get($pub->{headers}{location}) if $pub->{status} == 301;
my $html = $t->text($pub);
my ($img) = $html =~ m{<figure class="lead-image">(<img [^>]+>)};
ok($img, 'the article shows the image');
like($img // '', qr{src="/media/[0-9a-f]{64}\.jpg"}, '... from /media/ by its hash');
like($img // '', qr{srcset="[^"]*320w[^"]*"}, '... with a srcset');
like($img // '', qr{alt="Παιδιά στις κούνιες της νέας παιδικής χαράς"}, '... and its description');
my $en = $t->get("/en/news/$id");
$en = $t->get($en->{headers}{location}) if $en->{status} == 301;
like($t->text($en), qr{alt="Children on the swings"}, 'the English page has the English description');
my @urls = ($img // '') =~ m{(/media/[0-9a-f]{64}\.jpg)}g;
my %seen;
@urls = grep { !$seen{$_}++ } @urls;
for my $u (@urls) {
    my $m = $t->get($u);
    is($m->{status}, 200, "$u: 200");
    is($m->{headers}{'content-type'}, 'image/jpeg', '... image/jpeg');
    like($m->{headers}{'cache-control'} // '', qr/immutable/, '... immutable');
    is($m->{headers}{'x-content-type-options'}, 'nosniff', '... nosniff');
    my $bytes = $m->{content};
    unlike($bytes, qr/Exif\0\0|GPS|Agora/, '... no EXIF, no GPS, no camera text in the bytes');
    my $tmp = $t->var . '/check.jpg';
    open my $o, '>:raw', $tmp or die $!;
    print $o $bytes;
    close $o;
    my $gps = `exiftool -s -s -s -gps:all '$tmp' 2>&1`;
    is($gps, '', '... and exiftool finds no GPS tag');
}
my $second = $t->get($urls[0]);
is($second->{headers}{'x-cache-status'}, 'HIT', 'nginx serves the second request from its cache');
my $wrong = $urls[0];
$wrong =~ s/\.jpg$/.png/;
is($t->get($wrong)->{status}, 404, 'the same hash with another extension: 404');
is($t->get('/media/' . ('0' x 64) . '.jpg')->{status}, 404, 'an unknown hash: 404');
is($t->get('/media/../etc/passwd')->{status}, 404, 'a path that is not a hash: 404');

# ---- keeping, describing again, removing ----------------------------------------------
my $page = $ed->get("/admin/news/$id");
like($t->text($page), qr{class="current-image"}, 'the edit page shows the current image');
$r = $ed->submit($page, "/admin/news/$id", { image_alt => '', action => 'publish' });
is($r->{status}, 422, 'emptying the description of a kept image: 422');
$r = $ed->submit($r, "/admin/news/$id", { image_alt => 'Η νέα παιδική χαρά από ψηλά', action => 'publish' });
is($r->{status}, 303, 'a new description alone: saved, the image kept');
my ($alt) = $t->sql("SELECT lead_image_alt, lead_image IS NOT NULL FROM news WHERE id = $id");
is_deeply($alt, [ 'Η νέα παιδική χαρά από ψηλά', 1 ], '... as stored');
$r = $ed->submit("/admin/news/$id", "/admin/news/$id", { image_remove => 1, action => 'publish' });
is($r->{status}, 303, 'removing the image');
($alt) = $t->sql("SELECT lead_image, lead_media_id FROM news WHERE id = $id");
is_deeply($alt, [ undef, undef ], '... the item has none');

# ---- documents --------------------------------------------------------------------------
my $pdf = slurp('doc.pdf');
$page = $ed->get("/admin/news/$id");
$r = $ed->submit_multipart($page, "/admin/news/$id", { action => 'publish' },
    { document => [ 'prokiryxi.pdf', 'application/pdf', $pdf ] });
is($r->{status}, 422, 'a document without a title: 422');
like($t->text($r), qr/Γράψτε τον τίτλο του εγγράφου/, '... asking for it');
$r = $ed->submit_multipart($page, "/admin/news/$id", { action => 'publish', document_title => 'Τεύχος διακήρυξης' },
    { document => [ 'photo.pdf', 'application/pdf', $photo ] });
is($r->{status}, 415, 'a photo as the document: 415');
$r = $ed->submit_multipart($page, "/admin/news/$id", { action => 'publish', document_title => 'Τεύχος διακήρυξης' },
    { document => [ 'fake.pdf', 'application/pdf', slurp('fake.pdf') ] });
is($r->{status}, 415, 'HTML named .pdf: 415');
$r = $ed->submit_multipart($page, "/admin/news/$id", { action => 'publish', document_title => 'Τεύχος διακήρυξης' },
    { document => [ 'prokiryxi.pdf', 'application/pdf', $pdf ] });
is($r->{status}, 303, 'a PDF with its title: attached');
sleep 6;    # the article cache
$pub = $t->get("/news/$id");
$pub = $t->get($pub->{headers}{location}) if $pub->{status} == 301;
my ($doc_url) = $t->text($pub) =~ m{<a href="(/media/[0-9a-f]{64}\.pdf)">Τεύχος διακήρυξης</a>};
ok($doc_url, 'the article lists the document');
my $d = $t->get($doc_url // '/media/x.pdf');
is($d->{status}, 200, '... which is served');
is($d->{headers}{'content-type'}, 'application/pdf', '... as a PDF');
is($d->{content}, $pdf, '... byte for byte as uploaded');
$page = $ed->get("/admin/news/$id");
my ($remove) = $t->text($page) =~ m{action="(/admin/news/$id/files/\d+/delete)"};
ok($remove, 'the edit page lists it with a remove button');
$r = $ed->submit($page, $remove, {});
is($r->{status}, 303, 'removed');
is_deeply([ $t->sql("SELECT COUNT(*) FROM news_attachments WHERE news_id = $id") ], [ [0] ], '... it is gone');
my ($aud) = $t->sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('news_file_add', 'news_file_remove') AND object_id = '$id'");
is($aud->[0], 2, 'attaching and removing are in the audit log');

done_testing;
