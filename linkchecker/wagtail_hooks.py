from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import BrokenLinksReportView, permission_policy


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/linkcontrole/", BrokenLinksReportView.as_view(), name="linkchecker_report"),
        path(
            "reports/linkcontrole/results/",
            BrokenLinksReportView.as_view(results_only=True),
            name="linkchecker_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return BrokenLinksMenuItem(
        _("Linkcontrole"),
        reverse("linkchecker_report"),
        name="linkcontrole",
        icon_name="link",
        order=1300,
    )
