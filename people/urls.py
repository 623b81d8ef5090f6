from django.urls import path

from . import views

app_name = "people"

# Mounted under bank/, where these pages have always been.
urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person-create"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person-update"),
    path("people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person-history"),
    path("import/", views.StaffImportView.as_view(), name="import"),
    path("import/template.xlsx", views.ImportTemplateView.as_view(), name="import-template"),
    path("import/<int:pk>/", views.ImportPreviewView.as_view(), name="import-preview"),
]
