#!/usr/bin/env python3
"""Where a drain's slot time went, from the server's own job table (bench/drain.sh runs it after DrainBench).

usage: drain_breakdown.py SANDBOX_DB CONCURRENCY RENDER_SECONDS DOWNLOAD_SECONDS_MEAN
       drain_breakdown.py --threads JSTACK_FILE...   (what db-scheduler's step threads were doing, sampled)

A job's render starts when it enters RENDERING (its deadline minus the 2 h render timeout, as RenderTimes reads it)
and its slot is handed on when a poll finds the render done (PollStep: before the download). The job table keeps
only the end of the download (updated_at), so detection = updated_at - mean download (from /metrics). Slot time
available = CONCURRENCY x (first render start .. last detection); it splits into rendering (RENDER_SECONDS a
job), detection lag (render done, not yet noticed: polling) and idle (slot free, next render not started yet:
hand-off, scheduler, submit path).
"""
import collections, re, sqlite3, sys
from datetime import datetime, timedelta


def classify(stack):
    """One step thread's sample: the job step's (or db-scheduler's) own frame that called into SQLite, I/O, or a wait."""
    own = [f for f in stack if re.search(r'at (dev\.avatarkit|com\.github\.kagkarlsson\.scheduler\.(jdbc\.)?[A-Z])', f)]
    caller = re.sub(r'^\s*at ', '', own[0]).split('(')[0] if own else '?'
    text = "\n".join(stack)
    if 'ThreadPoolExecutor.getTask' in text:
        return 'idle: waiting for a step'
    if 'NativeDB' in text:
        return 'SQLite statement, from ' + caller
    if 'FileChannelImpl.force' in text or 'FileDispatcherImpl.force' in text:
        return 'fsync (asset file), from ' + caller
    if 'NioSocketImpl' in text or 'SocketDispatcher' in text or 'HttpURLConnection' in text:
        return 'HTTP to the provider, from ' + caller
    if 'Sleeper' in text or 'RateGate' in text:
        return 'pacing wait, from ' + caller
    return 'CPU/other, in ' + caller


def threads(files):
    counts = collections.Counter()
    for name in files:
        stack = None
        for line in open(name):
            if line.startswith('"db-scheduler-pool-'):
                stack = []
            elif stack is not None and line.strip() == '':
                counts[classify(stack)] += 1
                stack = None
            elif stack is not None:
                stack.append(line.rstrip())
    total = sum(counts.values())
    print(f"step threads (db-scheduler-pool-*), {total} samples from {len(files)} thread dumps:")
    for what, n in counts.most_common(12):
        print(f"  {100 * n / total:5.1f} %  {what}")


if len(sys.argv) > 1 and sys.argv[1] == '--threads':
    threads(sys.argv[2:])
    sys.exit(0)

def ts(s):
    s = s.rstrip('Z')
    if '.' in s:
        head, frac = s.split('.')
        s = head + '.' + frac[:6]
    return datetime.fromisoformat(s)

db, slots, render, download = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
rows = con.execute("select created_at, deadline, updated_at from jobs where state='SUCCEEDED' and deadline is not null").fetchall()
if not rows:
    sys.exit("no finished jobs")
jobs = [(ts(c), ts(d) - timedelta(hours=2), ts(u)) for c, d, u in rows]
starts = sorted(j[1] for j in jobs)
detected = [j[2] - timedelta(seconds=download) for j in jobs]
window = (max(detected) - starts[0]).total_seconds()
held = sum((d - j[1]).total_seconds() for j, d in zip(jobs, detected))
n = len(jobs)
available = slots * window
rendering = n * render
lag = held - rendering
idle = available - held
gaps = sorted((b - a).total_seconds() for a, b in zip(starts, starts[1:]))
print(f"breakdown over {n} jobs, {window:.1f} s x {slots} slots = {available:.0f} slot-seconds:")
print(f"  rendering        {rendering:8.0f}  ({100 * rendering / available:5.1f} %)  {render:.1f} s a job")
print(f"  detection lag    {lag:8.0f}  ({100 * lag / available:5.1f} %)  {lag / n:.2f} s a job (render done -> poll sees it)")
print(f"  idle slot        {idle:8.0f}  ({100 * idle / available:5.1f} %)  {idle / n:.2f} s a job (slot free -> next render started)")
per_start = [(b - a).total_seconds() for a, b in zip(starts, starts[1:])]
print(f"  render starts: mean gap {sum(per_start) / len(per_start):.3f} s (ideal {render / slots:.3f} s), "
      f"p50 {gaps[len(gaps) // 2]:.3f} s, p99 {gaps[int(len(gaps) * 0.99)]:.3f} s")
print(f"  end-to-end per job (render start -> downloaded): mean {sum((j[2] - j[1]).total_seconds() for j in jobs) / n:.2f} s")
