"""The people of the pilot cohort 2023/24: ten mentees from Bavaria, ten mentors from Pilsen.

Illustrative people (invented names, example.org-style addresses), shaped like the real pilot:
master's students of OTH Amberg-Weiden thinking about a doctorate, researchers from across the
faculties of the University of West Bohemia. Mentee ``i`` was paired with mentor ``i``.
Answers are what the form posts (core question keys, choice values), so the replay submits them
through the real form.
"""

from __future__ import annotations

import datetime

from .cohorts import PRAGUE


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A moment in Pilsen/Amberg time (both Central European)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PRAGUE)


MENTEES: list[dict] = [
    {
        "full_name": "Lena Schäfer",
        "email": "lena.schaefer@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Maschinenbau (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["mechanical-engineering"],
        "research_interests": "Additive Fertigung, Leichtbau, Werkstoffprüfung",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["1-16-20", "3-12-16"],
        "goals": "Ich möchte herausfinden, ob eine Promotion in der additiven Fertigung zu mir "
        "passt, und wie ich ein Forschungsthema finde, das Industrie und Hochschule verbindet.",
    },
    {
        "full_name": "Jonas Weiß",
        "email": "jonas.weiss@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Elektro- und Informationstechnik (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["electrical-engineering"],
        "research_interests": "Leistungselektronik, Elektromobilität",
        "languages": {"de": "native", "en": "B2"},
        "meeting_preference": "online",
        "availability": ["0-16-20", "2-16-20"],
        "goals": "Ich suche Rat, wie man eine kooperative Promotion plant und Lehre, Forschung "
        "und Familie unter einen Hut bringt.",
    },
    {
        "full_name": "Sophie Bößl",
        "email": "sophie.boessl@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Künstliche Intelligenz (M.Sc.)",
        "degree_level": "master",
        "disciplines": ["computer-science", "applied-mathematics"],
        "research_interests": "Maschinelles Lernen, Bildverarbeitung, erklärbare KI",
        "languages": {"de": "native", "en": "C1", "cs": "A1"},
        "meeting_preference": "mixed",
        "availability": ["1-08-12", "4-12-16"],
        "goals": "I would like to publish my master's thesis and understand how a doctorate "
        "in computer vision works in Czechia compared with Germany.",
    },
    {
        "full_name": "Maximilian Müller",
        "email": "maximilian.mueller@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Wirtschaftsingenieurwesen und Gesundheit",
        "programme_or_position": "Wirtschaftsingenieurwesen (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["industrial-engineering", "economics"],
        "research_interests": "Lieferketten, Industrie 4.0, Nachhaltigkeit",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "in_person",
        "availability": ["2-12-16", "4-08-12"],
        "goals": "Mein Ziel ist ein Promotionsthema zu grenzüberschreitenden Lieferketten; "
        "ich wünsche mir Feedback zu meinem Exposé.",
    },
    {
        "full_name": "Anna Krüger",
        "email": "anna.krueger@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Umwelttechnik (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["environmental-engineering"],
        "research_interests": "Wasserstoff, Energiespeicher, Kreislaufwirtschaft",
        "languages": {"de": "native", "en": "B2"},
        "meeting_preference": "mixed",
        "availability": ["0-12-16", "3-08-12"],
        "goals": "Ich möchte lernen, wie man Forschungsanträge schreibt, und Kontakte zu "
        "Forschenden in Pilsen knüpfen.",
    },
    {
        "full_name": "Lukas Groß",
        "email": "lukas.gross@oth-aw.example.de",
        "preferred_language": "en",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Informatik (M.Sc.)",
        "degree_level": "master",
        "disciplines": ["computer-science"],
        "research_interests": "Distributed systems, IT security",
        "languages": {"de": "native", "en": "C2"},
        "meeting_preference": "online",
        "availability": ["1-16-20", "2-16-20"],
        "goals": "I want to decide between industry and a PhD, and to understand what a "
        "researcher's everyday work really looks like.",
    },
    {
        "full_name": "Katharina Hößl",
        "email": "katharina.hoessl@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Wirtschaftsingenieurwesen und Gesundheit",
        "programme_or_position": "Medizintechnik (M.Sc.)",
        "degree_level": "graduate",
        "disciplines": ["medical-technology"],
        "research_interests": "Rehabilitationstechnik, Biomechanik",
        "languages": {"de": "native", "en": "C1", "cs": "A2"},
        "meeting_preference": "mixed",
        "availability": ["3-12-16", "4-12-16"],
        "goals": "Ich möchte eine Promotion in der Rehabilitationstechnik beginnen und suche "
        "Orientierung bei Methoden und Ethikanträgen.",
    },
    {
        "full_name": "Felix Strauß",
        "email": "felix.strauss@oth-aw.example.de",
        "preferred_language": "en",
        "faculty": "Fakultät Weiden Business School",
        "programme_or_position": "International Business (M.A.)",
        "degree_level": "master",
        "disciplines": ["economics", "languages-and-cultures"],
        "research_interests": "Intercultural management, Czech-Bavarian trade",
        "languages": {"de": "native", "en": "C1", "cs": "B1"},
        "meeting_preference": "in_person",
        "availability": ["0-08-12", "2-08-12"],
        "goals": "I'd like to understand Czech business culture from a researcher's point of "
        "view and find out whether a doctorate in this field would make sense for me.",
    },
    {
        "full_name": "Marie Jäger",
        "email": "marie.jaeger@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Energietechnik und Energieeffizienz (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["environmental-engineering", "electrical-engineering"],
        "research_interests": "Smart Grids, Photovoltaik, Netzstabilität",
        "languages": {"de": "native", "en": "B2"},
        "meeting_preference": "online",
        "availability": ["1-12-16", "3-16-20"],
        "goals": "Ich wünsche mir Unterstützung bei der Wahl zwischen einer Promotion an einer "
        "Universität und einer Stelle in einem Forschungsinstitut.",
    },
    {
        "full_name": "Tobias Förster",
        "email": "tobias.foerster@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Weiden Business School",
        "programme_or_position": "Digital Business (M.A.)",
        "degree_level": "master",
        "disciplines": ["economics"],
        "research_interests": "Digitale Geschäftsmodelle, KMU, Regionalentwicklung",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["2-12-16", "4-08-12"],
        "goals": "Ich möchte wissen, wie man wissenschaftlich publiziert und ob mein Thema "
        "zur Digitalisierung von KMU für eine Promotion trägt.",
    },
]

