import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# The language cache (timeline.temporal.cache) of this run, and of the commands it starts, is its own.
if "TIMELINE_CACHE_DIR" not in os.environ:
    os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-cache-")
    atexit.register(shutil.rmtree, os.environ["TIMELINE_CACHE_DIR"], ignore_errors=True)
