"""A built site over HTTP on 127.0.0.1 for the benchmarks' browser measurements (one server for all scripts)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")
"""What a real host sends gzipped (nginx's gzip_types, Apache's mod_deflate defaults): text, not images."""


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser closing while a file is still being sent


@contextmanager
def serve_site(site: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """The folder `site` under `prefix` (the path of site_url, as on the real server); yields the root URL.

    With `compress`, text files are sent gzipped to browsers that accept it, as a real host sends them.
    """

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(site / "finns-inte")
            return super().translate_path("/" + path.removeprefix(prefix))

        def send_head(self) -> Any:
            accepts = "gzip" in self.headers.get("Accept-Encoding", "")
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            kind = self.guess_type(path)
            if not (compress and accepts and os.path.isfile(path) and kind.startswith(COMPRESSED_TYPES)):
                return super().send_head()
            if not self.path.split("?", 1)[0].endswith("/") and os.path.isdir(self.translate_path(self.path)):
                return super().send_head()  # the redirect to the folder's address with a slash
            with open(path, "rb") as source:
                body = gzip.compress(source.read(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
