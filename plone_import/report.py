"""The import report: counts per type and state, and every item that needs a person's attention."""

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field


@dataclass
class Report:
    source: str = ""
    layout: str = ""
    dry_run: bool = False
    items_read: int = 0
    by_type: dict = field(default_factory=lambda: defaultdict(Counter))
    by_state: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)  # pages / documents / images / redirects
    skipped: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    unresolved_links: list = field(default_factory=list)
    unknown_blocks: list = field(default_factory=list)
    ignored_blocks: Counter = field(default_factory=Counter)
    missing_blobs: list = field(default_factory=list)
    not_reproduced: list = field(default_factory=list)
    dropped: list = field(default_factory=list)  # fields and formatting without a place

    def count(self, portal_type, action, state=None):
        self.by_type[portal_type][action] += 1
        if state is not None:
            self.by_state[state or "zonder status"] += 1

    def skip(self, entry, reason):
        self.skipped.append({**_where(entry), "reason": reason})

    def error(self, entry, reason):
        self.errors.append({**_where(entry), "reason": reason})

    def as_dict(self):
        return {
            "source": self.source,
            "layout": self.layout,
            "dry_run": self.dry_run,
            "items_read": self.items_read,
            "by_type": {t: dict(c) for t, c in sorted(self.by_type.items())},
            "by_state": dict(sorted(self.by_state.items())),
            "created": dict(self.created),
            "skipped": self.skipped,
            "errors": self.errors,
            "unresolved_links": self.unresolved_links,
            "unknown_blocks": self.unknown_blocks,
            "ignored_blocks": dict(self.ignored_blocks),
            "missing_blobs": self.missing_blobs,
            "not_reproduced": self.not_reproduced,
            "dropped": self.dropped,
        }

    def write_json(self, path):
        # A source path with bytes that are not UTF-8 is written as a JSON \udcxx escape.
        with open(path, "w", encoding="utf-8", errors="backslashreplace") as fh:
            json.dump(self.as_dict(), fh, ensure_ascii=False, indent=2)

    def summary(self, limit=20):
        """A readable summary for the terminal (Dutch, like the rest of what editors see)."""
        lines = [
            f"Bron: {self.source} ({self.layout})"
            + (" -- PROEFDRAAI, niets opgeslagen" if self.dry_run else ""),
            f"Items gelezen: {self.items_read}",
            "Per type:",
        ]
        for portal_type, counter in sorted(self.by_type.items()):
            parts = ", ".join(f"{k}: {v}" for k, v in sorted(counter.items()))
            lines.append(f"  {portal_type}: {parts}")
        if self.by_state:
            lines.append(
                "Per status: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.by_state.items()))
            )
        if self.created:
            lines.append(
                "Aangemaakt/bijgewerkt: "
                + ", ".join(f"{k}: {v}" for k, v in sorted(self.created.items()))
            )
        for title, rows in (
            ("Overgeslagen", self.skipped),
            ("Fouten", self.errors),
            ("Niet gevonden links", self.unresolved_links),
            ("Onbekende blokken", self.unknown_blocks),
            ("Ontbrekende bestanden", self.missing_blobs),
            ("Niet overgenomen", self.not_reproduced),
            ("Weggelaten velden en opmaak", self.dropped),
        ):
            if not rows:
                continue
            lines.append(f"{title} ({len(rows)}):")
            for row in rows[:limit]:
                lines.append("  - " + ", ".join(f"{k}={v}" for k, v in row.items() if v))
            if len(rows) > limit:
                lines.append(f"  ... en nog {len(rows) - limit} (zie --report)")
        if self.ignored_blocks:
            lines.append(
                "Bewust weggelaten blokken: "
                + ", ".join(f"{k}: {v}" for k, v in sorted(self.ignored_blocks.items()))
            )
        return "\n".join(lines)


def _where(entry):
    if entry is None:
        return {}
    if isinstance(entry, dict):
        return entry
    return {"uid": entry.uid, "path": entry.path, "type": entry.portal_type}


class ProgressBar:
    """A carriage-return bar on a terminal; silent when output goes to a file or pipe.

    Hand-written rather than a library: twenty lines, no new dependency to pin and audit.
    """

    def __init__(self, total, stream=None, width=30):
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = -1

    def update(self, done, label=""):
        if not self.enabled:
            return
        percent = int(done * 100 / self.total)
        if percent == self._last and done != self.total:
            return
        self._last = percent
        filled = int(self.width * done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {percent:3d}% {done}/{self.total} {label[:40]:<40}")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
