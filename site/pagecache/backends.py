"""The ``pages`` file cache, with each process's own copy of the template fragments it read.

Every page that is not answered whole from the page cache (the page cache off, a signed-in
editor, a form, the portal) reads its fragments (``{% cache ... cache_generation ...
using="pages" %}``: menus, language switcher, footer, page content) from this cache, four or
more per page, each an open, a read, a decompression and an unpickling: some 30 µs apiece.

A fragment's key holds the page-cache generation and everything else its content depends on,
so the value under one key never changes: any process rendering it writes the same text, and
a change of content starts a new generation, hence new keys. A process may therefore keep what
it read, until the moment the shared entry expires (the file's expiry is read along with the
value): the staleness bound stays the fragment's own timeout. Only strings are kept (fragments
are ``SafeString``): nothing a caller could change in place reaches the next request. The
generation counter, which changes in place, is never kept. Writes, deletes and ``clear`` in
this process drop the copies they concern; another process's ``clear`` needs nothing more, as
it deletes the generation counter too, and every key read after that names a new generation.
"""

from __future__ import annotations

import math
import pickle
import threading
import time
import zlib
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

#: Fragments each process keeps (a few kB each).
LOCAL_ENTRIES = 512
#: The key of the generation counter (``pagecache.store.GENERATION_KEY``), never kept.
UNKEPT_KEYS = frozenset({"page-cache:generation"})

_lock = threading.Lock()
#: Per cache directory: full key -> (expiry as ``time.time()``, value), least recent first.
_kept: dict[str, OrderedDict[str, tuple[float, str]]] = {}


def _copies(directory: str) -> OrderedDict[str, tuple[float, str]]:
    copies = _kept.get(directory)
    if copies is None:
        copies = _kept.setdefault(directory, OrderedDict())
    return copies


class PageFileCache(FileBasedCache):
    """Django's file cache; strings it reads are kept in this process until they expire."""

    def get(self, key, default=None, version=None):
        if key in UNKEPT_KEYS:
            return super().get(key, default, version)
        full_key = self.make_and_validate_key(key, version=version)
        now = time.time()
        with _lock:
            copies = _copies(self._dir)
            kept = copies.get(full_key)
            if kept is not None:
                if kept[0] > now:
                    copies.move_to_end(full_key)
                    return kept[1]
                del copies[full_key]
        path = self._key_to_file(key, version)
        try:
            with open(path, "rb") as file:
                try:
                    expires = pickle.load(file)  # noqa: S301 - files this cache wrote
                except EOFError:
                    expires = 0  # an empty file counts as expired, as in Django's get
                if expires is not None and expires < now:
                    expired = True
                else:
                    expired = False
                    value = pickle.loads(zlib.decompress(file.read()))  # noqa: S301
        except FileNotFoundError:
            return default
        if expired:
            self._delete(path)
            return default
        if isinstance(value, str):
            with _lock:
                copies = _copies(self._dir)
                copies[full_key] = (math.inf if expires is None else expires, value)
                copies.move_to_end(full_key)
                while len(copies) > LOCAL_ENTRIES:
                    copies.popitem(last=False)
        return value

    def _forget(self, key, version=None) -> None:
        full_key = self.make_and_validate_key(key, version=version)
        with _lock:
            _copies(self._dir).pop(full_key, None)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version)
        return super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version)
        return super().add(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version)
        return super().touch(key, timeout, version)

    def delete(self, key, version=None):
        self._forget(key, version)
        return super().delete(key, version)

    def clear(self):
        with _lock:
            _copies(self._dir).clear()
        return super().clear()
