"""Stateful local Badgr / Canvas Credentials server (see README)."""
