"""Stödguiden: turns YAML files about parenting support into pages, independent of any site engine."""
