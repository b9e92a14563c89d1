"""The province's table of genres and the value of a point, as a new site starts with them.

Administrators change both in the admin (Nhuận bút › Thể loại, Giá trị điểm);
existing rows are left alone, so running this again changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

# (name, category, fewest points, most points), in the order of the table.
GENRES = [
    ("Tin (không có ảnh)", "news", "1", "1"),
    ("Tin có ảnh", "news", "1.5", "1.5"),
    ("Tin tổng hợp", "news", "1.5", "3"),
    ("Tin đăng lại", "news", "0.5", "0.5"),
    ("Ảnh", "news", "1.2", "1.8"),
    ("Trả lời bạn đọc", "news", "1", "3"),
    ("Phản ánh", "commentary", "3", "8"),
    ("Phỏng vấn", "commentary", "3", "8"),
    ("Ghi nhanh, ký sự", "commentary", "4", "10"),
    ("Bình luận", "commentary", "5", "10"),
    ("Nghiên cứu", "commentary", "8", "15"),
    ("Phóng sự", "commentary", "8", "20"),
    ("Chính luận", "commentary", "10", "25"),
    ("Media (video, âm thanh)", "online", "4", "5"),
    ("Giao lưu trực tuyến", "online", "10", "30"),
]

# One point = 10% of the base salary (lương cơ sở) in force.
POINT_VALUES = [
    (dt.date(2024, 7, 1), 234_000, "10% lương cơ sở 2.340.000 đ (Nghị định 73/2024/NĐ-CP)"),
    (dt.date(2026, 7, 1), 253_000, "10% lương cơ sở 2.530.000 đ"),
]


def create_defaults(apps, schema_editor):
    Genre = apps.get_model("loa_royalties", "Genre")
    PointValue = apps.get_model("loa_royalties", "PointValue")
    for order, (name, category, fewest, most) in enumerate(GENRES):
        Genre.objects.get_or_create(
            name=name,
            defaults={
                "category": category,
                "min_points": Decimal(fewest),
                "max_points": Decimal(most),
                "sort_order": order,
            },
        )
    for effective_from, amount, note in POINT_VALUES:
        PointValue.objects.get_or_create(effective_from=effective_from, defaults={"amount": amount, "note": note})


class Migration(migrations.Migration):
    dependencies = [("loa_royalties", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
