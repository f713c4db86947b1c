#!/bin/sh
# make-fixtures.sh - makes the files t/unit/test_media.c reads.  The
# outputs are committed; run this again only to change them:
#
#   t/unit/data/media/make-fixtures.sh
#
# Needs a C compiler, libvips-dev (make-images.c draws the images),
# exiftool (libimage-exiftool-perl: adds the metadata media_process must
# remove) and python3 (the files that are not images, the bomb, the PDFs).
# Every file is small (well under 100 KB).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046
cc -std=c17 -O1 -Wall -Werror -o "$tmp/make-images" "$dir/make-images.c" $(pkg-config --cflags --libs vips)
"$tmp/make-images" "$tmp"

# What a phone puts in a photo: the camera, the time, where it was taken
# (Mytilene harbour), an XMP packet, IPTC and a thumbnail of the original.
meta() {
	exiftool -q -m -overwrite_original \
		-Make=AgoraTestMake -Model=AgoraTestCam-9000 \
		-Artist='Agora Test Photographer' \
		-DateTimeOriginal='2024:05:01 10:20:30' \
		-GPSLatitude=39.1045 -GPSLatitudeRef=N \
		-GPSLongitude=26.5547 -GPSLongitudeRef=E \
		-XMP-dc:Creator='Agora XMP Creator' \
		"$@"
}
cp "$tmp/photo.jpg" "$dir/photo.jpg"
meta -IPTC:By-line='Agora IPTC Byline' "-ThumbnailImage<=$tmp/thumb.jpg" "$dir/photo.jpg"
cp "$tmp/rotated.jpg" "$dir/rotated.jpg"
meta -Orientation#=6 "$dir/rotated.jpg"
cp "$tmp/cmyk.jpg" "$dir/cmyk.jpg"
cp "$tmp/progressive.jpg" "$dir/progressive.jpg"
meta "$dir/progressive.jpg"
cp "$tmp/alpha.png" "$dir/alpha.png"
meta "$dir/alpha.png"
cp "$tmp/deep.png" "$dir/deep.png"
# exiftool warns of an "Improper EXIF header" in these two: the one libvips
# 8.14 writes into every WebP, strip or not (see src/media/media.c).
cp "$tmp/image.webp" "$dir/image.webp"
meta "$dir/image.webp"
cp "$tmp/alpha.webp" "$dir/alpha.webp"
meta "$dir/alpha.webp"

python3 - "$dir" <<'EOF'
import struct, sys, zlib
d = sys.argv[1]

def put(name, data):
    with open(f"{d}/{name}", "wb") as f:
        f.write(data)

def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

def png(w, h, depth, ctype, idat):
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 0)) +
            chunk(b"IDAT", idat) + chunk(b"IEND", b""))

# bomb.png: a complete, valid 20000 x 20000 1-bit grey PNG of zeros:
# ~50 KB on disk, 400 Mpx (400 MB as 8-bit grey once decoded).
w = h = 20000
row = b"\x00" * (1 + (w + 7) // 8)
z = zlib.compressobj(9)
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
put("bomb.png", png(w, h, 1, 0, idat))

# garbage.png: a good header over a broken image stream.
put("garbage.png", png(64, 64, 8, 2, b"\x78\x9c" + bytes(range(256)) * 4))

# jpeg-bomb.jpg: rotated.jpg with a frame header saying 60000 x 60000.
j = bytearray(open(f"{d}/rotated.jpg", "rb").read())
i = 2
while True:
    assert j[i] == 0xFF
    m, n = j[i + 1], struct.unpack(">H", j[i + 2:i + 4])[0]
    if m in (0xC0, 0xC1, 0xC2):
        j[i + 5:i + 9] = struct.pack(">HH", 60000, 60000)
        break
    i += 2 + n
put("jpeg-bomb.jpg", bytes(j))

# truncated.jpg: the first 40% of photo.jpg (a download cut short).
p = open(f"{d}/photo.jpg", "rb").read()
put("truncated.jpg", p[:len(p) * 4 // 10])

# tiny.gif: a 1 x 1 GIF, a format the portal does not take.
put("tiny.gif", bytes.fromhex(
    "474946383961010001008000000000ffffff21f90401000000002c00000000"
    "010001000002024401003b"))

# elf.jpg: an x86-64 executable's header, renamed .jpg.
elf = (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 +
       struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x401000, 64, 0, 0, 64, 56, 1, 64, 0, 0))
elf += struct.pack("<IIQQQQQQ", 1, 5, 0, 0x400000, 0x400000, 256, 256, 0x1000)
put("elf.jpg", elf + b"\x00" * (256 - len(elf)))

# mz.jpg: a Windows executable's DOS header and PE signature, renamed .jpg.
mz = bytearray(512)
mz[0:2] = b"MZ"
mz[0x3C:0x40] = struct.pack("<I", 0x80)
mz[0x40:0x40 + 39] = b"This program cannot be run in DOS mode."
mz[0x80:0x84] = b"PE\x00\x00"
mz[0x84:0x98] = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 0xF0, 0x22)
put("mz.jpg", bytes(mz))

put("script.svg", b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">\n'
    b'  <script>alert(document.cookie)</script>\n'
    b'  <rect width="100" height="100" fill="red"/>\n</svg>\n')
html = (b"<!DOCTYPE html>\n<html><head><title>Not a document</title></head>\n"
        b"<body><script>alert(document.cookie)</script></body></html>\n")
put("page.html", html)
put("fake.pdf", html)

# doc.pdf: a one-page PDF; doc-truncated.pdf: the same without its end.
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
text = b"BT /F1 24 Tf 72 760 Td (Agora test document) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offs = []
for k, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (k, o)
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
put("doc.pdf", bytes(out))
put("doc-truncated.pdf", bytes(out[:len(out) * 6 // 10]))
EOF
ls -l "$dir"
