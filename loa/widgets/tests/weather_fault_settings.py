"""Test settings for an app server started by test_weather_faults.py: the weather source from the environment.

`loa.settings.test` points LOA_WEATHER_URL at a closed port; the fault tests need the
server's processes to know the fake source's address, to show that they never call it.
"""

import os

from loa.settings.test import *  # noqa: F403

LOA_WEATHER_URL = os.environ["LOA_WEATHER_URL"]
LOA_WEATHER_TIMEOUT = float(os.environ.get("LOA_WEATHER_TIMEOUT", "2"))
