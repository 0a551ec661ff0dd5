"""``python -m cnnlab.data info|download|verify|path`` (the same as ``cnnlab data ...``)."""

from cnnlab.data.cli import main

raise SystemExit(main())
