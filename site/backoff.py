"""How long background work waits before trying again after a failure (notifications, webhooks).

A receiver down for a deploy is caught by the first retries; one down for most of a day by the
last. After the last wait has passed and one more attempt fails, the work is given up as failed.
"""

import datetime

RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
