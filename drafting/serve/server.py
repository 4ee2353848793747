"""``draft serve``'s HTTP front door: the desk's page and its few requests.

The standard library's threading server is enough for one writer on one
computer. It listens on 127.0.0.1 only, and every request must carry the
per-run token (in the page's address, then in a header) and a Host of
127.0.0.1 or localhost with this server's port; anything else is answered 403.
The token keeps other web pages in the writer's browser from reaching the desk,
the Host check keeps a DNS-rebound name from doing so with the browser's help.
Only the YAML it was started with and the files it built are ever read or written.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import asdict
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from drafting.errors import DraftError, OverwriteRefused, WriteError
from drafting.serve.desk import Desk, error_json

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Draft-Token"
MAX_BODY = 64 * 1024 * 1024  # the loader's own bound on a YAML file
STATIC = {"desk.js": "text/javascript", "desk.css": "text/css"}


class DeskServer(ThreadingHTTPServer):
    daemon_threads = True  # Ctrl-C never waits for a browser's kept-alive connection

    def __init__(self, desk: Desk, port: int = 0, token: str | None = None):
        super().__init__((HOST, port), _Handler)
        self.desk = desk
        self.token = token or secrets.token_urlsafe(24)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/?token={self.token}"

    def allowed_hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}


class _Handler(BaseHTTPRequestHandler):
    server: DeskServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows the URL and errors only

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._allowed():
            return
        path = urlsplit(self.path).path
        if path == "/":
            self._send(HTTPStatus.OK, _page(self.server.token), "text/html; charset=utf-8")
        elif path.startswith("/static/") and path[len("/static/"):] in STATIC:
            name = path[len("/static/"):]
            self._send(HTTPStatus.OK, _static(name), f"{STATIC[name]}; charset=utf-8")
        elif path == "/api/state":
            self._json(self.server.desk.state())
        elif path == "/api/download":
            self._download()
        else:
            self._send(HTTPStatus.NOT_FOUND, "找不到这个页面".encode("utf-8"), "text/plain; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802
        if not self._allowed():
            return
        path = urlsplit(self.path).path
        desk = self.server.desk
        try:
            body = self._body()
            if path == "/api/preview":
                self._json(asdict(desk.preview(body.get("data"), str(body.get("copy", "file")))))
            elif path == "/api/save":
                self._json({"message": desk.save(body.get("data"))})
            elif path == "/api/reload":
                desk.reload()
                self._json(desk.state())
            elif path == "/api/build":
                names, messages = desk.build(
                    str(body.get("copy", "file")), str(body.get("format", "docx")), bool(body.get("force"))
                )
                self._json({"files": names, "messages": messages})
            else:
                self._send(HTTPStatus.NOT_FOUND, b"{}", "application/json")
        except DraftError as e:
            self._json({"error": error_json(e), "refused": isinstance(e, OverwriteRefused)}, HTTPStatus.CONFLICT)

    def do_PUT(self) -> None:  # noqa: N802
        self._forbid()

    do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_PUT

    def _allowed(self) -> bool:
        """The token and Host rules; 403 (and nothing read or written) otherwise."""
        host = self.headers.get("Host", "")
        query = parse_qs(urlsplit(self.path).query)
        given = self.headers.get(TOKEN_HEADER) or (query.get("token") or [""])[0]
        if host not in self.server.allowed_hosts() or not hmac.compare_digest(given.encode(), self.server.token.encode()):
            self._forbid()
            return False
        return True

    def _forbid(self) -> None:
        self._send(HTTPStatus.FORBIDDEN, "拒绝访问：请使用 draft serve 打印的地址（含令牌）".encode("utf-8"),
                   "text/plain; charset=utf-8")

    def _body(self) -> dict[str, Any]:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            raise WriteError("请求过大或长度不明")
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            raise WriteError("请求不是有效的 JSON") from None
        if not isinstance(body, dict):
            raise WriteError("请求不是有效的 JSON")
        return body

    def _download(self) -> None:
        name = (parse_qs(urlsplit(self.path).query).get("name") or [""])[0]
        try:
            target, content = self.server.desk.output(name)
        except DraftError as e:
            self._json({"error": error_json(e)}, HTTPStatus.NOT_FOUND)
            return
        kind = "application/pdf" if target.suffix == ".pdf" else (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        disposition = f"attachment; filename*=UTF-8''{quote(target.name)}"
        self._send(HTTPStatus.OK, content, kind, {"Content-Disposition": disposition})

    def _json(self, value: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, content: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")  # the token stays out of other sites' logs
        self.send_header("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(content)


def _static(name: str) -> bytes:
    return resources.files("drafting.serve").joinpath("static", name).read_bytes()


def _page(token: str) -> bytes:
    html = _static("index.html").decode("utf-8")
    return html.replace("{{token}}", token).encode("utf-8")
