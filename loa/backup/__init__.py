"""Backups of a running site: database, uploads, citizens' attachments and the secret key in one archive.

`manage.py loa_backup` (`make backup`) writes a `.tar.gz` with a manifest; `manage.py loa_restore`
(`make restore BACKUP=…`) checks every byte of it before it changes anything and then replaces the
site's database and files as a whole. See `create.py` and `restore.py`.
"""
