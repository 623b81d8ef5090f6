"""Printed documents: a Django template rendered to PDF with WeasyPrint, without the network.

Every order, consent and report goes through `render_pdf()`; a view only returns the bytes.
Templates extend `documents/pdf/base.html` and may use `{% static %}` for images and
stylesheets: the fetcher below reads those from disk and refuses everything else, so a
document never waits on (or leaks to) the internet, and a missing file is an error in
tests rather than a blank spot on a signed order.
"""

import hashlib
import mimetypes
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint import __version__ as WEASYPRINT_VERSION
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from core.text import nested_quotes

# `{% static 'x.css' %}` gives "/static/x.css"; against this base it becomes
# "file:///static/x.css", a name the fetcher maps to our static files and nothing else.
_BASE_URL = "file:///"


class PdfResourceError(RuntimeError):
    """A document asked for something other than one of our static files, or for a
    static file that does not exist."""


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves `data:` URIs and our own static files; refuses http(s), ftp and any other file."""

    def __init__(self):
        # fail_on_errors: a refused or missing resource stops the rendering.
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

    def fetch(self, url, headers=None):
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise PdfResourceError(f"Документ обращается к сети, это запрещено: {url}")
        path = _static_file(unquote(parts.path))
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        # The response keeps the "file:///static/…" name, so url(…) inside a stylesheet
        # resolves to another static file, not to a path on the server's disk.
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _static_file(url_path: str) -> Path:
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not url_path.startswith(prefix):
        raise PdfResourceError(f"Документ может подключать только статические файлы: {url_path}")
    name = url_path.removeprefix(prefix)
    if not name or name.startswith("/") or ".." in name.split("/"):
        raise PdfResourceError(f"Документ может подключать только статические файлы: {url_path}")
    # After collectstatic (production) the hashed names live in STATIC_ROOT only;
    # before it (development, tests) the finders know the sources.
    root = Path(settings.STATIC_ROOT).resolve()
    collected = (root / name).resolve()
    if collected.is_relative_to(root) and collected.is_file():
        return collected
    found = finders.find(name)
    if found:
        return Path(found)
    raise PdfResourceError(f"Нет статического файла для документа: {name}")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render `template_name` with `context` to HTML, then to PDF bytes (A4, fonts from the system).

    Raises PdfResourceError when the template refers to the network or to a missing file.
    """
    return _write_pdf(render_to_string(template_name, context))


# A text between two tags: where core.text.nested_quotes sets inner quotes as „лапки“.
_TEXT_NODE = re.compile(r"(?<=>)[^<>]+(?=<)")


def _write_pdf(html: str) -> bytes:
    # Every document prints quotes within quotes the one typographic way, whatever its template.
    html = _TEXT_NODE.sub(lambda match: nested_quotes(match.group()), html)
    try:
        return HTML(string=html, base_url=_BASE_URL, url_fetcher=StaticFilesOnlyFetcher()).write_pdf()
    except FatalURLFetchingError as error:
        # WeasyPrint's fatal error is a BaseException: turn it into an ordinary one so
        # Django's handlers see it.
        raise PdfResourceError(str(error.__cause__ or error)) from error.__cause__


_CACHE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*")


def render_pdf_cached(template_name: str, context: dict, *, name: str) -> bytes:
    """`render_pdf()` for a long document asked for again and again while its records stay the same
    (a municipality's month of the pay list: 53 pages, about 10 s of WeasyPrint on our 2-core
    machine, against a fraction of a second for the rows and the HTML).

    The HTML is rendered every time, and the PDF is the one kept under `name` (a folder of
    settings.PDF_CACHE_DIR, e.g. "payroll/1-2026-11") when it was written from the very same HTML
    by the same WeasyPrint; otherwise it is written now and replaces the kept one. So the PDF is
    never older than the records: any change that shows in the document changes its HTML. Only
    what the HTML names by address is outside the key (our static files: hashed names in
    production). The folder is readable by the server's user alone: the pay list holds salaries.
    """
    if not _CACHE_NAME.fullmatch(name):
        raise ValueError(f"not a cache name: {name!r}")
    html = render_to_string(template_name, context)
    digest = hashlib.sha256(f"{WEASYPRINT_VERSION}\n{html}".encode()).hexdigest()
    folder = Path(settings.PDF_CACHE_DIR) / name
    kept = folder / f"{digest}.pdf"
    try:
        return kept.read_bytes()
    except FileNotFoundError:
        pass
    document = _write_pdf(html)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written aside and renamed: a reader at the same moment gets the old file or the whole new one.
    partial = folder / f".{digest}.{os.getpid()}.part"
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(document)
    os.replace(partial, kept)
    for older in folder.glob("*.pdf"):
        if older != kept:
            older.unlink(missing_ok=True)
    return document
