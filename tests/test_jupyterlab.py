"""JupyterLab smoke test: the way users open the project works from the project environment.

Starts ``jupyter lab`` with this interpreter on a free loopback port with a random token and
its own (temporary) user config, data, runtime and IPython folders, so the user's settings
neither leak in nor get written. Through the REST API it lists the report notebooks, checks
that a request without the token is refused and that the JupyterLab page is served, then
starts a ``python3`` kernel, runs the first code cell of ``notebooks/article_report.ipynb``
over the kernel's websocket (Jupyter messaging protocol 5.3) and reads a parameter back, and
shuts everything down. Nothing touches the network beyond 127.0.0.1.
"""

from __future__ import annotations

import ast
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

REPORT_NOTEBOOKS = ("article_report.ipynb", "compare_articles.ipynb", "compare_corpus.ipynb")
STARTUP_TIMEOUT = 60.0
REPLY_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first_code_cell(path: Path) -> str:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            source = cell["source"]
            return source if isinstance(source, str) else "".join(source)
    raise AssertionError(f"{path} has no code cell")


def _assigned_default(source: str, name: str):
    """The literal value that ``source`` assigns to ``name`` (``name = v`` or ``name: T = v``)."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.target.id == name and node.value is not None:
                return ast.literal_eval(node.value)
        if isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                return ast.literal_eval(node.value)
    raise AssertionError(f"the cell does not assign {name}")


def test_assigned_default_reads_annotated_and_plain_assignments():
    source = 'a: str = "x.txt"  # comment\nb: "Optional[int]" = None\nc = 3\n'
    assert _assigned_default(source, "a") == "x.txt"
    assert _assigned_default(source, "b") is None
    assert _assigned_default(source, "c") == 3
    with pytest.raises(AssertionError):
        _assigned_default(source, "d")


class Server:
    """A running ``jupyter lab`` process and a small token-authenticated HTTP client."""

    def __init__(self, tmp: Path):
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        home = tmp / "home"
        env = dict(os.environ)
        for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN", "JUPYTER_PORT"):
            env.pop(var, None)
        # User-level folders go to tmp; the environment's own (sys.prefix/share/jupyter, where
        # ipykernel installs the python3 kernel spec) stay on the search path.
        env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(home / "config" / "lab" / "user-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(home / "config" / "lab" / "workspaces"),
            IPYTHONDIR=str(home / "ipython"),
            JUPYTER_PREFER_ENV_PATH="1",
            PYTHONUNBUFFERED="1",
        )
        (home / "config").mkdir(parents=True)
        # No news feed and no update check: the server must not reach out.
        (home / "config" / "jupyter_server_config.json").write_text(json.dumps({
            "LabApp": {"news_url": None,
                       "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"},
        }))
        self.log_path = tmp / "jupyter-lab.log"
        self._log = self.log_path.open("wb")
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser", "--allow-root",  # CI runs as root
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",  # fail loudly rather than move to another port
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={ROOT}",
            "--ServerApp.terminals_enabled=False",
        ]
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT,
        )

    def log_tail(self, lines: int = 30) -> str:
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def request(self, method: str, path: str, body=None, token: bool = True, timeout=30.0):
        """(status, headers, body bytes) of one request; HTTP errors are returned, not raised."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"token {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"jupyter lab exited with {self.process.returncode} before answering:\n"
                            f"{self.log_tail()}")
            try:
                if self.request("GET", "/api/status", timeout=2.0)[0] == 200:
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        pytest.fail(f"jupyter lab did not answer /api/status within {STARTUP_TIMEOUT:.0f} s:\n"
                    f"{self.log_tail()}")

    def stop(self) -> None:
        try:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        finally:
            self._log.close()


