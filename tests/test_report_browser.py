"""A report made from a malicious article, opened in a real (headless) Chromium offline.

Checks, through the Chrome DevTools Protocol: no script from the article ran (each
payload would set ``window.__pwned``), the page has no script element at all, no
request left the file (only ``file:`` and ``data:`` URLs), and the plots loaded
as images. A screenshot is kept in ``tests/artifacts/`` (git-ignored).

Chromium is Debian's package; it is installed here when missing (as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from mediakit.run.reports import run_batch

from .test_reports import MALICIOUS_MD, expected_figures

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# Networking off: every host name resolves to nothing; plus no background traffic.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def _chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here "
                    "(needs root and apt-get: apt-get install -y chromium)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"could not install chromium ({' '.join(cmd)} failed: "
                        f"{done.stderr.strip().splitlines()[-1:]})")
    found = shutil.which("chromium")
    if not found:
        pytest.skip("apt-get installed chromium but it is not on PATH")
    return found


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page's websocket."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 60) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(method)

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    article = base / "evil.md"
    article.write_text(MALICIOUS_MD)
    result = run_batch([article], base / "out", compare=False, progress=False)
    assert result.outcomes[0].status == "done", result.outcomes[0].error
    return base / "out" / "evil" / "report.html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = _chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")  # fresh, thrown away
    proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                             "--remote-debugging-port=0", "--window-size=1200,1600",
                             "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.time() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            if time.time() > deadline or proc.poll() is not None:
                pytest.fail("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as r:
            pages = [t for t in json.load(r) if t["type"] == "page"]
        devtools = DevTools(pages[0]["webSocketDebuggerUrl"])
        yield devtools
        devtools.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_malicious_report_is_inert_offline_and_shows_its_plots(report, browser):
    for domain in ("Network", "Page", "Runtime"):
        browser.call(f"{domain}.enable")
    browser.call("Page.navigate", url=report.as_uri())
    browser.wait_for("Page.loadEventFired")
    probe = browser.call("Runtime.evaluate", returnByValue=True, expression="""
        JSON.stringify({
          pwned: window.__pwned === undefined ? null : String(window.__pwned),
          scripts: document.scripts.length,
          iframes: document.querySelectorAll('iframe').length,
          images: Array.from(document.images).map(i => ({
              data: i.src.startsWith('data:image/png;base64,'), complete: i.complete,
              width: i.naturalWidth, alt: i.alt})),
          shownAsText: document.body.innerText.includes('<script>window.__pwned = "title"'),
        })""")
    page = json.loads(probe["result"]["value"])
    shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "report_browser.png").write_bytes(__import__("base64").b64decode(shot["data"]))

    assert page["pwned"] is None  # no payload ran
    assert page["scripts"] == 0 and page["iframes"] == 0
    assert page["shownAsText"]  # the title's markup is on the page as text
    metrics = json.loads((report.parent / "metrics.json").read_text())
    assert [i["alt"] for i in page["images"]] == expected_figures(metrics)
    assert all(i["data"] and i["complete"] and i["width"] > 0 for i in page["images"])
    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent"]
    assert requests and requests[0] == report.as_uri()
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    dialogs = [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert dialogs == []
