"""CPU time per page view in-process, with production settings: a steadier figure than req/s on
a shared machine, and a profile of where the time goes.

    .venv/bin/python bench/profile_pages.py                  # CPU ms per request
    .venv/bin/python bench/profile_pages.py --profile /regelingen/impuls-baankansen/
    .venv/bin/python bench/profile_pages.py -n 200 --rounds 9 / /beleid/

Builds a fresh SQLite database with the demo content in a temporary folder (as bench/serve.sh
does), warms every page up, then times the requests through Django's test client (the whole
middleware stack, no page cache): the lowest of several rounds, and the median.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import cProfile  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

URLS = [
    "/",
    "/regelingen/impuls-baankansen/",
    "/goede-voorbeelden/?doelgroep=vso",
    "/beleid/informatienota-impuls-baankansen-2019/",
    "/goede-voorbeelden/boris-brengt-je-bij-n-baan/",
    "/regelingen/",
    "/aanmelden/vrijstelling/",
]


def setup(work):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
        MEDIA_ROOT=f"{work}/media",
        PRIVATE_MEDIA_ROOT=f"{work}/private_media",
        STATIC_ROOT=f"{work}/static",
        DATABASE_URL=f"sqlite:///{work}/db.sqlite3",
        PAGE_CACHE_SECONDS="0",
        # Production refuses a cache of each process's own; a folder, as on one machine.
        CACHE_URL=os.environ.get("CACHE_URL", f"file://{work}/cache"),
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    # The demo app is not installed in production: load the content with the dev settings.
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "load_demo_content", "--reset"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    call_command("collectstatic", interactive=False, verbosity=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="*", default=URLS)
    parser.add_argument("-n", type=int, default=100, help="requests per URL and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument(
        "--pyinstrument", action="store_true", help="print a pyinstrument tree (if installed)"
    )
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-profile.") as work:
        setup(work)
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        for url in args.urls:
            for _ in range(20):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        if args.profile or args.pyinstrument:
            for url in args.urls:
                profile(client, url, args)
            return
        # Rounds over all URLs in turn, so a busy moment of the machine hits every URL alike;
        # the lowest round is the least disturbed.
        times = {url: [] for url in args.urls}
        for _ in range(args.rounds):
            for url in args.urls:
                start = time.process_time()
                for _ in range(args.n):
                    client.get(url)
                times[url].append((time.process_time() - start) * 1000 / args.n)
        for url, ms in times.items():
            ms.sort()
            print(f"{url}: {ms[0]:.2f} CPU ms/request (median {ms[len(ms) // 2]:.2f})")


def profile(client, url, args):
    profiler = cProfile.Profile() if args.profile else None
    sampler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.0002)
        sampler.start()
    start = time.process_time()
    if profiler:
        profiler.enable()
    for _ in range(args.n):
        client.get(url)
    if profiler:
        profiler.disable()
    ms = (time.process_time() - start) * 1000 / args.n
    print(f"{url}: {ms:.2f} CPU ms/request, profiled", flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)
    if sampler:
        sampler.stop()
        print(sampler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