class KernelChannel:
    """Execute code on a kernel through the server's websocket (legacy JSON framing)."""

    def __init__(self, server: Server, kernel_id: str):
        import websocket

        self.session = uuid.uuid4().hex
        url = (f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels"
               f"?session_id={self.session}")
        self.ws = websocket.create_connection(
            url, timeout=REPLY_TIMEOUT, header=[f"Authorization: token {server.token}"],
        )

    def execute(self, code: str) -> tuple[dict, str, list[dict]]:
        """Run ``code``; returns (execute_reply content, stdout text, error contents)."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session,
                       "username": "test", "version": "5.3",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        reply, stdout, errors, idle = None, [], [], False
        deadline = time.monotonic() + REPLY_TIMEOUT
        # The reply (shell) and the idle status (iopub) may come in either order; the
        # outputs on iopub all come before idle.
        while reply is None or not idle:
            if time.monotonic() > deadline:
                raise AssertionError(f"no execute_reply within {REPLY_TIMEOUT:.0f} s for {code!r}")
            message = json.loads(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "execute_reply":
                reply = content
            elif kind == "stream" and content["name"] == "stdout":
                stdout.append(content["text"])
            elif kind == "error":
                errors.append(content)
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return reply, "".join(stdout), errors

    def close(self) -> None:
        self.ws.close()


def test_jupyter_lab_lists_notebooks_and_runs_the_first_report_cell(tmp_path):
    started = time.monotonic()
    cell = _first_code_cell(ROOT / "notebooks" / "article_report.ipynb")
    expected_path = _assigned_default(cell, "article_path")
    assert isinstance(expected_path, str) and expected_path

    server = Server(tmp_path)
    try:
        server.wait_until_ready()

        # Notebooks are listed through the contents API, and only with the token.
        status, _, body = server.request("GET", "/api/contents/notebooks")
        assert status == 200, body
        listing = {item["name"]: item["type"] for item in json.loads(body)["content"]}
        for name in REPORT_NOTEBOOKS:
            assert listing.get(name) == "notebook", (name, listing)
        status, _, _ = server.request("GET", "/api/contents/notebooks", token=False)
        assert status in (401, 403)
        status, _, body = server.request("GET", "/api/contents/notebooks/teaching")
        assert status == 200, body
        exercises = {item["name"] for item in json.loads(body)["content"]
                     if item["type"] == "notebook"}
        assert exercises == {p.name for p in (ROOT / "notebooks" / "teaching").glob("*.ipynb")}
        assert len(exercises) >= 4

        # JupyterLab's own page is served.
        status, headers, body = server.request("GET", "/lab")
        assert status == 200
        assert headers.get_content_type() == "text/html"
        assert b"jupyter-config-data" in body  # the page config JupyterLab boots from

        # The python3 kernel spec is the environment's, found despite the isolated user dirs.
        status, _, body = server.request("GET", "/api/kernelspecs")
        assert status == 200 and "python3" in json.loads(body)["kernelspecs"]

        # A kernel started where the notebook lives runs its first cell.
        status, _, body = server.request("POST", "/api/kernels",
                                         {"name": "python3", "path": "notebooks"})
        assert status == 201, body
        kernel_id = json.loads(body)["id"]
        channel = KernelChannel(server, kernel_id)
        try:
            reply, _, errors = channel.execute(cell)
            assert reply["status"] == "ok" and not errors, (reply, errors)
            probe = ("import os, sys, mediakit\n"
                     "print(repr(article_path))\n"
                     "print(os.path.isfile(article_path))\n"
                     "print(sys.prefix)\n"
                     "print(os.path.dirname(mediakit.__file__))\n")
            reply, stdout, errors = channel.execute(probe)
            assert reply["status"] == "ok" and not errors, (reply, errors)
        finally:
            channel.close()
        lines = stdout.splitlines()
        assert lines[0] == repr(expected_path)
        assert lines[1] == "True"  # the default article resolves from the notebook's folder
        assert Path(lines[2]) == Path(sys.prefix)  # the kernel runs in the project environment
        assert Path(lines[3]) == ROOT / "mediakit"

        status, _, body = server.request("DELETE", f"/api/kernels/{kernel_id}")
        assert status == 204, body
        status, _, body = server.request("GET", "/api/kernels")
        assert json.loads(body) == []

        status, _, body = server.request("POST", "/api/shutdown")
        assert status == 200, body
        server.process.wait(timeout=30)
        assert server.process.returncode == 0, server.log_tail()
    except BaseException:
        print(f"--- jupyter lab log (tail) ---\n{server.log_tail()}")  # shown by pytest on failure
        raise
    finally:
        server.stop()
    # Reported in the README's evidence; keeps an eye on the suite's time budget.
    print(f"jupyter lab smoke test: {time.monotonic() - started:.1f} s")
