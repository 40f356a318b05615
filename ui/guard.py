"""The app's front door, as one ASGI middleware: which Host names it answers to, which Origins may
call it, login back-off, and upload quota and disk floor. Installed by ui.server on Gradio's FastAPI app.

A foreign Host gets 421 (DNS rebinding: a page on another name must not reach a loopback app). A request
carrying an Origin other than the page's own gets 403, so a foreign page can neither post uploads and
events nor read results; requests without Origin pass, since browsers always send it on POST and
cross-origin reads, and scripts (gradio_client, curl) send none."""
from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import Config
from ui.limits import LoginThrottle, UploadQuota, disk_floor_refusal

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


@dataclass
class Policy:
    hosts: frozenset[str]  # every Host name accepted
    trusted_origins: frozenset[str]  # host names whose pages may call the app from another Host (a proxy)
    logins: LoginThrottle
    uploads: UploadQuota
    data_dir: Path
    min_free_disk_mb: int


def policy_for(config: Config, bind_host: str) -> Policy:
    extra = frozenset(_host_list(config.allowed_hosts))
    return Policy(accepted_hosts(bind_host, extra), extra,
                  LoginThrottle(config.login_free_failures, config.login_backoff_s),
                  UploadQuota(config.upload_quota_mb), Path(config.data_dir), config.min_free_disk_mb)


def accepted_hosts(bind_host: str, extra: frozenset[str]) -> frozenset[str]:
    """Loopback names, the bound address, the configured names; all of this machine's when bound to all."""
    bound = _normal(bind_host)
    own = _own_names() if bound in WILDCARDS else set()
    return frozenset((LOOPBACK_NAMES | extra | own | {bound}) - WILDCARDS)


def _host_list(text: str) -> list[str]:
    return [_normal(name) for name in text.split(",") if name.strip()]


def _normal(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def _own_names() -> set[str]:
    """Bound to every interface: the machine's own names and addresses are what colleagues type."""
    import psutil

    names = {_normal(socket.gethostname()), _normal(socket.getfqdn())}
    for addresses in psutil.net_if_addrs().values():
        names |= {_normal(a.address.split("%")[0]) for a in addresses if a.family in (socket.AF_INET, socket.AF_INET6)}
    return names


def host_name(header: str) -> str:
    """The name part of a Host header ("[::1]:7860" -> "::1"); "" when it cannot be read."""
    try:
        return _normal(urlsplit("//" + header).hostname or "")
    except ValueError:
        return ""


def origin_allowed(origin: str, host_header: str, policy: Policy) -> bool:
    """Same origin as the page (scheme aside), or a page on a name the settings trust."""
    try:
        parts = urlsplit(origin)
        name = _normal(parts.hostname or "")
    except ValueError:
        return False
    if parts.scheme not in ("http", "https"):
        return False  # includes "null": sandboxed frames and opaque origins
    return parts.netloc.lower() == host_header.strip().lower() or name in policy.trusted_origins


class Guard:
    """ASGI middleware applying a Policy to every HTTP and WebSocket request."""

    def __init__(self, app: ASGIApp, policy: Policy):
        self.app, self.policy = app, policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            await _refuse(refusal, scope, receive, send)
        elif _is_post(scope, "/login"):
            await self.login(scope, receive, _unframed(send))
        else:
            await self.app(scope, receive, _unframed(send))

    def refusal(self, scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if host_name(host) not in self.policy.hosts:
            return PlainTextResponse(f"不接受的主机名 {host!r}：请用本机地址访问，或把它加入 POLICY_QA_ALLOWED_HOSTS。",
                                     status_code=421)
        origin = headers.get("origin")
        if origin is not None and not origin_allowed(origin, host, self.policy):
            return PlainTextResponse("拒绝跨站请求：请从本应用自己的页面操作。", status_code=403)
        if _is_post(scope, "/gradio_api/upload"):
            return self.upload_refusal(scope, headers)
        return None

    def upload_refusal(self, scope: Scope, headers: Headers) -> Response | None:
        size = headers.get("content-length", "")
        if not size.isdigit():
            return PlainTextResponse("上传请求缺少 Content-Length，未接收。", status_code=411)
        floor = disk_floor_refusal(self.policy.data_dir, int(size), self.policy.min_free_disk_mb)
        if floor is not None:
            return PlainTextResponse(floor, status_code=507)
        if not self.policy.uploads.take(_client(scope), int(size)):
            return PlainTextResponse(self.policy.uploads.refusal(), status_code=429)
        return None

    async def login(self, scope: Scope, receive: Receive, send: Send) -> None:
        client, logins = _client(scope), self.policy.logins
        wait = logins.wait_s(client)
        if wait > 0:
            seconds = int(wait) + 1
            response = JSONResponse({"detail": f"登录失败次数过多，请 {seconds} 秒后再试。"}, status_code=429,
                                    headers={"Retry-After": str(seconds)})
            await response(scope, receive, send)
            return
        logins.attempt(client)

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 300:
                logins.succeeded(client)
            await send(message)

        await self.app(scope, receive, watch)


# No other site may show the app inside a frame of its own and trick a click on 删除 (clickjacking): the
# requests from the frame would carry the app's own Origin.
_NO_FRAMING = [(b"x-frame-options", b"DENY"), (b"content-security-policy", b"frame-ancestors 'self'")]


def _unframed(send: Send) -> Send:
    async def with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *_NO_FRAMING]}
        await send(message)

    return with_headers


def _is_post(scope: Scope, suffix: str) -> bool:
    return scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/").endswith(suffix)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "?"


async def _refuse(response: Response, scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    await response(scope, receive, send)
