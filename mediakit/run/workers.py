"""Worker processes that do not outlive the run that started them.

A process pool's workers wait on a pipe for work. If the main process is killed
(``SIGKILL``, the out-of-memory killer, a closed terminal), nothing closes that pipe
for them: they would wait, or go on writing, for ever. :func:`exit_with_parent`,
called in each worker as it starts, ends the worker when its parent or the run's
main process is gone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["exit_with_parent", "process_alive"]

#: ``prctl`` option from <linux/prctl.h>: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped, does not).

    Parameters
    ----------
    pid : int

    Returns
    -------
    bool
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc (not Linux): kill(0) is all there is
    return state not in ("Z", "X")


def _set_parent_death_signal(signum: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _end() -> None:
    os.kill(os.getpid(), signal.SIGTERM)  # as the kernel's parent-death signal would
    time.sleep(1)
    os._exit(1)  # SIGTERM was caught and ignored


def _watch(parent: int, run_pid: int | None, seconds: float) -> None:
    while True:
        time.sleep(seconds)
        if os.getppid() != parent or (run_pid is not None and not process_alive(run_pid)):
            _end()
            return


def exit_with_parent(run_pid: int | None = None, poll_seconds: float = 0.5) -> None:
    """End this process (``SIGTERM``) when its parent or the run's main process dies.

    Two mechanisms, for the two ways a worker can be left behind. On Linux the
    kernel sends ``SIGTERM`` the moment the parent exits (``prctl(PR_SET_PDEATHSIG)``);
    everywhere, a daemon thread checks every ``poll_seconds`` that the parent is
    unchanged and that ``run_pid`` still runs. The second covers a worker whose
    parent is not the main process (a ``forkserver``'s workers are children of the
    fork server, which itself exits when the main process is gone), a main process
    that died before the first check, and a killed main process left a zombie.

    Parameters
    ----------
    run_pid : int, optional
        The run's main process (``os.getpid()`` there, passed to the worker).
    poll_seconds : float
        How often the thread checks.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        _set_parent_death_signal(signal.SIGTERM)
    # The parent may have died before the signal was asked for: then nothing sends it.
    if (run_pid is not None and not process_alive(run_pid)) or not process_alive(parent):
        _end()
    threading.Thread(target=_watch, args=(parent, run_pid, poll_seconds), daemon=True,
                     name="mediakit-exit-with-parent").start()
