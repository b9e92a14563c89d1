"""Demo content for a fresh site: a believable Vietnamese city portal, loaded by `manage.py load_demo`.

`site` and `articles` hold the copy, `images` draws the pictures, `videos/`
ships three small clips (made by `make_videos`), and `loader` builds it all.
"""
