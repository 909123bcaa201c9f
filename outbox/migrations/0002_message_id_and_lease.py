"""Every mail gets its Message-ID when it is queued, and a lease for the worker that sends it.
Rows queued before this get a Message-ID of their own here, so the column can be unique."""

from django.db import migrations, models

import outbox.models


def give_every_mail_a_message_id(apps, schema_editor):
    OutgoingMail = apps.get_model("outbox", "OutgoingMail")
    for mail in OutgoingMail.objects.filter(message_id="").only("pk").iterator():
        OutgoingMail.objects.filter(pk=mail.pk).update(message_id=outbox.models.new_message_id())


class Migration(migrations.Migration):
    dependencies = [("outbox", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="outgoingmail",
            name="message_id",
            field=models.CharField(default="", editable=False, max_length=255, verbose_name="Message-ID"),
            preserve_default=False,
        ),
        migrations.RunPython(give_every_mail_a_message_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outgoingmail",
            name="message_id",
            field=models.CharField(
                default=outbox.models.new_message_id,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="Message-ID",
            ),
        ),
        migrations.AddField(
            model_name="outgoingmail",
            name="claimed_until",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="geclaimd tot"),
        ),
    ]
