"""``fmlint server`` as a bare process: raw JSON-RPC framing where a client library would not send it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import IO

import pytest

from tests.lsp_session import SERVER


def _message(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def _response(stdout: IO[bytes], wanted: int) -> dict[str, object]:
    """Read messages until the response to request ``wanted``."""
    while True:
        length = int(stdout.readline().split(b":")[1])
        while stdout.readline().strip():
            pass
        message = json.loads(stdout.read(length))
        if message.get("id") == wanted and "method" not in message:
            return message


def _initialize(server: subprocess.Popen[bytes], root: Path, process_id: int | None) -> None:
    assert server.stdin is not None and server.stdout is not None
    params = {"processId": process_id, "rootUri": root.as_uri(), "capabilities": {}}
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}))
    server.stdin.flush()
    assert "capabilities" in _response(server.stdout, 1)["result"]  # type: ignore[operator]


@pytest.mark.slow
def test_a_malformed_request_gets_an_error_response(tmp_path: Path) -> None:
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tmp_path)
    try:
        assert server.stdin is not None and server.stdout is not None
        _initialize(server, tmp_path, None)
        bad = {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": 5}}
        server.stdin.write(_message(bad))
        server.stdin.write(_message({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}))
        server.stdin.flush()
        error = _response(server.stdout, 2)["error"]
        assert isinstance(error, dict) and error["code"] in (-32602, -32603)
        assert _response(server.stdout, 3) == {"jsonrpc": "2.0", "id": 3, "result": None}
    finally:
        server.kill()
        server.wait()


@pytest.mark.slow
def test_the_server_exits_when_its_client_process_is_gone(tmp_path: Path) -> None:
    parent = subprocess.Popen(["sleep", "60"])
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tmp_path)
    try:
        _initialize(server, tmp_path, parent.pid)
        parent.kill()
        parent.wait()
        assert server.wait(timeout=15) == 1  # its input is still open: only the watch ends it
    finally:
        parent.kill()
        server.kill()
        server.wait()


@pytest.mark.slow
def test_the_server_subcommand_rejects_options(tmp_path: Path) -> None:
    result = subprocess.run([*SERVER, "--port", "1"], check=False, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and "usage: fmlint server" in result.stderr


@pytest.mark.slow
def test_the_server_exits_at_the_end_of_its_input(tmp_path: Path) -> None:
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tmp_path)
    try:
        assert server.stdin is not None
        _initialize(server, tmp_path, None)
        server.stdin.close()
        assert server.wait(timeout=15) == 0
    finally:
        server.kill()
        server.wait()
