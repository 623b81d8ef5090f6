from django.urls import path

from . import views

app_name = "diagnostics"

urlpatterns = [
    path("program/<int:pk>/", views.ProgramDiagnosticsView.as_view(), name="program"),
    path("program/<int:pk>/fill/", views.DiagnosticFillView.as_view(), name="fill"),
    path("program/<int:pk>/difficulties/", views.DifficultiesTransferView.as_view(), name="difficulties"),
    path("program/<int:pk>/suggest/", views.SuggestionsView.as_view(), name="suggest"),
]
