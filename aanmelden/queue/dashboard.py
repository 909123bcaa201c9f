"""Home panels of the Wagtail dashboard: one per queue the user may see (open, waiting longest,
new this week). Three small queries per queue, whatever the number of submissions."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

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
    template_name = "aanmelden/queue/home_panel.html"
    order = 90

    def __init__(self, model, model_admin):
        self.model = model
        self.model_admin = model_admin
        self.name = f"queue_{model._meta.model_name}"

    def get_context_data(self, parent_context):
        context = queue_summary(self.model)
        helper = self.model_admin.url_helper
        context.update(
            {
                "title": self.model_admin.get_menu_label(),
                "index_url": helper.index_url,
                "oldest_url": (
                    helper.get_action_url("inspect", context["oldest"].pk)
                    if context["oldest"]
                    else None
                ),
                "panel_id": self.name,
            }
        )
        return context
