from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views

app_name = "public"

PUBLIC_PAGES = [
    ("", views.IndexView, "index"),
    ("nastavniki/", views.MentorsView, "mentors"),
    ("nastavniki/<int:person_pk>/foto/", views.MentorPhotoView, "mentor-photo"),
    ("dokumenty/", views.DocumentsView, "documents"),
    ("dokumenty/<slug:slug>.pdf", views.DocumentView, "document"),
    ("praktiki/", views.PracticesView, "practices"),
    ("novosti/", views.NewsListView, "news"),
    ("novosti/<int:pk>/", views.NewsDetailView, "news-detail"),
    ("novosti/<int:pk>/foto/", views.NewsPhotoView, "news-photo"),
]

urlpatterns = [
    # The section: open to anyone while it is on (website.views).
    *(path(route, login_not_required(view.as_view()), name=name) for route, view, name in PUBLIC_PAGES),
    # The same pages as a preview, for those who keep the section.
    *(
        path(f"predprosmotr/{route}", view.as_view(preview=True), name=f"preview-{name}")
        for route, view, name in PUBLIC_PAGES
    ),
    path("upravlenie/", views.ManageView.as_view(), name="manage"),
    path("upravlenie/vygruzka/", views.ExportView.as_view(), name="export"),
    path("upravlenie/novosti/novaya/", views.NewsCreateView.as_view(), name="news-create"),
    path("upravlenie/novosti/<int:pk>/", views.NewsUpdateView.as_view(), name="news-update"),
    path("upravlenie/foto/", views.MentorPhotosView.as_view(), name="mentor-photos"),
    path("upravlenie/foto/<int:person_pk>/", views.MentorPhotoUpdateView.as_view(), name="mentor-photo-update"),
    path("upravlenie/foto/<int:person_pk>/udalit/", views.MentorPhotoDeleteView.as_view(), name="mentor-photo-delete"),
    path("upravlenie/foto/<int:person_pk>/fail/", views.MentorPhotoFileView.as_view(), name="mentor-photo-file"),
]
