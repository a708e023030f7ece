"""The morning digest: articles grouped into stories (:mod:`~summarize.digest.stories`), each
story briefed and ranked (:mod:`~summarize.digest.build`), and rendered as text, Markdown,
HTML or JSON (:mod:`~summarize.digest.render`).
"""
