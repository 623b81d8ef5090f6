from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = "Программы наставничества"

    def ready(self):
        from mentorship.models import REFERENCE_MODELS

        from .models import ActivityForm

        # The curator extends the forms of plan activities like the other reference lists.
        REFERENCE_MODELS["activity-forms"] = ActivityForm
