"""Evaluation: surveys editors build and translate, sent to a cohort on schedule, answered
anonymously, and the cohort's report (aggregates only, never fewer than five answers)."""
