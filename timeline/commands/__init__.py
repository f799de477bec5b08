"""The commands' work, without click: `timeline/cli.py` declares each command and checks its
options, then calls the body here (`expressions`: extract and resolve; `building`: build;
`reviewing`: review and the desk; `evaluating`: evaluate; `timelines`: diff and schema).
The terminal's own calls (click's stderr, the progress bar, the clock) stay in cli.py and
come in as arguments; `telling` holds how a command speaks."""
