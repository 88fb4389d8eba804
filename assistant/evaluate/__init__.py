"""Development metrics computed on the shared evaluation data (not shipped with the package).

Each module exposes ``add_arguments(parser)`` and ``run(args) -> int`` and is reached
through ``python -m assistant evaluate NAME``.
"""
