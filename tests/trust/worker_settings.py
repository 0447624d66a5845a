"""Settings of the qcluster started by test_worker_killed.py: the test settings with the
hanging email backend."""

import os

from careersteps.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.trust.hanging_mail.HangOnceBackend"
# The test settings give each process a throwaway var/ of its own: mail goes where the test
# can count it.
EMAIL_FILE_PATH = os.environ["TRUST_MAIL_DIR"]
