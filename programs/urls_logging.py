"""URLs of the log (see programs/urls.py): records and evidence, one-off meetings, releases from duty."""

from django.urls import path

from .views import letters
from .views import logging as views

urlpatterns = [
    path("<int:pk>/log/", views.ProgramLogView.as_view(), name="program-log"),
    path("<int:pk>/log/new/", views.RecordCreateView.as_view(), name="record-create"),
    path("log/<int:pk>/", views.RecordDetailView.as_view(), name="record-detail"),
    path("log/<int:pk>/history/", views.RecordHistoryPageView.as_view(), name="record-history"),
    path("log/<int:pk>/edit/", views.RecordUpdateView.as_view(), name="record-update"),
    path("log/<int:pk>/delete/", views.RecordDeleteView.as_view(), name="record-delete"),
    path("log/<int:pk>/respond/", views.RecordRespondView.as_view(), name="record-respond"),
    path("evidence/<int:pk>/", views.EvidenceFileView.as_view(), name="evidence-file"),
    path("evidence/<int:pk>/delete/", views.EvidenceDeleteView.as_view(), name="evidence-delete"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting-update"),
    path("meetings/<int:pk>/history/", views.MeetingHistoryView.as_view(), name="meeting-history"),
    path("meetings/<int:pk>/delete/", views.MeetingDeleteView.as_view(), name="meeting-delete"),
    path("releases/", views.ReleaseListView.as_view(), name="release-list"),
    path("<int:pk>/releases/new/", views.ReleaseCreateView.as_view(), name="release-create"),
    path("releases/<int:pk>/approve/", views.ReleaseDecisionView.as_view(approve=True), name="release-approve"),
    path("releases/<int:pk>/refuse/", views.ReleaseDecisionView.as_view(approve=False), name="release-refuse"),
    path("releases/<int:pk>/withdraw/", views.ReleaseWithdrawView.as_view(), name="release-withdraw"),
    path("releases/<int:pk>/history/", views.ReleaseHistoryView.as_view(), name="release-history"),
    path("releases/<int:pk>/application.pdf", letters.ReleaseLetterView.as_view(), name="release-letter"),
    path(
        "releases/<int:pk>/application.docx", letters.ReleaseLetterView.as_view(fmt="docx"), name="release-letter-docx"
    ),
]
