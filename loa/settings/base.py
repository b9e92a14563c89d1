"""Settings shared by every environment.

All configuration comes from environment variables, read here and only here.
With none set, Loa runs the embedded default: SQLite in WAL mode, local-memory
cache, media on the filesystem and the database task backend.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from loa.core.log_filters import CLIENT_ERROR_LOGGERS
from loa.core.storage_settings import object_storages
from loa.security.policy import admin_directives, object_storage_origins, public_directives

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "loa"
VAR_DIR = Path(os.environ.get("LOA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The embedded default generates a key per checkout (see loa.core.secret); production must set one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("LOA_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "loa.core",
    "loa.home",
    "loa.news",
    "loa.media",
    "loa.stats",
    "loa.widgets",
    "loa.newsroom",
    "loa.search",
    "loa.royalties",
    "loa.legal",
    "loa.schedule",
    "loa.qa",
    "loa.ratings",
    "loa.about",
    "loa.feeds",
    "loa.procedures",
    "loa.security",
    "loa.backup",
    "wagtail.contrib.forms",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost, so stored pages carry every header; hits normally never get here (loa/wsgi.py).
    "loa.core.pagecache.PageCacheMiddleware",
    # With read replicas: which database this request reads from (loa.core.db_router).
    "loa.core.db_router.ReplicaRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (loa.security.csp): the page cache above stores it with each page.
    "loa.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone (/en/… English, anything else Vietnamese): see loa.about.middleware.
    "loa.about.middleware.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "loa.core.versioning.ContentVersionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF has parsed the form: query strings and form fields in Unicode NFC (loa.core.unicode).
    "loa.core.unicode.UnicodeNormalisationMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "loa.security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "loa.urls"
WSGI_APPLICATION = "loa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "loa.core.context_processors.portal",
                "loa.about.context_processors.site_language",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects PostgreSQL (postgres://...) or another SQLite file.
# SQLite runs in WAL mode with IMMEDIATE transactions so that concurrent
# writers (the beacon, the worker) queue on the lock instead of failing.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=30000;PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}


def database_config(url: str | None) -> dict:
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'loa.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("LOA_DB_CONN_MAX_AGE", "60")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        config["CONN_HEALTH_CHECKS"] = True
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


def replica_config(url: str) -> dict:
    """A replica's connection: the primary's options, and a connect timeout so a dead one fails fast."""
    config = {**database_config(url), "TEST": {"MIRROR": "default"}}
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["OPTIONS"] = {"connect_timeout": 2, **config.get("OPTIONS", {})}
    return config


DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"))}
# Read replicas (loa.core.db_router): DATABASE_REPLICA_URLS="postgres://…,postgres://…" become the
# aliases replica1, replica2…; a web request reads from one outside transactions until it writes.
DATABASES.update(
    {f"replica{number}": replica_config(url) for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1)}
)
LOA_DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
# A replica that failed is left alone this long; a browser that wrote and was redirected reads
# from the primary this long, so an editor or a citizen sees what they just saved.
LOA_REPLICA_RETRY_SECONDS = float(os.environ.get("LOA_REPLICA_RETRY_SECONDS", "10"))
LOA_REPLICA_PIN_SECONDS = int(os.environ.get("LOA_REPLICA_PIN_SECONDS", "10"))
DATABASE_ROUTERS = ["loa.core.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and counters ---------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "loa.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("LOA_CACHE_PREFIX", "loa"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "loa",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Whole pages for anonymous readers (loa.core.pagecache): in this process's memory in the
# embedded default (the version mirror is then a file in var/), in Redis when it is set.
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "loa.core.pagecache.PageMemCache",
        "LOCATION": "loa-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LOA_PAGE_CACHE_ENTRIES", "1000"))},
    }
# Seconds a page is served from the cache (0: no page cache) and how long a CDN may serve it
# stale while it fetches a fresh copy. Changes show at once on Loa's own processes; a CDN or
# nginx holding pages longer needs the front-end purge (docs/deploy.md).
LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_SECONDS", "60"))
LOA_PAGE_CACHE_STALE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_STALE_SECONDS", "300"))
LOA_PAGE_CACHE_VERSION_FILE = os.environ.get("LOA_PAGE_CACHE_VERSION_FILE", str(VAR_DIR / "page-cache-version"))
# Front-end caches told to forget changed pages (loa/core/frontend_purge.py): nginx or Varnish
# answering PURGE (LOA_FRONTEND_CACHE, comma-separated, one address per cache) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {
    f"http-{number}": {"BACKEND": "loa.core.frontend_purge.HTTPPurgeBackend", "LOCATION": location}
    for number, location in enumerate(env_list("LOA_FRONTEND_CACHE"))
}
if os.environ.get("LOA_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "loa.core.frontend_purge.CloudflarePurgeBackend",
        "ZONEID": os.environ["LOA_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("LOA_CLOUDFLARE_BEARER_TOKEN", ""),
        "API_URL": os.environ.get("LOA_CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4"),
    }
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []  # page URLs already carry their /en/ prefix

# Wagtail looks up image renditions in this cache before the database.
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"].get("KEY_PREFIX", "loa") + "-renditions"}
if "LOCATION" in CACHES["renditions"] and not REDIS_URL:
    CACHES["renditions"]["LOCATION"] = "loa-renditions"

# --- E-mail (workflow notifications) ----------------------------------------
# Printed to the console unless an SMTP server is configured: EMAIL_HOST=smtp.example.gov.vn
# EMAIL_PORT=587 EMAIL_HOST_USER=… EMAIL_HOST_PASSWORD=… EMAIL_USE_TLS=true (or EMAIL_USE_SSL=true).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true" if EMAIL_PORT == 587 else "false").lower() == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() == "true"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cổng thông tin điện tử <no-reply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# --- Tasks ------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("LOA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Pages exist in Vietnamese and English (NĐ 42/2022 Điều 7: agency information in English).
# Vietnamese URLs carry no prefix; English pages live under /en/ (loa/urls.py, i18n_patterns).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Loa's own strings first, then the completed admin catalogue (locale/admin/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "admin"]

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LOA_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("LOA_MEDIA_ROOT", VAR_DIR / "media"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Citizens' Hỏi đáp attachments, never public: LOA_QA_PRIVATE_ROOT below (loa.qa.attachments).
    "private": {"BACKEND": "loa.core.private_files.PrivateFileSystemStorage"},
    # LOA_S3_BUCKET (+ LOA_S3_*): uploads and private files in S3-compatible object storage.
    **object_storages(os.environ),
}
# The embedded default has no web server in front, so the app serves media itself
# (never when media live in object storage: their URLs point at the bucket or CDN).
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", STORAGES["default"]["BACKEND"].endswith(".FileSystemStorage"))
# The request header that holds the client's address behind a trusted proxy, as Django's
# META key (e.g. HTTP_X_REAL_IP with nginx's `proxy_set_header X-Real-IP $remote_addr`).
# Empty: REMOTE_ADDR. Rate limits (loa.core.ratelimit) count per client address.
LOA_CLIENT_IP_HEADER = os.environ.get("LOA_CLIENT_IP_HEADER", "")
# Hỏi đáp: the form's time check (seconds) and where citizens' attachments are kept (never under MEDIA_ROOT).
LOA_QA_MIN_SECONDS = float(os.environ.get("LOA_QA_MIN_SECONDS", "3"))
LOA_QA_MAX_AGE_SECONDS = float(os.environ.get("LOA_QA_MAX_AGE_SECONDS", str(3 * 3600)))
LOA_QA_PRIVATE_ROOT = os.environ.get("LOA_QA_PRIVATE_ROOT", "")  # empty: VAR_DIR/private
# Satisfaction ratings accepted per client address per window (seconds).
LOA_RATINGS_RATE_LIMIT = int(os.environ.get("LOA_RATINGS_RATE_LIMIT", "20"))
LOA_RATINGS_RATE_WINDOW = int(os.environ.get("LOA_RATINGS_RATE_WINDOW", "600"))
# Beacons accepted per client address (IPv6: per /64) per window (seconds); 0 turns the limit off.
LOA_BEACON_RATE_LIMIT = int(os.environ.get("LOA_BEACON_RATE_LIMIT", "600"))
LOA_BEACON_RATE_WINDOW = int(os.environ.get("LOA_BEACON_RATE_WINDOW", "60"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
# A multipart body (a form with a file) larger than this is refused outside the admin before
# Django reads it to disk (loa.core.uploads.PublicUploadLimit); nginx's client_max_body_size
# (25m, deploy/nginx) is the same limit in front. The Hỏi đáp attachment limit is a site setting below it.
LOA_PUBLIC_UPLOAD_MAX_BYTES = int(os.environ.get("LOA_PUBLIC_UPLOAD_MAX_MB", "25")) * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "loa.core.uploads.PublicUploadLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("LOA_SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("LOA_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# Every image needs its alt text (the description field) before it is saved: loa.core.image_forms.
WAGTAILIMAGES_IMAGE_FORM_BASE = "loa.core.image_forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip"]
# A document's first bytes must match its extension (a page or a program renamed .pdf is refused),
# and its name is made safe: loa.core.uploads.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "loa.core.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "AUDIO_EXTENSIONS": ["aac", "m4a", "mp3", "oga", "ogg", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov"],
    "MEDIA_FORM_BASE": "loa.media.forms.MediaForm",
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are uploaded, never fetched from gravatar.com: a state portal's admin makes no
# third-party requests that disclose its staff's e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "loa.core.admin_forms.LoginForm"
# Slugs like "hoi-nghi-tong-ket", not percent-encoded Vietnamese, in every URL a citizen shares.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True

# --- Loa ------------------------------------------------------------------
# Open-Meteo forecast endpoint; tests point it at a local replay server.
LOA_WEATHER_URL = os.environ.get("LOA_WEATHER_URL", "https://api.open-meteo.com/v1/forecast")
LOA_WEATHER_TIMEOUT = float(os.environ.get("LOA_WEATHER_TIMEOUT", "2"))
# Minutes between weather refreshes, and after how long data is shown as stale.
LOA_WEATHER_REFRESH_MINUTES = int(os.environ.get("LOA_WEATHER_REFRESH_MINUTES", "30"))
LOA_WEATHER_STALE_MINUTES = int(os.environ.get("LOA_WEATHER_STALE_MINUTES", "120"))
LOA_WEATHER_HIDE_HOURS = int(os.environ.get("LOA_WEATHER_HIDE_HOURS", "24"))
# A reader reloading the same article within this many seconds is counted once.
LOA_VIEW_DEDUP_SECONDS = int(os.environ.get("LOA_VIEW_DEDUP_SECONDS", "600"))
# A visit is a reader's first beacon after this many seconds of silence.
LOA_VISIT_SECONDS = int(os.environ.get("LOA_VISIT_SECONDS", "1800"))
# "Online now" counts visitors seen within this many seconds.
LOA_ONLINE_SECONDS = int(os.environ.get("LOA_ONLINE_SECONDS", "300"))
# Counters go to Redis when set (defaults to REDIS_URL), else straight to the database.
LOA_COUNTER_REDIS_URL = os.environ.get("LOA_COUNTER_REDIS_URL", REDIS_URL)
# Key prefix of the counters in Redis: give each portal sharing a Redis its own.
LOA_COUNTER_PREFIX = os.environ.get("LOA_COUNTER_PREFIX", "loa:stats:")

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- Security: sign-in, passwords, Content-Security-Policy (loa.security) ----
# django-axes counts failed admin sign-ins per (user name, client address); the backend
# refuses a locked pair before Django checks the password.
AUTHENTICATION_BACKENDS = ["loa.security.lockout.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "loa.core.ratelimit.client_ip"
AXES_USERNAME_CALLABLE = "loa.security.lockout.username_for_lockout"
AXES_LOCKOUT_CALLABLE = "loa.security.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # Django's own admin is not mounted
AXES_VERBOSE = False  # no banner on every command; failures and lockouts are still logged
AXES_SENSITIVE_PARAMETERS: list[str] = []  # …with the user name and address, which axes masks by default
# Two-step sign-in (loa.security.two_factor): anyone may turn it on in their account; members
# of these groups (comma-separated, e.g. "Quản trị") and then superusers too must use it.
LOA_2FA_REQUIRED_GROUPS = env_list("LOA_2FA_REQUIRED_GROUPS")
OTP_TOTP_THROTTLE_FACTOR = 1  # each wrong code doubles the wait before the next try (1 s, 2 s, 4 s…)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One policy for readers (nothing inline: public pages are cached, so no nonces), a looser one
# for the admin (loa.security.policy). Video players other than YouTube/Vimeo, or images from
# elsewhere: LOA_CSP_FRAME_SOURCES / LOA_CSP_IMAGE_SOURCES (comma-separated origins).
_CSP_OPTIONS = {
    "media_url": MEDIA_URL,
    "static_url": STATIC_URL,
    "media_sources": object_storage_origins(os.environ) + env_list("LOA_CSP_MEDIA_SOURCES"),
    "extra_frame_sources": env_list("LOA_CSP_FRAME_SOURCES"),
    "extra_image_sources": env_list("LOA_CSP_IMAGE_SOURCES"),
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(**_CSP_OPTIONS)}
LOA_CSP_ADMIN_DIRECTIVES = admin_directives(**_CSP_OPTIONS)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Bad requests from clients (unknown Host, oversized body…) are warnings, not errors: loa.core.log_filters.
    "filters": {"client_errors": {"()": "loa.core.log_filters.ClientErrorFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOA_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        **{name: {"filters": ["client_errors"]} for name in CLIENT_ERROR_LOGGERS},
    },
}
