"""The per-host limit, with a clock the test controls: each host gets its own pace, and a host
asked again too soon waits exactly until its next slot."""

from linkchecker.external import HostRateLimiter, user_agent
from linkchecker.run import interleaved_by_host


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(round(seconds, 6))
        self.now += seconds


def test_a_host_waits_for_its_next_slot_and_other_hosts_do_not():
    clock = FakeClock()
    limiter = HostRateLimiter(2, clock=clock, sleep=clock.sleep)
    starts = []
    for host in ["a.example", "a.example", "b.example", "a.example"]:
        limiter.wait(host)
        starts.append((host, clock.now))
    assert clock.slept == [0.5, 0.5]
    assert starts == [
        ("a.example", 100.0),
        ("a.example", 100.5),
        ("b.example", 100.5),
        ("a.example", 101.0),
    ]


def test_no_wait_once_the_slot_has_passed():
    clock = FakeClock()
    limiter = HostRateLimiter(1, clock=clock, sleep=clock.sleep)
    limiter.wait("a.example")
    clock.now += 5
    limiter.wait("a.example")
    assert clock.slept == []


def test_addresses_take_turns_by_host():
    urls = [
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/3",
        "https://b.example/1",
        "http://[bad",
    ]
    order = interleaved_by_host(urls)
    assert sorted(order) == sorted(urls)
    hosts = [url.split("/")[2] for url in order if "example" in url]
    assert hosts[:4] == ["a.example", "b.example", "a.example", "a.example"]


def test_the_user_agent_names_the_portal_its_address_and_a_contact(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://leerwerkportaal.example.nl"
    settings.LINKCHECKER_CONTACT = "mailto:web@leerwerkportaal.example.nl"
    assert user_agent() == (
        "Leerwerkportaal-linkcontrole/1.0 "
        "(+https://leerwerkportaal.example.nl; mailto:web@leerwerkportaal.example.nl)"
    )


def test_the_contact_comes_from_the_environment_else_the_security_contact(tmp_path):
    from tests.home.test_settings import read_settings

    values = read_settings(
        tmp_path,
        "LINKCHECKER_CONTACT",
        extra_env={"LINKCHECKER_CONTACT": "mailto:web@leerwerkportaal.example.nl"},
    )
    assert values["LINKCHECKER_CONTACT"] == "mailto:web@leerwerkportaal.example.nl"
    values = read_settings(tmp_path, "LINKCHECKER_CONTACT", "SECURITY_CONTACT")
    assert values["LINKCHECKER_CONTACT"] == values["SECURITY_CONTACT"]
