"""Web UI and JSON API over a store (FastAPI; optional extra ``marsad[web]``)."""
