import io
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image

from core.files import stored_content
from core.forms import StyledModelForm
from people.models import Person

from .models import MentorPhoto, NewsItem, PublicSection

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png")
PHOTO_MAX_BYTES = 5 * 1024 * 1024
# A mentor's photo is shown small (a card on a phone): kept at most this many pixels on its longer side,
# twice the size it is shown at, so it stays sharp on a dense screen and light on a slow connection.
MENTOR_PHOTO_SIDE = 640


class PhotoField(forms.FileField):
    """A photo for the website: JPEG or PNG whose whole content decodes, stored without its EXIF
    (the place and the phone), as core.files cleans every upload."""

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not isinstance(value, UploadedFile):
            return value
        extension = Path(value.name).suffix.lower()
        if extension not in PHOTO_EXTENSIONS:
            raise ValidationError("Можно загрузить фотографию JPG или PNG.")
        if value.size > PHOTO_MAX_BYTES:
            raise ValidationError("Фотография больше 5 МБ: уменьшите её, на сайте она будет грузиться долго.")
        return ContentFile(stored_content(value, extension), name=f"photo{extension}")


class PublicSectionForm(StyledModelForm):
    class Meta:
        model = PublicSection
        fields = ["is_enabled", "about", "contact_phone", "contact_email", "contact_hours"]
        widgets = {"about": forms.Textarea(attrs={"rows": 5})}


class NewsItemForm(StyledModelForm):
    people_shown = forms.ModelMultipleChoiceField(
        label="кто изображён",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Фотография публикуется, только пока у каждого отмеченного действует согласие на публикацию фотографии."
        ),
    )

    class Meta:
        model = NewsItem
        fields = ["title", "date", "text", "photo", "photo_alt", "everyone_shown_consented", "is_published"]
        field_classes = {"photo": PhotoField}
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people_shown"].queryset = (
            Person.objects.filter(organization=organization).working().order_by("last_name", "first_name")
        )
        if self.instance.pk:
            self.initial["people_shown"] = list(self.instance.people_shown.values_list("pk", flat=True))


def downscaled(photo: ContentFile, side: int) -> ContentFile:
    """The photo (already checked and cleaned by PhotoField) no larger than `side` pixels on its longer
    side, in its own format."""
    extension = Path(photo.name).suffix.lower()
    with Image.open(io.BytesIO(photo.read())) as image:
        if max(image.size) <= side:
            photo.seek(0)
            return photo
        image.thumbnail((side, side))
        output = io.BytesIO()
        image.save(output, "PNG" if extension == ".png" else "JPEG", quality=85)
    return ContentFile(output.getvalue(), name=photo.name)


class MentorPhotoForm(StyledModelForm):
    class Meta:
        model = MentorPhoto
        fields = ["photo", "photo_alt"]
        field_classes = {"photo": PhotoField}
        help_texts = {"photo": "JPG или PNG до 5 МБ. На сайте она показывается небольшой, по согласию наставника."}

    def clean_photo(self):
        photo = self.cleaned_data["photo"]
        if isinstance(photo, ContentFile):  # a new upload; the stored one is a FieldFile
            return downscaled(photo, MENTOR_PHOTO_SIDE)
        return photo
