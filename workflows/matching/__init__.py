"""Matching: optimal, explained mentor–mentee tandems that coordinators approve and both confirm."""
