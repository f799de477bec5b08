"""`timeline desk`: a small local web application in which one editor reviews and corrects the
story, writing edits.toml (see timeline.story.edits) and rebuilding the outputs after each change.

Needs `pip install 'timeline[desk]'` (Starlette, uvicorn, tomlkit); the normal command line
never imports them.
"""
