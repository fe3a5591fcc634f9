"""``python -m mediakit.cli``: the same as the ``mediakit`` command."""

from .main import main

raise SystemExit(main())
