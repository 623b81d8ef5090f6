from django.apps import AppConfig


class PublicConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = "Раздел «Наставничество» на сайте"

    def ready(self):
        """The section's settings in the «Ещё» menu, for those who keep it (the view's roles)."""
        from core import menu

        menu.register(menu.Entry("Раздел на сайте", "public:manage", order=95))
