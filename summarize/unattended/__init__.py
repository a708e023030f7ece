"""What a run nobody watches needs: atomic, locked output files
(:mod:`~summarize.unattended.output`), the record of articles already seen
(:mod:`~summarize.unattended.seen`), and cron lines (:mod:`~summarize.unattended.schedule`).
"""
