"""URLs of the mentor's journal of a pair (see programs/urls.py)."""

from django.urls import path

from .views import journal as views

urlpatterns = [
    path("journal/<int:pairing_pk>/", views.JournalView.as_view(), name="journal"),
    path("journal/<int:pairing_pk>.pdf", views.JournalFileView.as_view(kind="pdf"), name="journal-pdf"),
    path("journal/<int:pairing_pk>.docx", views.JournalFileView.as_view(kind="docx"), name="journal-docx"),
]
