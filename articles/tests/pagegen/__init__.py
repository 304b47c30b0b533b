"""A generator of page text in the paper's conventions, to measure the parser on pages it has
never seen: `python -m articles.tests.pagegen OUT_DIR` writes pages and their expected parses.
"""
