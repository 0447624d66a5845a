"""One demo login per role. The passwords are public: never load the demo on a real site."""

from workflows.roles import COORDINATORS, EDITORS, REVIEWERS

#: username -> account details; ``group`` None with ``superuser`` True is the administrator.
USERS = {
    "admin": {
        "first_name": "Ada",
        "last_name": "Admin",
        "password": "careersteps-admin",
        "superuser": True,
        "group": None,
        "language": "en",
    },
    "editor": {
        "first_name": "Klára",
        "last_name": "Nováková",
        "password": "careersteps-editor",
        "superuser": False,
        "group": EDITORS,
        "language": "cs",
    },
    "coordinator": {
        "first_name": "Jana",
        "last_name": "Svobodová",
        "password": "careersteps-coordinator",
        "superuser": False,
        "group": COORDINATORS,
        "language": "cs",
    },
    "reviewer": {
        "first_name": "Thomas",
        "last_name": "Bauer",
        "password": "careersteps-reviewer",
        "superuser": False,
        "group": REVIEWERS,
        "language": "de",
    },
}
