"""Create (or recover) the local admin account for `make run` and print its login.

The password is random and kept in .local-admin (git-ignored), so a re-run prints the same login.
The second factor is set up here too (an authenticator key and fresh recovery codes, printed), so
the printed lines are all a new developer needs. Refuses to run outside DEBUG: production
accounts are made with createsuperuser and enrol themselves at their first sign-in.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from staffauth.devices import APP_DEVICE_NAME, manual_key, new_recovery_codes

USERNAME = "admin"
PASSWORD_FILE = settings.BASE_DIR / ".local-admin"


class Command(BaseCommand):
    help = "Maakt het lokale beheerdersaccount aan en toont de inloggegevens (alleen met DEBUG)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor lokale ontwikkeling (DEBUG=True).")
        User = get_user_model()
        password = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(USERNAME, "admin@example.org", password)
            else:
                user.set_password(password)
                user.is_active = user.is_staff = user.is_superuser = True
                user.save()
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME)
        codes = new_recovery_codes(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Beheer: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/  "
                f"gebruikersnaam: {USERNAME}  wachtwoord: {password}\n"
                f"Tweede stap: een van deze herstelcodes (elk één keer): {' '.join(codes)}\n"
                f"of de code uit een authenticator-app met sleutel: {manual_key(device)}"
            )
        )
