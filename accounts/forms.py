from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm

from core.text import plural


class LoginForm(AuthenticationForm):
    public_computer = forms.BooleanField(
        label="Чужой компьютер: выйти, когда закрою браузер",
        required=False,
    )
    error_messages = {
        "invalid_login": "Неверное имя пользователя или пароль. Проверьте раскладку клавиатуры и Caps Lock.",
        "inactive": "Учётная запись отключена. Обратитесь к системному администратору.",
        "dismissed": "Вход закрыт: сотрудник уволен.",
    }

    def confirm_login_allowed(self, user):
        """Besides a switched-off login: the login of a dismissed employee never signs in, however the
        dismissal was written (the staff registry also closes the login then, people.services)."""
        super().confirm_login_allowed(user)
        person = getattr(user, "person", None)  # the staff registry's link (people.Person.user)
        if person is not None and not person.is_working:
            raise forms.ValidationError(self.error_messages["dismissed"], code="dismissed")

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Имя пользователя"
        self.fields["username"].widget.attrs.update(autocomplete="username", autocapitalize="none")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")
        minutes = settings.SESSION_COOKIE_AGE // 60
        self.fields["public_computer"].help_text = (
            "Отметьте на общем компьютере. Без отметки выход — через "
            f"{plural(minutes, 'минуту', 'минуты', 'минут')} без действий."
        )
