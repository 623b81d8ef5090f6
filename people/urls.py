from django.urls import path

from . import views

app_name = "people"

# Mounted under bank/, where these pages have always been.
urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person-create"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person-update"),
    path("people/<int:pk>/login/new/", views.PersonLoginCreateView.as_view(), name="person-login-create"),
    path("people/<int:pk>/login/issued/", views.PersonLoginIssuedView.as_view(), name="person-login-issued"),
    path(
        "people/<int:pk>/login/reset/",
        views.PersonLoginActionView.as_view(action="reset"),
        name="person-login-reset",
    ),
    path("people/<int:pk>/login/close/", views.PersonLoginCloseView.as_view(), name="person-login-close"),
    path("people/<int:pk>/login/open/", views.PersonLoginActionView.as_view(action="open"), name="person-login-open"),
    path("people/<int:pk>/history/", views.PersonHistoryView.as_view(), name="person-history"),
    path("references/<slug:kind>/", views.ReferenceListView.as_view(), name="reference-list"),
    path("references/<slug:kind>/history/", views.ReferenceHistoryView.as_view(), name="reference-history"),
    path("references/<slug:kind>/new/", views.ReferenceCreateView.as_view(), name="reference-create"),
    path("references/<slug:kind>/<int:pk>/edit/", views.ReferenceUpdateView.as_view(), name="reference-update"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/new/", views.PartnerCreateView.as_view(), name="partner-create"),
    path("organizations/<int:pk>/edit/", views.PartnerUpdateView.as_view(), name="partner-update"),
    path("settings/", views.OrganizationSettingsView.as_view(), name="organization-settings"),
    path("import/", views.StaffImportView.as_view(), name="import"),
    path("import/template.xlsx", views.ImportTemplateView.as_view(), name="import-template"),
    path("import/<int:pk>/", views.ImportPreviewView.as_view(), name="import-preview"),
]
