"""A built site over HTTP on 127.0.0.1 for the benchmarks' browser measurements (one server for all scripts)."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser closing while a file is still being sent


@contextmanager
def serve_site(site: Path, prefix: str = "/") -> Iterator[str]:
    """The folder `site` under `prefix` (the path of site_url, as on the real server); yields the root URL."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(site / "finns-inte")
            return super().translate_path("/" + path.removeprefix(prefix))

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
