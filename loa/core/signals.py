"""Signals of Loa's own.

`content_changed` is sent after the transaction that changed something a public page
shows has committed (the content version was bumped). `page` is the Wagtail page that
was published, unpublished, moved or deleted, or None when the change can show on any
page (a snippet, a banner, a setting). Listeners: the page cache's shared version
mirror and the front-end (nginx, CDN) purge.
"""

from django.dispatch import Signal

content_changed = Signal()
