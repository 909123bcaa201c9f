"""Status and outcome fields declare their TextChoices (each type its own): only Django's state
changes (choices are not stored in the database), no row is touched."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelden", "0011_queue_and_outbox_to_their_apps"),
    ]

    operations = [
        migrations.AlterField(
            model_name="leerwerkmakelaaraanmelding",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("geplaatst_bbl", "Geplaatst in BBL"),
                    ("geplaatst_werk", "Geplaatst in werk"),
                    ("geplaatst_school", "Geplaatst op school"),
                    ("geplaatst_anders", "Anders geplaatst"),
                ],
                max_length=40,
                verbose_name="uitkomst",
            ),
        ),
        migrations.AlterField(
            model_name="leerwerkmakelaaraanmelding",
            name="status",
            field=models.CharField(
                choices=[
                    ("nieuw", "Nieuw"),
                    ("intake_gepland", "Intake gepland"),
                    ("in_traject", "In traject"),
                    ("geplaatst", "Geplaatst"),
                    ("niet_geplaatst", "Niet geplaatst"),
                    ("teruggetrokken", "Teruggetrokken"),
                ],
                db_index=True,
                max_length=40,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="stageaanbod",
            name="status",
            field=models.CharField(
                choices=[
                    ("nieuw", "Nieuw"),
                    ("beoordeeld", "Beoordeeld"),
                    ("gepubliceerd", "Gepubliceerd"),
                    ("vervuld", "Vervuld"),
                    ("ingetrokken", "Ingetrokken"),
                    ("afgewezen", "Afgewezen"),
                ],
                db_index=True,
                max_length=40,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="vrijstellingmelding",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("geregistreerd", "Geregistreerd"),
                    ("onvolledig", "Onvolledig"),
                    ("te_laat", "Te laat"),
                    ("toegekend", "Toegekend"),
                    ("afgewezen", "Afgewezen"),
                    ("ingetrokken", "Ingetrokken"),
                ],
                max_length=40,
                verbose_name="uitkomst",
            ),
        ),
        migrations.AlterField(
            model_name="vrijstellingmelding",
            name="status",
            field=models.CharField(
                choices=[
                    ("ontvangen", "Ontvangen"),
                    ("in_behandeling", "In behandeling"),
                    ("aanvulling_gevraagd", "Aanvulling gevraagd"),
                    ("afgehandeld", "Afgehandeld"),
                    ("besluit", "Besluit genomen"),
                ],
                db_index=True,
                max_length=40,
                verbose_name="status",
            ),
        ),
    ]
