"""The test database, reachable from another process: for tests that start Django processes of
their own against the data the test made (transactional tests, so the data is committed)."""

import sqlite3

from django.db import connection


def shared_database_url(folder):
    """A database URL the worker process reaches: the PostgreSQL test database itself, or (on
    SQLite, whose test database lives in this process's memory) a file copy of it."""
    if connection.vendor == "sqlite":
        path = folder / "db.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}", path
    params = connection.settings_dict
    host = params["HOST"] or params["OPTIONS"].get("host", "")
    user = params["USER"]
    netloc = f"{user}:{params['PASSWORD']}@" if params["PASSWORD"] else f"{user}@"
    if host.startswith("/"):
        return f"postgres://{netloc}/{params['NAME']}?host={host}", None
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgres://{netloc}{host}{port}/{params['NAME']}", None
