from django.urls import path

from . import views

app_name = "roadmap"

urlpatterns = [
    path("", views.RoadmapListView.as_view(), name="list"),
    path("new/", views.RoadmapCreateView.as_view(), name="create"),
    path("<int:pk>/", views.RoadmapDetailView.as_view(), name="detail"),
    path("<int:pk>/history/", views.RoadmapHistoryView.as_view(), name="history"),
    path("<int:pk>/pdf/", views.RoadmapPdfView.as_view(), name="pdf"),
    path("<int:pk>/annex/", views.RoadmapAnnexView.as_view(), name="annex"),
    path("<int:pk>/move/", views.RoadmapMoveView.as_view(), name="move"),
    path("<int:pk>/approve/", views.RoadmapApproveView.as_view(), name="approve"),
    path("<int:pk>/return/", views.RoadmapReturnView.as_view(), name="return"),
    path("<int:pk>/delete/", views.RoadmapDeleteView.as_view(), name="delete"),
    path("<int:roadmap>/stages/new/", views.StageFormView.as_view(), name="stage-create"),
    path("stages/<int:pk>/edit/", views.StageFormView.as_view(), name="stage-update"),
    path("stages/<int:pk>/delete/", views.StageDeleteView.as_view(), name="stage-delete"),
    path("<int:roadmap>/activities/new/", views.ActivityFormView.as_view(), name="activity-create"),
    path("activities/<int:pk>/edit/", views.ActivityFormView.as_view(), name="activity-update"),
    path("activities/<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity-delete"),
    path("activities/<int:pk>/mark/", views.ActivityMarkView.as_view(), name="activity-mark"),
    path("activities/<int:pk>/unmark/", views.ActivityUnmarkView.as_view(), name="activity-unmark"),
]
