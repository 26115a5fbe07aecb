"""Hand-written Badgr / Canvas Credentials client (see README)."""
