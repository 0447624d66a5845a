"""The two partner universities of the careerSTEPS pilot."""

from institutions.models import Institution

from ..text import T, same

#: Demo key -> the institution's shared fields and its texts in three languages.
#: The website is the stable key the loader finds an institution by.
INSTITUTIONS = {
    "uwb": {
        "fields": {"website": "https://www.zcu.cz", "country": Institution.Country.CZECHIA},
        "texts": {
            "name": T(
                "University of West Bohemia",
                "Západočeská univerzita v Plzni",
                "Westböhmische Universität Pilsen",
            ),
            "short_name": T("UWB", "ZČU", "ZČU"),
            "city": T("Pilsen", "Plzeň", "Pilsen"),
        },
    },
    "oth": {
        "fields": {"website": "https://www.oth-aw.de", "country": Institution.Country.GERMANY},
        "texts": {
            "name": T(
                "OTH Amberg-Weiden",
                "OTH Amberg-Weiden",
                "Ostbayerische Technische Hochschule Amberg-Weiden",
            ),
            "short_name": same("OTH AW"),
            "city": T("Amberg and Weiden", "Amberg a Weiden", "Amberg und Weiden"),
        },
    },
}
