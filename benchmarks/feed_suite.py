"""Real feeds nobody here wrote: feedparser's own test suite, read as files and over HTTP.

    python benchmarks/feed_suite.py FEEDPARSER_TESTS_DIR

FEEDPARSER_TESTS_DIR is the ``tests`` folder of the feedparser repository (kurtmckee/feedparser;
get it with the library's ``fetch``, then ``git archive HEAD tests | tar -x``). Every ``.xml``
and ``.json`` file (2,107) is read twice by the gatherer: as a local file, and served from a
server on 127.0.0.1 with the Content-Type its ``Header:`` comment names (else
``application/xml``). Entry links point nowhere reachable (example.org and the like), so
what is measured is how each document is taken: read as a feed, refused with a reason, or
(never) a crash. Printed: counts by outcome, and every crash with its file.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.config import Config, FetchConfig  # noqa: E402
from summarize.errors import SummarizeError  # noqa: E402
from summarize.inputs.gather import Gatherer  # noqa: E402
from summarize.inputs.sniff import sniff  # noqa: E402

_HEADER = re.compile(rb"Header:\s*Content-type:\s*([^\r\n]+)", re.IGNORECASE)
# Entry links in the suite go to hosts that do not resolve; refuse them quickly.
CONFIG = Config(fetch=FetchConfig(timeout=0.5, deadline=2.0, retries=0, backoff=0.0,
                                  concurrency=16, per_host=8))


def _server(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = folder / self.path.lstrip("/")
            try:
                body = path.read_bytes()
            except OSError:
                self.send_error(404)
                return
            declared = _HEADER.search(body[:2048])
            self.send_response(200)
            self.send_header("Content-Type", declared.group(1).decode("latin-1").strip()
                             if declared else "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return httpd, f"http://{host!s}:{port}"


def outcome(source: str) -> str:
    """How the gatherer took one source: "feed" (parsed: its entries fetched or refused),
    "refused: REASON", "error: CODE" (a documented error), or "CRASH: ..."."""
    gatherer = Gatherer(CONFIG)
    try:
        found = gatherer.gather([source])
    except SummarizeError as error:
        reasons = {s.reason.split(" (")[0] for s in gatherer.found.skipped
                   if s.source == source}
        if reasons:
            return "refused: " + sorted(reasons)[0][:60]
        return f"read, no article (exit {int(error.exit_status)}: links unreachable here)"
    except Exception as error:  # what this script exists to find
        return f"CRASH: {type(error).__name__}: {error}"
    return "read: article(s) found" if found.articles else "read"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tests", type=Path)
    args = parser.parse_args()
    files = sorted(p for p in args.tests.rglob("*") if p.suffix in (".xml", ".json"))
    httpd, base = _server(args.tests)
    tallies: dict[str, Counter[str]] = {"file": Counter(), "http": Counter()}
    kinds: Counter[str] = Counter()
    crashes: list[str] = []
    try:
        for path in files:
            kinds[sniff(path.read_bytes()).name] += 1
            for how, source in (("file", str(path)),
                                ("http", f"{base}/{path.relative_to(args.tests)}")):
                result = outcome(source)
                tallies[how]["crash" if result.startswith("CRASH") else result] += 1
                if result.startswith("CRASH"):
                    crashes.append(f"{how} {path.relative_to(args.tests)}: {result}")
    finally:
        httpd.shutdown()
    print(f"{len(files)} documents; recognised by content as: "
          + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for how, tally in tallies.items():
        print(f"\n{how}:")
        for what, count in tally.most_common():
            print(f"  {count:5d}  {what}")
    print(f"\ncrashes: {len(crashes)}")
    for line in crashes:
        print("  " + line)


if __name__ == "__main__":
    main()
