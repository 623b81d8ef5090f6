"""Settings of Наставник: the one module that reads the environment.

A first run needs nothing: DEBUG on, SQLite in the project folder. Production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL (or POSTGRES_*).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "да"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY обязателен, когда DJANGO_DEBUG выключен.")
    # Only for a first run on a developer's machine: never used with DEBUG off.
    SECRET_KEY = "insecure-development-key-not-for-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "accounts.login_protection.LoginProtectionConfig",  # django-axes
    "core",
    "accounts",
    "people",
    "notices",
    "records",
    "feeds",
    "mentorship",
    "roadmap",
    "programs",
    "surveys",
    "growth",
    "materials",
    "diagnostics",
    "council",
    "results",
    "portfolio",
    "dashboard",
    "reports",
    "website",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.NotFoundPageMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.sessions.IdleTimeoutMiddleware",
    "accounts.middleware.MustChangePasswordMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dashboard.context_processors.roles",
                "notices.context_processors.bell",
            ],
            # A number's noun and a word that agrees with a person, in every template (core.text).
            "builtins": ["core.templatetags.text"],
        },
    },
]


# SQLite lets one writer at a time and answers the loser «database is locked» at once: writers
# queue instead (a write transaction takes the lock when it begins, and waits up to 20 s for it).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_environment() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if database["ENGINE"] == "django.db.backends.sqlite3":
            database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
        return database
    if os.environ.get("POSTGRES_DB"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ["POSTGRES_DB"],
            "USER": os.environ.get("POSTGRES_USER", ""),
            "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
            "HOST": os.environ.get("POSTGRES_HOST", ""),
            "PORT": os.environ.get("POSTGRES_PORT", ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3", "OPTIONS": SQLITE_OPTIONS}


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute force: a guesser is held back per (username, address) pair, so one person's typos
# never lock out the colleagues who share the kindergarten's router, and per username after a
# longer count spread over many addresses (accounts.lockout); the lock lifts by itself.
AXES_HANDLER = "accounts.lockout.TwoCountsHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
ACCOUNTS_LOGIN_FAILURE_LIMIT = int(os.environ.get("ACCOUNTS_LOGIN_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# The product is Russian only: no LocaleMiddleware, so a browser asking for English still
# gets Russian (Django's own strings included).
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Moscow")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files are never served from a public URL: views check access and stream them.
MEDIA_URL = "/files/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Long documents kept as PDF while their records stay the same (core.pdf.render_pdf_cached): not
# backed up, safe to delete at any time.
PDF_CACHE_DIR = Path(os.environ.get("DJANGO_PDF_CACHE_DIR", BASE_DIR / "var" / "pdf-cache"))
# Where `manage.py backup` writes its archives by default.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "backups"))
# A scan of a signed consent is a photo or a PDF of a few pages.
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_MB", "10")) * 1024 * 1024
# One evidence file of a logged activity (photos from a phone, a presentation); several go in one form.
EVIDENCE_MAX_MB = int(os.environ.get("EVIDENCE_MAX_MB", "20"))
# One file of the methodological library (a presentation, a typical program with pictures).
MATERIAL_MAX_MB = int(os.environ.get("MATERIAL_MAX_MB", "20"))
# A mentor is told of a plan item this many days before its deadline (notices).
NOTICES_DUE_DAYS = int(os.environ.get("NOTICES_DUE_DAYS", "7"))

# Mail (notices' daily digest) through the kindergarten's own SMTP server. Without EMAIL_HOST (the
# demo, a first run) letters are written as files to DJANGO_EMAIL_FILE_PATH instead of being sent.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Наставник <nastavnik@localhost>")
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = Path(os.environ.get("DJANGO_EMAIL_FILE_PATH", BASE_DIR / "sent-mail"))
# Where people open the system: links in letters are absolute.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://localhost:8000")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# Drop-downs open with a Russian prompt, not «---------»: forms through the renderer's bound field,
# list filters (where the blank choice means «no filter») through django-filter's setting.
FORM_RENDERER = "core.forms.FormRenderer"
FILTERS_EMPTY_CHOICE_LABEL = "Все"

SIMPLE_HISTORY_REVERT_DISABLED = True

# Production hardening. HTTPS is the default with DEBUG off; a kindergarten without a
# certificate must say so explicitly (DJANGO_HTTPS=0), never by accident.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# The header only allows a later submission to the preload list; browsers act on the list alone.
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None


def client_address_behind_proxy(request) -> str | None:
    # Behind nginx every request comes from 127.0.0.1; nginx puts the browser's address in
    # X-Real-IP, overwriting whatever the browser sent, and gunicorn listens on 127.0.0.1 only.
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")


# Without this the lockout pair would be (username, 127.0.0.1): one guesser would lock that
# login out of every computer in the kindergarten.
AXES_CLIENT_IP_CALLABLE = client_address_behind_proxy if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SESSION_COOKIE_HTTPONLY = True
# The office PC is shared: a session ends after this long without a request (accounts.sessions
# starts the count again every few minutes of use), and at browser close when «Чужой компьютер» is
# ticked at login.
SESSION_IDLE_MINUTES = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
