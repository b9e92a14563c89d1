"""Start a new site with the document types and levels every Vietnamese agency uses.

Issuing bodies, fields and signers differ from one agency to the next, so they
are left for staff to enter; the types and levels below can be edited or removed.
"""

from django.db import migrations

DOCUMENT_TYPES = (
    "Luật",
    "Nghị định",
    "Thông tư",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Thông báo",
    "Công văn",
    "Báo cáo",
)
ISSUING_LEVELS = ("Trung ương", "Tỉnh", "Huyện/thành phố thuộc tỉnh", "Xã/phường")


def add_defaults(apps, schema_editor):
    for model_name, names in (("DocumentType", DOCUMENT_TYPES), ("IssuingLevel", ISSUING_LEVELS)):
        model = apps.get_model("loa_legal", model_name)
        for order, name in enumerate(names, start=1):
            model.objects.get_or_create(name=name, defaults={"sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("loa_legal", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
