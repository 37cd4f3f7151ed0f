"""Pausing Python's cyclic garbage collector around bulk work.

A 10^5-node cascade is millions of small objects that live for the whole run; the cyclic collector
would walk all of them again and again while they are created (it doubles the load time). Reference
counting still frees whatever is dropped; the collector resumes when the work ends.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector for a batch of work; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
