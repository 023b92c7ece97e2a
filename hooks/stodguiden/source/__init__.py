"""Reading and checking editors' files: YAML with line numbers, the schema walk, the rules, the catalog."""
