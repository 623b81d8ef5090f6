from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.MonitoringView.as_view(), name="monitoring"),
    path("interim.pdf", views.InterimPdfView.as_view(), name="interim-pdf"),
    path("annual/", views.AnnualListView.as_view(), name="annual-list"),
    path("annual/start/", views.AnnualStartView.as_view(), name="annual-start"),
    path("annual/<int:year>/", views.AnnualDetailView.as_view(), name="annual"),
    path("annual/<int:year>/move/", views.AnnualMoveView.as_view(), name="annual-move"),
    path("annual/<int:year>/<str:fmt>/", views.AnnualDownloadView.as_view(), name="annual-download"),
]
