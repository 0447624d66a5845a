"""The ``pages`` file cache keeps the strings it read (template fragments) in the process until
their shared entry expires; the generation counter is always read from the shared file, so a
publish in another process is seen at once."""

import time

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from pagecache import backends, store


@pytest.fixture
def pages(tmp_path):
    cache = backends.PageFileCache(str(tmp_path), {})
    other_process = FileBasedCache(str(tmp_path), {})  # the same files, without the copies
    yield cache, other_process
    cache.clear()


def test_a_fragment_read_once_is_kept_until_its_shared_entry_expires(pages, monkeypatch):
    cache, other_process = pages
    cache.set("fragment", "<nav>menu</nav>", 60)
    assert cache.get("fragment") == "<nav>menu</nav>"  # read from the file, kept
    other_process.set("fragment", "<nav>changed</nav>", 60)  # never happens under one key
    assert cache.get("fragment") == "<nav>menu</nav>"  # the kept copy, no file read
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert cache.get("fragment") is None  # expired with the shared entry


def test_writes_deletes_and_clear_in_this_process_drop_the_copy(pages):
    cache, _other_process = pages
    cache.set("fragment", "one", 60)
    assert cache.get("fragment") == "one"
    cache.set("fragment", "two", 60)
    assert cache.get("fragment") == "two"
    cache.delete("fragment")
    assert cache.get("fragment") is None
    cache.set("fragment", "three", 60)
    assert cache.get("fragment") == "three"
    cache.clear()
    assert cache.get("fragment") is None


def test_only_strings_are_kept(pages):
    cache, other_process = pages
    cache.set("listing", ["a"], 60)
    first = cache.get("listing")
    first.append("b")  # a caller changing what it got reaches nobody else
    assert cache.get("listing") == ["a"]
    other_process.set("listing", ["c"], 60)
    assert cache.get("listing") == ["c"]


def test_the_generation_counter_is_read_from_the_shared_file_every_time(pages):
    cache, other_process = pages
    cache.set(store.GENERATION_KEY, 5, None)
    assert cache.get(store.GENERATION_KEY) == 5
    other_process.incr(store.GENERATION_KEY)  # a publish in another process
    assert cache.get(store.GENERATION_KEY) == 6
