"""On the demo site the internal check runs clean: every page and document link of the demo
content works, so a broken link in the report means something, and no other site is asked."""

import io

import pytest
from django.core.management import call_command

from linkchecker.models import CheckedLink

pytestmark = pytest.mark.django_db


def test_the_demo_site_has_no_broken_internal_link(outside):
    call_command("load_demo_content", stdout=io.StringIO())
    out = io.StringIO()
    call_command("check_links", "--internal-only", stdout=out)
    assert outside.log == []
    internal = CheckedLink.objects.filter(kind=CheckedLink.Kind.INTERNAL)
    assert internal.exists()
    assert list(internal.filter(broken=True).values_list("url", "error")) == []
    assert "0 kapot" in out.getvalue()
