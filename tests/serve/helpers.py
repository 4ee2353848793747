"""A desk server on a free port in a background thread, for the HTTP and browser tests."""

from __future__ import annotations

import http.client
import json
import threading
from contextlib import contextmanager
from pathlib import Path

from drafting.serve.desk import Desk
from drafting.serve.server import DeskServer


@contextmanager
def running(path: Path, pack: str | None = None):
    server = DeskServer(Desk(path, pack))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def request(server: DeskServer, method: str, path: str, body=None, headers: dict | None = None):
    """(status, body bytes) of one request; the token header unless ``headers`` say otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    sent = {"Host": f"127.0.0.1:{server.port}", "X-Draft-Token": server.token}
    sent.update(headers or {})
    sent = {k: v for k, v in sent.items() if v is not None}
    payload = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    connection.request(method, path, payload, sent)
    response = connection.getresponse()
    return response.status, response.read()


def api(server: DeskServer, path: str, body=None):
    status, content = request(server, "GET" if body is None else "POST", path, body)
    return status, json.loads(content)
