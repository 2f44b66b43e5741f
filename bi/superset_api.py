"""Superset's REST API, in-process (Flask test client) or against a running server (requests)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

# ---------------------------------------------------------------------------------------------
# Superset's REST API, in-process (Flask test client) or against a running server (requests).
# ---------------------------------------------------------------------------------------------


class ApiError(RuntimeError):
    pass


class SupersetApi:
    """A logged-in REST client. `client` is a Flask test client or a requests.Session with base_url."""

    def __init__(self, client: Any, base_url: str = ""):
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.headers: dict[str, str] = {}

    def _call(self, method: str, path: str, payload: Any = None, expect: tuple[int, ...] = (200, 201)) -> Any:
        url = self.base_url + path
        kwargs: dict[str, Any] = {"headers": {**self.headers, "Referer": self.base_url or "http://localhost"}}
        if payload is not None:
            kwargs["json"] = payload
        response = getattr(self.client, method)(url, **kwargs)
        status = response.status_code
        body = response.get_json(silent=True) if hasattr(response, "get_json") else _json_or_none(response)
        if status not in expect:
            text = (
                body
                if body is not None
                else (response.get_data(as_text=True) if hasattr(response, "get_data") else response.text)
            )
            raise ApiError(f"{method.upper()} {path} -> {status}: {str(text)[:2000]}")
        return body

    def get(self, path: str, **kw: Any) -> Any:
        return self._call("get", path, **kw)

    def post(self, path: str, payload: Any, **kw: Any) -> Any:
        return self._call("post", path, payload, **kw)

    def put(self, path: str, payload: Any, **kw: Any) -> Any:
        return self._call("put", path, payload, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self._call("delete", path, **kw)

    def login(self, username: str, password: str) -> None:
        token = self.post(
            "/api/v1/security/login",
            {"username": username, "password": password, "provider": "db", "refresh": True},
        )["access_token"]
        self.headers["Authorization"] = f"Bearer {token}"
        csrf = self.get("/api/v1/security/csrf_token/")["result"]
        self.headers["X-CSRFToken"] = csrf

    def find(self, resource: str, column: str, value: Any) -> dict | None:
        query = _rison({"filters": [{"col": column, "opr": "eq", "value": value}], "page_size": 100})
        result = self.get(f"/api/v1/{resource}/?q={query}")["result"]
        return result[0] if result else None


def _json_or_none(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _rison(value: Any) -> str:

    import prison  # installed with Superset

    return quote(prison.dumps(value))
