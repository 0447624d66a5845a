"""Staff accounts: second factor, sign-in throttling, idle sessions; shared request throttles."""
