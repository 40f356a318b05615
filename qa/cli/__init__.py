"""The qa commands (python -m qa COMMAND): one module a command; common.py holds what they share."""
