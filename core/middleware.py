"""Headers every response carries."""

from django.conf import settings


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
