"""The story: sentences, candidate events, merging reports of one fact, and diffs of builds."""
