"""Demo submissions for the queue and their factories."""
