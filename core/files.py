"""Uploaded files, one rule each, for every upload (scans of signed papers, evidence of a programme):

- what a file is: by its name *and* its whole content (`check_content`): an image decodes to its last
  pixel, a PDF parses and has a page, an office document is the ZIP it must be. The first bytes alone
  prove nothing: a JPEG header followed by HTML, or «%PDF-» followed by HTML, is a web page.
- what is stored: an image saved again by us without its metadata (`stored_content`): EXIF carries the
  place (GPS), the phone and the time, and a photo from a kindergarten may show children
  (ГК РФ ст. 152.1); the turn the phone recorded is applied to the pixels first, so the picture stays
  upright. Saving again also drops whatever was glued after the picture.
- how a stored file goes out (`stored_file_response`): always as a download with its type fixed by the
  stored extension and `nosniff`, never kept by a browser or a proxy — a browser never runs an upload
  as a page of our site.
"""

import io
import re
import threading
import unicodedata
import uuid
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageFile, ImageOps
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

# A photo is decoded in memory to be checked and cleaned: 64 megapixels (≈ 200 MB of pixels) is above
# any ordinary phone mode and keeps a small server safe from a «pixel bomb» that is tiny on disk.
# Pillow itself refuses from 2 × Image.MAX_IMAGE_PIXELS (≈ 179 megapixels) before decoding anything.
MAX_PIXELS = 64_000_000
# «%%EOF» closes a PDF; scanners and editors may add a line or some padding after it.
PDF_TAIL = 1024

_JPEG = (b"\xff\xd8\xff",)
_PNG = (b"\x89PNG\r\n\x1a\n",)
_ZIP = (b"PK\x03\x04",)


@dataclass(frozen=True)
class FileType:
    content_type: str
    signatures: tuple[bytes, ...]
    # An image: the Pillow format it is opened as (nothing else is tried). A camera's multi-picture
    # JPEG opens through the JPEG plugin as an "MPO"; its first picture is what is stored.
    pillow_formats: tuple[str, ...] = ()
    # Office Open XML: the part every genuine file of the type has.
    ooxml_part: str = ""

    @property
    def is_image(self) -> bool:
        return bool(self.pillow_formats)


# Every type any upload of ours may be, by the extension of its name.
FILE_TYPES = {
    ".pdf": FileType("application/pdf", (b"%PDF-",)),
    ".jpg": FileType("image/jpeg", _JPEG, pillow_formats=("JPEG",)),
    ".jpeg": FileType("image/jpeg", _JPEG, pillow_formats=("JPEG",)),
    ".png": FileType("image/png", _PNG, pillow_formats=("PNG",)),
    ".docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP, ooxml_part="word/document.xml"
    ),
    ".xlsx": FileType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP, ooxml_part="xl/workbook.xml"
    ),
    ".pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ZIP,
        ooxml_part="ppt/presentation.xml",
    ),
}

# What a scanned paper document may be.
SCAN_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")


def _refusal(name: str, text: str) -> ValidationError:
    """`text` is written to follow «name»: ; alone it starts with a capital letter."""
    return ValidationError(f"«{name}»: {text}" if name else text[:1].upper() + text[1:])


