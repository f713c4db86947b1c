#!/usr/bin/env perl
# The accessibility statement's wording: a site that lists exceptions is
# "partially compliant" (the EU model statement, Implementing Decision (EU)
# 2018/1523, has no "fully compliant, with exceptions"), and it cites the
# Greek law in force, ν. 4727/2020, which transposes Directive (EU)
# 2016/2102 (ν. 4591/2019 no longer governs it).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Agora::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $t = Agora::Test->new;

# The text of the section under heading $h2 (up to the next heading).
sub section {
    my ($html, $h2) = @_;
    my ($s) = $html =~ m{<h2[^>]*>\Q$h2\E</h2>(.*?)<h2}s;
    return $s // '';
}

my $el = $t->get_ok('/accessibility');
my $status = section($el, 'Κατάσταση συμμόρφωσης');
like($status, qr/μερικώς συμμορφούμενος/, 'Greek: the site is «μερικώς συμμορφούμενος»');
unlike($status, qr/πλήρως/, '... not «πλήρως»');
like(section($el, 'Μη προσβάσιμο περιεχόμενο'), qr/\S/, '... and the exceptions are listed');
like($el, qr/ν\. 4727\/2020/, '... it cites ν. 4727/2020');
like($el, qr/Οδηγία \(ΕΕ\) 2016\/2102/, '... and Directive (EU) 2016/2102');
unlike($el, qr/4591\/2019/, '... not ν. 4591/2019');

my $en = $t->get_ok('/en/accessibility');
$status = section($en, 'Compliance status');
like($status, qr/partially compliant/, 'English: the site is "partially compliant"');
unlike($status, qr/fully/, '... not "fully"');
like($en, qr/Law 4727\/2020/, '... it cites Law 4727/2020');
like($en, qr/Directive \(EU\) 2016\/2102/, '... and Directive (EU) 2016/2102');
unlike($en, qr/4591\/2019/, '... not Law 4591/2019');

done_testing;
