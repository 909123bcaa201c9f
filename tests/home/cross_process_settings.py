"""Test settings for a web process that shares its cache with other processes (a file cache in
the folder PORTAL_TEST_CACHE_DIR names), with the anonymous page cache on."""

import os

from portal.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["PORTAL_TEST_CACHE_DIR"],
    }
}
PAGE_CACHE_SECONDS = 300
