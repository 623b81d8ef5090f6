from django.urls import path

from . import appeal_views, views

app_name = "council"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting-update"),
    path("<int:pk>/items/new/", views.AgendaItemCreateView.as_view(), name="item-create"),
    path("<int:pk>/sign/", views.MeetingSignView.as_view(), name="meeting-sign"),
    path("<int:pk>/protocol.pdf", views.ProtocolPdfView.as_view(), name="meeting-pdf"),
    path("items/<int:pk>/edit/", views.AgendaItemUpdateView.as_view(), name="item-update"),
    path("items/<int:pk>/delete/", views.AgendaItemDeleteView.as_view(), name="item-delete"),
    path("reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("reviews/<int:pk>/", views.ReviewDetailView.as_view(), name="review-detail"),
    path("reviews/<int:pk>/send/", views.ReviewSendView.as_view(), name="review-send"),
    path("reviews/program/<int:program_pk>/", views.ReviewAssignView.as_view(), name="review-assign"),
    path("appeals/", appeal_views.AppealListView.as_view(), name="appeal-list"),
    path("appeals/new/<int:pairing_pk>/", appeal_views.AppealCreateView.as_view(), name="appeal-create"),
    path("appeals/<int:pk>/", appeal_views.AppealDetailView.as_view(), name="appeal-detail"),
    path("appeals/<int:pk>/withdraw/", appeal_views.AppealWithdrawView.as_view(), name="appeal-withdraw"),
    path("appeals/<int:pk>/members/", appeal_views.AppealMembersView.as_view(), name="appeal-members"),
    path("<int:pk>/history/", views.MeetingHistoryView.as_view(), name="meeting-history"),
    path("reviews/<int:pk>/history/", views.ReviewHistoryView.as_view(), name="review-history"),
]
