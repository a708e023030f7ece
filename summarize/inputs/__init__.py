"""Inputs: everything that turns a source into articles.

:mod:`~summarize.inputs.gather` dispatches each input by kind: text files
(:mod:`~summarize.inputs.files`), saved pages and fetched pages
(:mod:`~summarize.inputs.html`), feeds, OPML and URL lists (:mod:`~summarize.inputs.feeds`),
all fetched by :mod:`~summarize.inputs.fetch` with its conditional-request cache
(:mod:`~summarize.inputs.httpcache`). This room knows nothing of briefs or digests.
"""
