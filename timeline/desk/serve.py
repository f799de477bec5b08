"""Start the desk: a socket on 127.0.0.1 (a free port unless one is asked for), a random token,
the address printed (and opened with --open), uvicorn serving until Ctrl-C or SIGTERM, which it
lets the change in progress finish."""

from __future__ import annotations

import secrets
import socket
from typing import Callable

from timeline.desk.session import Desk
from timeline.errors import OutputError


def listening(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(16)
    except OSError as error:
        sock.close()
        raise OutputError(f"127.0.0.1:{port}: cannot listen there ({error.strerror}); "
                          "leave out --port for a free one") from None
    return sock


def serve(desk: Desk, port: int, open_browser: bool, show: Callable[[str], None]) -> None:
    import uvicorn

    from timeline.desk.app import make_app

    sock = listening(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    address = f"http://127.0.0.1:{port}/?token={token}"
    show(address)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    config = uvicorn.Config(make_app(desk, token, port), log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
