from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, factories and the demo PDF generator: installed in dev and test only, so
    production carries neither the factory libraries nor reportlab."""

    name = "demo"
    verbose_name = "Demo"
