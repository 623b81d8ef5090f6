"""URLs: see programs/urls.py. Programs, their plan, versions, printed form and the bank."""

from django.urls import path

from .views import program as views

urlpatterns = [
    path("", views.ProgramListView.as_view(), name="program-list"),
    path("new/", views.ProgramStartView.as_view(), name="program-start"),
    path("new/<int:pairing_pk>/", views.ProgramCreateView.as_view(), name="program-create"),
    path("<int:pk>/", views.ProgramDetailView.as_view(), name="program-detail"),
    path("<int:pk>/history/", views.ProgramHistoryView.as_view(), name="program-history"),
    path("<int:pk>/edit/", views.ProgramUpdateView.as_view(), name="program-update"),
    path("<int:pk>/move/", views.ProgramMoveView.as_view(), name="program-move"),
    path("<int:pk>/agree/", views.ProgramAgreeView.as_view(), name="program-agree"),
    path("<int:pk>/complete/", views.ProgramCompleteView.as_view(), name="program-complete"),
    path("<int:pk>/best-practice/", views.ProgramBestPracticeView.as_view(), name="program-best-practice"),
    path("<int:pk>/copy/", views.ProgramCopyView.as_view(), name="program-copy"),
    path("<int:pk>/versions/", views.ProgramCompareView.as_view(), name="program-compare"),
    path("<int:pk>/pdf/", views.ProgramPdfView.as_view(), name="program-pdf"),
    path("<int:pk>/plan/new/", views.PlanItemCreateView.as_view(), name="plan-item-create"),
    path("plan/<int:pk>/edit/", views.PlanItemUpdateView.as_view(), name="plan-item-update"),
    path("plan/<int:pk>/delete/", views.PlanItemDeleteView.as_view(), name="plan-item-delete"),
    path("plan/<int:pk>/mark/", views.PlanItemMarkView.as_view(), name="plan-item-mark"),
]
