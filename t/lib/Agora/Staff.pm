package Agora::Staff;
# A staff member's browser for the HTTP tests: its own cookies, forms sent
# as a browser sends them (every hidden field of the form, the token and
# the CSRF token included), and TOTP codes computed here (RFC 6238), so a
# test signs in exactly as a person does.
#
#   my $s = Agora::Staff->new($t);
#   my $pw = $s->create('anna', roles => ['editor']);  # agora-admin user add
#   $s->login('anna', $pw);                            # password step only
#   my $secret = $s->enrol;                            # set up TOTP (raw bytes)
#   $s->login('anna', $pw, $secret);                   # with the code step
#   my $res = $s->get('/admin');
#   $res = $s->submit($res, '/admin/account/password', { current => ..., ... });
use strict;
use warnings;
use utf8;
use Carp qw(croak);
use Digest::SHA qw(hmac_sha1);
use Encode qw(encode_utf8 decode_utf8);
use File::Temp ();

sub new {
    my ($class, $t) = @_;
    return bless { t => $t, jar => {}, last => undef }, $class;
}

sub t { $_[0]{t} }

# The cookie header of this browser, and Set-Cookie taken in.
sub _cookie_header {
    my ($self) = @_;
    return join '; ', map { "$_=$self->{jar}{$_}" } sort keys %{ $self->{jar} };
}

sub _take_cookies {
    my ($self, $res) = @_;
    my $sc = $res->{headers}{'set-cookie'} // return;
    for my $c (ref $sc ? @$sc : ($sc)) {
        my ($name, $value, $attrs) = $c =~ /^([^=;\s]+)=([^;]*)(.*)$/ or next;
        if ($attrs =~ /max-age=0\b/i || $value eq '') {
            delete $self->{jar}{$name};
        } else {
            $self->{jar}{$name} = $value;
        }
    }
}

sub cookies { %{ $_[0]{jar} } }
sub set_cookie { my ($self, $k, $v) = @_; defined $v ? ($self->{jar}{$k} = $v) : delete $self->{jar}{$k} }
sub session_cookie { $_[0]{jar}{agora} }

sub request {
    my ($self, $method, $path, $opts) = @_;
    $opts ||= {};
    my %h = %{ $opts->{headers} || {} };
    my $ck = $self->_cookie_header;
    $h{cookie} = $ck if $ck ne '';
    my $res = $self->{t}->request($method, $path, { %$opts, headers => \%h });
    $self->_take_cookies($res);
    $self->{last} = $res;
    return $res;
}

sub get { my ($self, $path) = @_; $self->request('GET', $path) }

# post(PATH, [k => v, ...] or {k => v}): an urlencoded POST of exactly
# these fields (those whose value is undef left out).
sub post {
    my ($self, $path, $fields) = @_;
    my @f = ref $fields eq 'HASH' ? %$fields : @$fields;
    my @pairs;
    while (my ($k, $v) = splice @f, 0, 2) {
        next unless defined $v;    # undef: not sent (an unticked checkbox)
        push @pairs, _enc($k) . '=' . _enc($v);
    }
    return $self->request('POST', $path, {
        headers => { 'content-type' => 'application/x-www-form-urlencoded' },
        content => join('&', @pairs),
    });
}

# post_multipart(PATH, {FIELDS}, {NAME => [FILENAME, CONTENT_TYPE, BYTES]}):
# a multipart/form-data POST, as a browser sends a form with a file.
sub post_multipart {
    my ($self, $path, $fields, $files) = @_;
    my $b = 'agoraTestBoundary' . int(rand 1e9);
    my $body = '';
    for my $k (sort keys %{ $fields || {} }) {
        my $v = $fields->{$k};
        next unless defined $v;
        $v = encode_utf8($v) if utf8::is_utf8($v);
        $body .= "--$b\r\nContent-Disposition: form-data; name=\"$k\"\r\n\r\n$v\r\n";
    }
    for my $k (sort keys %{ $files || {} }) {
        my ($fn, $ct, $bytes) = @{ $files->{$k} };
        $fn = encode_utf8($fn) if utf8::is_utf8($fn);
        $body .= "--$b\r\nContent-Disposition: form-data; name=\"$k\"; filename=\"$fn\"\r\n"
            . "Content-Type: $ct\r\n\r\n$bytes\r\n";
    }
    $body .= "--$b--\r\n";
    return $self->request('POST', $path, {
        headers => { 'content-type' => "multipart/form-data; boundary=$b" },
        content => $body,
    });
}

# submit_multipart(RES_OR_PATH, ACTION, {FIELDS}, {FILES}): submit() with files.
sub submit_multipart {
    my ($self, $page, $action, $fields, $files) = @_;
    $page = $self->get($page) unless ref $page;
    my $form = $self->form($page, $action)
        // croak "no form posting to $action on the page (status $page->{status})";
    return $self->post_multipart($action, { %$form, %{ $fields || {} } }, $files);
}

sub _enc {
    my ($s) = @_;
    $s = encode_utf8($s) if utf8::is_utf8($s);
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}

