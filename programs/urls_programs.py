"""URLs: see programs/urls.py."""

urlpatterns = []
