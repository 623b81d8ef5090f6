"""Headers every response carries, and our own «not found» page with DEBUG on."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404
from django.views.defaults import page_not_found


class ContentSecurityPolicyMiddleware:
    """Only the application's own origin may serve scripts, styles, images, fonts and forms' targets
    (settings.CONTENT_SECURITY_POLICY): a text someone stored cannot pull a script or send data to
    another host. Inline style attributes stay allowed (progress bars set their width that way);
    inline scripts do not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class NotFoundPageMiddleware:
    """With DEBUG on (the demo of `make run`), Django answers a 404 with its English technical page
    listing the URL patterns; a person trying the demo should see ours (templates/404.html), as
    with DEBUG off. Only what Django would turn into that page is replaced: an Http404 a view
    raises, and an address that matches no pattern. A view that returns a 404 of its own keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return page_not_found(request, Resolver404())
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
