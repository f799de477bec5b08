"""Formats out: Markdown and HTML through templates, ICS, TimelineJS, JSON, the changelog,
and the staging of the files. Renders models only: never imports `story` or `read`."""
