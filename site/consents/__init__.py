"""Consent records per purpose, with the privacy notice version: what a person agreed to, when,
how, and what they withdrew (append-only)."""