MENTORS: list[dict] = [
    {
        "full_name": "doc. Ing. Jiří Dvořák, Ph.D.",
        "email": "jiri.dvorak@zcu.example.cz",
        "faculty": "Faculty of Mechanical Engineering",
        "programme_or_position": "Department of Machining Technology",
        "academic_rank": "associate_professor",
        "disciplines": ["mechanical-engineering"],
        "research_interests": "additive manufacturing, machining, metrology",
        "languages": {"cs": "native", "de": "C1", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["1-16-20", "3-12-16"],
    },
    {
        "full_name": "Ing. Petra Šťastná, Ph.D.",
        "email": "petra.stastna@zcu.example.cz",
        "faculty": "Faculty of Electrical Engineering",
        "programme_or_position": "Department of Power Electronics and Machines",
        "academic_rank": "lecturer",
        "disciplines": ["electrical-engineering"],
        "research_interests": "power electronics, electric drives, e-mobility",
        "languages": {"cs": "native", "de": "B2", "en": "C1"},
        "meeting_preference": "online",
        "availability": ["0-16-20", "2-16-20"],
    },
    {
        "full_name": "prof. Ing. Tomáš Řezníček, CSc.",
        "email": "tomas.reznicek@zcu.example.cz",
        "faculty": "Faculty of Applied Sciences",
        "programme_or_position": "Department of Computer Science and Engineering",
        "academic_rank": "professor",
        "disciplines": ["computer-science", "applied-mathematics"],
        "research_interests": "computer vision, machine learning",
        "languages": {"cs": "native", "de": "B2", "en": "C2"},
        "meeting_preference": "mixed",
        "availability": ["1-08-12", "4-12-16"],
    },
    {
        "full_name": "Ing. Lucie Nováčková, Ph.D.",
        "email": "lucie.novackova@zcu.example.cz",
        "faculty": "Faculty of Economics",
        "programme_or_position": "Department of Business Administration and Management",
        "academic_rank": "lecturer",
        "disciplines": ["industrial-engineering", "economics"],
        "research_interests": "supply chain management, logistics",
        "languages": {"cs": "native", "de": "C1", "en": "C1"},
        "meeting_preference": "in_person",
        "availability": ["2-12-16", "4-08-12"],
    },
    {
        "full_name": "doc. RNDr. Martin Kučera, Ph.D.",
        "email": "martin.kucera@zcu.example.cz",
        "faculty": "Faculty of Applied Sciences",
        "programme_or_position": "Department of Physics",
        "academic_rank": "associate_professor",
        "disciplines": ["environmental-engineering"],
        "research_interests": "hydrogen storage, thin films",
        "languages": {"cs": "native", "de": "B2", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["0-12-16", "3-08-12"],
    },
    {
        "full_name": "Mgr. Kateřina Hájková, Ph.D.",
        "email": "katerina.hajkova@zcu.example.cz",
        "faculty": "Faculty of Applied Sciences",
        "programme_or_position": "Department of Computer Science and Engineering",
        "academic_rank": "postdoc",
        "disciplines": ["computer-science"],
        "research_interests": "distributed systems, security",
        "languages": {"cs": "native", "de": "B1", "en": "C2"},
        "meeting_preference": "online",
        "availability": ["1-16-20", "2-16-20"],
    },
    {
        "full_name": "Ing. Pavel Černý, Ph.D.",
        "email": "pavel.cerny@zcu.example.cz",
        "faculty": "Faculty of Health Care Studies",
        "programme_or_position": "Department of Health Care Technology",
        "academic_rank": "lecturer",
        "disciplines": ["medical-technology"],
        "research_interests": "rehabilitation engineering, biomechanics",
        "languages": {"cs": "native", "de": "C1", "en": "B2"},
        "meeting_preference": "mixed",
        "availability": ["3-12-16", "4-12-16"],
    },
    {
        "full_name": "PhDr. Zuzana Veselá, Ph.D.",
        "email": "zuzana.vesela@zcu.example.cz",
        "faculty": "Faculty of Arts",
        "programme_or_position": "Department of German Studies",
        "academic_rank": "associate_professor",
        "disciplines": ["languages-and-cultures", "economics"],
        "research_interests": "intercultural communication, Czech-German relations",
        "languages": {"cs": "native", "de": "C2", "en": "C1"},
        "meeting_preference": "in_person",
        "availability": ["0-08-12", "2-08-12"],
    },
    {
        "full_name": "Ing. Ondřej Přibyl, Ph.D.",
        "email": "ondrej.pribyl@zcu.example.cz",
        "faculty": "Faculty of Electrical Engineering",
        "programme_or_position": "Department of Electrical Power Engineering",
        "academic_rank": "postdoc",
        "disciplines": ["electrical-engineering", "environmental-engineering"],
        "research_interests": "smart grids, photovoltaics",
        "languages": {"cs": "native", "de": "B2", "en": "C1"},
        "meeting_preference": "online",
        "availability": ["1-12-16", "3-16-20"],
    },
    {
        "full_name": "doc. Ing. Hana Králová, Ph.D.",
        "email": "hana.kralova@zcu.example.cz",
        "faculty": "Faculty of Economics",
        "programme_or_position": "Department of Marketing, Trade and Services",
        "academic_rank": "associate_professor",
        "disciplines": ["economics"],
        "research_interests": "digital business models, SMEs, regional development",
        "languages": {"cs": "native", "de": "C1", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["2-12-16", "4-08-12"],
    },
]

#: The pilot's calendar: submissions spread over October 2023, then one date per step.
SUBMITTED_FROM = at(2023, 10, 2, 9, 30)
REVIEW_STARTS = at(2023, 10, 23, 9, 0)
REVIEWED_FROM = at(2023, 10, 25, 14, 0)
DECIDED = at(2023, 11, 3, 11, 0)
MATCHED = at(2023, 11, 8, 10, 0)
AGREEMENT = at(2023, 11, 13, 10, 0)
ACTIVE = at(2023, 11, 20, 9, 0)
COMPLETED = at(2024, 7, 15, 12, 0)

#: Review texts (the reviewer wrote in German): (scores per criterion, comment).
MENTEE_REVIEW = (
    (5, 4, 5),
    "Klare Ziele, ein Mentor aus Pilsen kann hier viel bewirken. Empfehlung: aufnehmen.",
)
MENTOR_REVIEW = (
    (5, 4, 4),
    "Erfahrene Betreuerin bzw. erfahrener Betreuer, gute Deutsch- und Englischkenntnisse.",
)
