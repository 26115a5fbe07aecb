"""`make diff`: what changed for callers between two states of the specs and the SDK (wire and
Python views), the CHANGELOG lines it writes, and the gate."""
