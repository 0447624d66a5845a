"""careerSTEPS automation: the state-machine engine, review, matching, agreements and tasks."""
