"""Keep API passwords out of uvicorn's access log (`serve --access-log`)."""

from __future__ import annotations

import logging

from .journal import mask_query

__all__ = ["MaskSecrets", "mask_access_log"]

#: Position of "path?query" in the arguments of uvicorn's access-log record.
_PATH_ARGUMENT = 2


class MaskSecrets(logging.Filter):
    """Mask secret query parameters in the request line of an access-log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's path argument; never drop the record."""
        args = record.args
        if isinstance(args, tuple) and len(args) > _PATH_ARGUMENT:
            target = args[_PATH_ARGUMENT]
            if isinstance(target, str) and "?" in target:
                path, _, query = target.partition("?")
                masked = f"{path}?{mask_query(query)}"
                record.args = (*args[:_PATH_ARGUMENT], masked, *args[_PATH_ARGUMENT + 1 :])
        return True


def mask_access_log() -> None:
    """Install the filter on uvicorn's access logger, once per process."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(existing, MaskSecrets) for existing in logger.filters):
        logger.addFilter(MaskSecrets())
