"""Evidence files of a logged activity: which types and how many may be uploaded, and what is stored.

A file is accepted when it is one of the types below, not larger than `settings.EVIDENCE_MAX_MB`, and
its whole content is what its name says (core.files.check_content: a photo decodes, a PDF parses, a
DOCX is a ZIP with `word/document.xml` and no macros). Photos are stored without their metadata
(core.files.stored_content), the same way as scans of signed papers.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from core.files import check_content, stored_content

PHOTO = "photo"
DOCUMENT = "document"

# How many files one form may bring (nginx takes up to 64 MB per request, docs/production.md).
MAX_FILES = 10

# Photos from a phone or a camera; documents a teacher writes (notes of a lesson, a plan, a table,
# a presentation). Old .doc/.xls (binary, may carry macros) and HEIC are not taken: save as DOCX/PDF/JPEG.
KINDS = {
    ".jpg": PHOTO,
    ".jpeg": PHOTO,
    ".png": PHOTO,
    ".pdf": DOCUMENT,
    ".docx": DOCUMENT,
    ".xlsx": DOCUMENT,
    ".pptx": DOCUMENT,
}
ACCEPT = ",".join(KINDS)  # for <input accept="…">
ALLOWED_TEXT = "фото JPG или PNG, документы PDF, DOCX, XLSX, PPTX"


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_MB", 20)) * 1024 * 1024


def _checked_name(upload) -> tuple[str, str]:
    """The file's name and extension, if the type is one we take and the size within the limit."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    if extension not in KINDS:
        raise ValidationError(f"«{name}»: такой файл не принимается. Можно загрузить {ALLOWED_TEXT}.")
    if upload.size > max_bytes():
        raise ValidationError(
            f"«{name}» слишком большой: {filesizeformat(upload.size)}; один файл — не больше "
            f"{filesizeformat(max_bytes())}. Уменьшите фото или разделите документ."
        )
    if upload.size == 0:
        raise ValidationError(f"«{name}» пустой: выберите файл ещё раз.")
    return name, extension


def check_upload(upload) -> str:
    """The file's kind (PHOTO or DOCUMENT), or a ValidationError in plain Russian naming the file."""
    name, extension = _checked_name(upload)
    check_content(upload, extension, name=name)
    return KINDS[extension]


@dataclass(frozen=True)
class PreparedFile:
    content: ContentFile
    original_name: str
    kind: str
    size: int


def prepare(upload) -> PreparedFile:
    """Check one uploaded file and return what to store: photos without metadata, documents as they are."""
    name, extension = _checked_name(upload)
    data = stored_content(upload, extension, name=name)
    return PreparedFile(ContentFile(data, name=name[:255]), name[:255], KINDS[extension], len(data))
