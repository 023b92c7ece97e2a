"""Shared helpers below everything else: problems, safe Markdown, site addresses, processes."""
