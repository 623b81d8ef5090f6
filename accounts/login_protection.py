"""django-axes, the lockout after failed sign-ins, under a Russian name in the admin (its own is
«Axes», shown on every admin page)."""

from axes.apps import AppConfig


class LoginProtectionConfig(AppConfig):
    verbose_name = "Защита входа"
