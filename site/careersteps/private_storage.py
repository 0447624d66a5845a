"""Where private files (applicants' CVs and other uploads) live: a directory by default, or a
bucket on S3-compatible storage when ``PRIVATE_STORAGE_S3_BUCKET`` is set.

With several web machines a shared directory is one more thing to run; an S3-compatible bucket
(AWS S3, MinIO, Ceph, Hetzner, ...) is shared by nature. Either way files are only reached
through the views that check who asks (:func:`applications.views.download_upload`, the
reviewer's CV page): they open the file through the storage and stream it. The bucket stays
private (``default_acl="private"``); no view ever hands out a bucket URL, so a link cannot be
passed on. The presigned URLs django-storages could make are kept short (60 s) in case code is
ever written that calls ``url()``, but none does.

Credentials are not settings: boto3 reads them itself (``AWS_ACCESS_KEY_ID`` and
``AWS_SECRET_ACCESS_KEY`` in the environment, a profile, or the machine's role).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

S3_BACKEND = "storages.backends.s3.S3Storage"


def s3_private_storage(env: Mapping[str, str]) -> dict[str, Any] | None:
    """The ``STORAGES["private"]`` entry for the bucket ``env`` names, or None for none.

    ``PRIVATE_STORAGE_S3_BUCKET`` (required), ``PRIVATE_STORAGE_S3_PREFIX`` (a folder inside
    it, default ``private``), ``AWS_S3_ENDPOINT_URL`` (for anything but AWS itself) and
    ``AWS_S3_REGION_NAME``.
    """
    bucket = env.get("PRIVATE_STORAGE_S3_BUCKET", "").strip()
    if not bucket:
        return None
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "location": env.get("PRIVATE_STORAGE_S3_PREFIX", "private").strip("/"),
            "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            # Names are generated (a UUID each): never overwrite, never guess another's.
            "file_overwrite": False,
        },
    }
