"""Fill an empty site with the demo city portal (articles, sections, clips, widgets).

`loa_setup` calls it on first start; it is also safe to run by hand: when any
article exists it says so and changes nothing.
"""

from __future__ import annotations

from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Load the demo portal (Vietnamese sample content) into an empty site."

    def handle(self, *args, **options) -> None:
        from loa.core.demo.loader import load_demo

        summary = load_demo()
        if summary.skipped:
            self.stdout.write("Trang đã có bài viết: không nạp nội dung mẫu.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp nội dung mẫu: {summary.articles} bài viết, {summary.sections} chuyên mục, "
                f"{summary.clips} video, {summary.images} ảnh ({summary.seconds:.1f} giây)."
            )
        )