def _head(upload, length: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


# --- what a file is -------------------------------------------------------------------------------


def check_content(upload, extension: str, *, name: str = "") -> FileType:
    """The type the name's `extension` promises, if the whole content agrees; else a ValidationError in
    plain Russian (naming the file when `name` is given). The read position is left at the start."""
    file_type = FILE_TYPES[extension]
    _check_signature(upload, file_type, extension, name)
    if file_type.is_image:
        with _decoded(upload, file_type, name):
            pass
    elif file_type.ooxml_part:
        _check_office(upload, file_type, extension, name)
    else:
        _check_pdf(upload, name)
    return file_type


def _check_signature(upload, file_type: FileType, extension: str, name: str) -> None:
    if not any(_head(upload).startswith(signature) for signature in file_type.signatures):
        raise _refusal(name, f"содержимое не соответствует расширению {extension} — файл повреждён или переименован.")


_STRICT = threading.Lock()


@contextmanager
def _strict_decoding():
    """WeasyPrint, once imported, tells Pillow to finish a truncated image with grey, for the whole
    process (weasyprint/images.py sets ImageFile.LOAD_TRUNCATED_IMAGES). An upload must decode to its
    last byte, so the check turns that off while it runs. gunicorn's workers are sync (one request a
    process); the lock keeps two threads of a development server from restoring each other's value."""
    with _STRICT:
        tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = tolerant


@contextmanager
def _decoded(upload, file_type: FileType, name: str):
    """The upload decoded in full as one of the type's formats (nothing else is even tried)."""
    upload.seek(0)
    try:
        with _strict_decoding(), Image.open(upload, formats=file_type.pillow_formats) as image:
            if image.width * image.height > MAX_PIXELS:
                size = f"{image.width}×{image.height}"
                raise _refusal(name, f"слишком большое разрешение ({size}); уменьшите изображение.")
            image.load()
            yield image
    except Image.DecompressionBombError as error:
        raise _refusal(name, "слишком большое разрешение; уменьшите изображение.") from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # UnidentifiedImageError is an OSError
        raise _refusal(name, "изображение повреждено или загружено не полностью, его не открыть.") from error
    finally:
        upload.seek(0)


def _check_pdf(upload, name: str) -> None:
    broken = _refusal(name, "PDF повреждён или загружен не полностью, его не открыть. Сохраните документ заново.")
    upload.seek(max(0, upload.size - PDF_TAIL))
    tail = upload.read()
    if b"%%EOF" not in tail:
        upload.seek(0)
        raise broken
    try:
        upload.seek(0)
        reader = PdfReader(upload, strict=False)
        pages = len(reader.pages)
    except FileNotDecryptedError as error:
        raise _refusal(name, "PDF защищён паролем: сохраните его без пароля.") from error
    except Exception as error:
        # A parser of a hostile file may fail in any way (pypdf's own errors, but also KeyError,
        # RecursionError and the like): each of them means the same to the person uploading.
        raise broken from error
    finally:
        upload.seek(0)
    if pages < 1:
        raise _refusal(name, "в PDF нет ни одной страницы.")


def _check_office(upload, file_type: FileType, extension: str, name: str) -> None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            parts = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _refusal(name, "документ повреждён, откройте и сохраните его заново.") from error
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in parts or file_type.ooxml_part not in parts:
        raise _refusal(name, f"это не документ {extension.upper()[1:]}, а другой архив.")
    if any(part.lower().endswith("vbaproject.bin") for part in parts):
        raise _refusal(name, "документ содержит макросы: сохраните его без них или в PDF.")


# --- what is stored --------------------------------------------------------------------------------


def stored_content(upload, extension: str, *, name: str = "") -> bytes:
    """What to store of an upload whose content is checked here (as `check_content`): an image saved
    again by us without EXIF, XMP or comments, turned upright as the phone meant; any other file as it
    came. An image is decoded once for both."""
    file_type = FILE_TYPES[extension]
    if not file_type.is_image:
        check_content(upload, extension, name=name)
        data = upload.read()
        upload.seek(0)
        return data
    _check_signature(upload, file_type, extension, name)
    with _decoded(upload, file_type, name) as image:
        return _without_metadata(image)


def _without_metadata(image: Image.Image) -> bytes:
    upright = ImageOps.exif_transpose(image)
    # Only what the picture needs to look the same; everything else in `info` (exif, xmp, comment,
    # text chunks, dates) is dropped.
    keep = {key: upright.info[key] for key in ("icc_profile", "transparency", "dpi") if key in upright.info}
    upright.info = {}
    output = io.BytesIO()
    if image.format == "PNG":
        upright.save(output, "PNG", optimize=True, **keep)
    else:  # JPEG, or the first picture of an MPO
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        keep.pop("transparency", None)
        upright.save(output, "JPEG", quality=90, optimize=True, **keep)
    return output.getvalue()


# --- scans of signed papers ------------------------------------------------------------------------


def validate_scan(upload) -> None:
    """A scan of a signed paper: PDF, JPEG or PNG, within the size limit, its whole content matching
    the name. A file already stored was checked when it came and is not read again at every save."""
    if getattr(upload, "_committed", False):
        return
    position = upload.tell()
    try:
        check_content(upload, _scan_extension(upload))
    finally:
        upload.seek(position)


def _scan_extension(upload) -> str:
    """The extension of a scan within the size limit whose first bytes agree with it."""
    extension = Path(upload.name).suffix.lower()
    if extension not in SCAN_EXTENSIONS:
        raise ValidationError("Можно загрузить только PDF, JPG или PNG (скан или фото подписанного документа).")
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            f"Файл слишком большой: {filesizeformat(upload.size)}; можно не больше "
            f"{filesizeformat(settings.UPLOAD_MAX_BYTES)}."
        )
    if not any(_head(upload).startswith(signature) for signature in FILE_TYPES[extension].signatures):
        raise ValidationError("Содержимое файла не похоже на PDF или изображение: файл повреждён или переименован.")
    return extension


def clean_scan(upload) -> ContentFile:
    """A checked scan as it is to be stored: a photo of the paper without its metadata."""
    extension = _scan_extension(upload)
    return ContentFile(stored_content(upload, extension), name=Path(upload.name).name)


class ScanField(forms.FileField):
    """A scan on a form: checked by `validate_scan` and, if a photo, cleaned of its metadata, so what
    the form hands on is what may be stored. A model form takes it through `Meta.field_classes`."""

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return clean_scan(value)
        return value  # nothing new: the stored file, or False to remove it


def random_file_name(folder: str, filename: str) -> str:
    """Random stored names: the original name may carry a person's name and is not needed."""
    return f"{folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


