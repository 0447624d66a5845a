from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_form_page_default_questions"),
    ]

    operations = [
        migrations.AddField(
            model_name="draft",
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="submitted at"),
        ),
    ]
