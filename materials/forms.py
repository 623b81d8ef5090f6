from django import forms

from core.forms import StyledModelForm

from .models import LINK_INVALID, Material
from .uploads import ALLOWED_TEXT, MaterialFileField, max_bytes


class MaterialForm(StyledModelForm):
    """A material: a file or a link (one of them), by direction and form of mentoring, for whom."""

    class Meta:
        model = Material
        fields = ["title", "kind", "audience", "description", "directions", "forms", "file", "link"]
        field_classes = {"file": MaterialFileField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "directions": forms.CheckboxSelectMultiple,
            "forms": forms.CheckboxSelectMultiple,
            "link": forms.URLInput(attrs={"placeholder": "https://…"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = (
            f"{ALLOWED_TEXT}, не больше {max_bytes() // (1024 * 1024)} МБ. Или укажите ссылку ниже — что-то одно."
        )
        self.fields["link"].error_messages["invalid"] = LINK_INVALID
        self.fields["link"].help_text = "Адрес материала на сайте (http:// или https://), если он не файлом."

    def clean(self):
        cleaned = super().clean()
        new_file = self.files.get(self.add_prefix("file")) is not None
        if cleaned.get("link") and not new_file and self.instance.file:
            # A link typed in place of the stored file replaces it.
            cleaned["file"] = False
        return cleaned
