"""The open intake's first applicants: review in progress, so every role has work to see.

``days_ago`` dates each submission relative to the day the demo runs; ``stage`` says how far
review has come: "assigned" (waiting for the demo reviewer), "reviewed" (waiting for the
coordinator's decision) or "changes_requested" (the applicant is asked to amend in the portal).
"""

from __future__ import annotations

APPLICANTS: list[dict] = [
    {
        "role": "mentee",
        "institution": "oth",
        "days_ago": 5,
        "stage": "assigned",
        "full_name": "Paula Hofbauer",
        "email": "paula.hofbauer@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Kunststofftechnik (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["mechanical-engineering", "environmental-engineering"],
        "research_interests": "Biokunststoffe, Recycling, Spritzguss",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["1-12-16", "3-16-20"],
        "goals": "Ich überlege, nach dem Master zu promovieren, und möchte verstehen, wie "
        "Forschung zu recycelbaren Kunststoffen an einer Universität organisiert ist.",
    },
    {
        "role": "mentor",
        "institution": "uwb",
        "days_ago": 4,
        "stage": "assigned",
        "full_name": "Ing. Radek Šimánek, Ph.D.",
        "email": "radek.simanek@zcu.example.cz",
        "preferred_language": "cs",
        "faculty": "Fakulta strojní",
        "programme_or_position": "Katedra materiálů a strojírenské metalurgie",
        "academic_rank": "lecturer",
        "disciplines": ["mechanical-engineering"],
        "research_interests": "materiálové inženýrství, tepelné zpracování, únava materiálu",
        "languages": {"cs": "native", "de": "B2", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["0-12-16", "2-12-16"],
    },
    {
        "role": "mentee",
        "institution": "uwb",
        "days_ago": 9,
        "stage": "reviewed",
        "full_name": "Adéla Horáková",
        "email": "adela.horakova@students.zcu.example.cz",
        "preferred_language": "en",
        "faculty": "Faculty of Applied Sciences",
        "programme_or_position": "Cybernetics and Control Engineering (Ing.)",
        "degree_level": "master",
        "disciplines": ["computer-science", "applied-mathematics"],
        "research_interests": "robotics, control theory, reinforcement learning",
        "languages": {"cs": "native", "en": "C1", "de": "B1"},
        "meeting_preference": "online",
        "availability": ["1-16-20", "4-12-16"],
        "goals": "I am applying for doctoral positions in robotics next year and would like "
        "advice from a researcher in Germany on choosing a group and writing a proposal.",
        "review": (
            (5, 4, 5),
            "Strong, concrete goals and a clear doctoral plan. A mentor at OTH working on "
            "robotics would be ideal.",
        ),
    },
    {
        "role": "mentor",
        "institution": "oth",
        "days_ago": 11,
        "stage": "changes_requested",
        "full_name": "Prof. Dr. Stefan Brückner",
        "email": "stefan.brueckner@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Professur für Regelungstechnik",
        "academic_rank": "professor",
        "disciplines": ["electrical-engineering", "computer-science"],
        "research_interests": "Regelungstechnik, Robotik, eingebettete Systeme",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "online",
        "availability": ["2-08-12", "4-08-12"],
        "review": (
            (5, 3, 4),
            "Excellent profile; the availability is thin for a mentee abroad.",
        ),
        "changes": (
            "Vielen Dank für Ihre Bewerbung! Könnten Sie bitte einen weiteren Termin pro "
            "Woche angeben? Zwei Vormittage reichen für eine Mentee in Pilsen oft nicht aus."
        ),
    },
]
