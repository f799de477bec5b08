"""The desk's web application (Starlette, served by uvicorn on 127.0.0.1 only).

Every request must name the desk's own address as its Host (a page elsewhere that rebinds a name
to 127.0.0.1 gets nothing); everything but the page and its three static files needs the random
token the desk printed (the header X-Desk-Token, or ?token= for a GET; the page, its style and
script hold no data and need none); a change is a POST of JSON
from the desk's own origin (the Origin header) with the token in its header, so a page of another
site can neither send one nor read an answer. A refused request changes nothing.
"""

from __future__ import annotations

import hmac
from importlib.resources import files

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from timeline.bounded import json_of
from timeline.desk import document, view
from timeline.desk.session import Desk
from timeline.errors import DeskError, TimelineError, bounded

LARGEST_BODY = 64 * 1024
STATIC = {"desk.css": "text/css; charset=utf-8", "desk.js": "text/javascript; charset=utf-8"}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; "
               "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
PLAIN = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"}


def refused(error: DeskError) -> JSONResponse:
    return JSONResponse({"error": str(error)}, status_code=error.status, headers=PLAIN)


def check(request: Request, change: bool = False, token_needed: bool = True) -> None:
    """The request's Host, then (unless `token_needed` is False) its token, then for a change its Origin and type."""
    state = request.app.state
    if request.headers.get("host") not in state.hosts:
        raise DeskError("this desk answers only at its own address (127.0.0.1)", 403)
    if not token_needed:
        return
    given = request.headers.get("x-desk-token") or ("" if change else request.query_params.get("token", ""))
    if not hmac.compare_digest(given.encode("utf-8", "replace"), state.token.encode("ascii")):
        raise DeskError("no valid token: open the address the desk printed, with its token", 403)
    if change and request.headers.get("origin") not in {f"http://{host}" for host in state.hosts}:
        raise DeskError(f"a change must come from the desk's own page, not from "
                        f"{bounded(request.headers.get('origin') or 'a request without an Origin')}", 403)
    if change and request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise DeskError("a change is sent as application/json", 415)


def guarded(handler, change: bool = False, token_needed: bool = True):
    """The handler behind `check`; a refusal or an error is a JSON answer with its status."""
    async def endpoint(request: Request) -> Response:
        try:
            check(request, change, token_needed)
            return await handler(request)
        except DeskError as error:
            return refused(error)
        except TimelineError as error:
            return refused(DeskError(str(error), 500))
    return endpoint


async def page(request: Request) -> Response:
    body = (files("timeline.desk") / "static" / "desk.html").read_bytes()
    return Response(body, media_type="text/html; charset=utf-8",
                    headers={**PLAIN, "Content-Security-Policy": PAGE_POLICY, "X-Frame-Options": "DENY"})


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        raise DeskError(f"no file {bounded(name)} here", 404)
    return Response((files("timeline.desk") / "static" / name).read_bytes(), media_type=STATIC[name], headers=PLAIN)


async def state(request: Request) -> Response:
    return JSONResponse(await run_in_threadpool(current_state, request.app.state.desk), headers=PLAIN)


async def resolve(request: Request) -> Response:
    key, phrase = request.query_params.get("id", ""), request.query_params.get("phrase", "")[:200]
    return JSONResponse(await run_in_threadpool(view.resolve, request.app.state.desk, key, phrase), headers=PLAIN)


async def preview(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in ("page", "fragment"):
        raise DeskError(f"no preview {bounded(kind)}: choose page or fragment", 404)
    body = await run_in_threadpool(rendered, request.app.state.desk, kind)
    return Response(body, media_type="text/html; charset=utf-8",
                    headers={**PLAIN, "Content-Security-Policy": PREVIEW_POLICY})


async def change(request: Request) -> Response:
    desk = request.app.state.desk
    raw = await body_of(request)
    try:
        asked = document.Request.model_validate(json_of(raw))  # nesting too deep: a ValueError too
    except (ValueError, ValidationError) as error:
        raise DeskError(f"a malformed change ({bounded(first_problem(error), 300)}); nothing was written",
                        400) from None
    await run_in_threadpool(desk.change, asked, view.checked(desk))
    return JSONResponse(await run_in_threadpool(view.state, desk), headers=PLAIN)


def make_app(desk: Desk, token: str, port: int) -> Starlette:
    routes = [
        Route("/", guarded(page, token_needed=False)), Route("/static/{name}", guarded(static, token_needed=False)),
        Route("/api/state", guarded(state)), Route("/api/resolve", guarded(resolve)),
        Route("/preview/{kind}", guarded(preview)), Route("/api/change", guarded(change, True), methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.desk, app.state.token, app.state.hosts = desk, token, {f"127.0.0.1:{port}", f"localhost:{port}"}
    return app


def current_state(desk: Desk) -> dict:
    """The page's view, made again first when edits.toml changed on disk since the desk last read it."""
    with desk.guard:
        text = desk.edits_text()
        if document_version(text) != desk.current.version:
            desk.current = desk.make(text)
    return view.state(desk)


def document_version(text: str) -> str:
    from timeline.desk.session import version_of

    return version_of(text)


def rendered(desk: Desk, kind: str) -> bytes:
    from timeline.render.output import producers

    story = desk.current.story
    made = producers(story, ["fragment" if kind == "fragment" else "html"], None, None, None, desk.settings.options)
    body = b"".join(next(iter(made.values()))())
    if kind == "fragment":
        body = b'<!DOCTYPE html><html lang="nl"><meta charset="utf-8"><body style="margin:1rem">' + body + b"</body></html>"
    return body


async def body_of(request: Request) -> bytes:
    """The request's body, at most LARGEST_BODY bytes (a larger one is refused unread)."""
    if int(request.headers.get("content-length") or 0) > LARGEST_BODY:
        raise DeskError(f"a change is at most {LARGEST_BODY} bytes", 413)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > LARGEST_BODY:
            raise DeskError(f"a change is at most {LARGEST_BODY} bytes", 413)
    return body


def first_problem(error: Exception) -> str:
    if isinstance(error, ValidationError):
        problem = error.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "the change"
        return f"{where}: {problem['msg']}"
    return str(error)
