"""Articles in: files and folders, their encodings, headers, bylines and the manifest."""
