from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.CentreView.as_view(), name="centre"),
    path("count/", views.BellCountView.as_view(), name="bell-count"),
    path("read/<int:pk>/", views.NoticeReadView.as_view(), name="read"),
    path("email/", views.PreferencesView.as_view(), name="preferences"),
    path("stop/<str:token>/", views.StopView.as_view(), name="stop"),
]
