"""Programs (urls_programs.py), what is logged on them (urls_logging.py) and the mentor's journal (urls_journal.py)."""

from . import urls_journal, urls_logging, urls_programs

app_name = "programs"

urlpatterns = [*urls_programs.urlpatterns, *urls_logging.urlpatterns, *urls_journal.urlpatterns]
