"""Values that come from outside in a query string or a form field read past a Django form: what
an id may be, text with nothing a database refuses, and a «back to» address that stays on the site."""

from django.utils.http import url_has_allowed_host_and_scheme

# The largest id any of our databases stores in an integer key (PostgreSQL's integer; bigint keys
# are larger, but no row of ours reaches this).
MAX_ID = 2**31 - 1


def id_param(value) -> int | None:
    """An id typed into a URL or a hidden field: ASCII digits only («²» and «٣» are digits to
    `str.isdigit()` and to `int()`, but no id), within what a database stores; else None."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def ids_param(values) -> list[int]:
    """The ids among `values` (a `getlist()`), the rest dropped."""
    return [number for number in (id_param(value) for value in values) if number is not None]


def text_param(value, *, limit: int | None = None) -> str:
    """Free text read past a form: NUL removed (PostgreSQL refuses it in text), cut to `limit`."""
    text = (value if isinstance(value, str) else "").replace("\x00", "")
    return text[:limit] if limit is not None else text


def local_path(value) -> str | None:
    """A «back to» address sent by one of our pages: a path on this site («/roadmap/3/»), or None.
    Anything else — another host, «//host», a scheme, a bare word a redirect would take for a view's
    name, a control character — is none of ours."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith(("//", "/\\")):
        return None
    if not value.isprintable() or not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return None
    return value
