"""Evidence files of a logged activity: what may be uploaded, and photos cleaned before they are stored.

A file is accepted when its name and its first bytes agree (a renamed .exe is not a photo), it is
not larger than `settings.EVIDENCE_MAX_MB`, and an office document really is one (a DOCX is a ZIP
with `word/document.xml`, and no macros). Photos are opened with Pillow and saved again without
their metadata: EXIF carries the place (GPS), the phone and the time, and photos from a
kindergarten may show children (ГК РФ ст. 152.1). The turn the phone recorded in EXIF is applied
to the pixels first, so the picture stays upright.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO = "photo"
DOCUMENT = "document"

# How many files one form may bring (nginx takes up to 64 MB per request, docs/production.md).
MAX_FILES = 10
# A photo is decoded in memory to be cleaned: 64 megapixels (≈ 200 MB of pixels) is above any
# ordinary phone mode and keeps a small server safe from a «pixel bomb» that is tiny on disk.
MAX_PIXELS = 64_000_000

_JPEG = (b"\xff\xd8\xff",)
_PNG = (b"\x89PNG\r\n\x1a\n",)
_ZIP = (b"PK\x03\x04",)


@dataclass(frozen=True)
class FileType:
    kind: str
    signatures: tuple[bytes, ...]
    # For Office Open XML: the part every genuine file of the type has.
    ooxml_part: str = ""
    pillow_format: str = ""


# Photos from a phone or a camera; documents a teacher writes (notes of a lesson, a plan, a table,
# a presentation). Old .doc/.xls (binary, may carry macros) and HEIC are not taken: save as DOCX/PDF/JPEG.
FILE_TYPES = {
    ".jpg": FileType(PHOTO, _JPEG, pillow_format="JPEG"),
    ".jpeg": FileType(PHOTO, _JPEG, pillow_format="JPEG"),
    ".png": FileType(PHOTO, _PNG, pillow_format="PNG"),
    ".pdf": FileType(DOCUMENT, (b"%PDF-",)),
    ".docx": FileType(DOCUMENT, _ZIP, ooxml_part="word/document.xml"),
    ".xlsx": FileType(DOCUMENT, _ZIP, ooxml_part="xl/workbook.xml"),
    ".pptx": FileType(DOCUMENT, _ZIP, ooxml_part="ppt/presentation.xml"),
}
ACCEPT = ",".join(FILE_TYPES)  # for <input accept="…">
ALLOWED_TEXT = "фото JPG или PNG, документы PDF, DOCX, XLSX, PPTX"


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_MB", 20)) * 1024 * 1024


def _head(upload, length: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def check_upload(upload) -> FileType:
    """The file's type, or a ValidationError in plain Russian naming the file."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    file_type = FILE_TYPES.get(extension)
    if file_type is None:
        raise ValidationError(f"«{name}»: такой файл не принимается. Можно загрузить {ALLOWED_TEXT}.")
    if upload.size > max_bytes():
        raise ValidationError(
            f"«{name}» слишком большой: {filesizeformat(upload.size)}; один файл — не больше "
            f"{filesizeformat(max_bytes())}. Уменьшите фото или разделите документ."
        )
    if upload.size == 0:
        raise ValidationError(f"«{name}» пустой: выберите файл ещё раз.")
    if not any(_head(upload).startswith(signature) for signature in file_type.signatures):
        raise ValidationError(
            f"«{name}»: содержимое не соответствует расширению {extension} — файл повреждён или переименован."
        )
    if file_type.ooxml_part:
        _check_office(upload, name, file_type)
    return file_type


def _check_office(upload, name: str, file_type: FileType) -> None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            parts = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(f"«{name}»: документ повреждён, откройте и сохраните его заново.") from error
    finally:
        upload.seek(0)
    if file_type.ooxml_part not in parts:
        raise ValidationError(f"«{name}»: это не документ {Path(name).suffix.upper()[1:]}, а другой архив.")
    if any(part.lower().endswith("vbaproject.bin") for part in parts):
        raise ValidationError(f"«{name}» содержит макросы: сохраните документ без них или в PDF.")


@dataclass(frozen=True)
class PreparedFile:
    content: ContentFile
    original_name: str
    kind: str
    size: int


def clean_photo(upload, pillow_format: str) -> bytes:
    """The photo saved again without EXIF, XMP or comments, turned upright as the phone meant."""
    name = Path(upload.name).name
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format != pillow_format:
                raise ValidationError(f"«{name}»: содержимое не соответствует расширению — файл переименован.")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    f"«{name}»: слишком большое разрешение ({image.width}×{image.height}); уменьшите фото."
                )
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(f"«{name}»: изображение повреждено или слишком велико, его не открыть.") from error
    # Only what the picture needs to look the same; everything else in `info` (exif, xmp, comment,
    # text chunks, dates) is dropped.
    keep = {key: upright.info[key] for key in ("icc_profile", "transparency", "dpi") if key in upright.info}
    upright.info = {}
    output = io.BytesIO()
    if pillow_format == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        keep.pop("transparency", None)
        upright.save(output, "JPEG", quality=90, optimize=True, **keep)
    else:
        upright.save(output, "PNG", optimize=True, **keep)
    return output.getvalue()


def prepare(upload) -> PreparedFile:
    """Check one uploaded file and return what to store: photos without metadata, documents as they are."""
    file_type = check_upload(upload)
    name = Path(upload.name).name[:255]
    if file_type.kind == PHOTO:
        data = clean_photo(upload, file_type.pillow_format)
    else:
        upload.seek(0)
        data = upload.read()
    return PreparedFile(ContentFile(data, name=name), name, file_type.kind, len(data))
