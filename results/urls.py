from django.urls import path

from . import views

app_name = "results"

urlpatterns = [
    path("program/<int:pk>/write/", views.ReportWriteView.as_view(), name="write"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="report"),
    path("<int:pk>/pdf/", views.ReportPdfView.as_view(), name="report-pdf"),
    path("<int:pk>/docx/", views.ReportDocxView.as_view(), name="report-docx"),
    path("<int:pk>/return/", views.ReportReturnView.as_view(), name="report-return"),
]
