"""The generated pages: templates, page plans and compact template whitespace."""
