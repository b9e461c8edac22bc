"""JSON Schemas: loading and compiling (``loader``), custom formats, the native pre-screen, and error messages.

A schema is loaded and checked once (``loader``); documents are first asked of
jsonschema-rs where it is known to agree (``prescreen``); jsonschema explains
the invalid ones, and ``errors`` places and words each error.
"""
