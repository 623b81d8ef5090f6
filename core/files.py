"""Checks for uploaded files: type by content as well as by name, and size."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# What a scanned paper document may be: its extension and how its first bytes must look.
SCAN_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def validate_scan(upload) -> None:
    """A scan of a signed paper: PDF, JPEG or PNG, within the size limit, content matching the name."""
    extension = Path(upload.name).suffix.lower()
    if extension not in SCAN_SIGNATURES:
        raise ValidationError("Можно загрузить только PDF, JPG или PNG (скан или фото подписанного документа).")
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            f"Файл слишком большой: {filesizeformat(upload.size)}; можно не больше "
            f"{filesizeformat(settings.UPLOAD_MAX_BYTES)}."
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    if not any(head.startswith(signature) for signature in SCAN_SIGNATURES[extension]):
        raise ValidationError("Содержимое файла не похоже на PDF или изображение: файл повреждён или переименован.")


def random_file_name(folder: str, filename: str) -> str:
    """Random stored names: the original name may carry a person's name and is not needed."""
    return f"{folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_response(content: bytes, content_type: str, name: str, *, inline: bool = False):
    """A generated document to download (or to open in the browser): never kept by a browser or a
    proxy, since what we generate holds personal data."""
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
