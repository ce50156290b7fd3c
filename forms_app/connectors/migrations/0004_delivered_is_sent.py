from django.db import migrations


def delivered_to_sent(apps, schema_editor):
    # The outbox's states are the same for every model; "Delivered" is now the label of "sent".
    WebhookDelivery = apps.get_model("connectors", "WebhookDelivery")
    WebhookDelivery.objects.filter(status="delivered").update(status="sent")


def sent_to_delivered(apps, schema_editor):
    WebhookDelivery = apps.get_model("connectors", "WebhookDelivery")
    WebhookDelivery.objects.filter(status="sent").update(status="delivered")
    # The old code has no "cancelled": a withdrawn delivery is one it gave up on.
    WebhookDelivery.objects.filter(status="cancelled").update(status="failed")


class Migration(migrations.Migration):

    dependencies = [
        ("connectors", "0003_outbox_item"),
    ]

    operations = [
        migrations.RunPython(delivered_to_sent, sent_to_delivered),
    ]
