"""Home panels of the Wagtail dashboard: one per queue the user may see (open, waiting longest,
new this week). Three small queries per queue, whatever the number of submissions."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import admin_urls
from .workflow import open_statuses


def queue_summary(model, now=None):
    now = now or timezone.now()
    open_items = model.objects.filter(status__in=open_statuses(model))
    oldest = open_items.order_by("received_at").only("pk", "reference", "received_at").first()
    return {
        "open": open_items.count(),
        "oldest": oldest,
        "oldest_days": (now - oldest.received_at).days if oldest else None,
        "new_this_week": model.objects.filter(
            received_at__gte=now - datetime.timedelta(days=7)
        ).count(),
    }


class QueuePanel(Component):
    template_name = "moderation/home_panel.html"
    order = 90

    def __init__(self, model, title):
        self.model = model
        self.title = title
        self.name = f"queue_{model._meta.model_name}"

    def get_context_data(self, parent_context):
        context = queue_summary(self.model)
        context.update(
            {
                "title": self.title,
                "index_url": admin_urls.index_url(self.model),
                "oldest_url": (
                    admin_urls.inspect_url(context["oldest"]) if context["oldest"] else None
                ),
                "panel_id": self.name,
            }
        )
        return context
