#!/usr/bin/env python
"""Django's command-line utility for careerSTEPS.

site/ is a source root, not a package: Python's own frozen ``site`` module would shadow a
package of that name, so its directory goes on sys.path instead.
"""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BASE_DIR / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careersteps.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
