"""Loa: an e-portal and newsroom for Vietnamese local agencies."""
