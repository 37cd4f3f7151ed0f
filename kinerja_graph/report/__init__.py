"""Formatters: they turn computed results (summaries, findings) into text; they compute nothing."""