# form(RES_OR_HTML, ACTION): the fields of the form posting to ACTION (its
# path, without /en) as a browser would send them - inputs with their
# values (checkboxes and radios only when checked), textareas, the
# selected option of each select - as a hash; undef when the page has no
# such form.
sub form {
    my ($self, $page, $action) = @_;
    my $html = ref $page ? decode_utf8($page->{content} // '') : $page;
    while ($html =~ m{<form\b([^>]*)>(.*?)</form>}gs) {
        my ($attrs, $body) = ($1, $2);
        my ($act) = $attrs =~ /action="([^"]*)"/ or next;
        next if $attrs =~ /\bmethod="get"/i;    # a search form: never submitted here
        $act =~ s/#.*//;
        $act =~ s{^/en(?=/)}{};
        $act = _unhtml($act);
        next unless $act eq $action;
        my %f;
        while ($body =~ m{<input\b([^>]*)>}g) {
            my $in = $1;
            my ($n) = $in =~ /name="([^"]*)"/ or next;
            my ($type) = $in =~ /type="([^"]*)"/;
            $type //= 'text';
            next if $type eq 'submit' || $type eq 'file';
            next if ($type eq 'checkbox' || $type eq 'radio') && $in !~ /\bchecked\b/;
            my ($v) = $in =~ /value="([^"]*)"/;
            $f{$n} = _unhtml($v // ($type eq 'checkbox' ? 'on' : ''));
        }
        while ($body =~ m{<textarea\b([^>]*)>(.*?)</textarea>}gs) {
            my ($a, $v) = ($1, $2);
            my ($n) = $a =~ /name="([^"]*)"/ or next;
            $f{$n} = _unhtml($v);
        }
        while ($body =~ m{<select\b([^>]*)>(.*?)</select>}gs) {
            my ($a, $opts) = ($1, $2);
            my ($n) = $a =~ /name="([^"]*)"/ or next;
            my ($v) = $opts =~ /<option value="([^"]*)"[^>]*\bselected\b/;
            $f{$n} = _unhtml($v // '');
        }
        return \%f;
    }
    return undef;
}

sub _unhtml {
    my ($v) = @_;
    $v =~ s/&quot;/"/g; $v =~ s/&#39;/'/g; $v =~ s/&lt;/</g; $v =~ s/&gt;/>/g;
    $v =~ s/&#(\d+);/chr $1/ge;
    $v =~ s/&amp;/&/g;
    return $v;
}

# submit(RES_OR_PATH, ACTION, {FIELDS}): the form posting to ACTION on that
# page (fetched first when a path is given), as form() reads it, with
# FIELDS set over it (undef: left out, like an unticked checkbox).
sub submit {
    my ($self, $page, $action, $fields) = @_;
    $page = $self->get($page) unless ref $page;
    my $hidden = $self->form($page, $action)
        // croak "no form posting to $action on the page (status $page->{status})";
    # A field set to undef is left out, as an unticked checkbox is.
    my %all = (%$hidden, %{ $fields || {} });
    delete @all{ grep { !defined $all{$_} } keys %all };
    return $self->post($action, \%all);
}

# create(NAME, roles => [...], department => D, password => P): the user,
# through agora-admin; returns the password.
sub create {
    my ($self, $name, %o) = @_;
    my $pw = $o{password} // "pw-$name-" . join('', map { ('a'..'z')[rand 26] } 1 .. 12);
    my $file = $self->{t}->var . "/pw-$name";
    open my $fh, '>', $file or croak "$file: $!";
    print $fh encode_utf8($pw), "\n";
    close $fh;
    my @args = ('user', 'add', $name, map({ ('--role', $_) } @{ $o{roles} || ['editor'] }),
        ($o{department} ? ('--department', $o{department}) : ()),
        '--password-file', $file);
    my ($rc, $out) = $self->{t}->admin(@args);
    croak "agora-admin @args failed: $out" if $rc != 0;
    unlink $file;
    return $pw;
}

# login(NAME, PASSWORD[, SECRET]): the password step and, with SECRET (raw
# bytes), the code step.  Returns the last response (a 303 when it worked).
sub login {
    my ($self, $name, $pw, $secret) = @_;
    my $res = $self->submit('/admin/login', '/admin/login',
        { username => $name, password => $pw });
    return $res unless $secret && $res->{status} == 303
        && ($res->{headers}{location} // '') =~ m{/admin/login/code};
    my $page = $self->get($res->{headers}{location});
    return $self->submit($page, '/admin/login/code', { code => totp($secret) });
}

# enrol: on a signed-in session, set up TOTP; returns the secret (bytes)
# and the recovery codes shown.
sub enrol {
    my ($self) = @_;
    my $page = $self->get('/admin/account/2fa');
    my $html = decode_utf8($page->{content} // '');
    my ($b32) = $html =~ m{<code class="secret">([A-Z2-7 ]+)</code>}
        or croak "no secret on the enrolment page (status $page->{status})";
    my $secret = base32_decode($b32);
    my $res = $self->submit($page, '/admin/account/2fa', { code => totp($secret) });
    my @codes = decode_utf8($res->{content} // '') =~ m{<li><code>([a-z0-9-]{11})</code></li>}g;
    return wantarray ? ($secret, @codes) : $secret;
}

sub base32_decode {
    my ($s) = @_;
    $s =~ s/[\s=]//g;
    my $bits = join '', map { sprintf '%05b', index('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', $_) } split //, uc $s;
    $bits = substr($bits, 0, length($bits) - length($bits) % 8);
    return pack 'B*', $bits;
}

# totp(SECRET[, TIME]): the six-digit RFC 6238 code (HMAC-SHA1, 30 s).
sub totp {
    my ($secret, $time) = @_;
    my $step = int(($time // time) / 30);
    my $h = hmac_sha1(pack('NN', int($step / 2**32), $step % 2**32), $secret);
    my $o = ord(substr($h, -1)) & 0x0f;
    my $bin = unpack('N', substr($h, $o, 4)) & 0x7fffffff;
    return sprintf '%06d', $bin % 1_000_000;
}

1;
