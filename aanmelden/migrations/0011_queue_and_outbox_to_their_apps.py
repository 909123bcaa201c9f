"""The queue's models and the outbox left this app (see moderation 0001 and outbox 0001): only
Django's state forgets them here; their tables stay, now owned by those apps."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelden", "0010_queue_name_search_trigram_indexes"),
        ("moderation", "0001_initial"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="OutgoingMail"),
                migrations.DeleteModel(name="QueueNote"),
                migrations.DeleteModel(name="RetentionSettings"),
            ],
            database_operations=[],
        ),
    ]
