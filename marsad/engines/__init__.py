"""Execution engines: ``local`` (this process, or a process pool) and ``spark`` (later). Same stages."""
