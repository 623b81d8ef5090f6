from django import forms

from core.forms import StyledModelForm, https_by_default

from .models import LINK_INVALID, Material
from .uploads import ALLOWED_TEXT, MaterialFileField, max_bytes


class MaterialForm(StyledModelForm):
    """A material: a file or a link (one of them), by direction and form of mentoring, for whom."""

    class Meta:
        model = Material
        fields = ["title", "kind", "audience", "description", "directions", "forms", "file", "link"]
        field_classes = {"file": MaterialFileField}
        formfield_callback = https_by_default  # «nsportal.ru/…» is taken as https://nsportal.ru/…
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
        if self.instance.file:
            self.fields["file"].help_text = (
                "Файл уже приложен (его можно скачать на странице материала). Выберите новый, чтобы заменить его, "
                "или укажите ссылку вместо файла. " + self.fields["file"].help_text
            )
        self.fields["link"].error_messages["invalid"] = LINK_INVALID
        self.fields["link"].help_text = "Адрес материала на сайте (http:// или https://), если он не файлом."

    def clean(self):
        """A file or a link, one of them (the model's constraint holds it for every write; here it is
        said under the field). A file refused already is not asked for a second time."""
        cleaned = super().clean()
        if "file" in self.errors or "link" in self.errors:
            return cleaned
        new_file = self.files.get(self.add_prefix("file")) is not None
        link, file = cleaned.get("link"), cleaned.get("file")
        if link and new_file:
            self.add_error("link", "Укажите что-то одно: файл или ссылку. Чтобы дать ссылку, уберите файл.")
        elif link and file:
            cleaned["file"] = False  # a link typed in place of the stored file replaces it
        elif not link and not file:
            self.add_error("file", "Приложите файл или укажите ссылку на материал.")
        return cleaned
