"""Reading the environment for the settings: django-environ, plus the cache URLs the README names.

django-environ maps redis:// to django-redis whenever that package happens to be installed and
knows a folder only as filecache://; the portal documents redis:// on Django's own backend and
file:///folder, so both are fixed here instead of depending on what else is installed.
"""

from urllib.parse import urlparse

import environ

REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"
# Backends that cull old entries themselves and so read MAX_ENTRIES from OPTIONS.
CULLING_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    FILE_CACHE,
    "django.core.cache.backends.db.DatabaseCache",
}


class Env(environ.Env):
    """django-environ's Env with redis://, rediss:// and file:// cache URLs fixed as above."""

    CACHE_SCHEMES = {
        **environ.Env.CACHE_SCHEMES,
        "redis": REDIS_CACHE,
        "rediss": REDIS_CACHE,
        "file": FILE_CACHE,
    }

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        """Values taken literally: django-environ reads "$NAME" as another variable's name, which
        would silently swap a password or key that starts with "$" for that variable's value."""
        value = self.ENVIRON.get(f"{self.prefix}{var}")
        if isinstance(value, str) and value.startswith("$"):
            return self.parse_value(value, cast)
        return super().get_value(var, cast=cast, default=default, parse_default=parse_default)

    @classmethod
    def cache_url_config(cls, url, backend=None):
        config = super().cache_url_config(url, backend=backend)
        parsed = url if isinstance(url, cls.URL_CLASS) else urlparse(url)
        if parsed.scheme == "file":
            # file:///var/cache/portal: the folder is the path (netloc only for file://relative).
            config["LOCATION"] = parsed.netloc + parsed.path
        return config

    def cache_with_max_entries(self, var, default, max_entries):
        """The cache URL's config; a culling backend keeps max_entries unless the URL says."""
        config = self.cache_url(var, default=default)
        if config["BACKEND"] in CULLING_CACHES:
            config.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", max_entries)
        return config


def rate(name, value):
    """'10/3600' in the variable ``name``: at most 10 per visitor address per 3600 seconds, as
    (10, 3600)."""
    from django.core.exceptions import ImproperlyConfigured

    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must look like 10/3600 (count/seconds), not {value!r}."
        ) from None
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name} needs at least 1 in 1 second.")
    return (count, seconds)
