#!/usr/bin/env python3
"""The load client of Benchmarks/serve-load.sh (Python standard library only).

SCREENS threads hold GET /api/events open and note when each commit's event arrives; one thread per
delegation token tables proposals (POST /api/proposals, Bearer) for DURATION seconds; a sampler reads the
server's RSS from /proc every second. Then the git CLI checks the record, and the figures are printed.
"""
import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlparse


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


class Screen(threading.Thread):
    def __init__(self, host, port, ready):
        super().__init__(daemon=True)
        self.host, self.port, self.ready = host, port, ready
        self.events = []  # (commit, arrival time, proposal)
        self.error = None

    def run(self):
        try:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
            connection.request("GET", "/api/events", headers={"Accept": "text/event-stream"})
            response = connection.getresponse()
            if response.status != 200:
                raise RuntimeError("events answered %d" % response.status)
            self.ready.release()
            data = None
            while True:
                line = response.fp.readline()
                if not line:
                    break
                line = line.rstrip(b"\r\n")
                if line.startswith(b"data: "):
                    data = json.loads(line[6:])
                elif line == b"" and data is not None:
                    self.events.append((data["commit"], time.monotonic(), data.get("proposal")))
                    data = None
        except Exception as error:  # the connection closes when the server stops
            if self.error is None and not isinstance(error, (ConnectionError, OSError)):
                self.error = error


class Delegation(threading.Thread):
    def __init__(self, host, port, token, number, until, pace):
        super().__init__(daemon=True)
        self.host, self.port, self.token, self.number, self.until, self.pace = host, port, token, number, until, pace
        self.tabled = []  # (id, latency seconds, answer time)
        self.failures = []

    def run(self):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        count = 0
        while time.monotonic() < self.until:
            count += 1
            body = json.dumps({
                "clause": "7.b", "insert": " variant D%02d-%d" % (self.number, count), "at-end": True,
                "rationale": "Load test %d of delegation %d." % (count, self.number),
            })
            started = time.monotonic()
            try:
                connection.request("POST", "/api/proposals", body=body, headers={
                    "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
                response = connection.getresponse()
                answer = response.read()
            except (ConnectionError, OSError, http.client.HTTPException) as error:
                self.failures.append(repr(error))
                connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                continue
            ended = time.monotonic()
            if response.status == 201:
                self.tabled.append((json.loads(answer)["id"], ended - started, ended))
            else:
                self.failures.append("%d %s" % (response.status, answer[:200]))
            if self.pace > 0:
                time.sleep(self.pace)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def git(repo, *arguments):
    return subprocess.run(["git", "-C", repo, *arguments], check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--screens", type=int, default=200)
    parser.add_argument("--pace", type=float, default=0.5)
    options = parser.parse_args()
    address = urlparse(options.url)
    host, port = address.hostname, address.port
    tokens = [line.strip() for line in open(options.tokens) if line.strip()]
    start_tip = git(options.repo, "rev-parse", "HEAD").strip()

    ready = threading.Semaphore(0)
    screens = [Screen(host, port, ready) for _ in range(options.screens)]
    for screen in screens:
        screen.start()
    for _ in screens:
        if not ready.acquire(timeout=30):
            print("not every screen connected", file=sys.stderr)
            return 1

    samples = []
    stop_sampling = threading.Event()

    def sample():
        begun = time.monotonic()
        while not stop_sampling.is_set():
            samples.append((time.monotonic() - begun, rss_kib(options.server_pid)))
            stop_sampling.wait(1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    until = time.monotonic() + options.duration
    delegations = [Delegation(host, port, token, number + 1, until, options.pace) for number, token in enumerate(tokens)]
    began = time.monotonic()
    for delegation in delegations:
        delegation.start()
    for delegation in delegations:
        delegation.join()
    elapsed = time.monotonic() - began
    # Every event has a second to arrive after the last answer.
    time.sleep(1.5)
    stop_sampling.set()
    sampler.join()

    tabled = [entry for delegation in delegations for entry in delegation.tabled]
    failures = [failure for delegation in delegations for failure in delegation.failures]
    answered = {entry[0]: entry[2] for entry in tabled}
    latencies = [entry[1] * 1000 for entry in tabled]

    # The record, by the git CLI: every proposal answered 201 recorded exactly once, and nothing else.
    commits = git(options.repo, "rev-list", "--reverse", "--first-parent", start_tip + "..HEAD").split()
    recorded = git(options.repo, "log", "--format=%(trailers:key=Amend-Proposal,valueonly)", start_tip + "..HEAD").split()
    files = git(options.repo, "ls-tree", "--name-only", "HEAD", "proposals/").split()
    problems = []
    if sorted(recorded) != sorted(answered):
        problems.append("recorded proposals differ from those answered 201 (%d recorded, %d answered)" % (len(recorded), len(answered)))
    if len(set(recorded)) != len(recorded):
        problems.append("a proposal is recorded twice")
    if len([name for name in files if name.endswith(".md")]) != len(answered):
        problems.append("%d proposal files for %d proposals" % (len(files), len(answered)))
    if failures:
        problems.append("%d tablings failed, first: %s" % (len(failures), failures[0]))

    # Every screen received every commit's event, in the branch's order.
    delays = []
    incomplete = 0
    for screen in screens:
        seen = [commit for commit, _, _ in screen.events]
        if seen != commits:
            incomplete += 1
        for commit, arrival, proposal in screen.events:
            if proposal in answered:
                delays.append(max(0.0, arrival - answered[proposal]) * 1000)
    if incomplete:
        problems.append("%d of %d screens missed or reordered events" % (incomplete, len(screens)))
    errors = [screen.error for screen in screens if screen.error]
    if errors:
        problems.append("screen errors: %s" % errors[0])

    rss = [kib for _, kib in samples]
    head = rss[: max(1, len(rss) // 6)]
    tail = rss[-max(1, len(rss) // 6):]
    print("duration %.1f s, %d screens, %d delegations (pace %.2f s)" % (elapsed, len(screens), len(delegations), options.pace))
    print("tabled %d (%.1f/s), all 201; commits %d; events received %d (%d screens x %d)" % (
        len(tabled), len(tabled) / elapsed, len(commits), sum(len(s.events) for s in screens), len(screens), len(commits)))
    print("tabling latency ms: p50 %.1f  p99 %.1f  max %.1f" % (
        percentile(latencies, 0.5), percentile(latencies, 0.99), max(latencies or [0])))
    print("event delay ms (201 answer -> screen): p50 %.1f  p99 %.1f  max %.1f" % (
        percentile(delays, 0.5), percentile(delays, 0.99), max(delays or [0])))
    print("server RSS MiB: first sixth %.1f, last sixth %.1f, max %.1f (%d samples)" % (
        statistics.mean(head) / 1024, statistics.mean(tail) / 1024, max(rss) / 1024, len(rss)))
    if problems:
        for problem in problems:
            print("FAILED: " + problem, file=sys.stderr)
        return 1
    print("checks: every proposal recorded exactly once (git log, git ls-tree); every screen got every event in order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
