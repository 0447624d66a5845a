"""The slow groups (``http``: real servers under load; ``workflow``: the whole workflow at
10,000 applications) run only when named, take their own options, and the load generator
counts what a real server answers. Nothing here asserts a speed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from bench import load, runner, servers


def test_slow_groups_run_only_when_named():
    assert {"http", "workflow"} <= set(runner.GROUPS)
    assert not {"http", "workflow"} & set(runner.DEFAULT_GROUPS)
    assert set(runner.DEFAULT_GROUPS) < set(runner.GROUPS)


def test_bad_http_and_workflow_options_are_refused():
    with pytest.raises(CommandError):
        call_command("bench", "--only", "http", "--http-seconds", "0")
    with pytest.raises(CommandError):
        call_command("bench", "--only", "workflow", "--workflow-count", "0")


class Answer(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        status = 200 if self.path == "/ok" else 404
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()


def test_the_load_generator_counts_answers_and_failures(server):
    good = load.run(server, load.get_request("/ok"), seconds=0.5, processes=1, concurrency=2)
    assert good.ok > 0 and good.failed == 0
    assert len(good.latencies_ms) == good.ok
    assert good.statuses == {200: good.ok}
    bad = load.run(server, load.get_request("/missing"), seconds=0.3, processes=1, concurrency=1)
    assert bad.ok == 0 and bad.failed > 0 and set(bad.statuses) == {404}


def test_peak_memory_covers_a_process_and_its_children():
    import os
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        memory = servers.peak_memory_mb(os.getpid())
        assert memory["processes"] >= 2
        assert memory["total_mb"] >= memory["largest_mb"] > 0
    finally:
        child.kill()
        child.wait()