# --- how files go out ----------------------------------------------------------------------------


XLSX_CONTENT_TYPE = FILE_TYPES[".xlsx"].content_type


def file_response(content: bytes, content_type: str, name: str, *, inline: bool = False):
    """A generated document to download (or to open in the browser) under its readable Russian `name`
    («Приказ 5-ОД от 30.11.2026.pdf»): never kept by a browser or a proxy, since what we generate
    holds personal data."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name, inline=inline)
    response["Cache-Control"] = "private, no-store"
    return response


# What a file system forbids in a name (Windows the most: \ / : * ? " < > | and control characters).
# Invisible format characters go too: a right-to-left override would show «фото[RLO]gpj.exe» as «фотоexe.jpg».
_COLON_IN_TIME = re.compile(r"(?<=\d):(?=\d)")
_COLON = re.compile(r"\s*:\s*")
_OPENING_QUOTE = re.compile(r'(?<!\w)"(?=\w)')
_FORBIDDEN = str.maketrans({"\\": "-", "|": "-", "*": "_", "?": "_", "<": "_", ">": "_"})
_RESERVED_ON_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}


def download_name(name: str, extension: str) -> str:
    """A name to save a file under: `name` without its extension, as typed — «», №, —, commas and
    apostrophes are ordinary in a Russian title — but for what a file system forbids, then `extension`.
    A colon is a subtitle's dash («Памятка: ресурсы» → «Памятка — ресурсы») or, in a time, a dot
    («10:30» → «10.30»); straight quotes become «» (opening before a word, closing elsewhere); \\ and |
    a hyphen; * ? < > an underscore (dropped at an end); line breaks and other control characters a
    space. A slash is a folder of an uploaded name, dropped here (a title's «12/26» is made «12-26» by
    content_disposition first); the extension is always `extension`; and nothing in the name can break
    the header (content_disposition percent-encodes it)."""
    stem = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in Path(name).stem
        if unicodedata.category(char) != "Cf"
    )
    stem = _COLON.sub(" — ", _COLON_IN_TIME.sub(".", stem))
    stem = _OPENING_QUOTE.sub("«", stem).replace('"', "»").translate(_FORBIDDEN)
    stem = re.sub(r"\s+", " ", stem).strip(" ._—") or "file"
    if stem.upper() in _RESERVED_ON_WINDOWS:
        stem = f"{stem}_"  # «CON.pdf» cannot be saved on Windows
    return f"{stem[:120].rstrip(' .')}{extension}"


_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# ъ and ь are dropped ("").
_LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)  # fmt: skip
_TRANSLIT = dict(zip(_CYRILLIC, _LATIN, strict=True))


def _ascii_fallback(name: str) -> str:
    """The same name in Latin letters for a client that ignores `filename*` (RFC 6266)."""
    latin = "".join(
        (_TRANSLIT[c.lower()].capitalize() if c.isupper() else _TRANSLIT[c]) if c.lower() in _TRANSLIT else c
        for c in name
    )
    latin = latin.replace("№", "N").replace("—", "-").replace("→", "-").replace("«", "").replace("»", "")
    return re.sub(r"[^A-Za-z0-9 .,()_-]+", "_", latin)


def content_disposition(name: str, *, inline: bool = False) -> str:
    """The one way a download is named: the readable Russian name as `filename*=UTF-8''…` (RFC 5987,
    every current browser) and its transliteration as plain `filename` for older clients.
    `name` carries its extension; anything unsafe in it is replaced (download_name)."""
    # A title may hold a slash («Договор № 12/26»): a dash here, not a folder for download_name to drop.
    name = name.replace("/", "-").replace("\\", "-")
    extension = Path(name).suffix.lower()
    safe = download_name(name, extension)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{_ascii_fallback(safe)}\"; filename*=UTF-8''{quote(safe)}"


def stored_file_response(stored, *, name: str = "", inline: bool = False) -> FileResponse:
    """A stored upload to those a view has let through: a download (`attachment`, with a safe
    `name`), of the type its stored extension says and `nosniff`, so a browser never opens it as a
    page of our site; never kept by a browser or a proxy, since it holds personal data (so a
    withdrawn consent takes a published photo off at once). `inline`: an image a page shows, still
    of its stored type and `nosniff`."""
    if not stored:
        raise Http404("Файл не загружен.")
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("Файл не найден.") from error
    extension = Path(stored.name).suffix.lower()
    file_type = FILE_TYPES.get(extension)
    response = FileResponse(handle, content_type=file_type.content_type if file_type else "application/octet-stream")
    # `name`: a title («Приказ 5-ОД от 30.11.2026») or an uploaded name with its extension («утро.jpg»).
    title = name[: -len(extension)] if extension and name.lower().endswith(extension) else name
    title = title or Path(stored.name).stem
    response["Content-Disposition"] = content_disposition(f"{title}{extension}", inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
