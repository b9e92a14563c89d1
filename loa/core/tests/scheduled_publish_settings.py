"""Settings for the worker processes test_scheduled_publish_faults.py starts and kills.

The tests' settings with the worker's real task queue (django-tasks' database
backend, not the tests' immediate one) and, when LOA_TEST_PUBLISH_PAUSE names a
point, a pause there (see `loa.core.tests.publish_pauses`). Never used outside tests.
"""

import os

from loa.core.tests import publish_pauses
from loa.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

publish_pauses.install(os.environ.get("LOA_TEST_PUBLISH_PAUSE", ""), os.environ.get("LOA_TEST_PAUSE_DIR", ""))
