from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = "Самодиагностика"

    def ready(self):
        """The reference lists, the completion condition and the places on programs' pages, the program
        PDF and the home page (diagnostics/extensions.py)."""
        from . import extensions

        extensions.register()
        from .reminders import register_sources

        register_sources()  # what its people are told (notices: the bell and the e-mail digest)
