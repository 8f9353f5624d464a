"""Plannen: a lighter agenda with capacity, boundaries and recovery moments."""
