"""The state-portal modules (NĐ 224/2026): one Django app each under loa/, in menu order.

Each app has `urls.py` (non-page URLs), `roles.py` (permissions for the newsroom
roles) and `demo.py` (its demo content); the project wires them from this list.
"""

MODULES: tuple[str, ...] = ("about", "legal", "schedule", "qa", "procedures", "feeds", "ratings")
