from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.CentreView.as_view(), name="centre"),
    path("count/", views.BellCountView.as_view(), name="bell-count"),
]
