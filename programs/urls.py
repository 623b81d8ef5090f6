"""Programs (urls_programs.py) and what is logged on them (urls_logging.py)."""

from . import urls_logging, urls_programs

app_name = "programs"

urlpatterns = [*urls_programs.urlpatterns, *urls_logging.urlpatterns]
