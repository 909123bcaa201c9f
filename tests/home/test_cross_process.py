"""Freshness across processes: one process edits, another (with the anonymous page cache on)
serves the pages; they share a database and a cache (a file cache), as web and admin processes
do behind CACHE_URL. Every change shows in the other process on its next request."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

SETUP = """
from django.core.management import call_command
call_command("migrate", verbosity=0)
from wagtail.models import Site
from goodpractices.models import Doelgroep, GoodPracticeIndexPage, GoodPracticePage
from home.models import ContentPage
home = Site.objects.get(is_default_site=True).root_page.specific
section = home.add_child(instance=ContentPage(title="Sectie", slug="sectie", show_in_menus=True))
page = section.add_child(instance=ContentPage(title="Pagina", slug="pagina", summary="Eerste"))
index = home.add_child(instance=GoodPracticeIndexPage(title="Goede voorbeelden", slug="gv"))
practice = index.add_child(instance=GoodPracticePage(title="Stages", slug="stages"))
practice.target_groups.set([Doelgroep.objects.create(name="VSO", slug="vso")])
practice.save()
"""

PAGE = "from home.models import ContentPage\npage = ContentPage.objects.get(slug='pagina')\n"


class Worker:
    def __init__(self, env):
        self.process = subprocess.Popen(  # noqa: S603 - our own script, no shell
            [sys.executable, str(Path(__file__).with_name("cross_process_worker.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )

    def ask(self, command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def run(self, code):
        return self.ask({"run": code})["result"]

    def get(self, url):
        answer = self.ask({"get": url})
        return answer["status"], answer["body"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def processes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cross_process")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "tests.home.cross_process_settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "PORTAL_TEST_CACHE_DIR": str(folder / "cache"),
    }
    editor = Worker(env)
    editor.run(SETUP)
    web = Worker(env)
    yield web, editor
    web.stop()
    editor.stop()


def test_publish_unpublish_move_and_delete_show_in_the_other_process(processes):
    web, editor = processes
    assert "Eerste" in web.get("/sectie/pagina/")[1]
    assert web.get("/sectie/pagina/")[1] == web.get("/sectie/pagina/")[1]  # from the page cache

    editor.run(PAGE + "page.summary = 'Tweede'\npage.save_revision().publish()")
    assert "Tweede" in web.get("/sectie/pagina/")[1]

    editor.run(PAGE + "page.unpublish()")
    assert web.get("/sectie/pagina/")[0] == 404
    assert 'href="/sectie/pagina/"' not in web.get("/sectie/")[1]

    editor.run(PAGE + "page.save_revision().publish()")
    assert web.get("/sectie/pagina/")[0] == 200

    editor.run(PAGE + "page.move(page.get_parent().get_parent(), pos='last-child')")
    assert web.get("/sectie/pagina/")[0] == 301
    status, body = web.get("/pagina/")
    assert status == 200 and re.search(r'rel="canonical" href="http://[a-z]+/pagina/"', body)
    assert ">Sectie</a>" in body  # the menu

    editor.run(
        "from home.models import ContentPage\nContentPage.objects.get(slug='sectie').delete()"
    )
    assert web.get("/sectie/")[0] == 404
    assert ">Sectie</a>" not in web.get("/pagina/")[1]


def test_edited_taxonomy_and_settings_show_in_the_other_process(processes):
    web, editor = processes
    assert '<span class="tag">VSO</span>' in web.get("/gv/")[1]
    editor.run(
        "from goodpractices.models import Doelgroep\n"
        "term = Doelgroep.objects.get(slug='vso')\n"
        "term.name = 'Voortgezet speciaal onderwijs'\nterm.save()"
    )
    assert '<span class="tag">Voortgezet speciaal onderwijs</span>' in web.get("/gv/")[1]

    assert "Leerwerkloket Kust" not in web.get("/gv/")[1]
    editor.run(
        "from wagtail.models import Site\nfrom home.models import OrganisationSettings\n"
        "settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))\n"
        "settings.name = 'Leerwerkloket Kust'\nsettings.save()"
    )
    assert "Leerwerkloket Kust" in web.get("/gv/")[1]
