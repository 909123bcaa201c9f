"""Settings shared by every environment.

Safe for production on its own: no secret, DEBUG off, integrations switched on only by their
environment variable. dev/test/production override what differs.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from portal.environment import Env, rate

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Every environment variable is read here, once; dev/test/production only change what differs.
env = Env()

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="").strip()
ALLOWED_HOSTS = [h.strip() for h in env.list("ALLOWED_HOSTS", default=[]) if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in env.list("CSRF_TRUSTED_ORIGINS", default=[]) if o.strip()
]

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "home",
    "regelingen",
    "goodpractices",
    "news",
    "events",
    "aanmelden",
    "moderation",
    "outbox",
    "plone_import",
    "linkchecker",
    "staffauth",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail_modeladmin",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Staff sign-in: a second factor (TOTP, recovery codes) and the failed-login limit.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so every response carries the header, static files and cached pages included.
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page cache (off unless PAGE_CACHE_SECONDS > 0): outside sessions and auth so a
    # hit costs almost nothing, inside whitenoise so static files never reach it.
    "portal.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor verified this session; then every admin URL asks for one (staffauth).
    "django_otp.middleware.OTPMiddleware",
    "staffauth.middleware.SecondFactorMiddleware",
    "staffauth.middleware.PasswordResetLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    # Inside the security headers, so the 400 page it leads to gets them too.
    "portal.middleware.BadInputMiddleware",
    # Old Plone file and image URLs that no redirect names (only on a 404: plone_import).
    "plone_import.middleware.PloneMediaRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its (Dutch) answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.cache.fragment_context",
            ],
        },
    },
]

# Database: DATABASE_URL, else a SQLite file in the project folder.
DATABASES = {
    "default": {
        **env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        "CONN_MAX_AGE": env.int("DB_CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# django-axes first: it refuses a locked-out account or address before the password is checked.
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

# Dutch from the first migrate: Wagtail stores translated names in its initial data. English is
# the second language of the pages that explain the forms (their translations live under /en/);
# Dutch addresses keep no prefix (portal/urls.py).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
SERVE_MEDIA = env.str("SERVE_MEDIA", default="1") == "1"
# Uploads from the public forms: never under MEDIA_ROOT, never served by URL.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
# Virus scan of every form upload by clamd (aanmelden/clamav.py), only when CLAMAV_HOST is set.
# Set but unreachable: uploads are refused ("probeer het later opnieuw"), never let through.
CLAMAV_HOST = env.str("CLAMAV_HOST", default="")
CLAMAV_PORT = env.int("CLAMAV_PORT", default=3310)
CLAMAV_TIMEOUT = 10
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# The fragment cache (home/cache.py) keeps a few entries per page (its rendered parts, the data
# of a list), so more than Django's default of 300, or they push each other out on a large site.
CACHE_MAX_ENTRIES = env.int("CACHE_MAX_ENTRIES", default=5000)
# CACHE_URL: redis://host:6379/1 or file:///var/cache/portal to share it between processes.
CACHES = {
    "default": env.cache_with_max_entries("CACHE_URL", "locmemcache://portal", CACHE_MAX_ENTRIES)
}
# Anonymous page cache (seconds); 0 switches it off. See portal/middleware.py.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
# Rendered fragments and list data (home/cache.py): retired at once by a publish in a shared
# cache; this bounds how long another process with a cache of its own may show an older menu,
# footer or list.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=60)

# A caching proxy in front (Varnish, nginx with a purge module) is told which URLs to drop when a
# page is published, unpublished or moved. Nothing by default.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL := env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A session ends with the browser: a shared computer never shows someone's answers (or the copy
# of them) the next day. The absolute age bounds a browser that is never closed.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

# Background work (mail, retention): django-tasks. Immediate in dev/test, a database queue with
# `manage.py db_worker` in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Unset: SMTP here and in production, the console in dev (dev.py).
EMAIL_BACKEND_CHOSEN = env.str("EMAIL_BACKEND", default="")
EMAIL_BACKEND = EMAIL_BACKEND_CHOSEN or "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.str("EMAIL_USE_TLS", default="") == "1"
EMAIL_TIMEOUT = 10
# How long a worker holds an outbox mail while it sends it (outbox/tasks.py). Longer than any SMTP
# conversation (EMAIL_TIMEOUT bounds each step of it): when it runs out, another worker may send
# the mail again, which is how a mail whose worker died is sent after all.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=300)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Leerwerkportaal <noreply@localhost>")

# Security headers (also in development, so surprises show up early).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of ours uses (portal.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# LOG_LEVEL empty: WARNING here, INFO in production.
LOG_LEVEL = env.str("LOG_LEVEL", default="")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL or "WARNING"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Leerwerkportaal"
# The public address for links in mails; dev falls back to the local server, production requires it.
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="")
# No Gravatar: it would send a hash of every staff address to a third party (and the CSP blocks
# it anyway, leaving a broken image). Wagtail shows its default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = True
# Named in the admin's language (Dutch), where the public switch names each in its own.
WAGTAIL_CONTENT_LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
# The taxonomy has its own menu ("Indeling"); the snippets overview lists it too, so editors
# reach every snippet they may edit from both.
WAGTAILSNIPPETS_MENU_SHOW_ALL = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# The admin speaks Dutch to everyone: the public site's English is for visitors, not for staff.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Dutch stemming ("stages" finds "stage") on PostgreSQL; ignored on SQLite.
        **({"SEARCH_CONFIG": "dutch"} if IS_POSTGRES else {}),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Records the addresses a replaced image file leaves behind, so they redirect to the new file.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL or None
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# /favicon.ico and other files that must live at the site root.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

# HTTPS, switched on by production.py only (behind the TLS-terminating proxy): these say how.
HTTPS_REDIRECT = env.str("SECURE_SSL_REDIRECT", default="1") == "1"
HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)

# Per-visitor limits (home/limits.py), counted in the default cache: shared by every process only
# with a shared CACHE_URL (Redis), which production therefore requires.
# Proxies of ours in front of the app, each appending the address it received the request from to
# X-Forwarded-For (nginx: $proxy_add_x_forwarded_for). Behind a proxy every request comes from the
# proxy's own address, so with 0 all visitors share one limit; set it only to the number of
# proxies that really always sit in front, or a visitor can pick any address by sending the header.
# AANMELDEN_TRUST_X_FORWARDED_FOR=1, its older spelling, means 1.
TRUSTED_PROXY_COUNT = env.int(
    "TRUSTED_PROXY_COUNT",
    default=int(env.str("AANMELDEN_TRUST_X_FORWARDED_FOR", default="0") == "1"),
)
# Final submits of the public forms per visitor address (aanmelden/wizard.py).
AANMELDEN_SUBMIT_RATE = rate(
    "AANMELDEN_SUBMIT_RATE", env.str("AANMELDEN_SUBMIT_RATE", default="10/3600")
)
# Login attempts (admin and Django admin) per visitor address.
ADMIN_LOGIN_RATE = rate("ADMIN_LOGIN_RATE", env.str("ADMIN_LOGIN_RATE", default="10/900"))
# django-ratelimit: the visitor's address as home/limits.py reads it (IPv6 counted per /64).
RATELIMIT_IP_META_KEY = "home.limits.client_ip"

# Staff sign-in (docs/security.md). Failed logins: after AXES_FAILURE_LIMIT failures for one
# username, or from one address, that username or address is refused for AXES_COOLOFF_TIME,
# whether the account exists or not. A success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staffauth.views.lockout"
# The address counted: the same rule as every other limit (TRUSTED_PROXY_COUNT, django-ipware).
AXES_CLIENT_IP_CALLABLE = "home.limits.client_ip"
# Password reset requests: at most this many per hour per address and per e-mail address.
STAFFAUTH_PASSWORD_RESET_LIMIT = (5, 3600)
# Second factor: the name shown in the authenticator app next to the username.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Contact line of /.well-known/security.txt.
SECURITY_CONTACT = env.str("SECURITY_CONTACT", default="mailto:security@leerwerkportaal.nl")

# The link check (manage.py check_links, nightly): whom the sites we link to can contact about its
# requests (in its User-Agent, after the portal's address); unset: the security contact.
LINKCHECKER_CONTACT = env.str("LINKCHECKER_CONTACT", default="") or SECURITY_CONTACT
# Seconds to wait for an answer, and requests per second to any one host.
LINKCHECKER_TIMEOUT = 10
LINKCHECKER_REQUESTS_PER_SECOND = 1.0
