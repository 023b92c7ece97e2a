"""Swedish: formatting dates, ages and phone numbers, word forms for search, language names."""
