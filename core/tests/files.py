"""Files for tests that upload: real minimal ones every check takes, and the hostile ones it must not.

Real files are made with the libraries that read them (pypdf, Pillow), so they pass a check of the whole
content; `HOSTILE` holds what only looks like a file by its first bytes.
"""

import functools
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


@functools.cache
def tiny_pdf() -> bytes:
    """A one-page PDF as a scanner's software writes one: header, objects, cross-references, %%EOF."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def tiny_jpeg(size=(8, 8)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(output, "JPEG")
    return output.getvalue()


def tiny_png(size=(8, 8)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(output, "PNG")
    return output.getvalue()


def jpeg_with_exif(size=(64, 48), orientation: int | None = None) -> bytes:
    """A small JPEG carrying the metadata a phone writes: the maker, the model and the GPS position."""
    image = Image.new("RGB", size, (200, 120, 40))
    image.putpixel((0, 0), (0, 0, 255))  # a marked corner, to see where a turn put it
    exif = Image.Exif()
    exif[0x010F] = "Apple"  # Make
    exif[0x0110] = "iPhone 15"  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (55.0, 45.0, 21.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (37.0, 37.0, 4.0)  # GPSLongitudeRef, GPSLongitude
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif, comment=b"taken at the kindergarten")
    return output.getvalue()


def has_metadata(data: bytes) -> bool:
    """Whether an image still says where it was taken or with what: EXIF (GPS, make, model) or a comment."""
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return bool(len(exif) or exif.get_ifd(0x8825) or "exif" in image.info or "comment" in image.info)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.cache
def pixel_bomb_png(side: int = 20_000) -> bytes:
    """A real 1-bit PNG of side × side black pixels: about 50 KB on disk, 400 megapixels decoded."""
    row = b"\x00" + bytes((side + 7) // 8)  # filter byte, then the row's bits
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row * 1000) for _ in range(side // 1000)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")


@functools.cache
def noisy_jpeg() -> bytes:
    """A JPEG whose picture data (noise does not compress) is most of the file: bytes of every value,
    and a middle to cut it in."""
    output = io.BytesIO()
    Image.effect_noise((128, 128), 60).convert("RGB").save(output, "JPEG")
    return output.getvalue()


PAGE = b"<html><body><script>alert(document.cookie)</script></body></html>\n"

# What passes a check of the first bytes only; each must be refused. Name → (extension, content).
HOSTILE = {
    "jpeg-header-then-html": (".jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + PAGE),
    "pdf-header-then-html": (".pdf", b"%PDF-1.4\n" + PAGE + b"%%EOF\n"),
    "png-header-then-html": (".png", b"\x89PNG\r\n\x1a\n" + PAGE),
    "truncated-jpeg": (".jpg", noisy_jpeg()[: len(noisy_jpeg()) * 2 // 3]),
    "truncated-pdf": (".pdf", tiny_pdf()[: len(tiny_pdf()) // 2]),
}


def hostile_upload(case: str, stem: str = "скан") -> SimpleUploadedFile:
    extension, content = HOSTILE[case]
    return SimpleUploadedFile(f"{stem}{extension}", content)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
