from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo kindergarten «Ласточка», loaded through every app's services. The top layer:
    it imports the others, nothing imports it."""

    name = "demo"
    verbose_name = "Демо-детский сад"
