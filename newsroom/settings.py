"""Settings read from the environment, with defaults that suit a developer's machine.

Production sets DJANGO_SECRET_KEY, DJANGO_DEBUG=0, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "import_export",
    "simple_history",
    "axes",
    "articles",
    "entities",
    "search",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.request_guard.RefuseNulCharactersMiddleware",
    # Readers' cache hits are answered here, before sessions, auth and the rest run.
    "newsroom.caching.PublicPageCacheMiddleware",
    # Inside the page cache: a cached page keeps the header it was stored with.
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: answers a locked-out login with its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

# The reader site's pages in Jinja2 (reader_templates/; newsroom.templating says why), the
# admin's in Django's template language (templates/). Jinja2 is asked first: the hot path.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "reader_templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "newsroom.templating.environment",
            "context_processors": ["articles.context_processors.site_links"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site_links",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer (WAL, switched on by `newsroom.sqlite` as a connection
    # opens); a writer waits its turn instead of failing (IMMEDIATE takes the write lock when a
    # transaction starts, so `timeout` applies).
    DATABASES["default"]["OPTIONS"] = {
        # A 64 MB page cache and memory-mapped reads: the search index is large and hot.
        "init_command": (
            "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
            " PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Prepared statements: planning was ~70 % of the server's time on the article page's two
    # statements (EXPLAIN ANALYZE: 0.28 ms planning, 0.11 ms execution). psycopg prepares a
    # statement once a connection has run it DJANGO_DB_PREPARE_THRESHOLD times; that needs
    # server-side binding (Django's default client-side binding never prepares). Behind a
    # transaction-pooling PgBouncer older than 1.21, set DJANGO_DB_PREPARE_THRESHOLD=off.
    _threshold = os.environ.get("DJANGO_DB_PREPARE_THRESHOLD", "2")
    if _threshold != "off":
        DATABASES["default"]["OPTIONS"] = {
            "server_side_binding": True,
            "prepare_threshold": int(_threshold),
            **DATABASES["default"].get("OPTIONS", {}),
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
FORMAT_MODULE_PATH = ["newsroom.formats"]  # the site's date formats, in one place
LOCALE_PATHS = [BASE_DIR / "locale"]  # Chinese for strings a library left untranslated
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
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

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.join_tags"

LOGIN_URL = "admin:login"

# --- Production serving (README: "Serving in production") ---------------------------------

# HTTPS. Behind a TLS-terminating proxy that sets X-Forwarded-Proto, set
# DJANGO_BEHIND_TLS_PROXY=1; every HTTPS setting then defaults to on.
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HTTPS = env_bool("DJANGO_HTTPS", BEHIND_TLS_PROXY)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Login throttling (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failed logins a user name,
# and separately the address they came from, is refused for DJANGO_LOGIN_COOLOFF_MINUTES;
# a successful login resets the count. Attempts and lockouts are listed in the admin (AXES).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
if BEHIND_TLS_PROXY:
    # The client's address is the one the proxy appended to X-Forwarded-For (django-ipware).
    AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "1"))
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Content-Security-Policy (django-csp; newsroom/security.py relaxes styles for the admin).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Cache: one process's memory by default; Redis (shared by every worker and machine) when
# REDIS_URL is set, e.g. redis://127.0.0.1:6379/0.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "newsroom"),
            # An unreachable Redis must cost a request milliseconds, not a hang: the page
            # cache then serves uncached (newsroom/caching.py, "Outages").
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Pages a worker keeps (SCALING.md, "What the profile showed"): readers spread by
            # Zipf over a 100,000-article archive, 5,000 held 70 % hits, 20,000 78 %; an
            # article page is 5-15 KB, so 20,000 are at most ~300 MB a worker.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_LOCAL_CACHE_ENTRIES", "20000"))},
        }
    )
}
# Public pages for anonymous readers (newsroom/caching.py): kept this many seconds at most in
# the page cache and by CDNs (s-maxage), never past the next scheduled publication; browsers
# revalidate (max-age=0, ETag). 0 turns the page cache off and tells CDNs not to keep pages.
PUBLIC_CACHE_SECONDS = int(os.environ.get("DJANGO_PUBLIC_CACHE_SECONDS", "300"))
# With a per-process cache, workers learn of a content change through this small file.
PUBLIC_CACHE_GENERATION_FILE = Path(
    os.environ.get("DJANGO_PUBLIC_CACHE_GENERATION_FILE", BASE_DIR / "var" / "cache-generation")
)

# Logs go to stdout, where gunicorn, systemd or a container runtime collects them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # axes announces its version at every start: noise in a command's piped stdout
        "axes.apps": {"level": "WARNING"},
    },
}
