"""What file a material may be: a document a teacher opens at work or a picture — PDF, DOCX, XLSX,
PPTX, JPG or PNG, up to `settings.MATERIAL_MAX_MB` (20 MB), its whole content what its name says
(core.files.check_content: a PDF parses, a DOCX is a ZIP with its document and no macros, a picture
decodes). A picture is stored without its metadata (core.files.stored_content), like every upload."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from core.files import stored_content

EXTENSIONS = (".pdf", ".docx", ".xlsx", ".pptx", ".jpg", ".jpeg", ".png")
ACCEPT = ",".join(EXTENSIONS)  # for <input accept="…">
ALLOWED_TEXT = "PDF, DOCX, XLSX, PPTX, JPG или PNG"


def max_bytes() -> int:
    return int(getattr(settings, "MATERIAL_MAX_MB", 20)) * 1024 * 1024


def prepare(upload) -> ContentFile:
    """The checked upload as it is to be stored, or a ValidationError in plain Russian naming the file."""
    name = Path(upload.name or "").name
    extension = Path(name).suffix.lower()
    if extension not in EXTENSIONS:
        raise ValidationError(f"«{name}»: такой файл не принимается. Можно загрузить {ALLOWED_TEXT}.")
    if upload.size == 0:
        raise ValidationError(f"«{name}» пустой: выберите файл ещё раз.")
    if upload.size > max_bytes():
        raise ValidationError(
            f"«{name}» слишком большой: {filesizeformat(upload.size)}; можно не больше "
            f"{filesizeformat(max_bytes())}. Сожмите файл или дайте ссылку на него."
        )
    return ContentFile(stored_content(upload, extension, name=name), name=name[:150])


class MaterialFileField(forms.FileField):
    """The material's file on its form: what the form hands on is checked and may be stored."""

    def __init__(self, **kwargs):
        # A plain input: the clearable one would show the stored name and a /media/ link, and a file is
        # replaced by a new one or by a link, never left out.
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return prepare(value)
        return value  # nothing new: the stored file, or False to remove it
