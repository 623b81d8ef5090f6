from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Учётные записи"

    def ready(self):
        from . import sessions  # noqa: F401 — the «last seen» mark at sign-in
